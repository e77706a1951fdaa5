package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

import org.filmpalette.store.Table;
import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.SyntheticFilms;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed while writing, or halted between its table commits, leaves tables that readers can read (each a
 * committed snapshot), and the next run repairs them to exactly what a clean run gives.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    private Path input;
    private Path tables;

    @Test
    void killMinusNineWhileWritingThenRerunEqualsACleanRun() throws Exception {
        Map<Table, List<String>> before = committedThenChanged();

        Path marker = dir.resolve("written");
        ChildJvm.Started child = startRun("written", marker.toString());
        assertTrue(awaitFile(marker, child.process()), "the child ended before writing: "
                + Files.readString(child.stderr()));
        assertEquals(before, contents(tables), "readers see the last committed state while the run writes");
        child.process().destroyForcibly().waitFor();

        assertEquals(before, contents(tables), "readers see the last committed state after the kill");
        RunSummary repaired = run(input, tables);
        assertEquals(List.of("synthetic-dusk", "synthetic-primaries"), repaired.touchedFilms());
        assertEquals(cleanRun(input), contents(tables));
    }

    @Test
    void haltBetweenTableCommitsIsRepairedByTheNextRun() throws Exception {
        Map<Table, List<String>> before = committedThenChanged();

        ChildJvm.Result child = ChildJvm.finish(startRun("halt-after", Table.FRAMES.name()), 10);
        assertEquals(137, child.exitCode(), child.stderr());
        Map<Table, List<String>> halfway = contents(tables);
        assertNotEquals(before.get(Table.FRAMES), halfway.get(Table.FRAMES), "frames were published");
        assertEquals(before.get(Table.STILL_PALETTES), halfway.get(Table.STILL_PALETTES), "stills were not");

        run(input, tables);

        assertEquals(cleanRun(input), contents(tables));
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

    private ChildJvm.Started startRun(String stop, String argument) {
        return ChildJvm.start(dir, List.of(), StoppedRun.class.getName(), input.toString(), tables.toString(), stop,
                argument);
    }

    /** Waits for {@code file} to be created (a file system event), or for the process to end. */
    private static boolean awaitFile(Path file, Process process) throws Exception {
        try (WatchService watcher = file.getFileSystem().newWatchService()) {
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
            while (!Files.exists(file) && process.isAlive() && System.nanoTime() < deadline) {
                WatchKey key = watcher.poll(1, TimeUnit.SECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
            return Files.exists(file) && Files.size(file) > 0;
        }
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
        return PipelineRuns.contents(tables, List.of(Table.FRAMES, Table.STILL_PALETTES, Table.FILM_PALETTES));
    }

}
