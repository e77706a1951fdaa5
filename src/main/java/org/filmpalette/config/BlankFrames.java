package org.filmpalette.config;

import java.util.Locale;

/** Whether near-uniform black or white frames count in film palettes: the values of {@code --blank-frames}. */
public enum BlankFrames {
    /** Leave them out (a film made only of blank frames still gets a palette from them). */
    EXCLUDE,
    /** Count them like any other still. */
    INCLUDE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
