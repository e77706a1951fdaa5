package org.filmpalette.store;

import java.util.Map;

import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * Iceberg's JDBC catalog, recording its tables under the catalog name {@code filmpalette} whatever Spark calls it.
 * The JDBC catalog keys its rows by catalog name, so this is what lets the embedded catalog of every tables root
 * have a Spark name of its own in one session while {@code spark-sql}, PyIceberg or Trino read the same SQLite file
 * as the JDBC catalog {@code filmpalette}.
 */
public class FilmpaletteJdbcCatalog extends JdbcCatalog {

    @Override
    public void initialize(String name, Map<String, String> properties) {
        super.initialize(TablesCatalog.CONFIGURED, properties);
    }
}
