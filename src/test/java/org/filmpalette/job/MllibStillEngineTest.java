package org.filmpalette.job;

import static org.filmpalette.job.PalettePipelineTest.assertSwatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.filmpalette.palette.Palette;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --still-engine mllib} fits genuine MLlib estimators per still and finds the same known colors. */
class MllibStillEngineTest {

    @TempDir
    Path dir;

    @Test
    void mllibEngineFindsTheColorsOfPaintedFrames() {
        Path input = dir.resolve("in");
        TestImages.writePng(input.resolve("film/halves.png"), TestImages.stripes(64, 32, 0xFF0000, 0x0000FF));
        TestImages.writePng(input.resolve("film/three.png"),
                TestImages.stripes(90, 30, 0xFF0000, 0x00A040, 0x0000FF));
        Path tables = dir.resolve("tables");

        RunSummary summary = PipelineRuns.run(input, tables, "filmpalette.still-engine", "mllib");

        assertEquals(2, summary.framesNew());
        for (String algorithm : List.of("kmeans", "bisecting")) {
            Palette halves = PipelineRuns.stillPalette(tables, "film", "halves", algorithm);
            assertEquals(2, halves.size(), halves.hexList());
            assertSwatch(halves, 0xFF0000, 0.5, 0.01);
            assertSwatch(halves, 0x0000FF, 0.5, 0.01);
            Palette three = PipelineRuns.stillPalette(tables, "film", "three", algorithm);
            assertEquals(3, three.size(), three.hexList());
            assertSwatch(three, 0x00A040, 1 / 3.0, 0.01);
        }
    }
}
