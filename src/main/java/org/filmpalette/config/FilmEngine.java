package org.filmpalette.config;

import java.util.Locale;

/** Where film palettes are fitted: the values of {@code --film-engine}. */
public enum FilmEngine {
    /**
     * Inside Spark tasks, films in parallel: the in-task kernel fits a capped weighted sample of each film's still
     * colors, so a film costs the same whatever its number of frames.
     */
    TASK,
    /** One genuine MLlib fit per film and algorithm from a driver thread pool: driver-bound, for parity checks. */
    MLLIB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
