package org.filmpalette.config;

/**
 * How video files are read: which stills are taken, how a film is split across tasks, where FFmpeg's natives go.
 *
 * @param fps             stills per second of film with {@link StillSelection#INTERVAL}, in (0, 120]
 * @param stills          interval stills or one per keyframe
 * @param rangeSeconds    seconds of film one decoding task covers, 1–86400
 * @param nativesCacheDir where javacpp extracts the FFmpeg natives; empty for its default ({@code ~/.javacpp/cache})
 */
public record VideoSettings(double fps, StillSelection stills, int rangeSeconds, String nativesCacheDir)
        implements java.io.Serializable {

    public VideoSettings {
        if (!(fps > 0 && fps <= 120)) {
            throw new IllegalArgumentException("Invalid --fps: " + fps + " (must be above 0 and at most 120)");
        }
        if (stills == null) {
            throw new IllegalArgumentException("Missing --stills (must be interval or keyframes)");
        }
        if (rangeSeconds < 1 || rangeSeconds > 86_400) {
            throw new IllegalArgumentException("Invalid --video-range-seconds: " + rangeSeconds
                    + " (must be between 1 and 86400)");
        }
        nativesCacheDir = nativesCacheDir == null ? "" : nativesCacheDir.strip();
    }

    /**
     * How long after a still's time its frame may be presented, in microseconds: half the sampling interval (the
     * frame in the middle of each interval, as FFmpeg's {@code fps} filter picks), or 1 ms for keyframes (the
     * keyframe itself, whose time the frame id rounds down to the millisecond).
     */
    public long stillWindowMicros() {
        return stills == StillSelection.KEYFRAMES ? 1000 : Math.round(500_000 / fps);
    }

    /** Parses {@code --fps}: a decimal number such as {@code 1}, {@code 0.5} or {@code 24}. */
    public static double parseFps(String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid --fps: " + value + " (not a number)");
        }
    }
}
