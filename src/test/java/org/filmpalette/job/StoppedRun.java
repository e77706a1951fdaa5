package org.filmpalette.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.JobConfig;
import org.filmpalette.store.CommitObserver;
import org.filmpalette.store.Table;

/**
 * A child JVM's run that stops at a point of its commit, for the crash and reader tests: {@code written MARKER}
 * creates the file MARKER once everything is on the run's branches and then waits to be killed; {@code halt-after
 * TABLE} halts the JVM (as {@code kill -9} would) as soon as TABLE is published; {@code pause-after-each MILLIS}
 * waits that long after each table is published, so that readers query every half-published state, and exits 0.
 *
 * <p>Arguments: {@code INPUT TABLES written MARKER}, {@code INPUT TABLES halt-after TABLE} or
 * {@code INPUT TABLES pause-after-each MILLIS}.
 */
public final class StoppedRun {

    private StoppedRun() {}

    public static void main(String[] args) {
        JobConfig config = JobConfig.fromSettings(Map.of(JobSettings.INPUT.key(), args[0], JobSettings.TABLES.key(), args[1],
                JobSettings.ALGORITHMS.key(), "kmeans"));
        CommitObserver observer = switch (args[2]) {
            case "written" -> new WaitWhenWritten(Path.of(args[3]));
            case "halt-after" -> new HaltAfter(Table.valueOf(args[3]));
            case "pause-after-each" -> new PauseAfterEach(Long.parseLong(args[3]));
            default -> throw new IllegalArgumentException("Unknown stop: " + args[2]);
        };
        SparkSession spark = SparkSessions.create(config);
        new PalettePipeline(spark, config, observer).run();
        System.exit(observer instanceof PauseAfterEach ? 0 : 3);
    }

    private record PauseAfterEach(long millis) implements CommitObserver {
        @Override
        public void published(String runId, Table table) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record WaitWhenWritten(Path marker) implements CommitObserver {
        @Override
        public void written(String runId) {
            try {
                Path written = Files.writeString(marker.resolveSibling(marker.getFileName() + ".tmp"), runId);
                Files.move(written, marker, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(Long.MAX_VALUE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private record HaltAfter(Table last) implements CommitObserver {
        @Override
        public void published(String runId, Table table) {
            if (table == last) {
                Runtime.getRuntime().halt(137);
            }
        }
    }
}
