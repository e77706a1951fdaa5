package org.filmpalette.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The part of data-sample the integration tests upload: the two synthetic films, 10 PNG and 10 JPEG frames of
 * 320×180, small enough to keep every IT fast and with exactly known colors in {@code synthetic-primaries}.
 */
final class SampleArchive {

    static final List<String> FILMS = List.of("synthetic-dusk", "synthetic-primaries");
    static final int FRAMES_PER_FILM = 10;
    static final int FRAMES = FILMS.size() * FRAMES_PER_FILM;

    private SampleArchive() {}

    /** data-sample in the project folder (Failsafe runs with the project as working directory). */
    static Path dataSample() {
        Path dir = Path.of("data-sample").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve(FILMS.get(0)))) {
            throw new IllegalStateException("data-sample not found at " + dir);
        }
        return dir;
    }

    /** Every frame file of the sample films, as paths relative to data-sample ({@code <film>/<file>}). */
    static List<Path> frames() {
        Path root = dataSample();
        try (Stream<Path> files = FILMS.stream().flatMap(film -> list(root.resolve(film)))) {
            List<Path> frames = files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
            if (frames.size() != FRAMES) {
                throw new IllegalStateException("Expected " + FRAMES + " sample frames under " + root + ", found "
                        + frames.size());
            }
            return frames;
        }
    }

    /** Copies the sample films to {@code target} on the local disk. */
    static void copyTo(Path target) throws IOException {
        for (Path frame : frames()) {
            Path to = target.resolve(frame.toString());
            Files.createDirectories(to.getParent());
            Files.copy(dataSample().resolve(frame), to);
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
