package org.filmpalette.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.filmpalette.config.JobSettings;
import org.filmpalette.config.JobConfig;
import org.filmpalette.job.PalettePipeline;

/**
 * Tables written once per test JVM by the real pipeline (k-means only, to stay light): data-sample's two synthetic
 * films plus {@value #REJECTS_FILM}, two flat frames and three files the job rejects (one corrupt, one empty, one
 * not an image). The query-side tests all read these.
 */
public final class SampleTables {

    public static final String PRIMARIES = "synthetic-primaries";
    public static final String DUSK = "synthetic-dusk";
    public static final String REJECTS_FILM = "test-rejects";
    /** The two flat frames of {@value #REJECTS_FILM}, frame_1 then frame_2. */
    public static final int TEAL = 0x1a8c8c;
    public static final int OCHRE = 0xc8912a;

    private static Path tables;

    private SampleTables() {}

    /** The tables root (a local path), written on first use. */
    public static synchronized Path tables() {
        if (tables == null) {
            try {
                Path dir = Files.createTempDirectory("filmpalette-sample-tables");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                Path input = dir.resolve("frames");
                for (String film : new String[] {PRIMARIES, DUSK}) {
                    copy(Path.of("data-sample", film), input.resolve(film));
                }
                Path rejects = input.resolve(REJECTS_FILM);
                TestImages.writePng(rejects.resolve("frame_1.png"), TestImages.solid(32, 18, TEAL));
                TestImages.writePng(rejects.resolve("frame_2.png"), TestImages.solid(32, 18, OCHRE));
                byte[] png = TestImages.png(TestImages.solid(32, 18, TEAL));
                TestImages.write(rejects.resolve("frame_3.png"), java.util.Arrays.copyOf(png, png.length / 2));
                TestImages.write(rejects.resolve("frame_4.png"), new byte[0]);
                Files.writeString(rejects.resolve("frame_5.png"), "not an image");
                Path out = dir.resolve("tables");
                runKmeans(input, out);
                tables = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return tables;
    }

    /** One k-means run of the pipeline in the shared session (a CLI {@code run} in-process would stop it). */
    public static void runKmeans(Path input, Path tables) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JobSettings.INPUT.key(), input.toString());
        settings.put(JobSettings.TABLES.key(), tables.toString());
        settings.put(JobSettings.ALGORITHMS.key(), "kmeans");
        new PalettePipeline(SharedSpark.session(), JobConfig.fromSettings(settings)).run();
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Best effort at JVM exit; the OS cleans the temp folder eventually.
        }
    }
}
