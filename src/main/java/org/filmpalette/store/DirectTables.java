package org.filmpalette.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.SparkConf;

/**
 * The tables read with Iceberg's own Java readers, without starting Spark: for commands that look up a few rows
 * ({@code compare}) and should answer in about the time the JVM takes to start. The catalog is the one a Spark
 * session would use ({@link TablesCatalog}): a configured {@code spark.sql.catalog.filmpalette.*} (from
 * {@code --conf} or, under spark-submit, the submitted settings), else the embedded catalog of the tables root;
 * {@code spark.hadoop.*} settings reach the file system as they would in Spark.
 */
public final class DirectTables implements AutoCloseable {

    private static final String CATALOG_PREFIX = "spark.sql.catalog.";
    private static final String HADOOP_PREFIX = "spark.hadoop.";

    private final Catalog catalog;

    private DirectTables(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Opens the tables under {@code tablesRoot} (a URI or a local path).
     *
     * @throws org.filmpalette.config.ConfigurationException naming {@code --tables} when no table exists there
     */
    public static DirectTables open(String tablesRoot, Map<String, String> sparkConf) {
        String root = TablesCatalog.qualify(tablesRoot);
        Map<String, String> settings = new LinkedHashMap<>();
        for (scala.Tuple2<String, String> submitted : new SparkConf(true).getAll()) {
            settings.put(submitted._1(), submitted._2());
        }
        settings.putAll(sparkConf);
        boolean configured = settings.containsKey(CATALOG_PREFIX + TablesCatalog.CONFIGURED);
        URI uri = URI.create(root);
        if (!configured && "file".equals(uri.getScheme())
                && !Files.isRegularFile(Path.of(uri.getPath()).resolve(TablesCatalog.SQLITE_FILE))) {
            throw TablesCatalog.noTables(tablesRoot);
        }
        String name = configured ? TablesCatalog.CONFIGURED : "filmpalette_direct";
        if (!configured) {
            settings.putAll(TablesCatalog.embeddedSettings(name, root));
        }
        DirectTables tables = new DirectTables(CatalogUtil.buildIcebergCatalog(name,
                stripped(settings, CATALOG_PREFIX + name + "."), hadoopConfiguration(settings)));
        if (Arrays.stream(Table.values()).noneMatch(tables::exists)) {
            tables.close();
            throw TablesCatalog.noTables(tablesRoot);
        }
        return tables;
    }

    /** Whether {@code table} was created. */
    public boolean exists(Table table) {
        return catalog.tableExists(identifier(table));
    }

    /**
     * The rows of {@code table}'s current snapshot that may match {@code filter}, with {@code columns} only; rows
     * Iceberg cannot rule out by partition and file statistics are filtered here too, so every row returned matches.
     * No rows when the table does not exist yet.
     */
    public List<Record> read(Table table, Expression filter, String... columns) {
        if (!exists(table)) {
            return List.of();
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(catalog.loadTable(identifier(table)))
                .where(filter).select(columns).build()) {
            records.forEach(rows::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + table.id(), e);
        }
        return rows;
    }

    /** Whether {@code table} exists and has the column {@code name} (tables written by an older version may not). */
    public boolean hasColumn(Table table, String name) {
        return exists(table) && catalog.loadTable(identifier(table)).schema().findField(name) != null;
    }

    /**
     * Folds the rows of {@code table} matching {@code filter} ({@code columns} only) into accumulators, one per
     * bucket of a film table (one for {@code runs}), the buckets read on all cores; the accumulators in bucket order.
     * Each accumulator sees its bucket's rows in the files' order: fold into something whose result does not depend
     * on the order (a total order, a sum) to get one answer on any number of cores.
     */
    public <A> List<A> fold(Table table, Expression filter, List<String> columns, Supplier<A> start,
            BiConsumer<A, Record> add) {
        if (!exists(table)) {
            return List.of();
        }
        org.apache.iceberg.Table iceberg = catalog.loadTable(identifier(table));
        int buckets = table.partitionedByFilm() ? PaletteTables.FILM_BUCKETS : 1;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(buckets,
                Runtime.getRuntime().availableProcessors()));
        try {
            List<Future<A>> parts = new ArrayList<>();
            for (int bucket = 0; bucket < buckets; bucket++) {
                Expression part = buckets == 1 ? filter
                        : Expressions.and(filter, Expressions.equal(Expressions.bucket(TableSchemas.FILM_ID, buckets),
                                bucket));
                parts.add(pool.submit(() -> {
                    A accumulator = start.get();
                    try (CloseableIterable<Record> records = IcebergGenerics.read(iceberg).where(part)
                            .select(columns.toArray(String[]::new)).build()) {
                        for (Record record : records) {
                            add.accept(accumulator, record);
                        }
                    }
                    return accumulator;
                }));
            }
            List<A> folded = new ArrayList<>(parts.size());
            for (Future<A> part : parts) {
                folded.add(part.get());
            }
            return folded;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + table.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Cannot read " + table.id(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        if (catalog instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static TableIdentifier identifier(Table table) {
        return TableIdentifier.of(TablesCatalog.NAMESPACE, table.id());
    }

    private static Map<String, String> stripped(Map<String, String> settings, String prefix) {
        Map<String, String> options = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                options.put(key.substring(prefix.length()), value);
            }
        });
        return options;
    }

    private static Configuration hadoopConfiguration(Map<String, String> settings) {
        Configuration configuration = new Configuration();
        stripped(settings, HADOOP_PREFIX).forEach(configuration::set);
        return configuration;
    }
}
