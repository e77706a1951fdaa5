package org.filmpalette.testing;

import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.job.SparkSessions;

/**
 * One small local Spark session shared by every test in the JVM, made by the production factory
 * ({@link SparkSessions}) with only its size changed: local[2], UI off, 2 shuffle partitions, loopback only.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {}

    /** The shared session, created on first use and stopped when the JVM exits. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create(Map.of(
                    "spark.master", "local[2]",
                    "spark.app.name", "filmpalette-tests",
                    "spark.ui.enabled", "false",
                    "spark.sql.shuffle.partitions", "2",
                    "spark.driver.host", "127.0.0.1",
                    "spark.driver.bindAddress", "127.0.0.1"));
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
