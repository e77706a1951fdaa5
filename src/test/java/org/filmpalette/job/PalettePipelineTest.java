package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PalettePipelineTest {

    private static final int RED = 0xFF0000;
    private static final int BLUE = 0x0000FF;
    private static final int GREEN = 0x00A040;

    @TempDir
    Path dir;

    @Test
    void halvesRedBlueGiveTwoEqualSwatches() {
        Path input = dir.resolve("in");
        TestImages.writePng(input.resolve("film-a/halves.png"), TestImages.stripes(64, 32, RED, BLUE));
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables);

        for (String algorithm : List.of("kmeans", "bisecting")) {
            Palette palette = PipelineRuns.stillPalette(tables, "film-a", "halves", algorithm);
            assertEquals(2, palette.size(), algorithm + " " + palette.hexList());
            assertSwatch(palette, RED, 0.5, 0.01);
            assertSwatch(palette, BLUE, 0.5, 0.01);
        }
    }

    @Test
    void threeStripeFrameGivesItsThreeColors() {
        Path input = dir.resolve("in");
        TestImages.writePng(input.resolve("film-b/three.png"), TestImages.stripes(90, 30, RED, GREEN, BLUE));
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables);

        for (String algorithm : List.of("kmeans", "bisecting")) {
            Palette palette = PipelineRuns.stillPalette(tables, "film-b", "three", algorithm);
            assertEquals(3, palette.size(), algorithm + " " + palette.hexList());
            for (int color : new int[] {RED, GREEN, BLUE}) {
                assertSwatch(palette, color, 1 / 3.0, 0.01);
            }
        }
    }

    @Test
    void truncatedJpegLandsInRejectsWithReasonWhileOtherFramesGetPalettes() throws Exception {
        Path input = dir.resolve("in");
        byte[] jpeg = TestImages.jpeg(TestImages.stripes(200, 100, RED, BLUE), 0.9f);
        TestImages.write(input.resolve("film-c/good.jpg"), jpeg);
        TestImages.write(input.resolve("film-c/broken.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        TestImages.writePng(input.resolve("film-c/also-good.png"), TestImages.solid(40, 30, GREEN));
        Files.writeString(input.resolve("film-c/notes.txt"), "not a frame");
        Path tables = dir.resolve("tables");

        RunSummary summary = PipelineRuns.run(input, tables);

        assertEquals(3, summary.framesSeen());
        assertEquals(1, summary.framesRejected());
        List<Row> frames = PipelineRuns.rows(tables, Table.FRAMES);
        assertEquals(3, frames.size());
        Row broken = frames.stream().filter(r -> r.getAs(TableSchemas.FRAME_ID).equals("broken")).findFirst()
                .orElseThrow();
        assertEquals(TableSchemas.STATUS_REJECTED, broken.getAs(TableSchemas.STATUS));
        assertTrue(((String) broken.getAs(TableSchemas.REASON)).startsWith("corrupt:"),
                (String) broken.getAs(TableSchemas.REASON));
        List<Row> stills = PipelineRuns.rows(tables, Table.STILL_PALETTES);
        assertEquals(4, stills.size(), "two algorithms for each of the two good frames");
        assertFalse(stills.stream().anyMatch(r -> r.getAs(TableSchemas.FRAME_ID).equals("broken")));
        assertEquals(2, PipelineRuns.rows(tables, Table.FILM_PALETTES).size());
    }

    static void assertSwatch(Palette palette, int rgb, double share, double tolerance) {
        Swatch nearest = palette.swatches().stream()
                .min((x, y) -> Double.compare(DeltaE2000.between(x.rgb(), rgb), DeltaE2000.between(y.rgb(), rgb)))
                .orElseThrow();
        double deltaE = DeltaE2000.between(nearest.rgb(), rgb);
        assertTrue(deltaE < 1.0, "no swatch within ΔE2000 1 of " + Integer.toHexString(rgb) + " in "
                + palette.hexList() + " (nearest " + deltaE + ")");
        assertEquals(share, nearest.share(), tolerance, "share of " + nearest.hex());
    }
}
