package org.filmpalette.ingest.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;

/**
 * Decodes the stills of one time range of a video. The still of time t is the last frame presented before
 * {@code t + window} (the first frame when none is): with {@code window} half the sampling interval this is the frame
 * FFmpeg's {@code fps} filter gives for output time t, the frame in the middle of the interval, which is how archives'
 * one-per-second cuts are made. Decoding seeks to the last keyframe at or before the range's first time and goes
 * forward from the keyframe at or before the range's first interval; from any keyframe before an interval its still
 * is the same, so stills do not depend on how a film is split into ranges (when every interval holds a frame, i.e.
 * {@code --fps} is at most the stream's frame rate).
 */
public final class StillDecoder {

    /** How far before a wanted time a seek may land after a container put the keyframe after it (milliseconds). */
    private static final long[] SEEK_BACK_MILLIS = {0, 2_000, 10_000, 60_000, Long.MAX_VALUE};

    private final SrgbConverter converter;

    public StillDecoder(SrgbConverter converter) {
        this.converter = converter;
    }

    /** A wanted time's outcome: its still, or why it has none. */
    public record Still(long millis, DecodedFrame frame, FrameRejectedException rejected) {}

    /**
     * The stills at {@code millis} (ascending), one outcome per time, in that order.
     *
     * @param windowMicros how long after each time its still may be presented, in microseconds
     */
    public List<Still> decode(VideoFile video, List<Long> millis, long windowMicros) throws IOException {
        List<Still> stills = new ArrayList<>(millis.size());
        if (millis.isEmpty()) {
            return stills;
        }
        long windowMillis = (windowMicros + 999) / 1000;
        AVFrame frame = seekBefore(video, Math.max(0, millis.get(0) - windowMillis));
        for (long wanted : millis) {
            long bound = wanted * 1000 + windowMicros;
            video.wantNothingBefore(wanted - windowMillis);
            while (frame != null && !video.presentedAtOrAfter(frame, bound)) {
                video.hold(frame);
                frame = video.nextFrame();
            }
            AVFrame still = video.held() != null ? video.held() : frame;
            boolean endedBefore = frame == null && still != null
                    && !video.presentedAtOrAfter(still, wanted * 1000 - windowMicros);
            if (still == null || endedBefore) {
                stills.add(new Still(wanted, null, new FrameRejectedException(RejectReason.CORRUPT,
                        "no frame near " + StillTimes.frameId(wanted) + " (the stream ends before)")));
            } else {
                stills.add(new Still(wanted, converter.convert(still), null));
            }
        }
        return stills;
    }

    /**
     * The first decoded frame after a seek that lands at or before {@code millis}; when a container's seek lands
     * after it (an inexact index), seeks further back, down to the start.
     */
    private static AVFrame seekBefore(VideoFile video, long millis) throws IOException {
        for (long back : SEEK_BACK_MILLIS) {
            long target = back == Long.MAX_VALUE ? 0 : Math.max(0, millis - back);
            video.seekTo(target);
            video.wantNothingBefore(millis);
            AVFrame first = video.nextFrame();
            if (first == null || target == 0 || !video.presentedAtOrAfter(first, millis * 1000 + 1)) {
                return first;
            }
        }
        throw new IllegalStateException("unreachable: the last seek goes to the start");
    }
}
