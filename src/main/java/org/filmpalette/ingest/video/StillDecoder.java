package org.filmpalette.ingest.video;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
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
 *
 * <p>Each still has its own deadline: decoding from the previous still (or, for the first, the seek) to it may take
 * at most the decode timeout. Past it the still and the range's later stills are rejected {@code timeout} and the
 * range stops, so a stalled or pathological stream costs its task one timeout, not the film's length.
 */
public final class StillDecoder {

    /** How far before a wanted time a seek may land after a container put the keyframe after it (milliseconds). */
    private static final long[] SEEK_BACK_MILLIS = {0, 2_000, 10_000, 60_000, Long.MAX_VALUE};

    private final SrgbConverter converter;

    public StillDecoder(SrgbConverter converter) {
        this.converter = converter;
    }

    /**
     * A wanted time's outcome: its still and the time its frame was presented (seconds from the stream's first
     * frame), or why it has none ({@code presentedSeconds} then NaN).
     */
    public record Still(long millis, DecodedFrame frame, double presentedSeconds, FrameRejectedException rejected) {}

    /** {@link #decode(VideoFile, List, long, Duration)} without a deadline. */
    public List<Still> decode(VideoFile video, List<Long> millis, long windowMicros) throws IOException {
        return decode(video, millis, windowMicros, null);
    }

    /**
     * The stills at {@code millis} (ascending), one outcome per time, in that order.
     *
     * @param windowMicros how long after each time its still may be presented, in microseconds
     * @param perStill     the longest decoding may take from one still to the next (null: no limit)
     */
    public List<Still> decode(VideoFile video, List<Long> millis, long windowMicros, Duration perStill)
            throws IOException {
        List<Still> stills = new ArrayList<>(millis.size());
        if (millis.isEmpty()) {
            return stills;
        }
        long budgetNanos = perStill == null ? Long.MAX_VALUE : perStill.toNanos();
        long startNanos = System.nanoTime();
        long windowMillis = (windowMicros + 999) / 1000;
        AVFrame frame = seekBefore(video, Math.max(0, millis.get(0) - windowMillis));
        for (long wanted : millis) {
            long bound = wanted * 1000 + windowMicros;
            video.wantNothingBefore(wanted - windowMillis);
            while (System.nanoTime() - startNanos <= budgetNanos
                    && frame != null && !video.presentedAtOrAfter(frame, bound)) {
                video.hold(frame);
                frame = video.nextFrame();
            }
            if (System.nanoTime() - startNanos > budgetNanos) {
                timeOut(millis, stills, wanted, perStill);
                return stills;
            }
            AVFrame still = video.held() != null ? video.held() : frame;
            boolean endedBefore = frame == null && still != null
                    && !video.presentedAtOrAfter(still, wanted * 1000 - windowMicros);
            if (still == null || endedBefore) {
                stills.add(new Still(wanted, null, Double.NaN, new FrameRejectedException(RejectReason.CORRUPT,
                        "no frame near " + StillTimes.frameId(wanted) + " (the stream ends before)")));
            } else {
                stills.add(new Still(wanted, converter.convert(still), video.secondsOf(still), null));
            }
            startNanos = System.nanoTime();
        }
        return stills;
    }

    /** Rejects {@code stalled} and every later time of {@code millis} as {@code timeout}. */
    private static void timeOut(List<Long> millis, List<Still> stills, long stalled, Duration perStill) {
        FrameRejectedException timeout = new FrameRejectedException(RejectReason.TIMEOUT, "decoding to "
                + StillTimes.frameId(stalled) + " took over "
                + BigDecimal.valueOf(perStill.toNanos(), 6).stripTrailingZeros().toPlainString()
                + " ms; the range stopped there");
        for (long wanted : millis.subList(stills.size(), millis.size())) {
            stills.add(new Still(wanted, null, Double.NaN, timeout));
        }
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
