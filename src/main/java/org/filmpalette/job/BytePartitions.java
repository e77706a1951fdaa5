package org.filmpalette.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.store.TableSchemas;

import scala.Tuple2;

/**
 * Spreads the frames to decode over partitions of about the same number of bytes, so that one big film, or one film
 * changed since the last run, is decoded on every core instead of in the one task its listing landed in. The frames
 * are laid end to end in (film id, frame id) order — each film's start offset from the plan's per-film byte totals,
 * each frame's offset within its film from a running sum over the film's frames, grouped in one task — and a frame
 * goes to the partition of equal byte width under its midpoint. The assignment depends only on the listing, never on
 * how Spark partitioned it. Plain RDD shuffles: a SQL window here cost about a second of query planning per run.
 */
final class BytePartitions {

    /** Bytes of compressed frames one decode task aims at. */
    static final long TARGET_BYTES = 64L << 20;
    /** Partitions per core at least, so that a slow frame does not leave the other cores idle at the end. */
    static final int PER_CORE = 3;

    private BytePartitions() {}

    /**
     * {@code frames} ({@link StageSchemas#LISTED}) repartitioned by bytes.
     *
     * @param films per film, the frames and bytes of {@code frames} (sorted map: the order of the byte line)
     */
    static Dataset<Row> repartition(SparkSession spark, Dataset<Row> frames, Map<String, IncrementalPlan.FilmCounts> films) {
        long count = films.values().stream().mapToLong(IncrementalPlan.FilmCounts::added).sum();
        long total = films.values().stream().mapToLong(IncrementalPlan.FilmCounts::addedBytes).sum();
        if (count == 0) {
            return frames;
        }
        int partitions = partitions(spark.sparkContext().defaultParallelism(), count, total);
        double width = Math.max(1.0, (double) total / partitions);
        HashMap<String, Long> starts = new HashMap<>();
        long start = 0;
        for (Map.Entry<String, IncrementalPlan.FilmCounts> film : films.entrySet()) {
            if (film.getValue().added() > 0) {
                starts.put(film.getKey(), start);
                start += film.getValue().addedBytes();
            }
        }
        int last = partitions - 1;
        JavaRDD<Row> rows = frames.select(StageSchemas.columns(StageSchemas.LISTED)).javaRDD()
                .groupBy(row -> row.<String>getAs(TableSchemas.FILM_ID))
                .flatMapToPair(film -> placed(film._2(), starts.get(film._1()), width, last))
                // A HashPartitioner sends int key i < partitions to partition i: exactly the planned one.
                .partitionBy(new HashPartitioner(partitions))
                .values();
        return spark.createDataFrame(rows, StageSchemas.LISTED);
    }

    /**
     * One film's frames, in frame id order from the film's start on the byte line, each keyed by the partition under
     * its midpoint.
     */
    private static Iterator<Tuple2<Integer, Row>> placed(Iterable<Row> film, long start, double width, int last) {
        List<Row> frames = new ArrayList<>();
        film.forEach(frames::add);
        frames.sort(Comparator.comparing(row -> row.<String>getAs(TableSchemas.FRAME_ID)));
        List<Tuple2<Integer, Row>> keyed = new ArrayList<>(frames.size());
        long end = start;
        for (Row frame : frames) {
            long size = frame.<Long>getAs(TableSchemas.SIZE_BYTES);
            end += size;
            int partition = (int) Math.floor((end - size / 2.0) / width);
            keyed.add(new Tuple2<>(Math.min(last, Math.max(0, partition)), frame));
        }
        return keyed.iterator();
    }

    /** At least {@value #PER_CORE} per core, at least one per {@link #TARGET_BYTES}, at most one per frame. */
    static int partitions(int cores, long frames, long bytes) {
        long wanted = Math.max((long) PER_CORE * cores, (bytes + TARGET_BYTES - 1) / TARGET_BYTES);
        return (int) Math.max(1, Math.min(frames, Math.min(wanted, 100_000)));
    }
}
