package org.filmpalette.config;

import java.util.Locale;

/** Whether each still keeps a small JPEG thumbnail in the {@code frames} table: the values of {@code filmpalette.thumbnails}. */
public enum Thumbnails {
    /** Keep a 192-pixel-wide JPEG of each still, made at decode time from the raster already in memory. */
    KEEP,
    /** Keep none: pages draw a still as its palette's bands. */
    NONE;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
