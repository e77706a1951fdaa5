package org.filmpalette.config;

import java.util.Objects;

/**
 * How video files are read: which stills are taken, how a film is split across tasks, where FFmpeg's natives go.
 *
 * @param fps             stills per second of film with {@link StillSelection#INTERVAL}, as {@link JobSettings#FPS}
 *                        allows
 * @param stills          interval stills or one per keyframe
 * @param rangeSeconds    seconds of film one decoding task covers, as {@link JobSettings#VIDEO_RANGE_SECONDS} allows
 * @param nativesCacheDir where javacpp extracts the FFmpeg natives; empty for its default ({@code ~/.javacpp/cache})
 */
public record VideoSettings(double fps, StillSelection stills, int rangeSeconds, String nativesCacheDir)
        implements java.io.Serializable {

    public VideoSettings {
        JobSettings.FPS.check(fps, JobSettings.FPS.shownAs());
        Objects.requireNonNull(stills, "stills");
        JobSettings.VIDEO_RANGE_SECONDS.check(rangeSeconds, JobSettings.VIDEO_RANGE_SECONDS.shownAs());
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
}
