package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.neighbors.NeighborQuality;
import org.filmpalette.neighbors.NeighborSearch;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.testing.GeneratedPalettes;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FilmNeighborsStageTest {

    private static final int FILMS = 300;
    private static final GeneratedPalettes GENERATOR = new GeneratedPalettes(FILMS / 15, 8, 6, 11);
    private static final NeighborSearch EXACT = new NeighborSearch(10, 20, 4, 100_000);
    private static final NeighborSearch CELLS = new NeighborSearch(10, NeighborSearch.CANDIDATES_DEFAULT, 4, 0);

    private static SparkSession spark;
    private static Dataset<Row> palettes;
    private static Map<String, List<Row>> exact;

    @BeforeAll
    static void computeExactLists() {
        spark = SharedSpark.session();
        palettes = GeneratedTables.filmPalettes(spark, GENERATOR, 0, FILMS, "kmeans", 3).cache();
        exact = lists(new FilmNeighborsStage(spark, EXACT).compute(palettes, "run-1"));
    }

    @Test
    void exactPathListsEachFilmsNearestFilmsInTheTablesSchema() {
        Dataset<Row> table = new FilmNeighborsStage(spark, EXACT).compute(palettes.limit(40), "run-1");
        assertEquals(List.of(FilmNeighbors.SCHEMA.fieldNames()), List.of(table.schema().fieldNames()));
        assertEquals(40 * 10, table.count());
        assertEquals(FILMS, exact.size());
        // The expected lists of a few films, computed independently in plain Java over all pairs.
        for (int film : new int[] {0, 17, 299}) {
            Palette own = GENERATOR.film(film);
            List<String> expected = IntStream.range(0, FILMS).filter(other -> other != film).boxed()
                    .sorted(Comparator.comparingDouble(other -> PaletteDistance.between(own, GENERATOR.film(other))))
                    .limit(10).map(GeneratedPalettes::filmId).toList();
            assertEquals(expected, neighborIds(exact.get(GeneratedPalettes.filmId(film))));
        }
        Row first = exact.get(GeneratedPalettes.filmId(0)).get(0);
        assertEquals(1, first.<Integer>getAs(FilmNeighbors.RANK));
        assertEquals("run-1", first.getAs(FilmNeighbors.RUN_ID));
    }

    @Test
    void cellPathFindsTheExactPathsNeighborsWhereDistancesAreWellSeparated() {
        Map<String, List<Row>> approximate = lists(new FilmNeighborsStage(spark, CELLS).compute(palettes, "run-1"));
        Map<String, List<String>> found = new TreeMap<>();
        Map<String, List<String>> truth = new TreeMap<>();
        int separated = 0;
        for (Map.Entry<String, List<Row>> film : exact.entrySet()) {
            truth.put(film.getKey(), neighborIds(film.getValue()));
            found.put(film.getKey(), neighborIds(approximate.get(film.getKey())));
            List<Row> rows = film.getValue();
            double nearestDistance = rows.get(0).<Double>getAs(FilmNeighbors.DISTANCE);
            if (rows.get(1).<Double>getAs(FilmNeighbors.DISTANCE) - nearestDistance > 1.0) {
                Row nearest = approximate.get(film.getKey()).get(0);
                assertEquals(rows.get(0).<String>getAs(FilmNeighbors.NEIGHBOR_FILM_ID),
                        nearest.<String>getAs(FilmNeighbors.NEIGHBOR_FILM_ID), film.getKey());
                assertEquals(nearestDistance, nearest.<Double>getAs(FilmNeighbors.DISTANCE), 1e-9);
                separated++;
            }
        }
        double recall = NeighborQuality.recall(found, truth, 10);
        System.out.printf("cell path vs exact on %d films: recall@10 %.3f, %d films whose nearest is 1 ΔE00 nearer than the next agree%n",
                FILMS, recall, separated);
        assertTrue(separated > FILMS / 4, "well-separated films checked: " + separated);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }

    @Test
    void cellPathGivesTheSameListsWhateverThePartitioning() {
        FilmNeighborsStage stage = new FilmNeighborsStage(spark, CELLS);
        List<Row> one = sorted(stage.compute(palettes.repartition(1), "run-1"));
        List<Row> seven = sorted(stage.compute(palettes.repartition(7), "run-1"));
        assertEquals(one, seven);
    }

    @Test
    void incrementalUpdateEqualsAFullRecomputeAndKeepsUntouchedListsRunId() {
        // Films 0-4 change palette, 5-6 are removed, 300-302 are new.
        List<Row> rows = new ArrayList<>();
        for (Row row : palettes.collectAsList()) {
            String filmId = row.getAs(FilmNeighbors.FILM_ID);
            int film = Integer.parseInt(filmId.substring(5));
            if (film < 5) {
                rows.add(GeneratedTables.filmRow(filmId, "kmeans", GENERATOR.film(1000 + film)));
            } else if (film > 6) {
                rows.add(row);
            }
        }
        for (int film = FILMS; film < FILMS + 3; film++) {
            rows.add(GeneratedTables.filmRow(GeneratedPalettes.filmId(film), "kmeans", GENERATOR.film(film)));
        }
        Dataset<Row> changed = spark.createDataFrame(rows, palettes.schema());
        Set<String> touched = Set.of(GeneratedPalettes.filmId(0), GeneratedPalettes.filmId(1),
                GeneratedPalettes.filmId(2), GeneratedPalettes.filmId(3), GeneratedPalettes.filmId(4),
                GeneratedPalettes.filmId(5), GeneratedPalettes.filmId(6), GeneratedPalettes.filmId(300),
                GeneratedPalettes.filmId(301), GeneratedPalettes.filmId(302));
        FilmNeighborsStage stage = new FilmNeighborsStage(spark, EXACT);
        Dataset<Row> previous = spark.createDataFrame(allRows(exact), FilmNeighbors.SCHEMA);
        Map<String, List<Row>> updated = lists(stage.update(changed, previous, touched, "run-2"));
        Map<String, List<Row>> full = lists(stage.compute(changed, "run-2"));
        assertEquals(full.keySet(), updated.keySet());
        int kept = 0;
        for (String film : full.keySet()) {
            assertEquals(neighborIds(full.get(film)), neighborIds(updated.get(film)), film);
            boolean unchanged = exact.containsKey(film) && neighborIds(exact.get(film)).equals(neighborIds(full.get(film)))
                    && !touched.contains(film);
            String runId = updated.get(film).get(0).getAs(FilmNeighbors.RUN_ID);
            if (unchanged) {
                kept++;
                assertEquals("run-1", runId, film);
            } else {
                assertEquals("run-2", runId, film);
            }
        }
        assertTrue(kept > 0 && kept < full.size(), "lists kept: " + kept);
    }

    private static Map<String, List<Row>> lists(Dataset<Row> table) {
        Map<String, List<Row>> lists = new TreeMap<>();
        for (Row row : sorted(table)) {
            lists.computeIfAbsent(row.getAs(FilmNeighbors.FILM_ID), film -> new ArrayList<>()).add(row);
        }
        return lists;
    }

    private static List<Row> sorted(Dataset<Row> table) {
        return table.orderBy(FilmNeighbors.FILM_ID, FilmNeighbors.ALGORITHM, FilmNeighbors.RANK).collectAsList();
    }

    private static List<Row> allRows(Map<String, List<Row>> lists) {
        return lists.values().stream().flatMap(List::stream).toList();
    }

    private static List<String> neighborIds(List<Row> list) {
        return list.stream().map(row -> row.<String>getAs(FilmNeighbors.NEIGHBOR_FILM_ID)).toList();
    }
}
