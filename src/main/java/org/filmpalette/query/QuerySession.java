package org.filmpalette.query;

import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TablesCatalog;

/**
 * A Spark session for reading the tables: the tables' catalog and namespace are made current, so the four Iceberg
 * tables are queried by their names ({@code frames}, {@code still_palettes}, {@code film_palettes}, {@code runs}),
 * time travel included ({@code VERSION AS OF}; a table not created yet is an empty view), and the
 * {@link PaletteFunctions} are registered. Borrows the JVM's running session when there is one (a notebook, a test,
 * spark-submit code that already built one) and leaves it running; otherwise creates one and stops it on
 * {@link #close()}.
 */
public final class QuerySession implements AutoCloseable {

    private final SparkSession spark;
    private final boolean owned;
    private final PaletteTables tables;

    private QuerySession(SparkSession spark, boolean owned, String tablesRoot) {
        this.spark = spark;
        this.owned = owned;
        this.tables = new PaletteTables(spark, tablesRoot);
    }

    /**
     * Opens the tables under {@code tablesRoot} (a URI or a local path).
     *
     * @throws IllegalArgumentException naming {@code --tables} when none of the four tables exists there
     */
    public static QuerySession open(String tablesRoot, Map<String, String> sparkConf) {
        String root = TablesCatalog.qualify(tablesRoot);
        scala.Option<SparkSession> running = SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
        boolean owned = running.isEmpty();
        SparkSession spark = owned ? SparkSessions.create(sparkConf) : running.get();
        QuerySession session = new QuerySession(spark, owned, root);
        try {
            session.requireTables(tablesRoot);
            if (!owned) {
                // A session we create has them already (SparkSessions registers them); a borrowed one may not.
                PaletteFunctions.register(spark);
            }
            spark.sql("USE `" + session.tables.catalog().name() + "`.`" + TablesCatalog.NAMESPACE + "`");
            for (Table table : Table.values()) {
                // A temporary view would hide the table of the same name: only a table not created yet gets one.
                spark.catalog().dropTempView(table.id());
                if (!session.tables.exists(table)) {
                    session.tables.read(table).createOrReplaceTempView(table.id());
                }
            }
            return session;
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    public SparkSession spark() {
        return spark;
    }

    /** The qualified tables root, {@code file:/…} for local paths. */
    public String root() {
        return tables.root();
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }

    private void requireTables(String given) {
        if (tables.exist()) {
            return;
        }
        throw TablesCatalog.noTables(given);
    }
}
