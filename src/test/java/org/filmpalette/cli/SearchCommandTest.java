package org.filmpalette.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.store.TablesCatalog;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search} on tables the real pipeline wrote from data-sample. */
class SearchCommandTest {

    private static String tables;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeTables() {
        tables = SampleTables.tables().toString();
    }

    @Test
    void likeADataSampleFrameFindsThatFrameFirst() {
        for (String frame : List.of("synthetic-dusk/frame_00004.jpg", "synthetic-primaries/frame_00007.png")) {
            Cli.Result result = Cli.run("search", "--tables", tables, "--like", "data-sample/" + frame, "--top", "3");
            assertEquals(0, result.exitCode(), result.err());
            String[] lines = result.out().split("\n");
            assertEquals(4, lines.length, result.out());
            String[] first = lines[1].trim().split("\\s+");
            String film = frame.substring(0, frame.indexOf('/'));
            String frameId = frame.substring(frame.indexOf('/') + 1, frame.lastIndexOf('.'));
            assertEquals(List.of(film, frameId), List.of(first[1], first[2]), result.out());
            // The image's palette is the stored one (same engine, defaults and seed): distance 0.
            assertEquals(0.0, Double.parseDouble(first[0]), 1e-9, result.out());
            double second = Double.parseDouble(lines[2].trim().split("\\s+")[0]);
            assertTrue(second > 0.0, result.out());
        }
    }

    @Test
    void likeOverStillsWrittenBeforeTheEmbeddingColumnEmbedsTheirColorsAndAnswersTheSame() throws Exception {
        Path input = dir.resolve("frames/" + SampleTables.DUSK);
        Files.createDirectories(input);
        try (var frames = Files.list(Path.of("data-sample", SampleTables.DUSK))) {
            for (Path frame : (Iterable<Path>) frames::iterator) {
                Files.copy(frame, input.resolve(frame.getFileName()));
            }
        }
        Path own = dir.resolve("tables");
        SampleTables.runKmeans(input.getParent(), own);
        String[] search = {"search", "--tables", own.toString(), "--like",
            "data-sample/synthetic-dusk/frame_00004.jpg", "--top", "3"};
        Cli.Result stored = Cli.run(search);

        // Rows of an older run: the column is there (the table was evolved), their embedding is null.
        SparkSession spark = SharedSpark.session();
        String stills = new PaletteTables(spark, TablesCatalog.qualify(own.toString())).catalog()
                .tableName(Table.STILL_PALETTES);
        spark.sql("UPDATE " + stills + " SET " + TableSchemas.EMBEDDING + " = NULL");
        assertEquals(0, spark.table(stills).where(col(TableSchemas.EMBEDDING).isNotNull()).count());
        Cli.Result derived = Cli.run(search);

        assertEquals(0, derived.exitCode(), derived.err());
        assertEquals(4, derived.out().split("\n").length, derived.out());
        assertEquals(stored.out(), derived.out());
    }

    @Test
    void likeAtFilmLevelListsFilmsNearestFirst() {
        Cli.Result result = Cli.run("search", "--tables", tables, "--like", "data-sample/synthetic-dusk/frame_00004.jpg",
                "--level", "film", "--top", "2");
        assertEquals(0, result.exitCode(), result.err());
        String[] lines = result.out().split("\n");
        assertEquals(SampleTables.DUSK, lines[1].trim().split("\\s+")[1], result.out());
    }

    @Test
    void colorListsFilmsAndStillsHoldingANearColorNearestFirst() {
        // The teal frame of the rejects film is one flat color: its still palette holds it at share 1.
        Cli.Result result = Cli.run("search", "--tables", tables, "--color", "#1a8c8d", "--top", "2");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = List.of(result.out().split("\n"));
        assertEquals("films with a color near #1a8c8d (kmeans, share >= 0.01):", lines.get(0));
        int stills = lines.indexOf("stills with a color near #1a8c8d (kmeans, share >= 0.01):");
        assertEquals(List.of(3, 6), List.of(stills, lines.size()), result.out());
        String[] firstStill = lines.get(stills + 1).trim().split("\\s+");
        assertEquals(List.of(SampleTables.REJECTS_FILM, "frame_1", "#1a8c8c", "1.0000"),
                List.of(firstStill[1], firstStill[2], firstStill[3], firstStill[4]), result.out());
        assertEquals(DeltaE2000.between(0x1a8c8d, 0x1a8c8c), Double.parseDouble(firstStill[0]), 0.005);
        double secondStill = Double.parseDouble(lines.get(stills + 2).trim().split("\\s+")[0]);
        assertTrue(secondStill >= Double.parseDouble(firstStill[0]), result.out());
    }

    @Test
    void anUnreadableImageIsOneLineAndExitCode2() throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not an image");
        Cli.Result result = Cli.run("search", "--tables", tables, "--like", broken.toString());
        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().split("\n").length, result.err());
        assertTrue(result.err().startsWith("filmpalette: Invalid --like: " + broken), result.err());
        Cli.Result missing = Cli.run("search", "--tables", tables, "--like", dir.resolve("missing.jpg").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().strip().split("\n").length, missing.err());
    }

    @Test
    void aBadHexIsOneLineAndExitCode2() {
        Cli.Result result = Cli.run("search", "--tables", tables, "--color", "#12345");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --color: #12345 (must be #rrggbb)", result.err().strip());
        Cli.Result both = Cli.run("search", "--tables", tables, "--color", "#123456", "--like", "x.png");
        assertEquals(2, both.exitCode());
        assertEquals(1, both.err().strip().split("\n").length, both.err());
    }
}
