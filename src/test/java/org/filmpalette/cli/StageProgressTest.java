package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** {@code run}'s terminal progress: a line per Spark job named by the pipeline stage, tasks done of total. */
class StageProgressTest {

    @Test
    void aJobOfTheRunEndsWithItsStageNameAndEveryTaskDone() throws Exception {
        SparkSession spark = SharedSpark.session();
        StringWriter err = new StringWriter();
        StageProgress progress = new StageProgress(new PrintWriter(err), System::nanoTime);
        spark.sparkContext().addSparkListener(progress);
        try {
            spark.sparkContext().setJobDescription("filmpalette 20261202T000000Z-abcdef: decode, sample and cluster stills");
            assertEquals(100, spark.range(0, 100, 1, 4).toJavaRDD().count());
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.sparkContext().setJobDescription(null);
            spark.sparkContext().removeSparkListener(progress);
        }
        List<String> lines = err.toString().lines().map(line -> line.substring(line.lastIndexOf('\r') + 1)
                .replace("\u001b[K", "")).toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("  decode, sample and cluster stills: 4/4 tasks, [0-9.]+ tasks/s, done in [0-9.]+ s"),
                last);
    }

    @Test
    void theLineSaysTheTimeLeftAtTheRateSoFar() {
        assertEquals("  write frames: 30/120 tasks, 3.0 tasks/s, 30 s left", StageProgress.line("write frames", 30, 120, 10));
        assertEquals("  write frames: 0/120 tasks, 0.0 tasks/s, starting", StageProgress.line("write frames", 0, 120, 1));
        assertEquals("list frames", StageProgress.stageName("filmpalette r1: list frames"));
        assertEquals("spark job", StageProgress.stageName(null));
    }
}
