package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.filmpalette.store.Table;
import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.SyntheticFilms;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that overlap: two started at the same moment on the same tables, and a reader querying while a run commits.
 * Iceberg's compare-and-swap commits let each finish or stop with a message, and never lose or double a frame.
 */
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    @Test
    void twoRunsStartedTogetherLeaveEveryFrameOnceAsRunsOneAfterTheOther() throws Exception {
        Path input = dir.resolve("frames");
        Path tables = dir.resolve("tables");
        archive(input, 3);
        run(input, tables);
        addFrames(input, 4, 5);

        ChildJvm.Started first = startRun(input, tables);
        ChildJvm.Started second = startRun(input, tables);
        // Two Spark drivers on a shared 2-core machine: give them the time of two runs one after the other.
        List<ChildJvm.Result> results = List.of(ChildJvm.finish(first, 10), ChildJvm.finish(second, 10));

        int succeeded = 0;
        for (ChildJvm.Result result : results) {
            if (result.exitCode() == 0) {
                succeeded++;
            } else {
                assertEquals(1, result.exitCode(), result.stderr());
                assertTrue(result.stderr().contains("filmpalette: Another run committed to frames while run "),
                        result.stderr());
            }
        }
        assertTrue(succeeded >= 1, results.toString());
        Map<Table, List<String>> concurrent = contents(tables);
        assertEquals(new HashSet<>(concurrent.get(Table.FRAMES)).size(), concurrent.get(Table.FRAMES).size(),
                "no frame twice");
        assertEquals(2 * 5, concurrent.get(Table.FRAMES).size());

        // Both runs list the same archive, so one after the other the second has nothing to do: a clean run's tables.
        Path clean = dir.resolve("clean");
        run(input, clean);
        assertEquals(contents(clean), concurrent);
    }

    @Test
    void aReaderQueryingDuringARunSeesEveryFilmWholeAndOnce() throws Exception {
        Path input = dir.resolve("frames");
        Path tables = dir.resolve("tables");
        archive(input, 3);
        run(input, tables);
        List<String> before = PipelineRuns.content(tables, Table.FRAMES);
        addFrames(input, 4, 6);
        TestImages.writePng(input.resolve("synthetic-third/frame_00001.png"), SyntheticFilms.primaries(7));

        ChildJvm.Started child = startRun(input, tables);
        Set<List<String>> seen = new HashSet<>();
        while (child.process().isAlive()) {
            seen.add(PipelineRuns.content(tables, Table.FRAMES));
        }
        ChildJvm.Result result = ChildJvm.finish(child);
        assertEquals(0, result.exitCode(), result.stderr());
        List<String> after = PipelineRuns.content(tables, Table.FRAMES);
        assertEquals(2 * 6 + 1, after.size());
        seen.add(after);
        assertEquals(Set.of(before, after), seen, "each query saw the frames before the run or after it");
    }

    private static void run(Path input, Path tables) {
        PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans");
    }

    private ChildJvm.Started startRun(Path input, Path tables) {
        return ChildJvm.start(dir, List.of(), "org.filmpalette.cli.Main", "run", "--input", input.toString(),
                "--tables", tables.toString(), "--algorithms", "kmeans");
    }

    /** Two films of {@code frames} frames each. */
    private static void archive(Path input, int frames) {
        addFrames(input, 1, frames);
    }

    private static void addFrames(Path input, int from, int to) {
        for (int i = from; i <= to; i++) {
            String name = String.format("frame_%05d", i);
            TestImages.writePng(input.resolve("synthetic-primaries/" + name + ".png"), SyntheticFilms.primaries(i));
            TestImages.writePng(input.resolve("synthetic-dusk/" + name + ".png"), SyntheticFilms.dusk(i));
        }
    }

    private static Map<Table, List<String>> contents(Path tables) {
        return Map.of(Table.FRAMES, PipelineRuns.content(tables, Table.FRAMES),
                Table.STILL_PALETTES, PipelineRuns.content(tables, Table.STILL_PALETTES),
                Table.FILM_PALETTES, PipelineRuns.content(tables, Table.FILM_PALETTES));
    }
}
