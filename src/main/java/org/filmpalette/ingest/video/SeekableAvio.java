package org.filmpalette.ingest.video;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.Read_packet_Pointer_BytePointer_int;
import org.bytedeco.ffmpeg.avformat.Seek_Pointer_long_int;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The seekable stream adapter FFmpeg reads a file through: an {@code AVIOContext} whose read and seek callbacks go to
 * a {@link SeekableInput} (in the job a Hadoop stream: HDFS, S3A, local), so no local copy of a video is ever made. FFmpeg seeks as
 * its demuxer needs (an MP4's index at the end, a keyframe in the middle); the stream serves each seek by position.
 *
 * <p>javacpp callbacks are native thunks, a few per class: one static read and one static seek callback serve every
 * open file, finding the file's stream by the address of the context's {@code opaque} pointer.
 */
final class SeekableAvio implements AutoCloseable {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final int EIO = -5;
    private static final Map<Long, SeekableAvio> OPEN = new ConcurrentHashMap<>();
    private static final Read READ = new Read().retainReference();
    private static final Seek SEEK = new Seek().retainReference();

    private final SeekableInput in;
    private final long length;
    private final Pointer opaque = new LongPointer(1);
    private final byte[] scratch = new byte[BUFFER_BYTES];
    private AVIOContext context;
    private IOException failure;

    SeekableAvio(SeekableInput in) throws IOException {
        this.in = in;
        this.length = in.length();
        OPEN.put(opaque.address(), this);
        BytePointer buffer = new BytePointer(avutil.av_malloc(BUFFER_BYTES)).capacity(BUFFER_BYTES);
        context = avformat.avio_alloc_context(buffer, BUFFER_BYTES, 0, opaque, READ, null, SEEK);
        if (context == null || context.isNull()) {
            OPEN.remove(opaque.address());
            throw new IllegalStateException("FFmpeg could not allocate an I/O context");
        }
    }

    AVIOContext context() {
        return context;
    }

    /** The I/O error a read or seek met, if any: FFmpeg only sees an error code, the caller rethrows this. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() throws IOException {
        OPEN.remove(opaque.address());
        if (context != null) {
            // FFmpeg may have replaced the buffer it was given; free the one the context holds now.
            avutil.av_free(context.buffer());
            context.buffer(null);
            avformat.avio_context_free(context);
            context = null;
        }
        opaque.close();
        in.close();
    }

    private int read(BytePointer target, int size) {
        try {
            int n = in.read(scratch, 0, Math.min(size, scratch.length));
            if (n <= 0) {
                return avutil.AVERROR_EOF;
            }
            target.position(0).put(scratch, 0, n);
            return n;
        } catch (IOException e) {
            failure = e;
            return EIO;
        }
    }

    private long seek(long offset, int whence) {
        int how = whence & ~avformat.AVSEEK_FORCE;
        if (how == avformat.AVSEEK_SIZE) {
            return length;
        }
        try {
            long target = switch (how) {
                case 0 -> offset;
                case 1 -> in.position() + offset;
                case 2 -> length + offset;
                default -> -1;
            };
            if (target < 0 || target > length) {
                return -1;
            }
            in.seek(target);
            return target;
        } catch (IOException e) {
            failure = e;
            return EIO;
        }
    }

    private static final class Read extends Read_packet_Pointer_BytePointer_int {
        @Override
        public int call(Pointer opaque, BytePointer buffer, int size) {
            SeekableAvio avio = OPEN.get(opaque.address());
            return avio == null ? EIO : avio.read(buffer, size);
        }
    }

    private static final class Seek extends Seek_Pointer_long_int {
        @Override
        public long call(Pointer opaque, long offset, int whence) {
            SeekableAvio avio = OPEN.get(opaque.address());
            return avio == null ? EIO : avio.seek(offset, whence);
        }
    }
}
