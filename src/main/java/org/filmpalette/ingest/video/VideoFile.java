package org.filmpalette.ingest.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.PointerPointer;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;

/**
 * One open video file: FFmpeg's demuxer over a {@link SeekableInput} and a single-threaded decoder of its main video
 * stream (Spark's tasks are the parallelism). Times are milliseconds from the stream's first frame. Not thread-safe;
 * close it to free the native contexts.
 */
public final class VideoFile implements AutoCloseable {

    private static final int EAGAIN = -11;
    /** Non-reference frames presented this long before the next wanted frame are not decoded (nothing uses them). */
    private static final long SKIP_MARGIN_MILLIS = 1000;

    private final SeekableAvio avio;
    private AVFormatContext format;
    private AVCodecContext decoder;
    private final AVPacket packet = avcodec.av_packet_alloc();
    private final AVFrame frame = avutil.av_frame_alloc();
    private final AVFrame held = avutil.av_frame_alloc();
    private boolean holding;
    private final int streamIndex;
    private final AVRational timeBase;
    private final long startTimestamp;
    private final VideoInfo info;
    private boolean draining;
    private long skipBeforeMillis = Long.MIN_VALUE;

    private VideoFile(SeekableAvio avio, AVFormatContext format) throws FrameRejectedException {
        this.avio = avio;
        this.format = format;
        if (avformat.avformat_find_stream_info(format, (PointerPointer<?>) null) < 0) {
            throw new FrameRejectedException(RejectReason.CORRUPT, "no readable stream information");
        }
        streamIndex = avformat.av_find_best_stream(format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        if (streamIndex < 0) {
            throw new FrameRejectedException(RejectReason.NO_VIDEO_STREAM,
                    format.nb_streams() + " stream(s), none of them video");
        }
        AVStream stream = format.streams(streamIndex);
        AVCodecParameters parameters = stream.codecpar();
        AVCodec codec = avcodec.avcodec_find_decoder(parameters.codec_id());
        if (codec == null || codec.isNull()) {
            throw new FrameRejectedException(RejectReason.UNSUPPORTED_VIDEO,
                    "no decoder for codec " + avcodec.avcodec_get_name(parameters.codec_id()).getString());
        }
        decoder = avcodec.avcodec_alloc_context3(codec);
        avcodec.avcodec_parameters_to_context(decoder, parameters);
        decoder.thread_count(1);
        decoder.pkt_timebase(stream.time_base());
        int opened = avcodec.avcodec_open2(decoder, codec, (AVDictionary) null);
        if (opened < 0) {
            throw new FrameRejectedException(RejectReason.UNSUPPORTED_VIDEO, codec.name().getString() + " decoder: "
                    + FfmpegNatives.message(opened));
        }
        timeBase = stream.time_base();
        startTimestamp = stream.start_time() == avutil.AV_NOPTS_VALUE ? 0 : stream.start_time();
        info = new VideoInfo(parameters.width(), parameters.height(), rate(stream), duration(format, stream),
                codec.name().getString());
        if (info.width() < 1 || info.height() < 1) {
            throw new FrameRejectedException(RejectReason.CORRUPT, "video stream without a picture size");
        }
    }

    /**
     * Opens {@code input} (taking ownership: closing the video closes it). A file no demuxer recognises is
     * {@code not_a_video}; one recognised but unreadable (an MP4 cut before its index) is {@code corrupt}.
     */
    public static VideoFile open(SeekableInput input) throws FrameRejectedException, IOException {
        if (input.length() == 0) {
            input.close();
            throw new FrameRejectedException(RejectReason.EMPTY_FILE, "0 bytes");
        }
        FfmpegNatives.load(null);
        SeekableAvio avio = new SeekableAvio(input);
        AVFormatContext format = null;
        try {
            AVInputFormat container = new AVInputFormat(null);
            int score = avformat.av_probe_input_buffer2(avio.context(), container, (String) null, null, 0, 0);
            rethrowIoFailure(avio);
            if (score < 0 || container.isNull()) {
                throw new FrameRejectedException(RejectReason.NOT_A_VIDEO, "no demuxer recognises the bytes");
            }
            format = avformat.avformat_alloc_context();
            format.pb(avio.context());
            format.flags(format.flags() | AVFormatContext.AVFMT_FLAG_CUSTOM_IO);
            int opened = avformat.avformat_open_input(format, "", container, (AVDictionary) null);
            if (opened < 0) {
                format = null; // avformat_open_input frees the context when it fails
                rethrowIoFailure(avio);
                throw new FrameRejectedException(RejectReason.CORRUPT,
                        container.name().getString() + ": " + FfmpegNatives.message(opened));
            }
            return new VideoFile(avio, format);
        } catch (FrameRejectedException | IOException | RuntimeException e) {
            if (format != null) {
                avformat.avformat_close_input(format);
            }
            avio.close();
            throw e;
        }
    }

    public VideoInfo info() {
        return info;
    }

    /**
     * Times of the stream's keyframes, ascending: from the container's index (MP4, MOV, MKV cues) when it has one,
     * otherwise from a pass over the packets (demuxed, not decoded). Leaves the file positioned at its start.
     */
    public List<Long> keyframeMillis() throws IOException {
        AVStream stream = format.streams(streamIndex);
        List<Long> times = new ArrayList<>();
        int entries = avformat.avformat_index_get_entries_count(stream);
        for (int i = 0; i < entries; i++) {
            AVIndexEntry entry = avformat.avformat_index_get_entry(stream, i);
            if ((entry.flags() & AVIndexEntry.AVINDEX_KEYFRAME) != 0) {
                times.add(millis(entry.timestamp()));
            }
        }
        if (times.isEmpty()) {
            while (avformat.av_read_frame(format, packet) >= 0) {
                if (packet.stream_index() == streamIndex && (packet.flags() & avcodec.AV_PKT_FLAG_KEY) != 0
                        && packet.pts() != avutil.AV_NOPTS_VALUE) {
                    times.add(millis(packet.pts()));
                }
                avcodec.av_packet_unref(packet);
            }
            rethrowIoFailure(avio);
        }
        seekTo(0);
        return times.stream().filter(t -> t >= 0).distinct().sorted().toList();
    }

    /**
     * Positions the demuxer at the last keyframe at or before {@code millis} (or the start) and resets the decoder.
     *
     * @return whether the demuxer could seek; when not, the file is at its start
     */
    public boolean seekTo(long millis) {
        long timestamp = startTimestamp + avutil.av_rescale_q(millis, new AVRational().num(1).den(1000), timeBase);
        int sought = avformat.av_seek_frame(format, streamIndex, timestamp, avformat.AVSEEK_FLAG_BACKWARD);
        if (sought < 0) {
            avformat.av_seek_frame(format, streamIndex, startTimestamp, avformat.AVSEEK_FLAG_BACKWARD);
        }
        avcodec.avcodec_flush_buffers(decoder);
        avutil.av_frame_unref(held);
        holding = false;
        draining = false;
        return sought >= 0;
    }

    /**
     * Lets the decoder skip non-reference frames presented more than a second before {@code millis}: nothing else
     * refers to them and no wanted still is among them, so skipping them changes no still.
     */
    public void wantNothingBefore(long millis) {
        skipBeforeMillis = millis - SKIP_MARGIN_MILLIS;
    }

    /**
     * The next decoded frame in presentation order, or null at the end of the stream. The frame is owned by this
     * object and valid until the next call. Packets the decoder refuses (damaged data) are skipped.
     */
    public AVFrame nextFrame() throws IOException {
        while (true) {
            int received = avcodec.avcodec_receive_frame(decoder, frame);
            if (received >= 0) {
                return frame;
            }
            if (received == avutil.AVERROR_EOF) {
                return null;
            }
            // EAGAIN, or a damaged frame FFmpeg dropped: either way more input may give the next frame.
            if (draining) {
                return null;
            }
            feedPacket();
        }
    }

    /** The presentation time of {@code decoded} in milliseconds from the stream start, rounded down. */
    public long millisOf(AVFrame decoded) {
        long timestamp = decoded.best_effort_timestamp();
        return timestamp == avutil.AV_NOPTS_VALUE ? Long.MIN_VALUE : millis(timestamp);
    }

    /** The presentation time of {@code decoded} in seconds from the stream start, NaN when it has none. */
    public double secondsOf(AVFrame decoded) {
        long timestamp = decoded.best_effort_timestamp();
        return timestamp == avutil.AV_NOPTS_VALUE ? Double.NaN
                : (double) (timestamp - startTimestamp) * timeBase.num() / timeBase.den();
    }

    /** Whether {@code decoded} is presented at or after {@code micros}, compared exactly in the stream's time base. */
    public boolean presentedAtOrAfter(AVFrame decoded, long micros) {
        long timestamp = decoded.best_effort_timestamp();
        if (timestamp == avutil.AV_NOPTS_VALUE) {
            return false;
        }
        return Math.multiplyExact(timestamp - startTimestamp, 1_000_000L * timeBase.num())
                >= Math.multiplyExact(micros, (long) timeBase.den());
    }

    /** Keeps a reference to {@code decoded} (no copy) past the next {@link #nextFrame}, replacing the one held. */
    public AVFrame hold(AVFrame decoded) {
        avutil.av_frame_unref(held);
        if (avutil.av_frame_ref(held, decoded) < 0) {
            throw new IllegalStateException("FFmpeg could not reference a decoded frame");
        }
        holding = true;
        return held;
    }

    /** The frame last {@link #hold held}, or null when none is held since the last seek. */
    public AVFrame held() {
        return holding ? held : null;
    }

    private void feedPacket() throws IOException {
        while (true) {
            int read = avformat.av_read_frame(format, packet);
            if (read < 0) {
                rethrowIoFailure(avio);
                avcodec.avcodec_send_packet(decoder, null);
                draining = true;
                return;
            }
            try {
                if (packet.stream_index() == streamIndex) {
                    boolean early = packet.pts() != avutil.AV_NOPTS_VALUE && millis(packet.pts()) < skipBeforeMillis;
                    decoder.skip_frame(early ? avcodec.AVDISCARD_NONREF : avcodec.AVDISCARD_DEFAULT);
                    int sent = avcodec.avcodec_send_packet(decoder, packet);
                    if (sent >= 0 || sent == EAGAIN) {
                        return;
                    }
                }
            } finally {
                avcodec.av_packet_unref(packet);
            }
        }
    }

    private long millis(long timestamp) {
        return Math.floorDiv(Math.multiplyExact(timestamp - startTimestamp, 1000L * timeBase.num()), timeBase.den());
    }

    private static double rate(AVStream stream) {
        AVRational rate = stream.avg_frame_rate().num() > 0 ? stream.avg_frame_rate() : stream.r_frame_rate();
        return rate.den() == 0 ? 0 : (double) rate.num() / rate.den();
    }

    private static long duration(AVFormatContext format, AVStream stream) {
        if (stream.duration() != avutil.AV_NOPTS_VALUE && stream.duration() > 0) {
            AVRational base = stream.time_base();
            return Math.floorDiv(Math.multiplyExact(stream.duration(), 1000L * base.num()), base.den());
        }
        return format.duration() == avutil.AV_NOPTS_VALUE ? 0 : format.duration() / 1000;
    }

    private static void rethrowIoFailure(SeekableAvio avio) throws IOException {
        if (avio.failure() != null) {
            throw avio.failure();
        }
    }

    @Override
    public void close() throws IOException {
        avutil.av_frame_free(frame);
        avutil.av_frame_free(held);
        avcodec.av_packet_free(packet);
        if (decoder != null) {
            avcodec.avcodec_free_context(decoder);
            decoder = null;
        }
        if (format != null) {
            avformat.avformat_close_input(format);
            format = null;
        }
        avio.close();
    }
}
