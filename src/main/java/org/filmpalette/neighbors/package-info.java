/**
 * Nearest palettes at archive scale: a fixed-length {@link org.filmpalette.neighbors.PaletteEmbedding} whose Euclidean
 * distance tracks {@code palette_distance}, candidate search over it, and the exact re-rank that writes
 * {@code film_neighbors} and answers {@code search}.
 */
package org.filmpalette.neighbors;
