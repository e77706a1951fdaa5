package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.filmpalette.quality.BenchmarkFilms;
import org.filmpalette.quality.BenchmarkFrame;
import org.filmpalette.quality.PaletteQuality;
import org.filmpalette.store.Table;
import org.filmpalette.testing.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default {@code --palette-mode accents} in the job: the planted accents survive, and local[1] equals local[2].
 */
class AccentsModeTest {

    @TempDir
    Path dir;

    @Test
    void defaultJobKeepsThePlantedAccentsAndIsIdenticalUnderLocal1AndLocal2() {
        Path input = dir.resolve("frames");
        List<BenchmarkFrame> frames = BenchmarkFilms.generate(42L, 2);
        BenchmarkFilms.write(frames, input);
        Path local2 = dir.resolve("local2");
        Path local1 = dir.resolve("local1");

        PipelineRuns.run(input, local2, "filmpalette.algorithms", "kmeans", "spark.sql.shuffle.partitions", "7");
        ChildJvm.Result child = ChildJvm.run(dir, "org.filmpalette.cli.Main", "run",
                "--input", input.toString(), "--tables", local1.toString(), "--algorithms", "kmeans", "--conf", "spark.master=local[1]", "--conf", "spark.sql.shuffle.partitions=1");

        assertEquals(0, child.exitCode(), child.stderr());
        assertTrue(child.stdout().contains("frames: 8 seen, 8 new, 0 rejected"), child.stdout());
        for (Table table : List.of(Table.STILL_PALETTES, Table.FILM_PALETTES)) {
            List<String> expected = PipelineRuns.content(local2, table);
            assertFalse(expected.isEmpty(), table.id());
            assertEquals(expected, PipelineRuns.content(local1, table), table.id());
        }
        for (BenchmarkFrame frame : frames) {
            int[] colors = PaletteQuality.colors(
                    PipelineRuns.stillPalette(local2, frame.filmId(), frame.frameId(), "kmeans"));
            assertEquals(frame.accents().size(), PaletteQuality.keptAccents(colors, frame.accentColors()),
                    frame.filmId() + "/" + frame.frameId());
        }
    }
}
