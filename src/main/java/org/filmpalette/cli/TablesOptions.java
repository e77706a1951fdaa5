package org.filmpalette.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobSettings;
import org.filmpalette.query.QuerySession;

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
        for (String key : conf.keySet()) {
            if (!key.startsWith(JobSettings.SPARK_PREFIX)) {
                throw new ConfigurationException("Invalid --conf: " + key
                        + " (only spark.* keys apply to this command)");
            }
        }
        return QuerySession.open(tables, conf);
    }
}
