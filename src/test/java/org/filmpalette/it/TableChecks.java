package org.filmpalette.it;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.store.TablesCatalog;
import org.filmpalette.testing.SyntheticFilms;

/**
 * Reads the tables a run of the job wrote over {@link SampleArchive} back from wherever they live and checks real
 * values: row counts per table and the exact colors of a synthetic-primaries still.
 */
final class TableChecks {

    private final PaletteTables tables;

    TableChecks(SparkSession spark, String tablesRoot) {
        this.tables = new PaletteTables(spark, tablesRoot);
    }

    /** The tables in the catalog the session has configured as {@code catalog}. */
    TableChecks(SparkSession spark, String tablesRoot, String catalog) {
        this.tables = new PaletteTables(spark, tablesRoot, TablesCatalog.named(spark, catalog));
    }

    /** The rows of one run over the sample: every frame ok, both algorithms for every still and film. */
    void assertOneFullRunOverSample() {
        List<Row> frames = tables.read(Table.FRAMES).collectAsList();
        assertEquals(SampleArchive.FRAMES, frames.size(), "frames rows");
        Map<String, Integer> perFilm = new TreeMap<>();
        for (Row frame : frames) {
            assertEquals(TableSchemas.STATUS_OK, frame.getAs(TableSchemas.STATUS), "status of " + frame);
            perFilm.merge(frame.getAs(TableSchemas.FILM_ID), 1, Integer::sum);
        }
        assertEquals(Map.of("synthetic-dusk", 10, "synthetic-primaries", 10), perFilm, "frames per film");

        assertEquals(2L * SampleArchive.FRAMES, tables.read(Table.STILL_PALETTES).count(), "still_palettes rows");

        List<String> films = tables.read(Table.FILM_PALETTES)
                .select(col(TableSchemas.FILM_ID), col(TableSchemas.ALGORITHM)).collectAsList().stream()
                .map(row -> row.getString(0) + " " + row.getString(1)).sorted().toList();
        assertEquals(List.of("synthetic-dusk bisecting", "synthetic-dusk kmeans", "synthetic-primaries bisecting",
                "synthetic-primaries kmeans"), films, "film_palettes rows");

        List<Row> runs = tables.read(Table.RUNS).collectAsList();
        assertEquals(1, runs.size(), "runs rows");
        assertEquals("succeeded", runs.get(0).getAs(TableSchemas.STATUS));
        assertEquals((long) SampleArchive.FRAMES, (long) runs.get(0).getAs(TableSchemas.FRAMES_SEEN));

        assertPrimariesStillColors();
    }

    /** The config column of the single {@code runs} row. */
    String runConfig() {
        List<Row> runs = tables.read(Table.RUNS).select(TableSchemas.CONFIG).collectAsList();
        assertEquals(1, runs.size(), "runs rows");
        return runs.get(0).getString(0);
    }

    /** synthetic-primaries' first frame is three lossless flat stripes: each algorithm must find their exact colors. */
    private void assertPrimariesStillColors() {
        int[] expected = SyntheticFilms.primaryColors(1);
        for (String algorithm : List.of("kmeans", "bisecting")) {
            List<Row> rows = tables.read(Table.STILL_PALETTES)
                    .where(col(TableSchemas.FILM_ID).equalTo("synthetic-primaries")
                            .and(col(TableSchemas.FRAME_ID).equalTo("frame_00001"))
                            .and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                    .select(TableSchemas.COLORS).collectAsList();
            assertEquals(1, rows.size(), "still palettes of synthetic-primaries/frame_00001 " + algorithm);
            Map<Integer, Double> shares = new TreeMap<>();
            for (Row color : rows.get(0).<Row>getList(0)) {
                int rgb = (color.<Integer>getAs("r") << 16) | (color.<Integer>getAs("g") << 8) | color.<Integer>getAs("b");
                shares.put(rgb, color.getAs("share"));
            }
            // Downscaling to --max-side blends the stripes' borders into a few tiny extra swatches.
            double stripes = 0;
            for (int rgb : expected) {
                assertTrue(shares.containsKey(rgb), algorithm + ": no " + String.format("#%06x", rgb) + " in "
                        + hex(shares));
                assertEquals(1 / 3.0, shares.get(rgb), 0.02, algorithm + " share of " + String.format("#%06x", rgb));
                stripes += shares.get(rgb);
            }
            assertTrue(stripes > 0.97, algorithm + ": the stripes cover only " + stripes + " in " + hex(shares));
        }
    }

    private static List<String> hex(Map<Integer, Double> shares) {
        return shares.entrySet().stream().map(e -> String.format("#%06x=%.3f", e.getKey(), e.getValue())).toList();
    }
}
