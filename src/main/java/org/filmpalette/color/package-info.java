/**
 * color: pure color-science values and maths shared by the whole job. Owns packed sRGB ints (0xRRGGBB, channels
 * 0–255) and their hex form, the sRGB transfer curve, CIE XYZ and CIELAB/LCh under D65, HSV, the CIEDE2000
 * color difference, and {@link org.filmpalette.color.ColorSpace}, the coordinates k-means clusters in. Pure Java,
 * no Spark, no third-party libraries; every class is stateless and thread-safe.
 */
package org.filmpalette.color;
