package org.filmpalette.job;

import java.util.List;

import org.apache.spark.sql.Row;

/** Reads the {@code pixels} column of a sampled frame row back into packed sRGB ints. */
final class SampledPixels {

    private static final int PIXELS_FIELD = 10;

    private SampledPixels() {}

    /**
     * The frame's pixels. Spark hands a row straight from one task function to the next without encoding it, so
     * the column is either the {@code int[]} {@link DecodeAndSample} made or, after a shuffle or cache, a list.
     */
    static int[] of(Row sampled) {
        if (sampled.get(PIXELS_FIELD) instanceof int[] pixels) {
            return pixels;
        }
        List<Integer> boxed = sampled.getList(PIXELS_FIELD);
        int[] pixels = new int[boxed.size()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = boxed.get(i);
        }
        return pixels;
    }
}
