package org.filmpalette.config;

import java.util.Locale;

/** Where per-still palettes are fitted: the values of {@code --still-engine}. */
public enum StillEngine {
    /** Small Java kernels inside Spark tasks: the engine that scales to millions of stills. */
    TASK,
    /** One genuine MLlib fit per still from a driver thread pool: for small archives and parity checks. */
    MLLIB;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
