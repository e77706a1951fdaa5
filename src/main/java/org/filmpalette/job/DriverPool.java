package org.filmpalette.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.SparkContext;

/**
 * Runs many small Spark fits at once from driver threads, in the FAIR scheduler pool {@value #POOL}, so that
 * thousands of films (or stills under {@code --still-engine mllib}) don't queue behind each other.
 */
final class DriverPool {

    static final String POOL = "fits";

    private final SparkContext context;
    private final int threads;

    DriverPool(SparkContext context, int threads) {
        this.context = context;
        this.threads = threads;
    }

    /** Results in task order; the first failure fails the whole batch. */
    <T> List<T> run(String description, List<Callable<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    context.setLocalProperty("spark.scheduler.pool", POOL);
                    context.setJobDescription(description);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>(futures.size());
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(description + " was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(description + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }
}
