package org.filmpalette.ingest.video;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The times a video is sampled at and their frame ids. A still at time t is the first frame presented at or after
 * t (from the stream's first frame); its frame id is the time, sortable: {@code t000123.500} is 2 min 3.5 s.
 */
public final class StillTimes {

    private static final Pattern FRAME_ID = Pattern.compile("(?:.*/)?t(\\d{6,})\\.(\\d{3})");

    private StillTimes() {}

    /** Every {@code 1/fps} seconds from 0 while before the end: a 30 s stream at 1 fps gives 0, 1, …, 29 s. */
    public static List<Long> every(long durationMillis, double fps) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("Invalid fps: " + fps + " (must be positive)");
        }
        List<Long> times = new ArrayList<>();
        for (long i = 0; ; i++) {
            long millis = Math.round(i * 1000.0 / fps);
            if (millis >= Math.max(1, durationMillis)) {
                return times;
            }
            times.add(millis);
        }
    }

    /** The frame id of a still: {@code t} then seconds with six digits at least, then milliseconds. */
    public static String frameId(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("Invalid still time: " + millis + " ms (must not be negative)");
        }
        return String.format(Locale.ROOT, "t%06d.%03d", millis / 1000, millis % 1000);
    }

    /** The time of a still's frame id (a reel prefix such as {@code reel1/} allowed). */
    public static long millis(String frameId) {
        Matcher match = FRAME_ID.matcher(frameId);
        if (!match.matches()) {
            throw new IllegalArgumentException("Invalid still frame id: " + frameId + " (expected t<seconds>.<ms>)");
        }
        return Long.parseLong(match.group(1)) * 1000 + Long.parseLong(match.group(2));
    }
}
