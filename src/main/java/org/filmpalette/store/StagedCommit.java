package org.filmpalette.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Swaps a run's staged film partitions into the live tables. The plan (which partitions to replace, which to drop,
 * which {@code runs} files to add) is first written to {@code _staging/<run_id>/_COMMIT}; applying it is idempotent,
 * so a run killed while committing is finished by the next run's {@link #recover()}. A run killed before the marker
 * exists leaves only staging files, which recovery deletes. Readers see each film partition either old or new.
 */
public final class StagedCommit {

    private static final Logger LOG = LoggerFactory.getLogger(StagedCommit.class);
    private static final String MARKER = "_COMMIT";
    private static final String PARTITION_PREFIX = "film_id=";

    /**
     * Fault injection for crash tests: a JVM started with {@code -Dfilmpalette.fault.halt-after-commit-steps=N}
     * halts abruptly (as under {@code kill -9}) after N steps of the commit plan.
     */
    static final String HALT_AFTER_STEPS_PROPERTY = "filmpalette.fault.halt-after-commit-steps";

    private final PaletteTables tables;
    private final FileSystem fs;

    public StagedCommit(PaletteTables tables) {
        this.tables = tables;
        this.fs = tables.fileSystem();
    }

    /** Makes the staged content of {@code films} (and the run's {@code runs} row) live; films without staged rows are dropped. */
    public void commit(String runId, Collection<String> films) {
        List<String> plan = plan(runId, Set.copyOf(films));
        Path marker = new Path(tables.stagingRun(runId), MARKER);
        Path temporary = new Path(tables.stagingRun(runId), MARKER + ".tmp");
        try {
            try (OutputStream out = fs.create(temporary, true)) {
                out.write(String.join("\n", plan).getBytes(StandardCharsets.UTF_8));
            }
            if (!fs.rename(temporary, marker)) {
                throw new IOException("rename to " + marker + " returned false");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the commit marker " + marker, e);
        }
        apply(runId, plan);
        deleteStaging(runId);
    }

    /** Whether the run's commit plan was written: from then on only finishing the commit is right. */
    public boolean isPlanned(String runId) {
        try {
            return fs.exists(new Path(tables.stagingRun(runId), MARKER));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the commit marker of run " + runId, e);
        }
    }

    /** Finishes runs that crashed while committing and deletes what runs that crashed earlier staged. */
    public void recover() {
        for (FileStatus run : tables.directories(new Path(tables.root(), PaletteTables.STAGING))) {
            String runId = run.getPath().getName();
            Path marker = new Path(run.getPath(), MARKER);
            try {
                if (fs.exists(marker)) {
                    LOG.warn("Finishing the commit of interrupted run {}", runId);
                    apply(runId, readPlan(marker));
                } else {
                    LOG.warn("Discarding the staged output of interrupted run {}", runId);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot recover run " + runId + " from " + run.getPath(), e);
            }
            deleteStaging(runId);
        }
    }

    /** Discards everything a run staged, for a run that failed before committing. */
    public void abandon(String runId) {
        deleteStaging(runId);
    }

    /** The film id a partition folder holds: Spark escapes special characters as {@code %XX}. */
    static String filmOf(String partitionDirectory) {
        String escaped = partitionDirectory.substring(PARTITION_PREFIX.length());
        return URLDecoder.decode(escaped.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private List<String> plan(String runId, Set<String> films) {
        List<String> plan = new ArrayList<>();
        for (Table table : Table.values()) {
            if (!table.partitionedByFilm()) {
                continue;
            }
            Map<String, String> staged = partitions(tables.staged(runId, table));
            Map<String, String> live = partitions(tables.location(table));
            for (String film : films) {
                if (staged.containsKey(film)) {
                    plan.add("replace\t" + table.id() + "\t" + staged.get(film));
                } else if (live.containsKey(film)) {
                    plan.add("drop\t" + table.id() + "\t" + live.get(film));
                }
            }
        }
        try {
            Path runs = tables.staged(runId, Table.RUNS);
            if (fs.exists(runs)) {
                for (FileStatus file : fs.listStatus(runs)) {
                    if (file.getPath().getName().endsWith(".parquet")) {
                        plan.add("append\t" + Table.RUNS.id() + "\t" + file.getPath().getName());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the staged runs row of " + runId, e);
        }
        return plan;
    }

    private Map<String, String> partitions(Path tableDirectory) {
        Map<String, String> byFilm = new HashMap<>();
        for (FileStatus directory : tables.directories(tableDirectory)) {
            String name = directory.getPath().getName();
            if (name.startsWith(PARTITION_PREFIX)) {
                byFilm.put(filmOf(name), name);
            }
        }
        return byFilm;
    }

    private void apply(String runId, List<String> plan) {
        int haltAfter = Integer.getInteger(HALT_AFTER_STEPS_PROPERTY, -1);
        int steps = 0;
        try {
            for (String line : plan) {
                if (line.isBlank()) {
                    continue;
                }
                if (steps++ == haltAfter) {
                    Runtime.getRuntime().halt(137);
                }
                String[] step = line.split("\t", 3);
                Table table = Table.valueOf(step[1].toUpperCase(java.util.Locale.ROOT));
                Path live = new Path(tables.location(table), step[2]);
                Path staged = new Path(tables.staged(runId, table), step[2]);
                switch (step[0]) {
                    case "replace", "append" -> {
                        if (fs.exists(staged)) {
                            if (fs.exists(live)) {
                                fs.delete(live, true);
                            }
                            fs.mkdirs(tables.location(table));
                            if (!fs.rename(staged, live)) {
                                throw new IOException("rename " + staged + " to " + live + " returned false");
                            }
                        }
                    }
                    case "drop" -> fs.delete(live, true);
                    default -> throw new IllegalStateException("Unknown commit step in run " + runId + ": " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit run " + runId + " under " + tables.root(), e);
        }
    }

    private List<String> readPlan(Path marker) throws IOException {
        List<String> plan = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(fs.open(marker), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                plan.add(line);
            }
        }
        return plan;
    }

    private void deleteStaging(String runId) {
        try {
            fs.delete(tables.stagingRun(runId), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + tables.stagingRun(runId), e);
        }
    }
}
