package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.spark.TaskContext;
import org.apache.spark.util.LongAccumulator;
import org.filmpalette.job.DecodeProgress;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** {@code run}'s terminal progress: a line per Spark job named by the pipeline stage, tasks done of total. */
class StageProgressTest {

    private static final CountDownLatch RUNNING_TASK_SEEN = new CountDownLatch(1);

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
    void theDecodeStageCountsFramesOfTheRunsTotalFinishedTasksAndRunningOnesFromHeartbeats() throws Exception {
        SparkSession spark = SharedSpark.session();
        StringWriter err = new StringWriter();
        StageProgress progress = new StageProgress(new PrintWriter(err), System::nanoTime);
        spark.sparkContext().addSparkListener(progress);
        LongAccumulator decoded = spark.sparkContext().longAccumulator(DecodeProgress.FRAMES_DONE);
        boolean shownWhileRunning;
        Thread job = new Thread(() -> {
            spark.sparkContext().setJobDescription("filmpalette r1: decode, sample and cluster stills");
            spark.sparkContext().setLocalProperty(DecodeProgress.FRAMES_TOTAL, "100");
            spark.range(0, 2, 1, 2).toJavaRDD().foreachPartition(rows -> {
                // Task 0 decodes 30 frames and keeps running until the test saw them; task 1 decodes 20 and ends.
                decoded.add(TaskContext.getPartitionId() == 0 ? 30 : 20);
                if (TaskContext.getPartitionId() == 0 && !RUNNING_TASK_SEEN.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the running task's frames were never shown");
                }
            });
        });
        try {
            job.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!err.toString().contains(": 50/100 frames") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // 20 from the ended task and 30 from the running one, known only from its executor's heartbeat.
            shownWhileRunning = err.toString().contains(": 50/100 frames");
            RUNNING_TASK_SEEN.countDown();
            job.join(60_000);
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            RUNNING_TASK_SEEN.countDown();
            spark.sparkContext().removeSparkListener(progress);
        }
        List<String> lines = err.toString().lines().flatMap(line -> Stream.of(line.split("\r")))
                .map(line -> line.replace("\u001b[K", "")).filter(line -> !line.isEmpty()).toList();
        assertTrue(lines.stream().anyMatch(line -> line.matches(
                "  decode, sample and cluster stills: 20/100 frames, [0-9.]+ frames/s, [0-9]+ s left")), lines::toString);
        assertTrue(shownWhileRunning, lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.matches(
                "  decode, sample and cluster stills: 50/100 frames, [0-9.]+ frames/s, [0-9]+ s left")), lines::toString);
    }

    @Test
    void theLineSaysTheTimeLeftAtTheRateSoFar() {
        assertEquals("  write frames: 30/120 tasks, 3.0 tasks/s, 30 s left",
                StageProgress.line("write frames", 30, 120, "tasks", 10));
        assertEquals("  write frames: 0/120 tasks, 0.0 tasks/s, starting",
                StageProgress.line("write frames", 0, 120, "tasks", 1));
        assertEquals("  decode: 3000/3000 frames, 25.0 frames/s, done in 120.0 s",
                StageProgress.line("decode", 3000, 3000, "frames", 120));
        assertEquals("list frames", StageProgress.stageName("filmpalette r1: list frames"));
        assertEquals("spark job", StageProgress.stageName(null));
    }
}
