package org.filmpalette.ingest.video;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;

/**
 * Decodes the stills of one time range of a video: seeks to the last keyframe at or before the range's first time
 * and decodes forward, taking for each wanted time the first frame presented at or after it. Decoding from any
 * keyframe before a time gives that time the same frame, so stills do not depend on how a film is split into ranges.
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

    /** The stills at {@code millis} (ascending), one outcome per time, in that order. */
    public List<Still> decode(VideoFile video, List<Long> millis) throws IOException {
        List<Still> stills = new ArrayList<>(millis.size());
        if (millis.isEmpty()) {
            return stills;
        }
        AVFrame frame = seekBefore(video, millis.get(0));
        for (long wanted : millis) {
            video.wantNothingBefore(wanted);
            while (frame != null && !video.presentedAtOrAfter(frame, wanted)) {
                frame = video.nextFrame();
            }
            if (frame == null) {
                stills.add(new Still(wanted, null, new FrameRejectedException(RejectReason.CORRUPT,
                        "no frame at or after " + StillTimes.frameId(wanted) + " (the stream ends before)")));
            } else {
                stills.add(new Still(wanted, converter.convert(frame), null));
            }
        }
        return stills;
    }

    /**
     * The first decoded frame after a seek that lands at or before {@code millis}: when a container's seek lands
     * after it (an inexact index), seeks further back, down to the start.
     */
    private static AVFrame seekBefore(VideoFile video, long millis) throws IOException {
        for (long back : SEEK_BACK_MILLIS) {
            long target = back == Long.MAX_VALUE ? 0 : Math.max(0, millis - back);
            video.seekTo(target);
            video.wantNothingBefore(millis);
            AVFrame first = video.nextFrame();
            if (first == null || target == 0 || !video.presentedAtOrAfter(first, millis + 1)) {
                return first;
            }
        }
        throw new IllegalStateException("unreachable: the last seek goes to the start");
    }
}
