package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on a real HDFS: a one-datanode {@link MiniDFSCluster} in this JVM, on loopback. */
class HdfsIT {

    @TempDir
    static Path dir;

    private static MiniDFSCluster cluster;
    private static String hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        // MiniDFSCluster binds the namenode and datanode RPC and HTTP addresses to 127.0.0.1 itself.
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("dfs").toString());
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
        hdfs = "hdfs://127.0.0.1:" + cluster.getNameNodePort();
        FileSystem fs = cluster.getFileSystem();
        for (Path frame : SampleArchive.frames()) {
            fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(SampleArchive.dataSample().resolve(frame).toUri()),
                    new org.apache.hadoop.fs.Path("/archive/frames/" + frame));
        }
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void runReadsFramesFromHdfsAndWritesTablesToHdfs() throws Exception {
        String input = hdfs + "/archive/frames";
        String tables = hdfs + "/archive/palettes";

        CliRun run = CliRun.of("run", "--input", input, "--tables", tables);

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("frames: 20 seen, 20 new, 0 rejected"), run.toString());
        assertTrue(run.out().contains("tables: " + tables), run.toString());
        // The embedded hadoop catalog: <warehouse>/<namespace>/<table>/metadata.
        assertTrue(cluster.getFileSystem().exists(
                new org.apache.hadoop.fs.Path("/archive/palettes/filmpalette/film_palettes/metadata")),
                "film_palettes on HDFS");
        new TableChecks(SharedSpark.session(), tables).assertOneFullRunOverSample();
    }
}
