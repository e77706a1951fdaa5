package org.filmpalette.ingest.video;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

/**
 * A file's bytes read by position, what FFmpeg needs to demux a file in place: the job adapts a Hadoop stream to it,
 * tests a local file.
 */
public interface SeekableInput extends Closeable {

    /** Reads up to {@code length} bytes at the current position; -1 at the end. */
    int read(byte[] buffer, int offset, int length) throws IOException;

    /** Moves to {@code position} bytes from the start. */
    void seek(long position) throws IOException;

    /** Bytes from the start to the current position. */
    long position() throws IOException;

    /** The file's size in bytes. */
    long length() throws IOException;

    /** A local file as a seekable input. */
    static SeekableInput of(Path file) throws IOException {
        RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
        return new SeekableInput() {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return raf.read(buffer, offset, length);
            }

            @Override
            public void seek(long position) throws IOException {
                raf.seek(position);
            }

            @Override
            public long position() throws IOException {
                return raf.getFilePointer();
            }

            @Override
            public long length() throws IOException {
                return raf.length();
            }

            @Override
            public void close() throws IOException {
                raf.close();
            }
        };
    }
}
