package org.filmpalette.config;

import java.util.Locale;

/** A clustering algorithm a palette can be computed with: the values of {@code --algorithms}. */
public enum Algorithm {
    /** k-means with k-means++ seeding and Lloyd iterations (MLlib {@code KMeans}). */
    KMEANS,
    /** Top-down bisecting k-means (MLlib {@code BisectingKMeans}), refined by Lloyd iterations in the task engine. */
    BISECTING,
    /**
     * One mean color per region of an 8×8 grid over the frame, reduced to k by weighted k-means (weight = the cell's
     * pixels); film palettes of grid stills are MLlib {@code KMeans} fits. Task engine only.
     */
    GRID;

    /** The name stored in the tables' {@code algorithm} column. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Algorithm parse(String name) {
        for (Algorithm algorithm : values()) {
            if (algorithm.id().equalsIgnoreCase(name.trim())) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("Invalid --algorithms: " + name + " (must be kmeans, bisecting or grid)");
    }
}
