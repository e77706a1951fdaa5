package org.filmpalette.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;

/**
 * {@code run}'s progress on a terminal: one line per Spark job, named by the pipeline stage that runs it (its job
 * description), rewritten in place as tasks finish, with the tasks done of the job's total, tasks per second and the
 * time left at that rate; the line is kept when the job ends. Written to stderr, at most twice a second.
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
        int done;

        Job(String stage, int tasks, long started) {
            this.stage = stage;
            this.tasks = tasks;
            this.started = started;
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
        Job job = new Job(stageName(description), tasks, nanoClock.getAsLong());
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
        long now = nanoClock.getAsLong();
        if (now - lastDrawn >= REDRAW_NANOS) {
            lastDrawn = now;
            err.print("\r" + line(job, now) + "\u001b[K");
            err.flush();
        }
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

    /** e.g. {@code decode, sample and cluster stills: 37/120 tasks, 4.1 tasks/s, 20 s left}. */
    static String line(String stage, int done, int tasks, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String left = done >= tasks ? String.format(Locale.ROOT, "done in %.1f s", seconds)
                : rate > 0 ? String.format(Locale.ROOT, "%.0f s left", (tasks - done) / rate) : "starting";
        return String.format(Locale.ROOT, "  %s: %d/%d tasks, %.1f tasks/s, %s", stage, done, tasks, rate, left);
    }

    private static String line(Job job, long now) {
        return line(job.stage, Math.min(job.done, job.tasks), job.tasks, (now - job.started) / 1e9);
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
