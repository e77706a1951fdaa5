package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.SyntheticFilms;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maintain} compacts, expires and cleans with Iceberg's actions and leaves every row as it was. */
class MaintainCommandTest {

    @TempDir
    Path dir;

    @Test
    void maintainCompactsExpiresAndDeletesOrphansKeepingTheRows() throws Exception {
        Path input = dir.resolve("frames");
        Path tables = dir.resolve("tables");
        for (int i = 1; i <= 3; i++) {
            TestImages.writePng(input.resolve("a/f" + i + ".png"), SyntheticFilms.primaries(i));
            TestImages.writePng(input.resolve("b/f" + i + ".png"), SyntheticFilms.dusk(i));
            SampleTables.runKmeans(input, tables);
        }
        PaletteTables store = new PaletteTables(SharedSpark.session(), "file:" + tables);
        List<String> frames = content(store, Table.FRAMES);
        List<String> stills = content(store, Table.STILL_PALETTES);
        assertTrue(snapshots(store, Table.FRAMES) > 2);
        assertTrue(deleteFiles(store, Table.STILL_PALETTES) > 0, "incremental runs left delete files");
        Path orphan = Files.writeString(tables.resolve("filmpalette/frames/data/orphan.parquet"), "not referenced");
        Files.setLastModifiedTime(orphan, java.nio.file.attribute.FileTime.fromMillis(0));

        Cli.Result result = Cli.run("maintain", "--tables", tables.toString(), "--snapshot-days", "0",
                "--retain-last", "1", "--orphan-days", "1");

        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("frames "), result.out());
        assertEquals(frames, content(store, Table.FRAMES));
        assertEquals(stills, content(store, Table.STILL_PALETTES));
        assertEquals(1, snapshots(store, Table.FRAMES));
        assertEquals(0, deleteFiles(store, Table.STILL_PALETTES));
        assertFalse(Files.exists(orphan), result.out());
        // An incremental run after maintenance finds nothing to do, and has nothing to repair.
        var rerun = new org.filmpalette.job.PalettePipeline(SharedSpark.session(), org.filmpalette.config.JobConfig
                .fromSettings(java.util.Map.of("filmpalette.input", input.toString(), "filmpalette.tables",
                        tables.toString(), "filmpalette.algorithms", "kmeans"))).run();
        assertEquals(0, rerun.framesNew());
        assertEquals(List.of(), rerun.touchedFilms());
    }

    @Test
    void negativeDaysAreBadUsage() {
        Cli.Result result = Cli.run("maintain", "--tables", dir.toString(), "--orphan-days", "-1");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --orphan-days: -1 (must be 0 or more)\n", result.err());
    }

    private static List<String> content(PaletteTables store, Table table) {
        return store.read(table).drop(TableSchemas.RUN_ID, TableSchemas.THUMBNAIL, TableSchemas.EMBEDDING).collectAsList()
                .stream().map(Row::toString)
                .sorted(Comparator.naturalOrder()).toList();
    }

    private static long snapshots(PaletteTables store, Table table) {
        return java.util.stream.StreamSupport.stream(store.load(table).snapshots().spliterator(), false).count();
    }

    private static long deleteFiles(PaletteTables store, Table table) {
        return Long.parseLong(store.load(table).currentSnapshot().summary().getOrDefault("total-delete-files", "0"));
    }
}
