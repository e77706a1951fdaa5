/**
 * cluster: fitting palettes by clustering colors. {@link org.filmpalette.cluster.TaskKMeans} and {@link
 * org.filmpalette.cluster.TaskBisectingKMeans} are small, allocation-free kernels implementing MLlib's k-means and
 * bisecting k-means for one still's pixels inside a Spark task (one MLlib fit per still costs seconds of scheduling);
 * they and their result, {@link org.filmpalette.cluster.Clustering}, import no Spark. {@link
 * org.filmpalette.cluster.PaletteFitter} turns a still's pixels into a palette with them ({@link
 * org.filmpalette.cluster.RefinedBisectingKMeans} for bisecting, {@link org.filmpalette.cluster.WeightedKMeans} over
 * grid cells, {@link org.filmpalette.cluster.AccentPreservingFitter} for the accent pass), {@link
 * org.filmpalette.cluster.WeightedColorFitter} a film's weighted still colors (through a capped {@link
 * org.filmpalette.cluster.WeightedSample}), {@link org.filmpalette.cluster.FilmAccentPass} keeps recurring accents in
 * film palettes, and {@link org.filmpalette.cluster.MllibClusterer} adapts the genuine MLlib estimators.
 */
package org.filmpalette.cluster;
