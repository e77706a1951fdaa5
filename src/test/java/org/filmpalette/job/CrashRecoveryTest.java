package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.filmpalette.store.Table;
import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.SyntheticFilms;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while writing leaves tables that readers can read (the previous committed state), and the next run
 * repairs them to exactly what a clean run gives.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private Path input;
    private Path tables;

    @Test
    void killMinusNineWhileStagingThenRerunEqualsACleanRun() throws Exception {
        Map<Table, List<String>> before = committedThenChanged();

        ChildJvm.Started child = startRun(List.of());
        boolean killed = killWhenStaged(child, tables.resolve("_staging"));
        assertTrue(killed, "the child finished before it staged anything: " + Files.readString(child.stderr()));

        assertEquals(before, contents(tables), "readers see the last committed state");
        RunSummary repaired = run(input, tables);
        assertEquals(List.of("synthetic-dusk", "synthetic-primaries"), repaired.touchedFilms());
        assertEquals(cleanRun(input), contents(tables));
        assertFalse(Files.exists(tables.resolve("_staging").resolve(repaired.runId())));
    }

    @Test
    void haltInTheMiddleOfTheSwapIsFinishedByTheNextRun() throws Exception {
        Map<Table, List<String>> before = committedThenChanged();

        ChildJvm.Result child = ChildJvm.finish(startRun(List.of("-Dfilmpalette.fault.halt-after-commit-steps=3")));
        assertEquals(137, child.exitCode(), child.stderr());
        assertNotEquals(before, contents(tables), "half of the swap happened");

        run(input, tables);

        assertEquals(cleanRun(input), contents(tables));
        try (Stream<Path> staging = Files.list(tables.resolve("_staging"))) {
            assertEquals(0, staging.count(), "recovery removes what the halted run staged");
        }
    }

    /** Commits a small archive, then changes it; returns the committed contents. */
    private Map<Table, List<String>> committedThenChanged() throws IOException {
        input = dir.resolve("frames");
        tables = dir.resolve("tables");
        smallArchive(input);
        run(input, tables);
        Map<Table, List<String>> committed = contents(tables);
        changeArchive(input);
        return committed;
    }

    private ChildJvm.Started startRun(List<String> jvmOptions) {
        return ChildJvm.start(dir, jvmOptions, "org.filmpalette.cli.Main", "run", "--input", input.toString(),
                "--tables", tables.toString(), "--algorithms", "kmeans");
    }

    private static RunSummary run(Path input, Path tables) {
        return PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans");
    }

    /** Two films of four frames each. */
    private static void smallArchive(Path input) {
        for (int i = 1; i <= 4; i++) {
            String name = String.format("frame_%05d", i);
            TestImages.writePng(input.resolve("synthetic-primaries/" + name + ".png"), SyntheticFilms.primaries(i));
            TestImages.write(input.resolve("synthetic-dusk/" + name + ".jpg"),
                    TestImages.jpeg(SyntheticFilms.dusk(i), 0.9f));
        }
    }

    /** Primaries lose frame 3, dusk gains frame 11. */
    private static void changeArchive(Path input) throws IOException {
        Files.delete(input.resolve("synthetic-primaries/frame_00003.png"));
        TestImages.write(input.resolve("synthetic-dusk/frame_00011.jpg"),
                TestImages.jpeg(SyntheticFilms.dusk(11), 0.9f));
    }

    private Map<Table, List<String>> cleanRun(Path input) {
        Path clean = dir.resolve("clean");
        run(input, clean);
        return contents(clean);
    }

    private static Map<Table, List<String>> contents(Path tables) {
        return Map.of(Table.FRAMES, PipelineRuns.content(tables, Table.FRAMES),
                Table.STILL_PALETTES, PipelineRuns.content(tables, Table.STILL_PALETTES),
                Table.FILM_PALETTES, PipelineRuns.content(tables, Table.FILM_PALETTES));
    }

    private static boolean killWhenStaged(ChildJvm.Started child, Path staging) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (child.process().isAlive() && System.nanoTime() < deadline) {
            if (hasStagedStills(staging)) {
                child.process().destroyForcibly().waitFor();
                return true;
            }
            Thread.sleep(5);
        }
        return false;
    }

    private static boolean hasStagedStills(Path staging) throws IOException {
        if (!Files.isDirectory(staging)) {
            return false;
        }
        try (Stream<Path> runs = Files.list(staging)) {
            return runs.anyMatch(run -> Files.isDirectory(run.resolve("still_palettes")));
        }
    }
}
