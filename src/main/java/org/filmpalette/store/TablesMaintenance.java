package org.filmpalette.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.actions.DeleteOrphanFiles;
import org.apache.iceberg.actions.ExpireSnapshots;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigurationException;

/**
 * Upkeep of the four tables with Iceberg's own Spark actions, table by table: removes the branches of runs that
 * died before publishing, compacts small data files and the delete files incremental runs leave (bin-packing within
 * each bucket, in the table's sort order), expires old snapshots and deletes files no snapshot references.
 */
public final class TablesMaintenance {

    /**
     * What to keep.
     *
     * @param snapshotAge snapshots older than this are expired (their {@code VERSION AS OF} stops working)
     * @param retainLast this many most recent snapshots of each table are always kept
     * @param orphanAge files no snapshot references are deleted once older than this (younger ones may belong to a
     *     run still writing)
     * @param branchAge branches {@code run_*} whose head is older than this belong to runs that died
     */
    public record Settings(Duration snapshotAge, int retainLast, Duration orphanAge, Duration branchAge) {

        public static final Settings DEFAULT = new Settings(Duration.ofDays(7), 10, Duration.ofDays(3),
                Duration.ofDays(1));

        public Settings {
            if (retainLast < 1) {
                throw new ConfigurationException("Invalid --retain-last: " + retainLast + " (must be at least 1)");
            }
        }
    }

    /** What maintenance did to one table. */
    public record Result(Table table, int branchesRemoved, int dataFilesRewritten, int dataFilesAdded,
            long snapshotsExpired, long filesExpired, int orphansDeleted) {}

    private final SparkSession spark;
    private final PaletteTables tables;

    public TablesMaintenance(SparkSession spark, PaletteTables tables) {
        this.spark = spark;
        this.tables = tables;
    }

    public List<Result> run(Settings settings) {
        Instant now = Instant.now();
        List<Result> results = new ArrayList<>();
        for (Table table : Table.values()) {
            int branches = removeDeadRunBranches(table, now.minus(settings.branchAge()));
            RewriteDataFiles.Result compacted = compact(table);
            ExpireSnapshots.Result expired = SparkActions.get(spark).expireSnapshots(tables.load(table))
                    .expireOlderThan(now.minus(settings.snapshotAge()).toEpochMilli())
                    .retainLast(settings.retainLast()).execute();
            DeleteOrphanFiles.Result orphans = SparkActions.get(spark).deleteOrphanFiles(tables.load(table))
                    .olderThan(now.minus(settings.orphanAge()).toEpochMilli()).execute();
            int orphanCount = 0;
            for (String ignored : orphans.orphanFileLocations()) {
                orphanCount++;
            }
            // Each expired snapshot had exactly one manifest list.
            results.add(new Result(table, branches, compacted.rewrittenDataFilesCount(),
                    compacted.addedDataFilesCount(), expired.deletedManifestListsCount(),
                    expired.deletedDataFilesCount() + expired.deletedPositionDeleteFilesCount(), orphanCount));
        }
        return results;
    }

    private RewriteDataFiles.Result compact(Table table) {
        return SparkActions.get(spark).rewriteDataFiles(tables.load(table))
                .binPack()
                .options(Map.of(
                        RewriteDataFiles.REMOVE_DANGLING_DELETES, "true",
                        "min-input-files", "2",
                        "delete-file-threshold", "1"))
                .execute();
    }

    private int removeDeadRunBranches(Table table, Instant before) {
        org.apache.iceberg.Table iceberg = tables.load(table);
        List<String> dead = new ArrayList<>();
        for (Map.Entry<String, SnapshotRef> ref : iceberg.refs().entrySet()) {
            if (ref.getKey().startsWith(RunBranch.BRANCH_PREFIX) && ref.getValue().isBranch()
                    && iceberg.snapshot(ref.getValue().snapshotId()).timestampMillis() < before.toEpochMilli()) {
                dead.add(ref.getKey());
            }
        }
        if (!dead.isEmpty()) {
            var update = iceberg.manageSnapshots();
            dead.forEach(update::removeBranch);
            update.commit();
        }
        return dead.size();
    }
}
