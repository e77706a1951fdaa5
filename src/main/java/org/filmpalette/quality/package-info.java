/**
 * quality: how good a palette is, as defined in docs/design.md §7 (quantization error, accent recall), and the synthetic
 * benchmark of film-like frames with planted accents that the {@code evaluate} command measures it on. Pure Java, no
 * Spark.
 */
package org.filmpalette.quality;
