package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.ExportFormat;
import org.filmpalette.query.ExportPalette;
import org.filmpalette.query.Harmony;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code sql}, {@code compare} and {@code export} on tables the real pipeline wrote, checked against the rows. */
class QueryCommandsTest {

    private static String tables;
    private static Map<String, Palette> films;

    @TempDir
    Path dir;

    @BeforeAll
    static void readFilmPalettes() {
        tables = SampleTables.tables().toString();
        films = new TreeMap<>();
        for (Row row : new PaletteTables(SharedSpark.session(), "file:" + tables).read(Table.FILM_PALETTES)
                .where("algorithm = 'kmeans'").collectAsList()) {
            films.put(row.getAs("film_id"), ColorRows.palette(row.<Row>getList(row.fieldIndex("colors"))));
        }
    }

    @Test
    void sqlPrintsAnAlignedTableWithNumbersToTheRight() {
        Cli.Result result = Cli.run("sql", "--tables", tables,
                "SELECT film_id, count(*) AS stills FROM still_palettes GROUP BY film_id ORDER BY film_id");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("""
                film_id              stills
                -------------------  ------
                synthetic-dusk           10
                synthetic-primaries      10
                test-rejects              2
                (3 rows)
                """, result.out());
    }

    @Test
    void sqlTimeTravelsToTheSnapshotsARunRecorded() {
        Path input = dir.resolve("frames");
        Path own = dir.resolve("tables");
        for (int i = 1; i <= 2; i++) {
            org.filmpalette.testing.TestImages.writePng(input.resolve("a/f" + i + ".png"),
                    org.filmpalette.testing.SyntheticFilms.primaries(i));
        }
        SampleTables.runKmeans(input, own);
        org.filmpalette.testing.TestImages.writePng(input.resolve("a/f3.png"),
                org.filmpalette.testing.SyntheticFilms.primaries(3));
        SampleTables.runKmeans(input, own);

        Cli.Result snapshots = Cli.run("sql", "--tables", own.toString(), "--format", "csv",
                "SELECT frames_snapshot, still_palettes_snapshot FROM runs ORDER BY started_at");
        assertEquals(0, snapshots.exitCode(), snapshots.err());
        String[] first = snapshots.out().lines().toList().get(1).split(",");
        Cli.Result then = Cli.run("sql", "--tables", own.toString(), "--format", "csv",
                "SELECT (SELECT count(*) FROM frames VERSION AS OF " + first[0] + ") AS frames, (SELECT count(*) "
                        + "FROM still_palettes VERSION AS OF " + first[1] + ") AS stills, (SELECT count(*) FROM frames)"
                        + " AS now");
        assertEquals(0, then.exitCode(), then.err());
        assertEquals("frames,stills,now\r\n2,2,3\r\n", then.out());
    }

    @Test
    void sqlPrintsJsonLinesAndSeesEveryTable() {
        Cli.Result result = Cli.run("sql", "--tables", tables, "--format", "json",
                "SELECT (SELECT count(*) FROM frames) AS frames, (SELECT count(*) FROM runs) AS runs, "
                        + "(SELECT count(*) FROM film_palettes) AS films, "
                        + "round(delta_e('#000000', '#ffffff'), 1) AS black_white");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("{\"frames\":25,\"runs\":1,\"films\":3,\"black_white\":100.0}\n", result.out());
    }

