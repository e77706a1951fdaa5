package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every SQL example of the README's {@code sql} section through {@code filmpalette sql} on tables the real
 * pipeline wrote, and checks each result against the same answer computed in plain Java from the table rows.
 */
class ReadmeQueriesTest {

    private static Map<String, String> queries;
    private static Map<String, Palette> filmPalettes;
    private static Map<String, Palette> primariesStills;

    @BeforeAll
    static void readReadmeAndTables() throws IOException {
        queries = readmeQueries(Files.readString(Path.of("README.md")));
        PaletteTables tables = new PaletteTables(SharedSpark.session(), "file:" + SampleTables.tables());
        filmPalettes = new TreeMap<>();
        for (Row row : tables.read(Table.FILM_PALETTES).where("algorithm = 'kmeans'").collectAsList()) {
            filmPalettes.put(row.getAs("film_id"), ColorRows.palette(row.<Row>getList(row.fieldIndex("colors"))));
        }
        primariesStills = new TreeMap<>();
        for (Row row : tables.read(Table.STILL_PALETTES)
                .where("algorithm = 'kmeans' AND film_id = '" + SampleTables.PRIMARIES + "'").collectAsList()) {
            primariesStills.put(row.getAs("frame_id"), ColorRows.palette(row.<Row>getList(row.fieldIndex("colors"))));
        }
        assertEquals(3, filmPalettes.size(), filmPalettes.keySet().toString());
        assertEquals(10, primariesStills.size());
    }

    @Test
    void readmeShowsTheSixQueries() {
        assertEquals(List.of("Nearest films to a film", "Films by dominant hue", "Palette drift across a film's stills",
                "Rejected frames by reason", "Films with a color near a given one", "Accents of each film"),
                new ArrayList<>(queries.keySet()));
    }

    @Test
    void accentsOfEachFilm() {
        List<String[]> rows = run("Accents of each film");
        List<Object[]> accents = new ArrayList<>();
        for (Map.Entry<String, Palette> film : filmPalettes.entrySet()) {
            for (Swatch swatch : film.getValue().swatches()) {
                if (swatch.role() == org.filmpalette.palette.Role.ACCENT) {
                    assertTrue(swatch.share() < 0.05 && swatch.chroma() >= 30, swatch.toString());
                    accents.add(new Object[] {film.getKey(), swatch.hex(), round(swatch.share(), 4),
                        round(swatch.chroma(), 1), swatch.share()});
                }
            }
        }
        accents.sort(Comparator.<Object[], String>comparing(r -> (String) r[0])
                .thenComparing(Comparator.<Object[], Double>comparing(r -> (Double) r[4]).reversed())
                .thenComparing(r -> (String) r[1]));
        assertTrue(accents.stream().anyMatch(r -> r[0].equals(SampleTables.DUSK)
                && org.filmpalette.color.DeltaE2000.between(org.filmpalette.color.Srgb.parseHex((String) r[1]),
                        0xdc2025) < 5), "the dusk film's red lamp is an accent: "
                + accents.stream().map(r -> r[0] + " " + r[1]).toList());
        assertEquals(accents.stream().map(r -> r[0] + "," + r[1] + "," + r[2] + "," + r[3]).toList(), joined(rows));
    }

    @Test
    void nearestFilmsToAFilm() {
        List<String[]> rows = run("Nearest films to a film");
        Palette dusk = filmPalettes.get(SampleTables.DUSK);
        List<String> expected = filmPalettes.entrySet().stream().filter(e -> !e.getKey().equals(SampleTables.DUSK))
                .map(e -> new Object[] {e.getKey(), round(PaletteDistance.between(dusk, e.getValue()), 2)})
                .sorted(Comparator.<Object[], Double>comparing(r -> (Double) r[1]).thenComparing(r -> (String) r[0]))
                .map(r -> r[0] + "," + r[1]).toList();
        assertEquals(2, expected.size());
        assertEquals(expected, joined(rows));
    }

