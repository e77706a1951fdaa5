package org.filmpalette.job;

import static org.filmpalette.job.PalettePipelineTest.assertSwatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.filmpalette.palette.Palette;
import org.filmpalette.quality.BenchmarkFilms;
import org.filmpalette.quality.BenchmarkFrame;
import org.filmpalette.quality.PaletteQuality;
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

    @Test
    void mllibEngineRunsTheAccentPassToo() {
        // market-crowd's first frame: two weak accents (chroma 37 and 40, under 1 %) on a busy background.
        BenchmarkFrame frame = BenchmarkFilms.frame(42L, 3, 1);
        BenchmarkFilms.write(List.of(frame), dir.resolve("in"));
        Path plain = dir.resolve("plain");
        Path accents = dir.resolve("accents");

        PipelineRuns.run(dir.resolve("in"), plain, "filmpalette.still-engine", "mllib", "filmpalette.algorithms",
                "kmeans", "filmpalette.palette-mode", "plain");
        PipelineRuns.run(dir.resolve("in"), accents, "filmpalette.still-engine", "mllib", "filmpalette.algorithms",
                "kmeans");

        int[] plainColors = PaletteQuality.colors(PipelineRuns.stillPalette(plain, frame.filmId(), frame.frameId(),
                "kmeans"));
        Palette kept = PipelineRuns.stillPalette(accents, frame.filmId(), frame.frameId(), "kmeans");
        assertEquals(2, frame.accents().size());
        assertEquals(0, PaletteQuality.keptAccents(plainColors, frame.accentColors()));
        assertEquals(2, PaletteQuality.keptAccents(PaletteQuality.colors(kept), frame.accentColors()), kept.hexList());
        assertEquals(1.0, kept.swatches().stream().mapToDouble(s -> s.share()).sum(), 1e-9);
    }
}
