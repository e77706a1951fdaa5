package org.filmpalette.query;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * The films whose palettes are nearest to a film's by {@code palette_distance}, ties broken by film id: read from the
 * {@code film_neighbors} table (written by each run) when it holds enough of the film's list, otherwise computed from
 * the {@code film_palettes} view: for one film against every palette of the algorithm, for all films by a Spark
 * self-join within the algorithm (all pairs).
 */
public final class NearestFilms {

    private final SparkSession spark;

    public NearestFilms(SparkSession spark) {
        this.spark = spark;
    }

    /** One neighbor: its film id and its distance in ΔE00 units. */
    public record Neighbor(String filmId, double distance) {}

    /**
     * The {@code top} films nearest to {@code film}; an unknown film or algorithm fails naming the flag. Without a
     * stored list, one scan of the algorithm's film palettes is collected and the distances are computed here: one
     * Spark job, where a self-join would plan a nested loop and a sort; the distances are computed on all cores.
     */
    public List<Neighbor> of(String film, String algorithm, int top) {
        PaletteReader reader = new PaletteReader(spark);
        Palette own = reader.filmPalette(film, algorithm);
        List<Neighbor> stored = storedOf(film, algorithm, top);
        if (stored.size() >= top) {
            return stored;
        }
        return exact(film, own, reader.filmPalettes(algorithm), top);
    }

    /** The {@code top} films of {@code palettes} nearest to {@code film} (palette {@code own}) by exact distance. */
    static List<Neighbor> exact(String film, Palette own, Map<String, Palette> palettes, int top) {
        // On all cores; the order (distance, then film id) is total, so the result does not depend on the split.
        return palettes.entrySet().parallelStream()
                .filter(other -> !other.getKey().equals(film))
                .map(other -> new Neighbor(other.getKey(), PaletteDistance.between(own, other.getValue())))
                .sorted(Comparator.comparingDouble(Neighbor::distance).thenComparing(Neighbor::filmId))
                .limit(top).toList();
    }

    /** For every film of {@code algorithm}, its {@code top} nearest films, films in id order. */
    public Map<String, List<Neighbor>> all(String algorithm, int top) {
        Map<String, List<Neighbor>> nearest = new TreeMap<>();
        for (String film : new PaletteReader(spark).filmPalettes(algorithm).keySet()) {
            nearest.put(film, new ArrayList<>());
        }
        Map<String, List<Neighbor>> stored = stored(lit(true), algorithm, top);
        int longest = Math.min(top, nearest.size() - 1);
        if (!stored.isEmpty() && stored.values().stream().allMatch(list -> list.size() >= longest)) {
            stored.forEach((film, list) -> nearest.computeIfPresent(film, (id, empty) -> list));
            return new LinkedHashMap<>(nearest);
        }
        Dataset<Row> ranked = pairs(algorithm).withColumn("place", row_number()
                .over(Window.partitionBy("film").orderBy(col("distance"), col("other"))))
                .where(col("place").leq(top)).orderBy("film", "place");
        for (Row row : ranked.collectAsList()) {
            nearest.get(row.<String>getAs("film")).add(new Neighbor(row.getAs("other"), row.<Double>getAs("distance")));
        }
        return new LinkedHashMap<>(nearest);
    }

    /** {@code film}'s list in the {@code film_neighbors} view, up to {@code top}; empty without the view. */
    private List<Neighbor> storedOf(String film, String algorithm, int top) {
        return stored(col(FilmNeighbors.FILM_ID).equalTo(film), algorithm, top).getOrDefault(film, List.of());
    }

    /** The lists of the {@code film_neighbors} view, up to {@code top} each; empty without the view. */
    private Map<String, List<Neighbor>> stored(String algorithm, int top) {
        return stored(lit(true), algorithm, top);
    }

    private Map<String, List<Neighbor>> stored(Column films, String algorithm, int top) {
        Map<String, List<Neighbor>> lists = new TreeMap<>();
        if (!spark.catalog().tableExists(FilmNeighbors.TABLE)) {
            return lists;
        }
        for (Row row : spark.table(FilmNeighbors.TABLE).where(films.and(col(FilmNeighbors.ALGORITHM).equalTo(algorithm))
                .and(col(FilmNeighbors.RANK).leq(top))).orderBy(FilmNeighbors.FILM_ID, FilmNeighbors.RANK)
                .select(FilmNeighbors.FILM_ID, FilmNeighbors.NEIGHBOR_FILM_ID, FilmNeighbors.DISTANCE).collectAsList()) {
            lists.computeIfAbsent(row.getAs(FilmNeighbors.FILM_ID), film -> new ArrayList<>())
                    .add(new Neighbor(row.getAs(FilmNeighbors.NEIGHBOR_FILM_ID),
                            row.<Double>getAs(FilmNeighbors.DISTANCE)));
        }
        return lists;
    }

    private Dataset<Row> pairs(String algorithm) {
        Dataset<Row> palettes = spark.table(Table.FILM_PALETTES.id())
                .where(col(TableSchemas.ALGORITHM).equalTo(algorithm));
        Dataset<Row> a = palettes.alias("a");
        Dataset<Row> b = palettes.alias("b");
        return a.join(b, col("a." + TableSchemas.FILM_ID).notEqual(col("b." + TableSchemas.FILM_ID)))
                .select(col("a." + TableSchemas.FILM_ID).as("film"), col("b." + TableSchemas.FILM_ID).as("other"),
                        call_function(PaletteFunctions.PALETTE_DISTANCE, col("a." + TableSchemas.COLORS),
                                col("b." + TableSchemas.COLORS)).as("distance"));
    }
}
