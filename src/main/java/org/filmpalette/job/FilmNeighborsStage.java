package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.filmpalette.neighbors.FilmNeighbors.ALGORITHM;
import static org.filmpalette.neighbors.FilmNeighbors.DISTANCE;
import static org.filmpalette.neighbors.FilmNeighbors.FILM_ID;
import static org.filmpalette.neighbors.FilmNeighbors.NEIGHBOR_FILM_ID;
import static org.filmpalette.neighbors.FilmNeighbors.RANK;
import static org.filmpalette.neighbors.FilmNeighbors.RUN_ID;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.filmpalette.neighbors.CellSearch;
import org.filmpalette.neighbors.CoarseCells;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.neighbors.NeighborSearch;
import org.filmpalette.neighbors.PalettePoint;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.FilmSet;
import org.filmpalette.store.RunBranch;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

import scala.Tuple2;

/**
 * Computes the {@code film_neighbors} table ({@link FilmNeighbors#SCHEMA}) from film palettes: each film's nearest
 * films of the same algorithm by exact {@code palette_distance}. Archives below {@link NeighborSearch#exactBelow()}
 * films are measured all pairs; larger ones take candidates by {@link org.filmpalette.neighbors.PaletteEmbedding}
 * inside the cells of a {@link CoarseCells} partition and re-rank them exactly. Every exact pair found counts for
 * both films. Incremental ({@link #update}): only touched films and films whose list held one are searched again;
 * the other lists keep their rows and take in a touched film where it is now nearer than their last neighbor.
 */
public final class FilmNeighborsStage {

    private static final long CELL_SEED = 17L;
    /** Sampled embeddings per cell when fitting the cells' centers. */
    private static final int SAMPLE_PER_CELL = 40;
    private static final int SAMPLE_SCALE = 1_000_000;
    private static final StructType PAIRS = new StructType()
            .add(ALGORITHM, DataTypes.StringType, false)
            .add(FILM_ID, DataTypes.StringType, false)
            .add(NEIGHBOR_FILM_ID, DataTypes.StringType, false)
            .add(DISTANCE, DataTypes.DoubleType, false);
    private static final String QUERY = "_query";
    private static final String OLD_RUN_ID = "_old_run_id";

    private final SparkSession spark;
    private final JavaSparkContext context;
    private final NeighborSearch search;

    public FilmNeighborsStage(SparkSession spark, NeighborSearch search) {
        this.spark = spark;
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.search = search;
    }

    /** What a run does to {@code film_neighbors}. */
    public enum Mode {
        /** Fresh lists for the touched films; other lists change only where a touched film enters or leaves them. */
        INCREMENTAL,
        /** Every list computed afresh ({@code --full}). */
        FULL,
        /** No lists ({@code filmpalette.neighbors=0}): the table is emptied, so that it never holds stale lists. */
        EMPTY
    }

    /**
     * Writes {@code film_neighbors} on the run's branch from the film palettes already written there. An incremental
     * run falls back to a full one when the table holds no lists yet or lists of another length. A run that touched
     * at least half the films searches every film afresh and rewrites the table, lists that came out the same
     * keeping their run id: the film-by-film update would search nearly every film anyway, and its joins and
     * film-list replace cost more than that (10,000 films all touched: 135 s, against 68 s for a full search).
     */
    public void write(RunBranch branch, List<String> touchedFilms, Mode mode, String runId) {
        Dataset<Row> previous = branch.read(Table.FILM_NEIGHBORS);
        if (mode == Mode.EMPTY) {
            if (!previous.isEmpty()) {
                branch.replaceAll(Table.FILM_NEIGHBORS, previous.limit(0));
            }
            return;
        }
        Dataset<Row> palettes = branch.read(Table.FILM_PALETTES);
        if (mode == Mode.FULL || !listsOfThisLength(previous)) {
            branch.replaceAll(Table.FILM_NEIGHBORS, compute(palettes, runId));
            return;
        }
        if (2L * touchedFilms.size() >= palettes.select(FILM_ID).distinct().count()) {
            // Every list searched afresh, then compared with the previous one: an unchanged list keeps its run id.
            branch.replaceAll(Table.FILM_NEIGHBORS, ranked(exactPairs(palettes, null),
                    keptRows(palettes, previous, Set.copyOf(touchedFilms)), runId));
            return;
        }
        Dataset<Row> updated = update(palettes, previous, Set.copyOf(touchedFilms), runId)
                .where(col(RUN_ID).equalTo(runId)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Set<String> changed = new TreeSet<>(touchedFilms);
            changed.addAll(updated.select(FILM_ID).distinct().as(Encoders.STRING()).collectAsList());
            branch.replaceFilms(Table.FILM_NEIGHBORS, new FilmSet(spark, List.copyOf(changed)), updated);
        } finally {
            updated.unpersist();
        }
    }

