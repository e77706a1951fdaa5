package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job on S3 through {@code s3a://}: a real S3-compatible server in this JVM on 127.0.0.1 ({@link S3Server}),
 * the job run through the command line with the endpoint and credentials given as
 * {@code --conf spark.hadoop.fs.s3a.*}, the tables in an Iceberg JDBC catalog (a local SQLite file) whose warehouse
 * is the bucket, and the tables read back from the bucket.
 */
class S3IT {

    private static S3Server s3;
    private static CliRun run;
    private static String logs;
    private static java.nio.file.Path catalog;

    @BeforeAll
    static void startS3AndRun() throws Exception {
        s3 = new S3Server();
        // SparkContext logs Spark's whole configuration at INFO (spark.logConf): its redaction must hide the keys too.
        try (LogCapture capture = new LogCapture("org.apache.spark.SparkContext")) {
            catalog = java.nio.file.Files.createTempDirectory("s3it-catalog").resolve("catalog.db");
            List<String> args = withSettings("run", "--input", S3Server.FRAMES, "--tables", S3Server.TABLES);
            args.addAll(List.of("--conf", "spark.logConf=true"));
            run = CliRun.of(args.toArray(String[]::new));
            logs = capture.text();
        }
    }

    /** {@code args} and the settings of the bucket and of the configured catalog, as {@code --conf} options. */
    private static List<String> withSettings(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        for (String setting : S3Server.concat(S3Server.concat(s3.connectionSettings(),
                S3Server.credentialSettings()), S3Server.catalogSettings("filmpalette", catalog))) {
            all.add("--conf");
            all.add(setting);
        }
        return all;
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void runReadsFramesFromS3AndWritesTablesToS3() {
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("frames: 20 seen, 20 new, 0 rejected"), run.toString());
        assertTrue(s3.objects() > SampleArchive.FRAMES, "nothing written to the bucket");
        s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
        S3Server.registerCatalog(SharedSpark.session(), "s3it", catalog);
        new TableChecks(SharedSpark.session(), S3Server.TABLES, "s3it").assertOneFullRunOverSample();
    }

    @Test
    void compareReadsTheConfiguredCatalogAndTheBucketWithoutSpark() {
        assertEquals(0, run.exitCode(), run.toString());
        // A fresh JVM: nothing but the --conf settings can tell it where the catalog and the bucket are (in this one,
        // Hadoop's cached S3 file system of the run would answer whatever configuration a reader passes).
        ChildJvm.Result compare = ChildJvm.run(catalog.getParent(), "org.filmpalette.cli.Main",
                withSettings("compare", "--tables", S3Server.TABLES, "--film", "synthetic-dusk", "--top", "2",
                        "--color", "never").toArray(String[]::new));
        String shown = compare.stdout() + compare.stderr();
        assertEquals(0, compare.exitCode(), shown);
        // The bucket holds two films: the other one is the only neighbor.
        List<String> lines = compare.stdout().lines().toList();
        assertEquals(2, lines.size(), shown);
        assertTrue(lines.get(0).startsWith("synthetic-dusk (kmeans)  #"), shown);
        assertTrue(lines.get(1).matches(" +\\d+\\.\\d\\d  synthetic-primaries  #.*"), shown);
    }

    @Test
    void credentialsAppearNeitherInLogsNorInOutputNorInTheRunsTable() {
        assertEquals(0, run.exitCode(), run.toString());
        // The configuration was logged and stored, with the keys masked...
        String endpoint = "spark.hadoop.fs.s3a.endpoint=" + s3.endpoint();
        assertTrue(logs.contains(endpoint), "our configuration line not captured:\n" + logs);
        assertTrue(logs.contains("spark.hadoop.fs.s3a.access.key=****"), logs);
        assertTrue(logs.contains("Spark configuration:"), "Spark's configuration dump not captured:\n" + logs);
        s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
        S3Server.registerCatalog(SharedSpark.session(), "s3it", catalog);
        String config = new TableChecks(SharedSpark.session(), S3Server.TABLES, "s3it").runConfig();
        assertTrue(config.contains("spark.hadoop.fs.s3a.secret.key=****"), config);
        assertTrue(config.contains(endpoint), config);
        // ...and the keys themselves appear nowhere.
        for (String secret : List.of(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)) {
            assertFalse(logs.contains(secret), "credential in the logs:\n" + logs);
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "credential in the output: " + run);
            assertFalse(config.contains(secret), "credential in runs.config:\n" + config);
        }
    }
}
