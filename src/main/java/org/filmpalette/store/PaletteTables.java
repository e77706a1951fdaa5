package org.filmpalette.store;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.iceberg.DataOperations;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.types.TypeUtil;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four Iceberg tables of one tables root: creating them (bucketed by film, sorted by film and frame, format v2,
 * row-level deletes written as delete files), adding columns a newer {@link TableSchemas} has, and reading what is
 * committed, now or at a snapshot.
 */
public final class PaletteTables {

    /**
     * Buckets of {@code film_id} in the film tables: a run touching every film writes 16 files per table instead of
     * one per film, and a one-film query reads one bucket. Measured by bench.FilmBucketsBench (README "Tables and
     * catalogs"): 64 doubled the write time of 10,000 films, and neither 4 nor 64 read one film faster.
     */
    public static final int FILM_BUCKETS = 16;

    private static final Logger LOG = LoggerFactory.getLogger(PaletteTables.class);
    private static final Map<String, String> PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.DELETE_MODE, "merge-on-read",
            TableProperties.MERGE_MODE, "merge-on-read",
            TableProperties.UPDATE_MODE, "merge-on-read",
            TableProperties.WRITE_DISTRIBUTION_MODE, "hash",
            TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");

    private final SparkSession spark;
    private final String root;
    private final TablesCatalog catalog;

    public PaletteTables(SparkSession spark, String tablesRoot) {
        this(spark, tablesRoot, TablesCatalog.of(spark, tablesRoot));
    }

    /** The tables in {@code catalog}, for reading tables a configured catalog holds from another session. */
    public PaletteTables(SparkSession spark, String tablesRoot, TablesCatalog catalog) {
        this.spark = spark;
        this.root = tablesRoot;
        this.catalog = catalog;
    }

    public String root() {
        return root;
    }

    public TablesCatalog catalog() {
        return catalog;
    }

    /** Creates the tables that do not exist yet and adds the columns an existing table lacks. */
    public void createOrEvolve() {
        Path local = TablesCatalog.localRoot(spark, root);
        if (local != null) {
            try {
                Files.createDirectories(local);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the tables root " + local, e);
            }
        }
        Catalog iceberg = icebergCatalog();
        Namespace namespace = Namespace.of(TablesCatalog.NAMESPACE);
        if (iceberg instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
            namespaces.createNamespace(namespace);
        }
        for (Table table : Table.values()) {
            TableIdentifier id = identifier(table);
            if (!iceberg.tableExists(id)) {
                create(iceberg, table, id);
            } else {
                addMissingColumns(iceberg.loadTable(id), table);
            }
        }
    }

    /** Whether any of the four tables exists: what the read-only commands need. */
    public boolean exist() {
        Path local = TablesCatalog.localRoot(spark, root);
        if (local != null && !Files.isRegularFile(local.resolve(TablesCatalog.SQLITE_FILE))) {
            return false;
        }
        Catalog iceberg = icebergCatalog();
        return Arrays.stream(Table.values()).anyMatch(table -> iceberg.tableExists(identifier(table)));
    }

    /** Whether {@code table} was created. */
    public boolean exists(Table table) {
        return icebergCatalog().tableExists(identifier(table));
    }

    /** The committed rows of {@code table}, or no rows when the table does not exist yet. */
    public Dataset<Row> read(Table table) {
        if (!exists(table)) {
            return spark.createDataFrame(List.of(), table.schema());
        }
        return spark.table(catalog.tableName(table)).select(columnsOf(table));
    }

    /** The rows {@code table} held at {@code snapshotId}. */
    public Dataset<Row> readAt(Table table, long snapshotId) {
        return spark.read().option("versionAsOf", snapshotId).table(catalog.tableName(table)).select(columnsOf(table));
    }

    /** The table's current snapshot id. */
    public long currentSnapshot(Table table) {
        return load(table).currentSnapshot().snapshotId();
    }

    /** Whether {@code table} holds any row now. */
    public boolean anyCommitted(Table table) {
        return exists(table) && rowsAt(table, currentSnapshot(table)) > 0;
    }

    /** The number of rows {@code table} held at {@code snapshotId}, from the snapshot's summary. */
    public long rowsAt(Table table, long snapshotId) {
        return Long.parseLong(load(table).snapshot(snapshotId).summary().getOrDefault("total-records", "0"));
    }

