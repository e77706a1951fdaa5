package org.filmpalette.job;

import java.io.IOException;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.filmpalette.ingest.video.SeekableInput;

/**
 * A file on any Hadoop filesystem as the {@link SeekableInput} FFmpeg reads through: positioned reads on the open
 * stream (HDFS, S3A ranged GETs, local), never a local copy.
 */
final class HadoopSeekableInput implements SeekableInput {

    private final FSDataInputStream in;
    private final long length;

    private HadoopSeekableInput(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /** Opens {@code path}, whose size the listing found to be {@code length} bytes. */
    static HadoopSeekableInput open(FileSystem fs, Path path, long length) throws IOException {
        return new HadoopSeekableInput(fs.open(path), length);
    }

    @Override
    public int read(byte[] buffer, int offset, int count) throws IOException {
        return in.read(buffer, offset, count);
    }

    @Override
    public void seek(long position) throws IOException {
        in.seek(position);
    }

    @Override
    public long position() throws IOException {
        return in.getPos();
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
