package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.neighbors.PaletteEmbedding;
import org.filmpalette.neighbors.StoredEmbedding;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} writes {@code film_neighbors} and each still's embedding, and keeps the lists incremental. */
class FilmNeighborsRunTest {

    private static final int FILMS = 8;
    private static final String[] SETTINGS = {"filmpalette.algorithms", "kmeans", "filmpalette.neighbors", "3"};

    @TempDir
    Path dir;

    @Test
    void aRunWritesEachFilmsNearestFilmsAndTheStillsEmbeddings() {
        Path input = archive();
        Path tables = dir.resolve("tables");
        PipelineRuns.run(input, tables, SETTINGS);

        Map<String, Palette> films = filmPalettes(tables);
        Map<String, List<Row>> lists = lists(tables);
        assertEquals(films.keySet(), lists.keySet());
        for (Map.Entry<String, Palette> film : films.entrySet()) {
            // The expected list, computed here over all pairs of the film palettes read back.
            List<String> expected = films.keySet().stream().filter(other -> !other.equals(film.getKey()))
                    .sorted(Comparator.comparingDouble((String other) -> PaletteDistance.between(film.getValue(),
                            films.get(other))).thenComparing(other -> other))
                    .limit(3).toList();
            List<Row> list = lists.get(film.getKey());
            assertEquals(expected, neighborIds(list), film.getKey());
            assertEquals(List.of(1, 2, 3), list.stream().map(row -> row.<Integer>getAs(TableSchemas.RANK)).toList());
            for (Row row : list) {
                assertEquals(PaletteDistance.between(film.getValue(), films.get(row.getAs(TableSchemas.NEIGHBOR_FILM_ID))),
                        row.<Double>getAs(TableSchemas.DISTANCE), 1e-9);
            }
        }
        PaletteTables store = new PaletteTables(SharedSpark.session(), "file:" + tables);
        Row run = PipelineRuns.rows(tables, Table.RUNS).get(0);
        assertEquals(store.currentSnapshot(Table.FILM_NEIGHBORS),
                run.<Long>getAs(TableSchemas.FILM_NEIGHBORS_SNAPSHOT));
        List<Row> stills = PipelineRuns.rows(tables, Table.STILL_PALETTES);
        assertEquals(FILMS * 2, stills.size());
        for (Row still : stills) {
            Palette palette = ColorRows.palette(still.getList(still.fieldIndex(TableSchemas.COLORS)));
            assertArrayEquals(StoredEmbedding.encode(PaletteEmbedding.of(palette)),
                    still.<byte[]>getAs(TableSchemas.EMBEDDING));
        }
    }

    @Test
    void anIncrementalRerunAfterChangingOneFilmEqualsACleanRunAndKeepsOtherListsRunIds() {
        rerunAfterChanging(List.of("film-3"));
    }

    @Test
    void aRerunThatTouchedHalfTheFilmsSearchesAllAfreshAndEqualsACleanRunKeepingUnchangedListsRunIds() {
        rerunAfterChanging(List.of("film-0", "film-1", "film-2", "film-3"));
    }

    /** A second run after {@code changed} got a frame: lists as a clean run's, untouched unchanged ones keep run ids. */
    private void rerunAfterChanging(List<String> changed) {
        Path input = archive();
        Path tables = dir.resolve("tables");
        RunSummary first = PipelineRuns.run(input, tables, SETTINGS);
        Map<String, List<Row>> before = lists(tables);

        for (String film : changed) {
            TestImages.writePng(input.resolve(film + "/c.png"), TestImages.stripes(40, 20, 0x20E0E0, 0x102030));
        }
        RunSummary second = PipelineRuns.run(input, tables, SETTINGS);
        assertEquals(changed, second.touchedFilms());

        Path clean = dir.resolve("clean");
        PipelineRuns.run(input, clean, SETTINGS);
        assertEquals(PipelineRuns.content(clean, Table.FILM_NEIGHBORS), PipelineRuns.content(tables, Table.FILM_NEIGHBORS));
        int kept = 0;
        int other = 0;
        for (Map.Entry<String, List<Row>> film : lists(tables).entrySet()) {
            List<String> was = neighborIds(before.get(film.getKey()));
            List<String> now = neighborIds(film.getValue());
            boolean untouched = !changed.contains(film.getKey()) && was.equals(now)
                    && now.stream().noneMatch(changed::contains);
            String runId = film.getValue().get(0).getAs(TableSchemas.RUN_ID);
            assertEquals(untouched ? first.runId() : second.runId(), runId, film.getKey());
            if (untouched) {
                kept++;
            } else if (!changed.contains(film.getKey())) {
                other++;
            }
        }
        assertTrue(kept > 0 && other > 0, "lists kept " + kept + ", changed " + other);
    }

    @Test
    void zeroNeighborsEmptiesTheTableSoItNeverHoldsStaleLists() {
        Path input = archive();
        Path tables = dir.resolve("tables");
        PipelineRuns.run(input, tables, SETTINGS);
        assertEquals(FILMS * 3, PipelineRuns.rows(tables, Table.FILM_NEIGHBORS).size());

        TestImages.writePng(input.resolve("film-3/b.png"), TestImages.stripes(40, 20, 0x20E0E0, 0x102030));
        PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans", "filmpalette.neighbors", "0");

        assertEquals(List.of(), PipelineRuns.rows(tables, Table.FILM_NEIGHBORS));
    }

    /** Films of two striped frames each, their hues spread round the color wheel. */
    private Path archive() {
        Path input = dir.resolve("frames");
        for (int film = 0; film < FILMS; film++) {
            float hue = film / (float) FILMS;
            int bright = Color.HSBtoRGB(hue, 0.8f, 0.9f) & 0xFFFFFF;
            int dark = Color.HSBtoRGB(hue + 0.07f, 0.5f, 0.3f) & 0xFFFFFF;
            TestImages.writePng(input.resolve("film-" + film + "/a.png"), TestImages.stripes(40, 20, bright, dark));
            TestImages.writePng(input.resolve("film-" + film + "/b.png"),
                    TestImages.stripes(40, 20, dark, 0x808080 + film * 0x050505));
        }
        return input;
    }

    private static Map<String, Palette> filmPalettes(Path tables) {
        Map<String, Palette> films = new TreeMap<>();
        for (Row row : PipelineRuns.rows(tables, Table.FILM_PALETTES)) {
            films.put(row.getAs(TableSchemas.FILM_ID), ColorRows.palette(row.getList(row.fieldIndex(TableSchemas.COLORS))));
        }
        return films;
    }

    private static Map<String, List<Row>> lists(Path tables) {
        Map<String, List<Row>> lists = new TreeMap<>();
        PipelineRuns.rows(tables, Table.FILM_NEIGHBORS).stream()
                .sorted(Comparator.comparing((Row row) -> row.<String>getAs(TableSchemas.FILM_ID))
                        .thenComparing(row -> row.<Integer>getAs(TableSchemas.RANK)))
                .forEach(row -> lists.computeIfAbsent(row.getAs(TableSchemas.FILM_ID), film -> new ArrayList<>()).add(row));
        return lists;
    }

    private static List<String> neighborIds(List<Row> list) {
        return list.stream().map(row -> row.<String>getAs(TableSchemas.NEIGHBOR_FILM_ID)).toList();
    }
}
