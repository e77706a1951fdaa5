package org.filmpalette.testing;

import org.apache.spark.sql.SparkSession;

/** One small local Spark session shared by every test in the JVM: local[2], UI off, loopback only. */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {}

    /** The shared session, created on first use and stopped when the JVM exits. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("filmpalette-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
