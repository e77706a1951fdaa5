package org.filmpalette.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.query.QuerySession;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.TablesMaintenance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette maintain}: compacts the tables, expires old snapshots and deletes orphan files. */
@Command(name = "maintain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compact small and delete files, expire old snapshots, delete orphan files and the branches "
            + "of runs that died, with Iceberg's Spark actions.",
            "Run it when no run is writing: a run that started before it ends with exit 1 and is simply rerun."})
final class MaintainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--snapshot-days", paramLabel = "DAYS",
            description = "Expire snapshots older than this (time travel reaches this far back). Default: 7")
    private int snapshotDays = (int) TablesMaintenance.Settings.DEFAULT.snapshotAge().toDays();

    @Option(names = "--retain-last", paramLabel = "N", description = "Always keep this many snapshots per table. Default: 10")
    private int retainLast = TablesMaintenance.Settings.DEFAULT.retainLast();

    @Option(names = "--orphan-days", paramLabel = "DAYS",
            description = "Delete unreferenced files older than this. Default: 3")
    private int orphanDays = (int) TablesMaintenance.Settings.DEFAULT.orphanAge().toDays();

    @Override
    public Integer call() {
        requireNotNegative("--snapshot-days", snapshotDays);
        requireNotNegative("--orphan-days", orphanDays);
        TablesMaintenance.Settings settings = new TablesMaintenance.Settings(Duration.ofDays(snapshotDays),
                retainLast, Duration.ofDays(orphanDays), TablesMaintenance.Settings.DEFAULT.branchAge());
        try (QuerySession session = tables.open()) {
            PaletteTables palettes = new PaletteTables(session.spark(), session.root());
            PrintWriter out = spec.commandLine().getOut();
            for (TablesMaintenance.Result result : new TablesMaintenance(session.spark(), palettes).run(settings)) {
                out.printf("%-15s %d data files compacted into %d, %d snapshots expired (%d files), %d orphan "
                        + "files deleted, %d dead run branches removed%n", result.table().id(),
                        result.dataFilesRewritten(), result.dataFilesAdded(), result.snapshotsExpired(),
                        result.filesExpired(), result.orphansDeleted(), result.branchesRemoved());
            }
            out.flush();
            return ExitCodes.DONE;
        }
    }

    private static void requireNotNegative(String flag, int days) {
        if (days < 0) {
            throw new ConfigurationException("Invalid " + flag + ": " + days + " (must be 0 or more)");
        }
    }
}
