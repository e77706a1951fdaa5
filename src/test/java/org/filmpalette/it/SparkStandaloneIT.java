package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar on a real Spark cluster: a standalone Master and Worker started from the Spark jars as child
 * JVMs on 127.0.0.1, the job submitted through {@code deploy/spark-submit.sh} (the README's command) and run by
 * executors the Worker launches, the tables read back.
 */
class SparkStandaloneIT {

    private static final Duration START = Duration.ofMinutes(2);
    private static final Duration JOB = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void jobSubmittedToStandaloneClusterWritesTheTables() throws Exception {
        Path sparkHome = SparkHome.create(dir.resolve("spark-home"));
        Path input = dir.resolve("frames");
        SampleArchive.copyTo(input);
        Path tables = dir.resolve("palettes");
        Path work = Files.createDirectories(dir.resolve("worker"));
        int masterPort = ChildJvms.freePort();
        String master = "spark://127.0.0.1:" + masterPort;

        try (ChildJvms jvms = new ChildJvms(sparkHome, dir.resolve("logs"))) {
            jvms.startSparkClass("master", "256m", "org.apache.spark.deploy.master.Master",
                    "--host", "127.0.0.1", "--port", Integer.toString(masterPort),
                    "--webui-port", Integer.toString(ChildJvms.freePort()));
            jvms.awaitLog("master", "I have been elected leader", START);
            jvms.startSparkClass("worker", "256m", "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--port", Integer.toString(ChildJvms.freePort()),
                    "--webui-port", Integer.toString(ChildJvms.freePort()),
                    "--cores", "2", "--memory", "2g", "--work-dir", work.toString(), master);
            jvms.awaitLog("worker", "Successfully registered with master", START);

            jvms.start("submit", List.of("bash", Path.of("deploy/spark-submit.sh").toAbsolutePath().toString(),
                    "--master", master,
                    "--spark-conf", "spark.executor.memory=1g",
                    "--spark-conf", "spark.driver.host=127.0.0.1",
                    "--spark-conf", "spark.driver.bindAddress=127.0.0.1",
                    "--spark-conf", "spark.ui.enabled=false",
                    "--jar", BuildOutput.applicationJar().toString(),
                    "run", "--input", input.toString(), "--tables", tables.toString()));
            int exit = jvms.awaitExit("submit", JOB);

            assertEquals(0, exit, "spark-submit failed:\n" + jvms.tail("submit"));
            String output = jvms.logText("submit");
            assertTrue(output.contains("frames: 20 seen, 20 new, 0 rejected"), output);
            assertTrue(jvms.logText("worker").contains("Asked to launch executor"), jvms.tail("worker"));
            assertTrue(executorLogs(work) > 0, "no executor ran in " + work + ":\n" + jvms.tail("worker"));
        }
        new TableChecks(SharedSpark.session(), "file:" + tables).assertOneFullRunOverSample();
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
