/**
 * palette: the values a palette is made of ({@link org.filmpalette.palette.Swatch}, {@link
 * org.filmpalette.palette.Palette}) and how its colors are ordered. Pure Java, no Spark.
 */
package org.filmpalette.palette;
