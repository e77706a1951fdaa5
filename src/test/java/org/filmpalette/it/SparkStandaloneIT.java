package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.TestVideos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar on a real Spark cluster: a standalone Master and Worker started from the Spark jars as child
 * JVMs on 127.0.0.1, the job submitted through {@code deploy/spark-submit.sh} (the README's command) and run by
 * executors the Worker launches, reading frames from and writing tables to S3 ({@link S3Server}) with the S3A
 * client packaged in the jar, credentials from the environment and the endpoint from a properties file; the
 * tables are read back.
 */
class SparkStandaloneIT {

    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration JOB = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    private S3Server s3;

    @BeforeEach
    void startS3() throws Exception {
        s3 = new S3Server();
    }

    @AfterEach
    void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void jobSubmittedToStandaloneClusterWritesTheTables() throws Exception {
        Path sparkHome = SparkHome.create(dir.resolve("spark-home"));
        Path properties = dir.resolve("s3a.properties");
        Files.write(properties, s3.connectionSettings());
        // S3A's default chain finds the keys in the environment: of the driver, and of the executors through the Worker.
        Map<String, String> credentials = Map.of("AWS_ACCESS_KEY_ID", S3Server.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        Path work = Files.createDirectories(dir.resolve("worker"));
        int masterPort = ChildJvms.freePort();
        String master = "spark://127.0.0.1:" + masterPort;

        try (ChildJvms jvms = new ChildJvms(sparkHome, dir.resolve("logs"))) {
            jvms.startSparkClass("master", "256m", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(ChildJvms.freePort()));
            jvms.awaitLog("master", "I have been elected leader", START);
            jvms.startSparkClass("worker", credentials, "256m", "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", Integer.toString(ChildJvms.freePort()),
                    "--webui-port", Integer.toString(ChildJvms.freePort()),
                    "--cores", "2", "--memory", "2g", "--work-dir", work.toString(), master);
            jvms.awaitLog("worker", "Successfully registered with master", START);

            Path catalog = dir.resolve("catalog.db");
            List<String> command = new java.util.ArrayList<>(List.of("bash",
                    Path.of("deploy/spark-submit.sh").toAbsolutePath().toString(),
                    "--master", master,
                    "--properties-file", properties.toString()));
            for (String setting : S3Server.catalogSettings("filmpalette", catalog)) {
                command.addAll(List.of("--spark-conf", setting));
            }
            command.addAll(List.of(
                    "--spark-conf", "spark.executor.memory=1g",
                    "--spark-conf", "spark.driver.host=127.0.0.1",
                    "--spark-conf", "spark.driver.bindAddress=127.0.0.1",
                    "--spark-conf", "spark.ui.enabled=false",
                    "--jar", BuildOutput.applicationJar().toString(),
                    "run", "--input", S3Server.FRAMES, "--tables", S3Server.TABLES));
            jvms.start("submit", credentials, command);
            int exit = jvms.awaitExit("submit", JOB);

            assertEquals(0, exit, "spark-submit failed:\n" + jvms.tail("submit"));
            String output = jvms.logText("submit");
            assertTrue(output.contains("frames: 20 seen, 20 new, 0 rejected"), output);
            assertTrue(jvms.logText("worker").contains("Asked to launch executor"), jvms.tail("worker"));
            assertTrue(executorLogs(work) > 0, "no executor ran in " + work + ":\n" + jvms.tail("worker"));
            assertFalse(output.contains(S3Server.ACCESS_KEY) || output.contains(S3Server.SECRET_KEY), output);
        }
        s3.configure(SharedSpark.session().sparkContext().hadoopConfiguration());
        S3Server.registerCatalog(SharedSpark.session(), "standalone", dir.resolve("catalog.db"));
        new TableChecks(SharedSpark.session(), S3Server.TABLES, "standalone").assertOneFullRunOverSample();
    }

    /**
     * A video on a plain Spark cluster: the executors load FFmpeg's natives from the application jar into the cache
     * directory the job names, list the video as its stills and decode them.
     */
    @Test
    void videoFilmRunsOnTheStandaloneCluster() throws Exception {
        Path sparkHome = SparkHome.create(dir.resolve("spark-home"));
        Path input = Files.createDirectories(dir.resolve("videos"));
        TestVideos.colorCycle(input.resolve("cycle.mp4"), 320, 240, 12, 4, 0xE01B24, 0x1C71D8);
        Path natives = dir.resolve("natives");
        Path tables = dir.resolve("tables");
        Path work = Files.createDirectories(dir.resolve("worker"));
        int masterPort = ChildJvms.freePort();
        String master = "spark://127.0.0.1:" + masterPort;

        try (ChildJvms jvms = new ChildJvms(sparkHome, dir.resolve("logs"))) {
            jvms.startSparkClass("master", "256m", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(ChildJvms.freePort()));
            jvms.awaitLog("master", "I have been elected leader", START);
            jvms.startSparkClass("worker", Map.of(), "256m", "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", Integer.toString(ChildJvms.freePort()),
                    "--webui-port", Integer.toString(ChildJvms.freePort()),
                    "--cores", "2", "--memory", "2g", "--work-dir", work.toString(), master);
            jvms.awaitLog("worker", "Successfully registered with master", START);

            jvms.start("submit", Map.of(), List.of("bash", Path.of("deploy/spark-submit.sh").toAbsolutePath().toString(),
                    "--master", master,
                    "--spark-conf", "spark.executor.memory=1g",
                    "--spark-conf", "spark.driver.host=127.0.0.1",
                    "--spark-conf", "spark.driver.bindAddress=127.0.0.1",
                    "--spark-conf", "spark.ui.enabled=false",
                    "--jar", BuildOutput.applicationJar().toString(),
                    "run", "--input", input.toString(), "--tables", tables.toString(),
                    "--conf", "filmpalette.natives-cache-dir=" + natives));
            int exit = jvms.awaitExit("submit", JOB);

            assertEquals(0, exit, "spark-submit failed:\n" + jvms.tail("submit"));
            String output = jvms.logText("submit");
            assertTrue(output.contains("frames: 4 seen, 4 new, 0 rejected"), output);
            assertTrue(executorLogs(work) > 0, "no executor ran in " + work + ":\n" + jvms.tail("worker"));
        }
        try (Stream<Path> files = Files.walk(natives)) {
            assertTrue(files.anyMatch(path -> path.getFileName().toString().startsWith("libavcodec")),
                    "the executors extracted no FFmpeg natives into " + natives);
        }
    }

    /** Executor folders the Worker made: {@code <work-dir>/app-…/<executor id>/stderr}. */
    private static long executorLogs(Path work) throws Exception {
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(path -> path.getFileName().toString().equals("stderr"))
                    .filter(path -> path.getParent().getParent().getFileName().toString().startsWith("app-"))
                    .count();
        }
    }
}