    /**
     * Whether {@code previous} holds lists to update: some rows, and lists as long as this search keeps (the longest
     * list of an algorithm is {@code neighbors} long, or holds every other film of a smaller archive).
     */
    private boolean listsOfThisLength(Dataset<Row> previous) {
        List<Row> lengths = previous.groupBy(ALGORITHM)
                .agg(max(RANK).as("_longest"), countDistinct(col(FILM_ID)).as("_films")).collectAsList();
        if (lengths.isEmpty()) {
            return false;
        }
        for (Row algorithm : lengths) {
            int longest = algorithm.getAs("_longest");
            long films = algorithm.getAs("_films");
            if (longest != Math.min(search.neighbors(), films - 1)) {
                return false;
            }
        }
        return true;
    }

    /** Every film's list from {@code filmPalettes} (columns film_id, algorithm, colors at least), marked {@code runId}. */
    public Dataset<Row> compute(Dataset<Row> filmPalettes, String runId) {
        return ranked(exactPairs(filmPalettes, null), null, runId);
    }

    /**
     * The lists after a run that touched {@code touchedFilms} (films with new, changed or removed frames), from the
     * current {@code filmPalettes} and the {@code previous} table: an untouched film whose list held no touched film
     * keeps its rows, and its run id unless a touched film enters its list.
     */
    public Dataset<Row> update(Dataset<Row> filmPalettes, Dataset<Row> previous, Set<String> touchedFilms,
            String runId) {
        Dataset<Row> keptRows = keptRows(filmPalettes, previous, touchedFilms);
        Dataset<Row> queries = filmPalettes.select(FILM_ID, ALGORITHM)
                .join(keptRows.select(FILM_ID, ALGORITHM).distinct(), names(FILM_ID, ALGORITHM), "left_anti");
        Dataset<Row> pairs = exactPairs(filmPalettes, queries)
                .union(keptRows.select(ALGORITHM, FILM_ID, NEIGHBOR_FILM_ID, DISTANCE));
        return ranked(pairs, keptRows, runId);
    }

    /** The rows of the {@code previous} lists that stay valid: of untouched current films, holding no touched film. */
    private Dataset<Row> keptRows(Dataset<Row> filmPalettes, Dataset<Row> previous, Set<String> touchedFilms) {
        Dataset<Row> touched = spark.createDataset(new ArrayList<>(touchedFilms), Encoders.STRING()).toDF(FILM_ID);
        Dataset<Row> holdingTouched = previous.join(touched.withColumnRenamed(FILM_ID, NEIGHBOR_FILM_ID),
                NEIGHBOR_FILM_ID).select(FILM_ID, ALGORITHM);
        Dataset<Row> kept = previous.select(FILM_ID, ALGORITHM).distinct()
                .join(filmPalettes.select(FILM_ID, ALGORITHM), names(FILM_ID, ALGORITHM))
                .join(touched, names(FILM_ID), "left_anti")
                .join(holdingTouched, names(FILM_ID, ALGORITHM), "left_anti");
        return previous.join(kept, names(FILM_ID, ALGORITHM));
    }

    /** The best {@code neighbors} pairs per film as table rows; a list equal to its kept rows keeps their run id. */
    private Dataset<Row> ranked(Dataset<Row> pairs, Dataset<Row> keptRows, String runId) {
        WindowSpec byFilm = Window.partitionBy(ALGORITHM, FILM_ID);
        Dataset<Row> top = pairs.groupBy(ALGORITHM, FILM_ID, NEIGHBOR_FILM_ID).agg(min(DISTANCE).as(DISTANCE))
                .withColumn(RANK, row_number().over(byFilm.orderBy(col(DISTANCE), col(NEIGHBOR_FILM_ID))))
                .where(col(RANK).leq(search.neighbors()));
        if (keptRows == null) {
            return top.select(col(FILM_ID), col(ALGORITHM), col(RANK), col(NEIGHBOR_FILM_ID), col(DISTANCE),
                    lit(runId).as(RUN_ID));
        }
        Dataset<Row> old = keptRows.select(col(FILM_ID), col(ALGORITHM), col(RANK), col(NEIGHBOR_FILM_ID),
                col(RUN_ID).as(OLD_RUN_ID));
        Dataset<Row> oldSizes = keptRows.groupBy(FILM_ID, ALGORITHM).agg(count(lit(1)).as("_old_size"));
        Dataset<Row> compared = top.join(old, names(FILM_ID, ALGORITHM, RANK, NEIGHBOR_FILM_ID), "left")
                .join(oldSizes, names(FILM_ID, ALGORITHM), "left")
                .withColumn("_same", count(col(OLD_RUN_ID)).over(byFilm))
                .withColumn("_size", count(lit(1)).over(byFilm))
                .withColumn("_kept_run_id", min(col(OLD_RUN_ID)).over(byFilm));
        return compared.select(col(FILM_ID), col(ALGORITHM), col(RANK), col(NEIGHBOR_FILM_ID), col(DISTANCE),
                when(col("_same").equalTo(col("_size")).and(col("_size").equalTo(col("_old_size"))),
                        col("_kept_run_id")).otherwise(lit(runId)).as(RUN_ID));
    }

