package org.filmpalette.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.job.FilmNeighborsStage;
import org.filmpalette.job.GeneratedTables;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.neighbors.NeighborQuality;
import org.filmpalette.neighbors.NeighborSearch;
import org.filmpalette.neighbors.PaletteSearch;
import org.filmpalette.neighbors.PalettePoint;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.DirectTables;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.store.TablesCatalog;
import org.filmpalette.testing.GeneratedPalettes;

/**
 * Benchmarks of bench/neighbors.sh, on generated palettes written straight into tables:
 * {@code films N QUERIES DIR} times {@code film_neighbors} for N films and measures its recall@10 on QUERIES sampled
 * films against exact distances to all N (whose rate gives the projected cost of exact all pairs, same run);
 * {@code stills N DIR} writes N still palettes (1,000 films, with their stored embeddings) as the Iceberg tables of a
 * tables root, unless DIR holds them already, and times the search against one plain scan of the colors column.
 */
public final class NeighborsBench {

    private NeighborsBench() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.create(Map.of());
        try {
            if (args[0].equals("films")) {
                films(spark, Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3]);
            } else {
                stills(spark, Integer.parseInt(args[1]), args[2]);
            }
        } finally {
            spark.stop();
        }
    }

    private static void films(SparkSession spark, int films, int queries, String dir) {
        GeneratedPalettes generator = new GeneratedPalettes(Math.max(1, films / 20), 8, 6, 42);
        GeneratedTables.filmPalettes(spark, generator, 0, films, "kmeans", 8).write().mode(SaveMode.Overwrite)
                .parquet(dir + "/film_palettes");
        Dataset<Row> palettes = spark.read().parquet(dir + "/film_palettes");
        long start = System.nanoTime();
        new FilmNeighborsStage(spark, NeighborSearch.defaults()).compute(palettes, "bench").write()
                .mode(SaveMode.Overwrite).parquet(dir + "/film_neighbors");
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset<Row> table = spark.read().parquet(dir + "/film_neighbors");
        System.out.printf("films: %d film palettes -> film_neighbors (%d rows) in %.1f s wall%n", films, table.count(),
                seconds);

        int step = Math.max(1, films / queries);
        List<Integer> asked = IntStream.range(0, queries).map(i -> i * step).boxed().toList();
        List<PalettePoint> points = IntStream.range(0, films).parallel()
                .mapToObj(i -> PalettePoint.of(GeneratedPalettes.filmId(i), generator.film(i))).toList();
        start = System.nanoTime();
        Map<String, List<String>> exact = new TreeMap<>();
        asked.parallelStream().forEach(i -> {
            double[] distance = new double[films];
            for (int j = 0; j < films; j++) {
                distance[j] = j == i ? Double.POSITIVE_INFINITY : points.get(i).exactDistance(points.get(j));
            }
            List<String> nearest = IntStream.range(0, films).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> distance[j]).thenComparing(j -> j)).limit(10)
                    .map(GeneratedPalettes::filmId).toList();
            synchronized (exact) {
                exact.put(GeneratedPalettes.filmId(i), nearest);
            }
        });
        double exactSeconds = (System.nanoTime() - start) / 1e9;
        double pairsPerSecond = (double) queries * films / exactSeconds;
        Map<String, List<String>> found = new TreeMap<>();
        for (Row row : table.where(col(FilmNeighbors.FILM_ID).isin(exact.keySet().toArray()))
                .orderBy(FilmNeighbors.FILM_ID, FilmNeighbors.RANK).collectAsList()) {
            found.computeIfAbsent(row.getAs(FilmNeighbors.FILM_ID), film -> new ArrayList<>())
                    .add(row.getAs(FilmNeighbors.NEIGHBOR_FILM_ID));
        }
        double allPairs = (double) films * (films - 1) / 2 / pairsPerSecond;
        System.out.printf("films: recall@10 %.3f on %d sampled films (exact against all %d: %.0f exact distances/s)%n",
                NeighborQuality.recall(found, exact, 10), queries, films, pairsPerSecond);
        System.out.printf("films: exact all pairs would take %.0f s here (%.2e pairs): film_neighbors is %.1fx faster%n",
                allPairs, (double) films * (films - 1) / 2, allPairs / seconds);
    }

    private static void stills(SparkSession spark, int stills, String dir) {
        int films = 1000;
        GeneratedPalettes generator = new GeneratedPalettes(200, 8, 8, 7);
        String root = "file:" + java.nio.file.Path.of(dir).toAbsolutePath();
        PaletteTables tables = new PaletteTables(spark, root);
        tables.createOrEvolve();
        if (!tables.anyCommitted(Table.STILL_PALETTES)) {
            append(tables, Table.STILL_PALETTES, GeneratedTables.stillPalettes(spark, generator, films, stills / films, 8));
            append(tables, Table.FILM_PALETTES, GeneratedTables.filmPalettes(spark, generator, 0, films, "kmeans", 2));
        }
        spark.sql("USE `" + tables.catalog().name() + "`.`" + TablesCatalog.NAMESPACE + "`");
        Palette query = generator.film(123_456);
        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            long colors = spark.table(Table.STILL_PALETTES.id()).select(size(col(TableSchemas.COLORS)).as("n"))
                    .agg(org.apache.spark.sql.functions.sum("n")).first().getLong(0);
            double scan = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            List<PaletteSearch.Hit> hits;
            try (DirectTables direct = DirectTables.open(root, java.util.Map.of())) {
                hits = new PaletteSearch(direct).like(query, PaletteSearch.Level.STILL, "kmeans", 20);
            }
            double search = (System.nanoTime() - start) / 1e9;
            System.out.printf("stills: round %d: search --like over %d stills %.1f s in-process, one plain scan of "
                    + "colors (%d colors) %.1f s: %.2fx the scan; nearest %s/%s at %.2f (the query is still %s)%n",
                    round, stills, search, colors, scan, search / scan, hits.get(0).filmId(), hits.get(0).frameId(),
                    hits.get(0).distance(), GeneratedPalettes.filmId(123_456 / (stills / films)) + "/"
                            + String.format("frame_%05d", 123_456 % (stills / films)));
        }
    }

    private static void append(PaletteTables tables, Table table, Dataset<Row> rows) {
        try {
            rows.select(TableSchemas.columns(table.schema())).writeTo(tables.catalog().tableName(table)).append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException(e);
        }
    }
}
