package org.filmpalette.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spark-submit application jar: our code and dependencies, none of Spark's, services merged. */
class ApplicationJarIT {

    private static JarFile jar;
    private static List<String> entries;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(BuildOutput.applicationJar().toFile());
        entries = jar.stream().map(JarEntry::getName).toList();
    }

    @AfterAll
    static void close() throws IOException {
        jar.close();
    }

    @Test
    void holdsOurMainAndOurDependencies() throws IOException {
        assertTrue(entries.contains("org/filmpalette/cli/Main.class"));
        assertEquals("org.filmpalette.cli.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        for (String dependency : List.of("picocli/CommandLine.class",
                "com/twelvemonkeys/imageio/plugins/jpeg/JPEGImageReader.class",
                "org/apache/hadoop/fs/s3a/S3AFileSystem.class",
                "software/amazon/awssdk/services/s3/S3Client.class",
                "software/amazon/awssdk/transfer/s3/S3TransferManager.class",
                "software/amazon/awssdk/services/sts/StsClient.class",
                "io/pebbletemplates/pebble/PebbleEngine.class", "org/unbescape/html/HtmlEscape.class",
                "org/filmpalette/serve/templates/film.peb", "org/filmpalette/serve/static/drop.js")) {
            assertTrue(entries.contains(dependency), "missing " + dependency);
        }
    }

    @Test
    void leavesOutWhatTheSparkInstallationProvides() {
        for (String provided : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/conf/", "io/netty/",
                "com/google/protobuf/", "org/slf4j/", "org/apache/commons/codec/", "org/apache/commons/logging/",
                "org/apache/log4j/", "org/apache/logging/log4j/")) {
            assertFalse(entries.stream().anyMatch(e -> e.startsWith(provided)), provided + " must not be in the jar");
        }
    }

    @Test
    void carriesNoUnrelocatedGuavaOrJacksonNorSignatures() {
        for (String clashing : List.of("com/google/common/", "com/fasterxml/jackson/")) {
            assertFalse(entries.stream().anyMatch(e -> e.startsWith(clashing)),
                    clashing + " would clash with Spark's copy: relocate it");
        }
        assertFalse(entries.stream().anyMatch(e -> e.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)")), "signature files");
        assertFalse(entries.contains("module-info.class"));
    }

    @Test
    void mergesServiceFiles() throws IOException {
        String fileSystems = text("META-INF/services/org.apache.hadoop.fs.FileSystem");
        assertTrue(fileSystems.contains("org.apache.hadoop.fs.s3a.S3AFileSystem"), fileSystems);
        // hadoop-aws's own entry survives next to ours: the files were merged, not overwritten.
        assertTrue(fileSystems.contains("org.apache.hadoop.fs.s3native.NativeS3FileSystem"), fileSystems);
        String imageReaders = text("META-INF/services/javax.imageio.spi.ImageReaderSpi");
        assertTrue(imageReaders.contains("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi"), imageReaders);
        String httpClients = text("META-INF/services/software.amazon.awssdk.http.SdkHttpService");
        assertTrue(httpClients.contains("software.amazon.awssdk.http.apache.ApacheSdkHttpService"), httpClients);
    }

    private static String text(String entry) throws IOException {
        JarEntry found = jar.getJarEntry(entry);
        assertNotNull(found, "missing " + entry);
        try (InputStream in = jar.getInputStream(found)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
