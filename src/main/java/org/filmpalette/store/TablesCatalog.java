package org.filmpalette.store;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigurationException;

/**
 * Which Iceberg catalog holds the tables of a tables root. A catalog the user configured as
 * {@code spark.sql.catalog.filmpalette.*} (REST, Hive, Glue, JDBC on PostgreSQL, …) is used as is. Otherwise the
 * embedded catalog is set up in the session: Iceberg's JDBC catalog on the SQLite file {@code <tables>/catalog.db}
 * (WAL mode) for a local root, whose commits are compare-and-swap on any file system, or Iceberg's {@code hadoop}
 * catalog for an {@code hdfs://} root, where rename is atomic. Other roots (such as {@code s3a://}) need a configured
 * catalog: there neither is safe.
 */
public final class TablesCatalog {

    /** The catalog name a user configures to bring their own catalog: {@code spark.sql.catalog.filmpalette}. */
    public static final String CONFIGURED = "filmpalette";
    /** The namespace of the four tables in the catalog. */
    public static final String NAMESPACE = "filmpalette";
    /** The SQLite file of the embedded catalog, directly under a local tables root. */
    public static final String SQLITE_FILE = "catalog.db";

    private static final String CATALOG_PREFIX = "spark.sql.catalog.";
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private final String name;

    private TablesCatalog(String name) {
        this.name = name;
    }

    /**
     * The catalog of {@code root} in {@code spark}, registering the embedded one on first use.
     *
     * @throws IllegalArgumentException naming {@code --tables} for a root the embedded catalog cannot serve
     */
    public static TablesCatalog of(SparkSession spark, String root) {
        if (spark.conf().contains(CATALOG_PREFIX + CONFIGURED)) {
            return new TablesCatalog(CONFIGURED);
        }
        String name = "filmpalette_" + hash(root);
        if (!spark.conf().contains(CATALOG_PREFIX + name)) {
            embeddedSettings(name, root).forEach(spark.conf()::set);
        }
        return new TablesCatalog(name);
    }

    /** The catalog configured in the session as {@code spark.sql.catalog.<name>.*}, whatever the tables root. */
    public static TablesCatalog named(SparkSession spark, String name) {
        if (!spark.conf().contains(CATALOG_PREFIX + name)) {
            throw new ConfigurationException("Unknown catalog: " + name + " (no " + CATALOG_PREFIX + name
                    + " setting)");
        }
        return new TablesCatalog(name);
    }

    /** The {@code spark.sql.catalog.<name>.*} settings of the embedded catalog for {@code root}. */
    public static Map<String, String> embeddedSettings(String name, String root) {
        URI uri = URI.create(root);
        String prefix = CATALOG_PREFIX + name;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        if ("file".equals(uri.getScheme())) {
            loadSqliteDriver();
            settings.put(prefix + ".catalog-impl", FilmpaletteJdbcCatalog.class.getName());
            settings.put(prefix + ".uri", "jdbc:sqlite:" + uri.getPath() + "/" + SQLITE_FILE
                    + "?journal_mode=WAL&busy_timeout=60000");
            settings.put(prefix + ".jdbc.schema-version", "V1");
        } else if ("hdfs".equals(uri.getScheme())) {
            settings.put(prefix + ".type", "hadoop");
        } else {
            throw new ConfigurationException("Invalid --tables: " + root + " (the embedded catalog needs a local "
                    + "or hdfs:// root; for " + uri.getScheme() + ":// configure an Iceberg catalog as "
                    + CATALOG_PREFIX + CONFIGURED + ".*, see README \"Running on a cluster\")");
        }
        settings.put(prefix + ".warehouse", root);
        // Another process (a second run, a reader) commits to the same tables: never serve a cached version.
        settings.put(prefix + ".cache-enabled", "false");
        return settings;
    }

    /**
     * The local directory of an embedded SQLite catalog, which must exist before the catalog opens, or null for any
     * other catalog.
     */
    public static Path localRoot(SparkSession spark, String root) {
        URI uri = URI.create(root);
        return spark.conf().contains(CATALOG_PREFIX + CONFIGURED) || !"file".equals(uri.getScheme())
                ? null : Path.of(uri.getPath());
    }

    /**
     * The tables root as a URI: {@code file:/…} for a local path, a URI as given.
     *
     * @throws ConfigurationException naming {@code --tables} when there is none
     */
    public static String qualify(String location) {
        if (location == null || location.isBlank()) {
            throw new ConfigurationException("Missing --tables (a path or URI is required)");
        }
        String trimmed = location.strip();
        return SCHEME.matcher(trimmed).matches() ? trimmed : "file:" + Path.of(trimmed).toAbsolutePath().normalize();
    }

    /** The error of a read-only command pointed at a root without tables, {@code given} as the user wrote it. */
    public static ConfigurationException noTables(String given) {
        return new ConfigurationException("Invalid --tables: " + given
                + " (no frames, still_palettes, film_palettes or runs table there; write them with `filmpalette run`)");
    }

    public String name() {
        return name;
    }

    /** The table's full name in Spark SQL: {@code <catalog>.filmpalette.frames}. */
    public String tableName(Table table) {
        return name + "." + NAMESPACE + "." + table.id();
    }

    /**
     * Registers SQLite's JDBC driver with {@code DriverManager}: under spark-submit the application jar is not on the
     * class path {@code DriverManager} searches for drivers.
     */
    private static void loadSqliteDriver() {
        try {
            Class.forName("org.sqlite.JDBC");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("SQLite's JDBC driver is missing from the class path", e);
        }
    }

    private static String hash(String root) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(root.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
