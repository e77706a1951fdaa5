package org.filmpalette.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobSettings;
import org.filmpalette.query.QuerySession;
import org.filmpalette.store.DirectTables;

import picocli.CommandLine.Option;

/** The options every read-only command shares: where the tables are, and Spark settings. */
final class TablesOptions {

    @Option(names = "--tables", paramLabel = "URI",
            description = "Tables root (hdfs://, s3a://, file: or a path). Default: ${DEFAULT-VALUE}")
    String tables = JobSettings.TABLES.defaultText();

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A spark.* setting (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    /** A session over the tables; unknown keys fail before Spark starts. */
    QuerySession open() {
        return QuerySession.open(tables, checkedConf());
    }

    /** The tables read without Spark ({@code spark.sql.catalog.*} and {@code spark.hadoop.*} keys apply). */
    DirectTables openDirect() {
        return DirectTables.open(tables, checkedConf());
    }

    private Map<String, String> checkedConf() {
        for (String key : conf.keySet()) {
            if (!key.startsWith(JobSettings.SPARK_PREFIX)) {
                throw new ConfigurationException("Invalid --conf: " + key
                        + " (only spark.* keys apply to this command)");
            }
        }
        return conf;
    }
}
