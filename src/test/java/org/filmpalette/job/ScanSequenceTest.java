package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.filmpalette.testing.TestScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DPX and OpenEXR sequences in film folders are frames: their stills have the colors they were made from. */
class ScanSequenceTest {

    private static final int[] COLORS = {0xE01B24, 0x1C71D8, 0x26A269};

    @TempDir
    Path dir;

    @Test
    void scanSequencesGiveTheirColorsAndADamagedDpxIsRejected() throws Exception {
        Path dpx = Files.createDirectories(dir.resolve("archive").resolve("dpx_scan"));
        Path exr = Files.createDirectories(dir.resolve("archive").resolve("exr_scan"));
        for (int i = 0; i < COLORS.length; i++) {
            TestScans.dpx(dpx.resolve(String.format("frame_%04d.dpx", i + 1)), TestImages.solid(320, 180, COLORS[i]));
            TestScans.exr(exr.resolve(String.format("frame_%04d.exr", i + 1)), TestImages.solid(320, 180, COLORS[i]), 1);
        }
        byte[] bytes = Files.readAllBytes(dpx.resolve("frame_0001.dpx"));
        Files.write(dpx.resolve("frame_0099.dpx"), java.util.Arrays.copyOf(bytes, 1000)); // header cut short
        Path tables = dir.resolve("tables");

        PipelineRuns.run(dir.resolve("archive"), tables);

        Map<String, String> outcomes = new TreeMap<>();
        for (Row row : PipelineRuns.rows(tables, Table.FRAMES)) {
            String reason = row.getString(row.fieldIndex(TableSchemas.REASON));
            outcomes.put(row.getString(row.fieldIndex(TableSchemas.FILM_ID)) + "/"
                    + row.getString(row.fieldIndex(TableSchemas.FRAME_ID)),
                    reason == null ? row.getString(row.fieldIndex(TableSchemas.STATUS)) : reason.split(":")[0]);
        }
        assertEquals(Map.of("dpx_scan/frame_0001", "ok", "dpx_scan/frame_0002", "ok", "dpx_scan/frame_0003", "ok",
                "dpx_scan/frame_0099", "corrupt", "exr_scan/frame_0001", "ok", "exr_scan/frame_0002", "ok",
                "exr_scan/frame_0003", "ok"), outcomes);
        for (String film : new String[] {"dpx_scan", "exr_scan"}) {
            for (int i = 0; i < COLORS.length; i++) {
                Palette palette = PipelineRuns.stillPalette(tables, film, String.format("frame_%04d", i + 1), "kmeans");
                int dominant = palette.swatches().get(0).rgb();
                double deltaE = DeltaE2000.between(COLORS[i], dominant);
                assertTrue(deltaE < 1, String.format("%s frame %d: #%06x came back as #%06x (dE2000 %.2f)", film,
                        i + 1, COLORS[i], dominant, deltaE));
            }
        }
    }
}
