package org.filmpalette.job;

import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.ingest.AccentRegion;
import org.filmpalette.ingest.ColorBins;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.store.TableSchemas;

/** Reads a {@link StageSchemas#SAMPLED} row's columns back by name: its outcome, color bins, regions and grid. */
final class SampledRows {

    static final int FILM_ID = StageSchemas.index(StageSchemas.SAMPLED, TableSchemas.FILM_ID);
    static final int FRAME_ID = StageSchemas.index(StageSchemas.SAMPLED, TableSchemas.FRAME_ID);
    private static final int STATUS = StageSchemas.index(StageSchemas.SAMPLED, TableSchemas.STATUS);
    private static final int BIN_COLORS = StageSchemas.index(StageSchemas.SAMPLED, StageSchemas.BIN_COLORS);
    private static final int BIN_COUNTS = StageSchemas.index(StageSchemas.SAMPLED, StageSchemas.BIN_COUNTS);
    private static final int REGIONS = StageSchemas.index(StageSchemas.SAMPLED, StageSchemas.REGIONS);
    private static final int GRID = StageSchemas.index(StageSchemas.SAMPLED, StageSchemas.GRID);

    private SampledRows() {}

    /** Whether the frame was decoded (it then has bins). */
    static boolean ok(Row sampled) {
        return TableSchemas.STATUS_OK.equals(sampled.getString(STATUS));
    }

    /**
     * The frame's color bins. Spark hands a row straight from one task function to the next without encoding it, so
     * an array column is either the Java array {@link StillRows} made or, after a shuffle or cache, a list.
     */
    static ColorBins bins(Row sampled) {
        return new ColorBins(ints(sampled, BIN_COLORS), ints(sampled, BIN_COUNTS));
    }

    /** The frame's accent regions, most prominent first. */
    static List<AccentRegion> regions(Row sampled) {
        if (sampled.get(REGIONS) instanceof double[] values) {
            return AccentRegion.fromArray(values);
        }
        List<Double> boxed = sampled.getList(REGIONS);
        double[] values = new double[boxed.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = boxed.get(i);
        }
        return AccentRegion.fromArray(values);
    }

    /** The frame's grid cells, or null when the row has none (no algorithm needed them). */
    static GridCells grid(Row sampled) {
        return sampled.isNullAt(GRID) ? null : GridCells.fromArray(ints(sampled, GRID));
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
