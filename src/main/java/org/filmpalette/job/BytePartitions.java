package org.filmpalette.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.SIZE_BYTES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.HashPartitioner;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import scala.Tuple2;

/**
 * Spreads the frames to decode over partitions of about the same number of bytes, so that one big film, or one film
 * changed since the last run, is decoded on every core instead of in the one task its listing landed in. The frames
 * are laid end to end in (film id, frame id) order — each film's start offset from the plan's per-film byte totals,
 * each frame's offset within its film from a running sum — and a frame goes to the partition of equal byte width
 * under its midpoint. The assignment depends only on the listing, never on how Spark partitioned it.
 */
final class BytePartitions {

    /** Bytes of compressed frames one decode task aims at. */
    static final long TARGET_BYTES = 64L << 20;
    /** Partitions per core at least, so that a slow frame does not leave the other cores idle at the end. */
    static final int PER_CORE = 3;

    private static final String FILM_START = "film_start";
    private static final String PARTITION = "byte_partition";

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
        List<Row> starts = new ArrayList<>();
        long start = 0;
        for (Map.Entry<String, IncrementalPlan.FilmCounts> film : films.entrySet()) {
            if (film.getValue().added() > 0) {
                starts.add(RowFactory.create(film.getKey(), start));
                start += film.getValue().addedBytes();
            }
        }
        StructType startSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField(FILM_ID, DataTypes.StringType, false),
                DataTypes.createStructField(FILM_START, DataTypes.LongType, false)));
        Dataset<Row> withPartition = frames
                .join(broadcast(spark.createDataFrame(starts, startSchema)), JoinKeys.of(FILM_ID))
                .withColumn(PARTITION, floor(col(FILM_START)
                        .plus(sum(col(SIZE_BYTES)).over(Window.partitionBy(FILM_ID).orderBy(FRAME_ID)
                                .rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                        .minus(col(SIZE_BYTES).divide(2)).divide(lit(width))).cast(DataTypes.IntegerType));
        int last = partitions - 1;
        var rows = withPartition.select(StageSchemas.columns(StageSchemas.LISTED.add(PARTITION,
                DataTypes.IntegerType))).javaRDD()
                .mapToPair(row -> new Tuple2<>(Math.min(last, Math.max(0, row.getInt(5))),
                        RowFactory.create(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4))))
                // A HashPartitioner sends int key i < partitions to partition i: exactly the planned one.
                .partitionBy(new HashPartitioner(partitions))
                .values();
        return spark.createDataFrame(rows, StageSchemas.LISTED);
    }

    /** At least {@value #PER_CORE} per core, at least one per {@link #TARGET_BYTES}, at most one per frame. */
    static int partitions(int cores, long frames, long bytes) {
        long wanted = Math.max((long) PER_CORE * cores, (bytes + TARGET_BYTES - 1) / TARGET_BYTES);
        return (int) Math.max(1, Math.min(frames, Math.min(wanted, 100_000)));
    }
}
