package org.filmpalette.store;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The four tables under one root, addressed by path: reading what earlier runs committed, and staging this run's
 * film partitions (and its {@code runs} row) under {@code _staging/<run_id>/} for {@link StagedCommit} to swap in.
 */
public final class PaletteTables {

    static final String STAGING = "_staging";

    private final SparkSession spark;
    private final Path root;
    private final FileSystem fs;

    public PaletteTables(SparkSession spark, String tablesRoot) {
        this.spark = spark;
        this.root = new Path(tablesRoot);
        try {
            this.fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the tables' filesystem " + tablesRoot, e);
        }
    }

    public Path root() {
        return root;
    }

    FileSystem fileSystem() {
        return fs;
    }

    /** The table's folder: {@code <root>/still_palettes}. */
    public Path location(Table table) {
        return new Path(root, table.id());
    }

    Path stagingRun(String runId) {
        return new Path(new Path(root, STAGING), runId);
    }

    Path staged(String runId, Table table) {
        return new Path(stagingRun(runId), table.id());
    }

    /** The committed rows of {@code table}, or no rows when nothing was committed yet. */
    public Dataset<Row> read(Table table) {
        return readParquet(location(table), table);
    }

    /** Whether anything was committed to {@code table} yet: a first run has nothing to compare with. */
    public boolean anyCommitted(Table table) {
        return hasDataFiles(location(table));
    }

    /** What this run staged for {@code table}, before it is committed. */
    public Dataset<Row> readStaged(String runId, Table table) {
        return readParquet(staged(runId, table), table);
    }

    private Dataset<Row> readParquet(Path location, Table table) {
        if (!hasDataFiles(location)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return spark.read()
                .schema(table.schema())
                .option("basePath", location.toString())
                .parquet(location.toString())
                .select(columnsOf(table));
    }

    /**
     * Writes {@code rows} as this run's new content of their film partitions (one file per film), films written by
     * two tasks per core: with a plain {@code repartition(film_id)} adaptive execution coalesces a small table's
     * shuffle into one task, which then writes every film's file alone.
     */
    public void stage(String runId, Table table, Dataset<Row> rows) {
        Dataset<Row> ordered = rows.select(columnsOf(table));
        if (table.partitionedByFilm()) {
            ordered.repartition(2 * spark.sparkContext().defaultParallelism(), col(TableSchemas.FILM_ID))
                    .sortWithinPartitions(sortColumns(table))
                    .write()
                    .mode(SaveMode.Overwrite)
                    .partitionBy(TableSchemas.FILM_ID)
                    .parquet(staged(runId, table).toString());
        } else {
            ordered.coalesce(1).write().mode(SaveMode.Overwrite).parquet(staged(runId, table).toString());
        }
    }

    private static org.apache.spark.sql.Column[] columnsOf(Table table) {
        return Arrays.stream(table.schema().fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }

    private static org.apache.spark.sql.Column[] sortColumns(Table table) {
        return switch (table) {
            case FRAMES -> new org.apache.spark.sql.Column[] {col(TableSchemas.FILM_ID), col(TableSchemas.FRAME_ID),
                col(TableSchemas.PATH)};
            case STILL_PALETTES -> new org.apache.spark.sql.Column[] {col(TableSchemas.FILM_ID),
                col(TableSchemas.FRAME_ID), col(TableSchemas.ALGORITHM)};
            case FILM_PALETTES -> new org.apache.spark.sql.Column[] {col(TableSchemas.FILM_ID),
                col(TableSchemas.ALGORITHM)};
            case RUNS -> new org.apache.spark.sql.Column[] {col(TableSchemas.RUN_ID)};
        };
    }

    private boolean hasDataFiles(Path location) {
        try {
            if (!fs.exists(location)) {
                return false;
            }
            var files = fs.listFiles(location, true);
            while (files.hasNext()) {
                if (files.next().getPath().getName().endsWith(".parquet")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + location, e);
        }
    }

    /** The folders directly under {@code dir}, or none when it does not exist. */
    FileStatus[] directories(Path dir) {
        try {
            if (!fs.exists(dir)) {
                return new FileStatus[0];
            }
            return Arrays.stream(fs.listStatus(dir)).filter(FileStatus::isDirectory).toArray(FileStatus[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
