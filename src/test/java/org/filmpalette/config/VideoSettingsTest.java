package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The video settings: defaults, the still window they imply, and errors that name the flag and the value. */
class VideoSettingsTest {

    @Test
    void defaultsAreOneIntervalStillPerSecondInMinuteRanges() {
        VideoSettings video = JobConfig.fromSettings(Map.of()).video();
        assertEquals(new VideoSettings(1.0, StillSelection.INTERVAL, 60, ""), video);
        assertEquals(500_000, video.stillWindowMicros());
        assertEquals(1000, new VideoSettings(1.0, StillSelection.KEYFRAMES, 60, "").stillWindowMicros());
        assertEquals(20_833, new VideoSettings(24, StillSelection.INTERVAL, 60, "").stillWindowMicros());
    }

    @Test
    void flagsAndKeysAreRead() {
        VideoSettings video = JobConfig.fromSettings(Map.of(JobSettings.FPS.key(), "0.5", JobSettings.STILLS.key(), "keyframes",
                JobSettings.VIDEO_RANGE_SECONDS.key(), "7", JobSettings.NATIVES_CACHE_DIR.key(), " /tmp/natives ")).video();
        assertEquals(new VideoSettings(0.5, StillSelection.KEYFRAMES, 7, "/tmp/natives"), video);
    }

    @Test
    void badValuesNameTheFlagAndTheValue() {
        assertEquals("Invalid --fps: 0 (must be above 0 and at most 120)", message(JobSettings.FPS.key(), "0"));
        assertEquals("Invalid --fps: fast (not a number)", message(JobSettings.FPS.key(), "fast"));
        assertEquals("Invalid --fps: NaN (must be above 0 and at most 120)", message(JobSettings.FPS.key(), "NaN"));
        assertEquals("Invalid --stills: every (must be interval or keyframes)", message(JobSettings.STILLS.key(), "every"));
        assertEquals("Invalid filmpalette.video-range-seconds: 0 (must be between 1 and 86400)",
                message(JobSettings.VIDEO_RANGE_SECONDS.key(), "0"));
    }

    @Test
    void aVideoSettingsValueOutsideItsSettingIsRefusedNamingTheSetting() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> new VideoSettings(1.0, StillSelection.INTERVAL, 0, ""));
        assertEquals("Invalid filmpalette.video-range-seconds: 0 (must be between 1 and 86400)", error.getMessage());
    }

    private static String message(String key, String value) {
        return assertThrows(ConfigurationException.class, () -> JobConfig.fromSettings(Map.of(key, value)))
                .getMessage();
    }
}
