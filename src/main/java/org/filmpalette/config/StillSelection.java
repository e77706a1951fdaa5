package org.filmpalette.config;

import java.util.Locale;

/** Which frames of a video become stills: the values of {@code --stills}. */
public enum StillSelection {
    /** One still every {@code 1/--fps} seconds, from the start. */
    INTERVAL,
    /** One still per keyframe (the encoder's scene changes and regular refreshes). */
    KEYFRAMES;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
