package org.filmpalette.bench;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.store.TablesCatalog;

/**
 * The bucket count of {@code bucket(N, film_id)}, measured on the rows of a run's tables (bench/films.sh's
 * one-frame films): for each N, copies {@code still_palettes} and {@code film_palettes} into tables of N buckets
 * (clustered by bucket and sorted by film, as a run writes them) and times the copy, one film's palette looked up by film id, the scan
 * {@code compare} makes of every palette of an algorithm, and one film replaced in {@code still_palettes} as an
 * incremental run does it (delete by film id, append). Usage: {@code FilmBucketsBench TABLES_ROOT OUT_DIR N...}.
 */
public final class FilmBucketsBench {

    private static final int LOOKUPS = 10;
    private static final int REPLACES = 5;

    private FilmBucketsBench() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.create(Map.of("spark.master", "local[*]",
                "spark.sql.shuffle.partitions", "4", "spark.ui.enabled", "false"));
        try {
            PaletteTables source = new PaletteTables(spark, "file:" + Path.of(args[0]).toAbsolutePath());
            Dataset<Row> stills = source.read(Table.STILL_PALETTES).cache();
            Dataset<Row> films = source.read(Table.FILM_PALETTES).cache();
            List<String> ids = films.select(TableSchemas.FILM_ID).distinct().orderBy(TableSchemas.FILM_ID)
                    .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
            System.out.printf(Locale.ROOT, "%d films, %d still palette rows%n", ids.size(), stills.count());
            System.out.println("buckets  copy_s  files(stills)  lookup_ms  scan_ms  replace_ms  files_added");
            for (String n : Arrays.copyOfRange(args, 2, args.length)) {
                measure(spark, stills, films, ids, Integer.parseInt(n), Path.of(args[1]));
            }
        } finally {
            spark.stop();
        }
    }

    private static void measure(SparkSession spark, Dataset<Row> stills, Dataset<Row> films, List<String> ids,
            int buckets, Path out) {
        Path root = out.resolve("buckets-" + buckets).toAbsolutePath();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + root, e);
        }
        String catalog = TablesCatalog.of(spark, "file:" + root).name();
        String namespace = "`" + catalog + "`." + TablesCatalog.NAMESPACE;
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
        String stillTable = namespace + ".still_palettes";
        String filmTable = namespace + ".film_palettes";
        spark.sql("DROP TABLE IF EXISTS " + stillTable + " PURGE");
        spark.sql("DROP TABLE IF EXISTS " + filmTable + " PURGE");

        long start = System.nanoTime();
        create(spark, stills, stillTable, buckets, "film_id, frame_id, algorithm");
        create(spark, films, filmTable, buckets, "film_id, algorithm");
        double copySeconds = (System.nanoTime() - start) / 1e9;
        long files = spark.sql("SELECT count(*) FROM " + stillTable + ".files").first().getLong(0);

        List<Double> lookups = new ArrayList<>();
        for (int i = 0; i < LOOKUPS; i++) {
            String film = ids.get((i * 7919) % ids.size());
            long t = System.nanoTime();
            spark.table(filmTable).where(col(TableSchemas.FILM_ID).equalTo(film)
                    .and(col(TableSchemas.ALGORITHM).equalTo("kmeans"))).select(TableSchemas.COLORS).collectAsList();
            lookups.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> scans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            spark.table(filmTable).where(col(TableSchemas.ALGORITHM).equalTo("kmeans"))
                    .select(TableSchemas.FILM_ID, TableSchemas.COLORS).collectAsList();
            scans.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> replaces = new ArrayList<>();
        for (int i = 0; i < REPLACES; i++) {
            String film = ids.get((i * 104729 + 11) % ids.size());
            List<Row> rows = spark.table(stillTable).where(col(TableSchemas.FILM_ID).equalTo(film)).collectAsList();
            long t = System.nanoTime();
            spark.sql("DELETE FROM " + stillTable + " WHERE film_id = '" + film + "'");
            append(spark.createDataFrame(rows, spark.table(stillTable).schema()), stillTable);
            replaces.add((System.nanoTime() - t) / 1e6);
        }
        long after = spark.sql("SELECT count(*) FROM " + stillTable + ".files").first().getLong(0)
                + spark.sql("SELECT count(*) FROM " + stillTable + ".delete_files").first().getLong(0);
        System.out.printf(Locale.ROOT, "%7d  %6.1f  %13d  %9.0f  %7.0f  %10.0f  %11.1f%n", buckets, copySeconds, files,
                median(lookups), median(scans), median(replaces), (after - files) / (double) REPLACES);
    }

    private static void create(SparkSession spark, Dataset<Row> rows, String table, int buckets, String order) {
        String view = "bucket_bench_source";
        rows.createOrReplaceTempView(view);
        spark.sql("CREATE TABLE " + table + " USING iceberg PARTITIONED BY (bucket(" + buckets + ", film_id)) "
                + "TBLPROPERTIES ('format-version'='2', 'write.delete.mode'='merge-on-read', "
                + "'write.distribution-mode'='hash') AS SELECT * FROM " + view + " LIMIT 0");
        spark.sql("ALTER TABLE " + table + " WRITE ORDERED BY " + order);
        // As a run writes: clustered by bucket and sorted within it by the table's write order.
        append(rows, table);
    }

    private static void append(Dataset<Row> rows, String table) {
        try {
            rows.writeTo(table).append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
