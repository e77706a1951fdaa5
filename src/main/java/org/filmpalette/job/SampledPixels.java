package org.filmpalette.job;

import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.ingest.GridCells;

/** Reads the {@code pixels} and {@code grid} columns of a sampled frame row back into ints. */
final class SampledPixels {

    private static final int PIXELS_FIELD = 10;
    private static final int GRID_FIELD = 11;

    private SampledPixels() {}

    /**
     * The frame's pixels. Spark hands a row straight from one task function to the next without encoding it, so
     * the column is either the {@code int[]} {@link DecodeAndSample} made or, after a shuffle or cache, a list.
     */
    static int[] of(Row sampled) {
        return ints(sampled, PIXELS_FIELD);
    }

    /** The frame's grid cells, or null when the row has none (no algorithm needed them). */
    static GridCells grid(Row sampled) {
        return sampled.size() <= GRID_FIELD || sampled.isNullAt(GRID_FIELD) ? null
                : GridCells.fromArray(ints(sampled, GRID_FIELD));
    }

    private static int[] ints(Row sampled, int field) {
        if (sampled.get(field) instanceof int[] values) {
            return values;
        }
        List<Integer> boxed = sampled.getList(field);
        int[] values = new int[boxed.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed.get(i);
        }
        return values;
    }
}