    @Test
    void filmsByDominantHue() {
        List<String[]> rows = run("Films by dominant hue");
        List<String> expected = new ArrayList<>();
        List<Object[]> byHue = new ArrayList<>();
        for (Map.Entry<String, Palette> film : filmPalettes.entrySet()) {
            Swatch dominant = film.getValue().swatches().stream().max(Comparator.comparingDouble(Swatch::share))
                    .orElseThrow();
            double hue = (Math.toDegrees(Math.atan2(dominant.labB(), dominant.labA())) + 360) % 360;
            byHue.add(new Object[] {film.getKey(), dominant, round(hue, 1)});
        }
        byHue.sort(Comparator.<Object[], Double>comparing(r -> (Double) r[2]).thenComparing(r -> (String) r[0]));
        for (Object[] film : byHue) {
            Swatch dominant = (Swatch) film[1];
            expected.add(film[0] + "," + dominant.hex() + "," + round(dominant.share(), 3) + "," + film[2] + ","
                    + round(Math.hypot(dominant.labA(), dominant.labB()), 1));
        }
        assertEquals(3, expected.size());
        assertEquals(expected, joined(rows));
    }

    @Test
    void paletteDriftAcrossAFilmsStills() {
        List<String[]> rows = run("Palette drift across a film's stills");
        List<String> expected = new ArrayList<>();
        Palette previous = null;
        for (Map.Entry<String, Palette> still : primariesStills.entrySet()) {
            if (previous != null) {
                double drift = PaletteDistance.between(previous, still.getValue());
                assertTrue(drift > 0.5, "the synthetic film's stripes drift from still to still: " + drift);
                expected.add(still.getKey() + "," + round(drift, 2));
            }
            previous = still.getValue();
        }
        assertEquals(9, expected.size());
        assertEquals(expected, joined(rows));
    }

    @Test
    void rejectedFramesByReason() {
        assertEquals(List.of("corrupt,1,1", "empty_file,1,1", "not_an_image,1,1"),
                joined(run("Rejected frames by reason")));
    }

    @Test
    void filmsWithAColorNearAGivenOne() {
        List<String[]> rows = run("Films with a color near a given one");
        List<Object[]> near = new ArrayList<>();
        int lamp = 0xe01b24;
        for (Map.Entry<String, Palette> film : filmPalettes.entrySet()) {
            for (Swatch swatch : film.getValue().swatches()) {
                double deltaE = DeltaE2000.between(swatch.rgb(), lamp);
                if (deltaE < 10) {
                    near.add(new Object[] {film.getKey(), swatch.hex() + "," + round(swatch.share(), 4), round(deltaE, 2)});
                }
            }
        }
        near.sort(Comparator.<Object[], Double>comparing(r -> (Double) r[2]).thenComparing(r -> (String) r[0]));
        assertTrue(near.stream().anyMatch(r -> r[0].equals(SampleTables.DUSK)), "the dusk film keeps its red lamp");
        assertEquals(near.stream().map(r -> r[0] + "," + r[1] + "," + r[2]).toList(), joined(rows));
    }

    /** The query's CSV output without its header, cells split. */
    private static List<String[]> run(String title) {
        String sql = queries.get(title);
        Cli.Result result = Cli.run("sql", "--tables", SampleTables.tables().toString(), "--format", "csv", sql);
        assertEquals(0, result.exitCode(), result.err());
        List<String> lines = new ArrayList<>(Arrays.asList(result.out().split("\r\n")));
        assertFalse(lines.isEmpty());
        lines.remove(0);
        return lines.stream().filter(l -> !l.isEmpty()).map(l -> l.split(",", -1)).toList();
    }

    private static List<String> joined(List<String[]> rows) {
        return rows.stream().map(r -> String.join(",", r)).toList();
    }

    /** What Spark's ROUND(x, d) prints for a double: half-up rounding, shortest representation. */
    private static double round(double value, int digits) {
        return new java.math.BigDecimal(Double.toString(value)).setScale(digits, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** The ```sql blocks of the README's sql section, by their leading "-- title" comment. */
    static Map<String, String> readmeQueries(String readme) {
        int start = readme.indexOf("### `sql`");
        int end = readme.indexOf("\n### ", start + 1);
        assertTrue(start >= 0 && end > start, "README has a ### `sql` section");
        Map<String, String> queries = new LinkedHashMap<>();
        String section = readme.substring(start, end);
        int from = 0;
        while ((from = section.indexOf("```sql\n", from)) >= 0) {
            int close = section.indexOf("```", from + 7);
            String block = section.substring(from + 7, close);
            if (block.startsWith("-- ")) {
                int newline = block.indexOf('\n');
                queries.put(block.substring(3, newline).strip(), block.substring(newline + 1).strip());
            }
            from = close + 3;
        }
        return queries;
    }

}
