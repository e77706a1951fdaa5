package org.filmpalette.config;

import java.util.Locale;

/** A clustering algorithm a palette can be computed with: the values of {@code --algorithms}. */
public enum Algorithm {
    /** k-means with k-means++ seeding and Lloyd iterations (MLlib {@code KMeans}). */
    KMEANS,
    /** Top-down bisecting k-means (MLlib {@code BisectingKMeans}). */
    BISECTING;

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
        throw new IllegalArgumentException("Invalid --algorithms: " + name + " (must be kmeans and/or bisecting)");
    }
}