    /** Exact pairs of the query films (every film when {@code queries} is null), both orders, in {@link #PAIRS}. */
    private Dataset<Row> exactPairs(Dataset<Row> filmPalettes, Dataset<Row> queries) {
        Dataset<Row> flagged = queries == null ? filmPalettes.withColumn(QUERY, lit(true))
                : filmPalettes.join(queries.withColumn(QUERY, lit(true)), names(FILM_ID, ALGORITHM), "left");
        List<Row> algorithms = filmPalettes.groupBy(ALGORITHM).count().orderBy(ALGORITHM).collectAsList();
        JavaRDD<Row> found = context.emptyRDD();
        for (Row algorithm : algorithms) {
            String name = algorithm.getAs(ALGORITHM);
            long films = algorithm.<Long>getAs("count");
            JavaRDD<Tuple2<PalettePoint, Boolean>> points = flagged.where(col(ALGORITHM).equalTo(name))
                    .select(col(FILM_ID), col(TableSchemas.COLORS), col(QUERY)).javaRDD()
                    .map(row -> new Tuple2<>(PalettePoint.of(row.getAs(FILM_ID),
                            ColorRows.palette(row.getList(row.fieldIndex(TableSchemas.COLORS)))),
                            !row.isNullAt(row.fieldIndex(QUERY))))
                    .cache();
            JavaRDD<PalettePoint> members = points.map(Tuple2::_1);
            JavaRDD<PalettePoint> asked = points.filter(Tuple2::_2).map(Tuple2::_1);
            JavaRDD<CellSearch.Pair> pairs = films < search.exactBelow() ? allPairs(members, asked)
                    : inCells(members, asked, films);
            found = found.union(pairs.flatMap(pair -> List.of(
                    RowFactory.create(name, pair.queryId(), pair.memberId(), pair.distance()),
                    RowFactory.create(name, pair.memberId(), pair.queryId(), pair.distance())).iterator()));
        }
        return spark.createDataFrame(found, PAIRS);
    }

    /** Every query against every member, exactly: the members are few enough to broadcast. */
    private JavaRDD<CellSearch.Pair> allPairs(JavaRDD<PalettePoint> members, JavaRDD<PalettePoint> queries) {
        Broadcast<List<PalettePoint>> everyone = context.broadcast(new ArrayList<>(members.collect()));
        return queries.repartition(2 * context.defaultParallelism()).mapPartitions(partition -> {
            List<PalettePoint> asked = new ArrayList<>();
            partition.forEachRemaining(asked::add);
            return CellSearch.search(asked, everyone.value(), Integer.MAX_VALUE).iterator();
        });
    }

    /**
     * Each query against the members of its home cell, its {@code candidates} nearest by embedding re-ranked
     * exactly; every film is a member of its {@code copies} nearest cells.
     */
    private JavaRDD<CellSearch.Pair> inCells(JavaRDD<PalettePoint> members, JavaRDD<PalettePoint> queries,
            long films) {
        int cellCount = search.cellsFor(films);
        long sampled = (long) Math.min(SAMPLE_SCALE, (double) SAMPLE_PER_CELL * cellCount * SAMPLE_SCALE / films);
        List<double[]> sample = members.filter(p -> sampleSlot(p.id()) < sampled).collect().stream()
                .sorted(Comparator.comparing(PalettePoint::id)).map(PalettePoint::embedding).toList();
        Broadcast<CoarseCells> cells = context.broadcast(CoarseCells.fit(sample, cellCount, CELL_SEED));
        int copies = search.copies();
        int candidates = search.candidates();
        JavaPairRDD<Integer, PalettePoint> memberCells = members.flatMapToPair(p -> {
            List<Tuple2<Integer, PalettePoint>> copiesOf = new ArrayList<>();
            for (int cell : cells.value().nearest(p.embedding(), copies)) {
                copiesOf.add(new Tuple2<>(cell, p));
            }
            return copiesOf.iterator();
        });
        JavaPairRDD<Integer, PalettePoint> queryCells =
                queries.mapToPair(p -> new Tuple2<>(cells.value().nearest(p.embedding(), 1)[0], p));
        return queryCells.cogroup(memberCells, Math.max(context.defaultParallelism(), cells.value().size()))
                .flatMap(cell -> {
                    List<PalettePoint> asked = new ArrayList<>();
                    cell._2()._1().forEach(asked::add);
                    if (asked.isEmpty()) {
                        return java.util.Collections.emptyIterator();
                    }
                    List<PalettePoint> inCell = new ArrayList<>();
                    cell._2()._2().forEach(inCell::add);
                    return CellSearch.search(asked, inCell, candidates).iterator();
                });
    }

    /** A slot in [0, SAMPLE_SCALE) from the id alone, so the sample of cell centers ignores partitioning. */
    private static long sampleSlot(String id) {
        return Math.floorMod(id.hashCode() * 0x9E3779B1L, (long) SAMPLE_SCALE);
    }

    private static scala.collection.immutable.Seq<String> names(String... names) {
        return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
    }
}
