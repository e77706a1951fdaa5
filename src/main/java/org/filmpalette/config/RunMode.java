package org.filmpalette.config;

/** Whether a run reuses the work of earlier runs. */
public enum RunMode {
    /** Decode only frames not yet in the {@code frames} table; refit only films whose frames changed. */
    INCREMENTAL,
    /** Recompute every frame and film ({@code --full}). */
    FULL
}