    /**
     * The snapshots the last succeeded run recorded for the film tables: the state all four tables agreed on. Empty
     * when no run succeeded yet.
     */
    public Optional<Map<Table, Long>> lastSucceededRun() {
        List<Row> rows = read(Table.RUNS).where(col(TableSchemas.STATUS).equalTo(RunBranch.SUCCEEDED)
                        .and(col(TableSchemas.FRAMES_SNAPSHOT).isNotNull()))
                .orderBy(col(TableSchemas.FINISHED_AT).desc(), col(TableSchemas.RUN_ID).desc())
                .select(TableSchemas.FRAMES_SNAPSHOT, TableSchemas.STILL_PALETTES_SNAPSHOT,
                        TableSchemas.FILM_PALETTES_SNAPSHOT, TableSchemas.FILM_NEIGHBORS_SNAPSHOT)
                .limit(1).collectAsList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Row row = rows.get(0);
        Map<Table, Long> snapshots = new EnumMap<>(Table.class);
        snapshots.put(Table.FRAMES, row.<Long>getAs(TableSchemas.FRAMES_SNAPSHOT));
        snapshots.put(Table.STILL_PALETTES, row.<Long>getAs(TableSchemas.STILL_PALETTES_SNAPSHOT));
        snapshots.put(Table.FILM_PALETTES, row.<Long>getAs(TableSchemas.FILM_PALETTES_SNAPSHOT));
        // Runs recorded before film_neighbors existed have no snapshot of it: they agree on the other tables only.
        if (!row.isNullAt(row.fieldIndex(TableSchemas.FILM_NEIGHBORS_SNAPSHOT))) {
            snapshots.put(Table.FILM_NEIGHBORS, row.<Long>getAs(TableSchemas.FILM_NEIGHBORS_SNAPSHOT));
        }
        return Optional.of(snapshots);
    }

    /**
     * Whether {@code table}'s rows at {@code later} are those at {@code earlier}: the same snapshot, or later
     * snapshots that only rewrote files ({@code filmpalette maintain}'s compaction, operation {@code replace}). An
     * {@code earlier} snapshot that maintenance expired counts as the same: nothing is left to compare with.
     */
    public boolean sameRows(Table table, long earlier, long later) {
        org.apache.iceberg.Table iceberg = load(table);
        if (iceberg.snapshot(earlier) == null) {
            LOG.warn("Snapshot {} of {} was expired; taking the current snapshot as the committed state", earlier,
                    table.id());
            return true;
        }
        Long snapshot = later;
        while (snapshot != null && snapshot != earlier) {
            Snapshot step = iceberg.snapshot(snapshot);
            if (step == null || !DataOperations.REPLACE.equals(step.operation())) {
                return false;
            }
            snapshot = step.parentId();
        }
        return snapshot != null;
    }

    /** The Iceberg table, freshly loaded from the catalog. */
    public org.apache.iceberg.Table load(Table table) {
        return icebergCatalog().loadTable(identifier(table));
    }

    Catalog icebergCatalog() {
        return ((SparkCatalog) spark.sessionState().catalogManager().catalog(catalog.name())).icebergCatalog();
    }

    private static TableIdentifier identifier(Table table) {
        return TableIdentifier.of(TablesCatalog.NAMESPACE, table.id());
    }

    /** A new table gets an empty first snapshot, so that every run can branch from one. */
    private static void create(Catalog iceberg, Table table, TableIdentifier id) {
        Schema schema = SparkSchemaUtil.convert(table.schema());
        PartitionSpec spec = table.partitionedByFilm()
                ? PartitionSpec.builderFor(schema).bucket(TableSchemas.FILM_ID, FILM_BUCKETS).build()
                : PartitionSpec.unpartitioned();
        SortOrder.Builder order = SortOrder.builderFor(schema);
        table.sortColumns().forEach(order::asc);
        org.apache.iceberg.Table created = iceberg.buildTable(id, schema).withPartitionSpec(spec)
                .withSortOrder(order.build()).withProperties(PROPERTIES).create();
        created.newAppend().commit();
        LOG.info("Created table {}", id);
    }

    private static void addMissingColumns(org.apache.iceberg.Table existing, Table table) {
        Schema wanted = SparkSchemaUtil.convert(table.schema());
        if (TypeUtil.indexByName(existing.schema().asStruct()).keySet()
                .containsAll(TypeUtil.indexByName(wanted.asStruct()).keySet())) {
            return;
        }
        existing.updateSchema().unionByNameWith(wanted).commit();
        LOG.info("Added the missing columns of {} (now {})", table.id(), existing.schema());
    }

    private static Column[] columnsOf(Table table) {
        return TableSchemas.columns(table.schema());
    }
}