    @Test
    void badSqlIsBadUsageInOneLine() {
        Cli.Result result = Cli.run("sql", "--tables", tables, "SELECT nope FROM film_palettes");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("filmpalette: Invalid STATEMENT: [UNRESOLVED_COLUMN"), result.err());
        assertEquals(1, result.err().strip().lines().count(), result.err());
    }

    @Test
    void aTableNotWrittenYetIsAnEmptyView() throws Exception {
        PaletteTables fresh = new PaletteTables(SharedSpark.session(), "file:" + dir.resolve("fresh"));
        fresh.createOrEvolve();
        SharedSpark.session().sql("DROP TABLE " + fresh.catalog().tableName(Table.FILM_PALETTES));
        Cli.Result result = Cli.run("sql", "--tables", dir.resolve("fresh").toString(), "--format", "csv",
                "SELECT count(*) AS films, count(colors) AS colors FROM film_palettes");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals("films,colors\r\n0,0\r\n", result.out());
    }

    @Test
    void nonSparkConfIsBadUsage() {
        Cli.Result result = Cli.run("sql", "--tables", tables, "--conf", "filmpalette.k=4", "SELECT 1");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --conf: filmpalette.k (only spark.* keys apply to this command)\n",
                result.err());
    }

    @Test
    void missingTablesRootNamesTheFlag() {
        Cli.Result result = Cli.run("sql", "--tables", dir.resolve("none").toString(), "SELECT 1");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().startsWith("filmpalette: Invalid --tables: " + dir.resolve("none")), result.err());
    }

    @Test
    void compareListsTheNearestFilmsByPaletteDistance() {
        Cli.Result result = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "1");
        assertEquals(0, result.exitCode(), result.err());
        Palette dusk = films.get(SampleTables.DUSK);
        String nearest = films.keySet().stream().filter(f -> !f.equals(SampleTables.DUSK))
                .min(Comparator.comparingDouble(f -> PaletteDistance.between(dusk, films.get(f)))).orElseThrow();
        String hex = dusk.hexList();
        assertEquals(List.of(SampleTables.DUSK + " (kmeans)  " + hex,
                String.format(Locale.ROOT, "%8.2f  %-19s  %s  vs  %s", PaletteDistance.between(dusk, films.get(nearest)),
                        nearest, hex, films.get(nearest).hexList())),
                result.out().lines().toList());
    }

    @Test
    void compareListsEveryOtherFilmInDistanceOrderAndAnsiBlocksOnRequest() {
        Cli.Result result = Cli.run("compare", "--tables", tables, "--film", SampleTables.PRIMARIES, "--color",
                "always");
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = result.out().lines().toList();
        assertEquals(3, lines.size(), result.out());
        List<Double> distances = new ArrayList<>();
        for (String line : lines.subList(1, 3)) {
            distances.add(Double.parseDouble(line.strip().split("\\s+")[0]));
            assertTrue(line.contains("\u001b[48;2;"), line);
        }
        assertTrue(distances.get(0) <= distances.get(1), distances.toString());
        Swatch first = films.get(SampleTables.PRIMARIES).get(0);
        assertTrue(lines.get(0).contains("\u001b[48;2;" + first.red() + ";" + first.green() + ";" + first.blue() + "m"));
    }

    @Test
    void compareOfAnUnknownFilmIsBadUsageNamingTheFilm() {
        Cli.Result result = Cli.run("compare", "--tables", tables, "--film", "heat");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --film: heat (not in film_palettes; known films: synthetic-dusk, "
                + "synthetic-primaries, test-rejects)\n", result.err());
        Cli.Result algorithm = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--algorithm",
                "bisecting");
        assertEquals(2, algorithm.exitCode());
        assertEquals("filmpalette: Invalid --algorithm: bisecting (film synthetic-dusk has palettes for kmeans)\n",
                algorithm.err());
    }

    @Test
    void exportWritesEachFormatOfTheFilmPalette() throws Exception {
        Palette dusk = films.get(SampleTables.DUSK);
        ExportPalette expected = ExportPalette.of(SampleTables.DUSK + " kmeans", SampleTables.DUSK, dusk);
        for (ExportFormat format : ExportFormat.values()) {
            Path out = dir.resolve("dusk." + format.id());
            Cli.Result result = Cli.run("export", "--tables", tables, "--film", SampleTables.DUSK, "--format",
                    format.id(), "--out", out.toString());
            assertEquals(0, result.exitCode(), result.err());
            assertArrayEquals(format.write(expected), Files.readAllBytes(out), format.id());
        }
        String coolors = Files.readString(dir.resolve("dusk.coolors"));
        assertEquals("https://coolors.co/" + dusk.hexList().replace("#", "").replace(' ', '-') + "\n", coolors);
    }

    @Test
    void exportOfOneStillAndOfAHarmonyGoesToStdout() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        CommandLine commandLine = new CommandLine(new ExportCommand(stdout));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        assertEquals(0, commandLine.execute("--tables", tables, "--film", SampleTables.REJECTS_FILM, "--frame",
                "frame_2", "--format", "hex"));
        assertEquals(String.format("#%06x%n", SampleTables.OCHRE), stdout.toString(StandardCharsets.UTF_8));

        stdout.reset();
        assertEquals(0, commandLine.execute("--tables", tables, "--film", SampleTables.REJECTS_FILM, "--frame",
                "frame_1", "--format", "hex", "--harmony", "complementary"));
        List<Integer> harmony = Harmony.COMPLEMENTARY.of(SampleTables.TEAL);
        assertEquals(String.format("#%06x%n#%06x%n", SampleTables.TEAL, harmony.get(1)),
                stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exportOfAnUnknownFrameIsBadUsage() {
        Cli.Result result = Cli.run("export", "--tables", tables, "--film", SampleTables.REJECTS_FILM, "--frame",
                "frame_3", "--format", "hex");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --frame: frame_3 (film test-rejects has no still palette of that frame for "
                + "--algorithm kmeans)\n", result.err());
    }
}
