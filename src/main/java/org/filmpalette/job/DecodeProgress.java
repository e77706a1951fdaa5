package org.filmpalette.job;

import java.util.Iterator;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * What the decode stage tells a progress display: the frames it has to decode, as the local property
 * {@value #FRAMES_TOTAL} of its Spark jobs, and the frames decoded so far, as the named accumulator
 * {@value #FRAMES_DONE} that each task adds to per frame (reported when a task ends and with executor heartbeats).
 */
public final class DecodeProgress {

    /** Local property of the decode stage's jobs: how many frames the run decodes. */
    public static final String FRAMES_TOTAL = "filmpalette.frames.total";
    /** Name of the accumulator counting decoded frames. */
    public static final String FRAMES_DONE = "filmpalette.frames.decoded";

    private DecodeProgress() {}

    /**
     * Marks the jobs the driver thread starts from now on as decoding {@code total} frames, and returns
     * {@code sampled} counting each of its rows into a new {@value #FRAMES_DONE} accumulator as it is produced.
     */
    static Dataset<Row> counted(SparkContext spark, Dataset<Row> sampled, long total) {
        LongAccumulator done = spark.longAccumulator(FRAMES_DONE);
        spark.setLocalProperty(FRAMES_TOTAL, Long.toString(total));
        return sampled.mapPartitions(new CountRows(done), Encoders.row(sampled.schema()));
    }

    /** Ends the marking of {@link #counted}: later jobs decode nothing. */
    static void stop(SparkContext spark) {
        spark.setLocalProperty(FRAMES_TOTAL, null);
    }

    private static final class CountRows implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final LongAccumulator done;

        CountRows(LongAccumulator done) {
            this.done = done;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    Row row = rows.next();
                    done.add(1);
                    return row;
                }
            };
        }
    }
}
