package org.filmpalette.job;

import java.util.Map;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.JobConfig;
import org.filmpalette.query.PaletteFunctions;

/**
 * Creates the session a run uses. Under spark-submit the master and settings come from there; run on its own the
 * job embeds a lean local Spark ({@code local[*]}, UI off, loopback only, few shuffle partitions). Every session it
 * returns has the SQL functions of {@link PaletteFunctions} and Iceberg's SQL extensions (row-level deletes, branches).
 */
public final class SparkSessions {

    static final String WHOLE_STAGE_CODEGEN = "spark.sql.codegen.wholeStage";
    static final String ICEBERG_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

    private SparkSessions() {}

    /**
     * The session of a palette run. An embedded one also runs without whole-stage code generation: a run's few
     * thousand rows per query save less than Janino and then the JIT spend compiling each query's generated Java in
     * a JVM that lives for one run (README, Performance); {@code --conf spark.sql.codegen.wholeStage=true} restores it.
     */
    public static SparkSession create(JobConfig config) {
        return create(config.sparkConf(), Map.of(WHOLE_STAGE_CODEGEN, "false"));
    }

    /** A session with {@code sparkConf} applied, for read-only commands. */
    public static SparkSession create(Map<String, String> sparkConf) {
        return create(sparkConf, Map.of());
    }

    private static SparkSession create(Map<String, String> sparkConf, Map<String, String> embeddedRunDefaults) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName("filmpalette");
        boolean embedded = !submitted.contains("spark.master") && !sparkConf.containsKey("spark.master");
        if (embedded) {
            builder.master("local[*]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions",
                            Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
            embeddedRunDefaults.forEach(builder::config);
        }
        builder.config("spark.scheduler.mode", "FAIR")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                // Our required columns are written from expressions Spark calls nullable; Iceberg still rejects nulls.
                .config("spark.sql.iceberg.check-nullability", "false");
        for (Map.Entry<String, String> setting : sparkConf.entrySet()) {
            builder.config(setting.getKey(), setting.getValue());
        }
        String extensions = sparkConf.getOrDefault("spark.sql.extensions", submitted.get("spark.sql.extensions", ""));
        if (!extensions.contains(ICEBERG_EXTENSIONS)) {
            builder.config("spark.sql.extensions",
                    extensions.isBlank() ? ICEBERG_EXTENSIONS : extensions + "," + ICEBERG_EXTENSIONS);
        }
        SparkSession spark = builder.getOrCreate();
        PaletteFunctions.register(spark);
        return spark;
    }
}
