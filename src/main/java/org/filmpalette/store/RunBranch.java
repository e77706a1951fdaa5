package org.filmpalette.store;

import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.iceberg.DataOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's writes to the film tables, made on an Iceberg branch {@code run_<run_id>} of each table, created at the
 * main snapshot the run planned from. Nothing a reader sees changes until {@link #publish()} fast-forwards each
 * table's main branch to the run's branch, in the order frames, still_palettes, film_palettes: one atomic
 * compare-and-swap commit per table, which fails when another run moved main since this run branched. The
 * {@code runs} row is appended last, directly to main.
 */
public final class RunBranch implements AutoCloseable {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /** Every run's branch is {@code run_<run_id>}. */
    public static final String BRANCH_PREFIX = "run_";

    /** The snapshot summary property naming the run that wrote a snapshot of a film table. */
    public static final String RUN_ID_PROPERTY = "filmpalette.run-id";
    private static final String SNAPSHOT_RUN_ID = "snapshot-property." + RUN_ID_PROPERTY;

    private static final Logger LOG = LoggerFactory.getLogger(RunBranch.class);
    /** Metadata commits tried when creating a run's branch of one table. */
    private static final int BRANCH_ATTEMPTS = 5;

    private final SparkSession spark;
    private final PaletteTables tables;
    private final String runId;
    private final String branch;
    private final CommitObserver observer;
    private final Map<Table, Long> bases = new EnumMap<>(Table.class);

    private RunBranch(SparkSession spark, PaletteTables tables, String runId, CommitObserver observer) {
        this.spark = spark;
        this.tables = tables;
        this.runId = runId;
        this.branch = BRANCH_PREFIX + runId;
        this.observer = observer;
    }

    /** Branches each film table at its current main snapshot. */
    public static RunBranch start(SparkSession spark, PaletteTables tables, String runId, CommitObserver observer) {
        RunBranch run = new RunBranch(spark, tables, runId, observer);
        for (Table table : Table.FILM_TABLES) {
            run.bases.put(table, run.branchFromMain(table));
        }
        return run;
    }

    /**
     * Creates this run's branch of {@code table} at its main snapshot and returns that snapshot. Another run creating
     * its own branch at the same moment makes the metadata commit fail although nothing conflicts (the branches have
     * different names), so it is retried on freshly loaded metadata.
     */
    private long branchFromMain(Table table) {
        for (int attempt = 1; ; attempt++) {
            org.apache.iceberg.Table iceberg = tables.load(table);
            long base = iceberg.currentSnapshot().snapshotId();
            try {
                iceberg.manageSnapshots().createBranch(branch, base).commit();
                return base;
            } catch (CommitFailedException e) {
                if (attempt == BRANCH_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The main snapshot of {@code table} this run branched from. */
    public long base(Table table) {
        return bases.get(table);
    }

    /** The rows on this run's branch of {@code table}. */
    public Dataset<Row> read(Table table) {
        return spark.table(branchName(table)).select(TableSchemas.columns(table.schema()));
    }

    /** The snapshot at the head of this run's branch of {@code table}: main's once published. */
    public long head(Table table) {
        return tables.load(table).refs().get(branch).snapshotId();
    }

    /** Replaces every row of {@code films} in {@code table} by {@code rows} (rows of those films only). */
    public void replaceFilms(Table table, FilmSet films, Dataset<Row> rows) {
        if (films.isEmpty()) {
            return;
        }
        if (tables.rowsAt(table, bases.get(table)) > 0) {
            String view = "filmpalette_replaced_" + runId.replaceAll("[^A-Za-z0-9]", "_");
            films.asRows().createOrReplaceTempView(view);
            try {
                spark.sql("MERGE INTO " + branchName(table) + " t USING " + view + " s ON t."
                        + TableSchemas.FILM_ID + " = s." + TableSchemas.FILM_ID + " WHEN MATCHED THEN DELETE");
            } finally {
                spark.catalog().dropTempView(view);
            }
        }
        append(table, rows);
    }

    /** Replaces every row of {@code table} by {@code rows}, in one snapshot. */
    public void replaceAll(Table table, Dataset<Row> rows) {
        try {
            ordered(table, rows).writeTo(branchName(table)).option(SNAPSHOT_RUN_ID, runId).overwrite(lit(true));
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    private void append(Table table, Dataset<Row> rows) {
        try {
            ordered(table, rows).writeTo(branchName(table)).option(SNAPSHOT_RUN_ID, runId).append();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /**
     * Makes the run's rows visible: main of each film table is fast-forwarded to the run's branch, then the
     * {@code runs} row is appended. Before the first table, every main is checked to still be where this run
     * branched from, so that a conflict is found before anything is published.
     *
     * @throws ConcurrentRunException when another run committed to a table since this run branched
     */
    public void publish(Dataset<Row> runRow) {
        observer.written(runId);
        for (Table table : Table.FILM_TABLES) {
            long main = tables.currentSnapshot(table);
            if (main != bases.get(table)) {
                throw conflict(table, main, List.of(), null);
            }
        }
        List<Table> published = new ArrayList<>();
        for (Table table : Table.FILM_TABLES) {
            try {
                tables.load(table).manageSnapshots().fastForwardBranch(SnapshotRef.MAIN_BRANCH, branch).commit();
            } catch (ValidationException | CommitFailedException e) {
                throw conflict(table, tables.currentSnapshot(table), published, e);
            }
            published.add(table);
            observer.published(runId, table);
        }
        appendRun(runRow);
    }

    /** Appends a {@code runs} row to main: appends never conflict with each other. */
    public void appendRun(Dataset<Row> runRow) {
        try {
            runRow.select(TableSchemas.columns(TableSchemas.RUNS_SCHEMA))
                    .writeTo(tables.catalog().tableName(Table.RUNS)).append();
        } catch (Exception e) {
            throw unchecked(e);
        }
    }

    /** Removes the run's branches; published rows stay on main. */
    @Override
    public void close() {
        for (Table table : bases.keySet()) {
            try {
                tables.load(table).manageSnapshots().removeBranch(branch).commit();
            } catch (RuntimeException e) {
                LOG.warn("Cannot remove branch {} of {}: {}", branch, table.id(), e.toString());
            }
        }
    }

    private ConcurrentRunException conflict(Table table, long main, List<Table> published, Throwable cause) {
        String outcome = published.isEmpty() ? "This run published nothing; rerun it to add its frames"
                : "This run published " + published.stream().map(Table::id).collect(Collectors.joining(", "))
                        + " only; the next run repairs the other tables, rerun it";
        return new ConcurrentRunException("Another run committed to " + table.id() + " while run " + runId + " ran: "
                + committer(table, main) + " moved main from snapshot " + bases.get(table) + " to " + main + ". "
                + outcome + " (it starts from the tables as they are now)", cause);
    }

    /** Who wrote {@code snapshotId}: the run named in its summary, a compaction, or the operation. */
    private String committer(Table table, long snapshotId) {
        Snapshot snapshot = tables.load(table).snapshot(snapshotId);
        if (snapshot == null) {
            return "another writer";
        }
        String run = snapshot.summary().get(RUN_ID_PROPERTY);
        if (run != null) {
            return "run " + run;
        }
        return DataOperations.REPLACE.equals(snapshot.operation()) ? "a compaction (filmpalette maintain)"
                : "another writer (" + snapshot.operation() + ")";
    }

    private Dataset<Row> ordered(Table table, Dataset<Row> rows) {
        return rows.select(TableSchemas.columns(table.schema()));
    }

    private String branchName(Table table) {
        return quoted(tables.catalog().name()) + "." + quoted(TablesCatalog.NAMESPACE) + "." + quoted(table.id())
                + "." + quoted("branch_" + branch);
    }

    private static String quoted(String part) {
        return "`" + part.replace("`", "``") + "`";
    }

    private static RuntimeException unchecked(Exception e) {
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }
}
