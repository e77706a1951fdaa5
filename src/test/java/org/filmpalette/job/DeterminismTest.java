package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.filmpalette.store.Table;
import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.SyntheticFilms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same input and seed give the same tables whatever the number of cores and partitions. */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void palettesAreIdenticalUnderLocal1AndLocal2() {
        Path input = dir.resolve("frames");
        SyntheticFilms.main(new String[] {input.toString()});
        Path local2 = dir.resolve("local2");
        Path local1 = dir.resolve("local1");

        PipelineRuns.run(input, local2, "spark.sql.shuffle.partitions", "7");
        ChildJvm.Result child = ChildJvm.run(dir, "org.filmpalette.cli.Main", "run",
                "--input", input.toString(), "--tables", local1.toString(),
                "--conf", "spark.master=local[1]", "--conf", "spark.sql.shuffle.partitions=1");

        assertEquals(0, child.exitCode(), child.stderr());
        assertTrue(child.stdout().contains("frames: 20 seen, 20 new, 0 rejected"), child.stdout());
        for (Table table : List.of(Table.FRAMES, Table.STILL_PALETTES, Table.FILM_PALETTES)) {
            List<String> expected = PipelineRuns.content(local2, table);
            assertFalse(expected.isEmpty(), table.id());
            assertEquals(expected, PipelineRuns.content(local1, table), table.id());
        }
    }
}
