package org.filmpalette.config;

import java.util.Locale;

/** How a still's k colors are chosen from its clustering: the values of {@code --palette-mode}. */
public enum PaletteMode {
    /** The k cluster centers as the algorithm found them (the default was this until the accent pass won). */
    PLAIN,
    /**
     * The default: the algorithm's clustering plus an accent pass that swaps in small, saturated colors the clusters missed
     * ({@link org.filmpalette.cluster.AccentPreservingFitter}).
     */
    ACCENTS;

    /** The name used on the command line and in config. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
