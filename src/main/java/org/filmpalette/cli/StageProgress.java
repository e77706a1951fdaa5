package org.filmpalette.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.filmpalette.job.DecodeProgress;

import scala.Tuple4;

/**
 * {@code run}'s progress on a terminal: one line per Spark job, named by the pipeline stage that runs it (its job
 * description), rewritten in place as it goes and kept when the job ends, with the time left at the rate so far. The
 * decode stage counts frames: the frames decoded of the run's total ({@link DecodeProgress}: finished tasks' counts,
 * and running tasks' counts as their executors' heartbeats report them) and frames per second; other jobs count
 * tasks. Written to stderr, at most twice a second.
 */
final class StageProgress extends SparkListener {

    private static final String DESCRIPTION = "spark.job.description";
    private static final long REDRAW_NANOS = 500_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoClock;
    private final Map<Integer, Job> jobsByStage = new ConcurrentHashMap<>();
    private final Map<Integer, Job> jobs = new ConcurrentHashMap<>();
    private long lastDrawn;

    private static final class Job {
        final String stage;
        final int tasks;
        final long started;
        /** Frames the job decodes, or -1 when it decodes none. */
        final long frames;
        final Map<Long, Long> framesOfRunningTasks = new HashMap<>();
        int done;
        long framesOfEndedTasks;

        Job(String stage, int tasks, long frames, long started) {
            this.stage = stage;
            this.tasks = tasks;
            this.frames = frames;
            this.started = started;
        }

        long framesDone() {
            return framesOfEndedTasks + framesOfRunningTasks.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    StageProgress(PrintWriter err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String description = start.properties() == null ? null : start.properties().getProperty(DESCRIPTION);
        int tasks = 0;
        for (StageInfo stage : scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos())) {
            tasks += stage.numTasks();
        }
        String frames = start.properties() == null ? null
                : start.properties().getProperty(DecodeProgress.FRAMES_TOTAL);
        Job job = new Job(stageName(description), tasks, frames == null ? -1 : Long.parseLong(frames),
                nanoClock.getAsLong());
        jobs.put(start.jobId(), job);
        for (Object stageId : scala.jdk.javaapi.CollectionConverters.asJava(start.stageIds())) {
            jobsByStage.put((Integer) stageId, job);
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        Job job = jobsByStage.get(end.stageId());
        if (job == null) {
            return;
        }
        job.done++;
        job.framesOfRunningTasks.remove(end.taskInfo().taskId());
        job.framesOfEndedTasks += framesDecoded(end.taskInfo().accumulables());
        redraw(job);
    }

    /** Running tasks' frame counts, which executors report with their heartbeats. */
    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task
                : scala.jdk.javaapi.CollectionConverters.asJava(update.accumUpdates())) {
            Job job = jobsByStage.get((Integer) task._2());
            long frames = framesDecoded(task._4());
            if (job != null && job.frames >= 0 && frames > 0) {
                job.framesOfRunningTasks.put((Long) task._1(), frames);
                redraw(job);
            }
        }
    }

    private void redraw(Job job) {
        long now = nanoClock.getAsLong();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\r" + line(job, now) + "\u001b[K");
            err.flush();
        }
    }

    private static long framesDecoded(scala.collection.Seq<AccumulableInfo> accumulables) {
        long frames = 0;
        for (AccumulableInfo info : scala.jdk.javaapi.CollectionConverters.asJava(accumulables)) {
            if (info.name().contains(DecodeProgress.FRAMES_DONE) && info.update().isDefined()) {
                frames += ((Number) info.update().get()).longValue();
            }
        }
        return frames;
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        Job job = jobs.remove(end.jobId());
        if (job == null) {
            return;
        }
        jobsByStage.values().removeIf(j -> j == job);
        err.println("\r" + line(job, nanoClock.getAsLong()) + "\u001b[K");
        err.flush();
    }

    /** e.g. {@code decode, sample and cluster stills: 1200/3000 frames, 13.2 frames/s, 136 s left}. */
    static String line(String stage, long done, long total, String unit, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String left = done >= total ? String.format(Locale.ROOT, "done in %.1f s", seconds)
                : rate > 0 ? String.format(Locale.ROOT, "%.0f s left", (total - done) / rate) : "starting";
        return String.format(Locale.ROOT, "  %s: %d/%d %s, %.1f %s/s, %s", stage, done, total, unit, rate, unit,
                left);
    }

    /** Frames when the job decodes and has decoded some (a job of the stage that decodes none counts tasks). */
    private static String line(Job job, long now) {
        double seconds = (now - job.started) / 1e9;
        long frames = job.framesDone();
        return job.frames >= 0 && frames > 0 ? line(job.stage, Math.min(frames, job.frames), job.frames, "frames", seconds)
                : line(job.stage, Math.min(job.done, job.tasks), job.tasks, "tasks", seconds);
    }

    /** The pipeline's stage from a job description {@code filmpalette <run id>: <stage>}. */
    static String stageName(String description) {
        if (description == null || description.isBlank()) {
            return "spark job";
        }
        int colon = description.indexOf(": ");
        return colon >= 0 ? description.substring(colon + 2) : description;
    }
}
