package org.filmpalette.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.MODIFIED_AT;
import static org.filmpalette.store.TableSchemas.PATH;
import static org.filmpalette.store.TableSchemas.SIZE_BYTES;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.filmpalette.config.RunMode;

/**
 * What a run has to do, from the listing and the {@code frames} committed before: which files are new or changed
 * (same path, size and modification time means unchanged; for a video's stills also the same frame id, so a new
 * {@code --fps} recomputes its film), which films they touch, and which earlier rows of those
 * films are kept. A touched film's rows are rewritten whole, so a removed frame disappears with its palettes.
 *
 * <p>Everything the driver needs — the touched films and the counts — comes from one small per-film aggregate
 * collected in one Spark job; the new frames are cached because decoding and that aggregate both read them. On a
 * first run (no committed frames) or a {@code --full} run there is nothing to compare and no join is planned.
 *
 * @param newFrames listed frames to decode ({@link StageSchemas#LISTED}), cached: {@link #release} when done
 * @param keptFrames earlier {@code frames} rows of touched films whose files are unchanged
 * @param touchedFilms films whose rows this run rewrites, sorted
 * @param films per touched or listed film: frames listed, new and their bytes
 */
record IncrementalPlan(Dataset<Row> newFrames, Dataset<Row> keptFrames, List<String> touchedFilms,
        Map<String, FilmCounts> films) {

    /** Listings up to this many files (about 100 bytes of keys each) are broadcast to the comparison. */
    static final long BROADCAST_LISTING_ROWS = 1_000_000;
    private static final String ADDED = "added";
    private static final String ADDED_BYTES = "added_bytes";
    private static final String REMOVED = "removed";
    private static final int LISTED_FILM = StageSchemas.index(StageSchemas.LISTED, FILM_ID);
    private static final int LISTED_SIZE = StageSchemas.index(StageSchemas.LISTED, SIZE_BYTES);

    /** One film's share of the listing: files listed, files to decode and their total size. */
    record FilmCounts(long seen, long added, long addedBytes, long removed) {}

    /**
     * @param listedRows     the listing as an RDD (cached by the caller), counted without query planning
     * @param listed         the same rows as a DataFrame
     * @param previousFrames the committed {@code frames} rows
     * @param anyCommitted   whether {@code previousFrames} has any rows at all (false on a first run)
     * @param repairFilms    films to rewrite whatever the listing says (see {@link CommittedState})
     */
    static IncrementalPlan of(SparkSession spark, JavaRDD<Row> listedRows, Dataset<Row> listed,
            Dataset<Row> previousFrames, boolean anyCommitted, RunMode mode, List<String> repairFilms) {
        Map<String, FilmCounts> listedFilms = countListed(listedRows);
        if (!anyCommitted || mode == RunMode.FULL) {
            SortedSet<String> touched = new TreeSet<>(listedFilms.keySet());
            touched.addAll(repairFilms);
            if (anyCommitted) {
                touched.addAll(previousFrames.select(FILM_ID).distinct().as(Encoders.STRING()).collectAsList());
            }
            return new IncrementalPlan(listed, previousFrames.limit(0), List.copyOf(touched), listedFilms);
        }
        Column sameFile = listed.col(PATH).equalTo(previousFrames.col(PATH))
                .and(listed.col(FRAME_ID).equalTo(previousFrames.col(FRAME_ID)))
                .and(listed.col(SIZE_BYTES).equalTo(previousFrames.col(SIZE_BYTES)))
                .and(listed.col(MODIFIED_AT).equalTo(previousFrames.col(MODIFIED_AT)));
        long seen = listedFilms.values().stream().mapToLong(FilmCounts::seen).sum();
        // Spark cannot size an RDD's rows, so it would shuffle both sides; a listing known to be small is broadcast.
        Dataset<Row> listedSide = seen <= BROADCAST_LISTING_ROWS
                ? broadcast(listed.select(PATH, FRAME_ID, SIZE_BYTES, MODIFIED_AT))
                : listed.select(PATH, FRAME_ID, SIZE_BYTES, MODIFIED_AT);
        Column sameListed = listedSide.col(PATH).equalTo(previousFrames.col(PATH))
                .and(listedSide.col(FRAME_ID).equalTo(previousFrames.col(FRAME_ID)))
                .and(listedSide.col(SIZE_BYTES).equalTo(previousFrames.col(SIZE_BYTES)))
                .and(listedSide.col(MODIFIED_AT).equalTo(previousFrames.col(MODIFIED_AT)));
        Dataset<Row> added = listed.join(previousFrames, sameFile, "left_anti")
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> removed = previousFrames.join(listedSide, sameListed, "left_anti");
        Map<String, FilmCounts> films = new TreeMap<>();
        listedFilms.forEach((film, counts) -> films.put(film, new FilmCounts(counts.seen(), 0, 0, 0)));
        Dataset<Row> changes = added.groupBy(FILM_ID).agg(count(lit(1)).as(ADDED),
                        sum(col(SIZE_BYTES)).as(ADDED_BYTES), lit(0L).as(REMOVED))
                .unionByName(removed.groupBy(FILM_ID).agg(lit(0L).as(ADDED), lit(0L).as(ADDED_BYTES),
                        count(lit(1)).as(REMOVED)));
        for (Row row : changes.collectAsList()) {
            String film = row.getAs(FILM_ID);
            FilmCounts before = films.getOrDefault(film, new FilmCounts(0, 0, 0, 0));
            films.put(film, new FilmCounts(before.seen(), before.added() + row.<Long>getAs(ADDED),
                    before.addedBytes() + row.<Long>getAs(ADDED_BYTES), before.removed() + row.<Long>getAs(REMOVED)));
        }
        SortedSet<String> touchedSet = new TreeSet<>(repairFilms);
        films.forEach((film, counts) -> {
            if (counts.added() > 0 || counts.removed() > 0) {
                touchedSet.add(film);
            }
        });
        List<String> touched = List.copyOf(touchedSet);
        Dataset<Row> touchedFilms = spark.createDataset(touched, Encoders.STRING()).toDF(FILM_ID);
        Dataset<Row> kept = previousFrames.join(listed, sameFile, "left_semi")
                .join(touchedFilms, JoinKeys.of(FILM_ID), "left_semi");
        return new IncrementalPlan(added, kept, touched, films);
    }

    /** Frames and bytes per listed film, in one pass over the cached listing (one Spark stage, no shuffle). */
    private static Map<String, FilmCounts> countListed(JavaRDD<Row> listedRows) {
        TreeMap<String, long[]> perFilm = listedRows.aggregate(new TreeMap<String, long[]>(),
                (counts, row) -> {
                    long[] film = counts.computeIfAbsent(row.getString(LISTED_FILM), id -> new long[2]);
                    film[0]++;
                    film[1] += row.getLong(LISTED_SIZE);
                    return counts;
                },
                (left, right) -> {
                    right.forEach((film, more) -> {
                        long[] sums = left.computeIfAbsent(film, id -> new long[2]);
                        sums[0] += more[0];
                        sums[1] += more[1];
                    });
                    return left;
                });
        Map<String, FilmCounts> films = new TreeMap<>();
        perFilm.forEach((film, sums) -> films.put(film, new FilmCounts(sums[0], sums[0], sums[1], 0)));
        return films;
    }

    /** Frames listed. */
    long seen() {
        return films.values().stream().mapToLong(FilmCounts::seen).sum();
    }

    /** Frames to decode. */
    long fresh() {
        return films.values().stream().mapToLong(FilmCounts::added).sum();
    }

    /** Bytes of the frames to decode. */
    long freshBytes() {
        return films.values().stream().mapToLong(FilmCounts::addedBytes).sum();
    }

    /** Earlier {@code still_palettes} rows of the kept frames, with roles filled in where older rows lack them. */
    Dataset<Row> keptStills(Dataset<Row> previousStills) {
        Dataset<Row> keptIds = keptFrames.select(col(FILM_ID), col(FRAME_ID));
        return previousStills.join(keptIds,
                JoinKeys.of(FILM_ID, FRAME_ID), "left_semi")
                .withColumn(COLORS, RoleBackfill.filled(col(COLORS)));
    }

    /** Drops the cached new frames. */
    void release() {
        newFrames.unpersist();
    }
}
