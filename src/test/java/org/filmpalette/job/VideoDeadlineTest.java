package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigKeys;
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.VideoSettings;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.TestVideos;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A video gets the decode deadline per still and not the file-size cap: a deadline nothing can meet ends every range
 * with {@code timeout} rows, one per still, and the stage goes on to the next range; a cap below the file's size
 * rejects nothing.
 */
class VideoDeadlineTest {

    @TempDir
    static Path dir;
    static Path input;

    @BeforeAll
    static void writeAFilmOfThreeOneSecondRanges() throws Exception {
        input = Files.createDirectories(dir.resolve("archive"));
        TestVideos.colorCycle(input.resolve("cycle.mp4"), 320, 240, 12, 3, 0xE01B24, 0x1C71D8, 0x26A269);
    }

    @Test
    void aDeadlineNothingMeetsEndsEachRangeWithTimeoutRows() {
        Map<String, String> outcomes = decode(new DecodeLimits(1L << 30, 1L << 30, Duration.ofNanos(1)));

        assertEquals(List.of("t000000.000", "t000001.000", "t000002.000"), List.copyOf(outcomes.keySet()));
        for (String reason : outcomes.values()) {
            assertTrue(reason.startsWith("timeout: decoding to t00000"), reason);
            assertTrue(reason.endsWith("took over 0.000001 ms; the range stopped there"), reason);
        }
    }

    @Test
    void theFileSizeCapDoesNotApplyToVideos() throws Exception {
        long size = Files.size(input.resolve("cycle.mp4"));
        Map<String, String> outcomes = decode(new DecodeLimits(1L << 30, size / 10, Duration.ofSeconds(30)));

        assertEquals(3, outcomes.size());
        outcomes.forEach((frame, reason) -> assertNull(reason, frame));
    }

    /** Each still's frame id and reason (null when ok), decoded in one-second ranges under {@code limits}. */
    private static Map<String, String> decode(DecodeLimits limits) {
        SparkSession spark = SharedSpark.session();
        VideoSettings video = JobConfig.fromSettings(Map.of(ConfigKeys.VIDEO_RANGE_SECONDS, "1")).video();
        HadoopConfiguration conf = new HadoopConfiguration(spark.sparkContext().hadoopConfiguration());
        VideoStills stills = new VideoStills(conf, video, new DecodeAndSample(conf, 256, limits, 4096), 256, limits);
        JavaRDD<Row> listed = new FrameLister(spark, video).list(input.toUri().toString());
        VideoStills.Plan plan = stills.plan(spark.createDataFrame(listed, StageSchemas.LISTED));
        assertEquals(3, plan.rangeCount());
        Map<String, String> outcomes = new TreeMap<>();
        for (Row row : stills.decode(spark, plan).collectAsList()) {
            outcomes.put(row.getAs(TableSchemas.FRAME_ID), row.getAs(TableSchemas.REASON));
        }
        return outcomes;
    }
}
