package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final String ID = "\\d{8}T\\d{6}Z-[0-9a-f]{6}";
    private static final Pattern RUN_ID = Pattern.compile("filmpalette run (" + ID + ") done");
    private static final Pattern CONFLICT = Pattern.compile("filmpalette: Another run committed to frames while run "
            + ID + " ran: run (" + ID + ") moved main from snapshot \\d+ to \\d+\\. This run published nothing");

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
        for (int i = 0; i < 2; i++) {
            ChildJvm.Result result = results.get(i);
            if (result.exitCode() == 0) {
                succeeded++;
            } else {
                assertEquals(1, result.exitCode(), result.stderr());
                // The loser names the conflict: the table, and the winner's run, which moved main.
                Matcher conflict = CONFLICT.matcher(result.stderr());
                assertTrue(conflict.find(), result.stderr());
                assertEquals(runId(results.get(1 - i).stdout()), conflict.group(1), result.stderr());
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
        Map<Table, List<String>> before = contents(tables);
        addFrames(input, 4, 6);
        TestImages.writePng(input.resolve("synthetic-third/frame_00001.png"), SyntheticFilms.primaries(7));

        // The run pauses after publishing each table, so the reader also queries every half-published state.
        ChildJvm.Started child = ChildJvm.start(dir, List.of(), StoppedRun.class.getName(), input.toString(),
                tables.toString(), "pause-after-each", "8000");
        Map<Table, Set<List<String>>> seen = new EnumMap<>(Table.class);
        Set<List<String>> framesSeenWhileRunning = new HashSet<>();
        while (child.process().isAlive()) {
            for (Table table : Table.FILM_TABLES) {
                List<String> content = PipelineRuns.content(tables, table);
                seen.computeIfAbsent(table, t -> new HashSet<>()).add(content);
                if (table == Table.FRAMES && child.process().isAlive()) {
                    framesSeenWhileRunning.add(content);
                }
            }
        }
        ChildJvm.Result result = ChildJvm.finish(child);
        assertEquals(0, result.exitCode(), result.stderr());
        Map<Table, List<String>> after = contents(tables);
        assertEquals(2 * 6 + 1, after.get(Table.FRAMES).size());
        assertEquals(3, after.get(Table.FILM_PALETTES).size(), "three films, one kmeans palette each");
        assertTrue(framesSeenWhileRunning.contains(after.get(Table.FRAMES)),
                "the reader queried while the run was publishing");
        for (Table table : Table.FILM_TABLES) {
            Set<List<String>> states = new HashSet<>(seen.get(table));
            states.add(after.get(table));
            assertEquals(Set.of(before.get(table), after.get(table)), states,
                    "each query of " + table.id() + " saw the table before the run or after it");
        }
    }

    /** The run id a run prints in its summary: {@code filmpalette run ID done}. */
    private static String runId(String output) {
        Matcher id = RUN_ID.matcher(output);
        assertTrue(id.find(), output);
        return id.group(1);
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
        return PipelineRuns.contents(tables, Table.FILM_TABLES);
    }
}
