package org.filmpalette.it;

import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code mvn package} made, located through the system properties Failsafe sets. */
final class BuildOutput {

    private BuildOutput() {}

    /** {@code target/filmpalette-<version>.jar}, the spark-submit application jar. */
    static Path applicationJar() {
        return existing(System.getProperty("filmpalette.jar"), "filmpalette.jar");
    }

    /** A file under {@code target/}. */
    static Path target(String name) {
        return existing(System.getProperty("filmpalette.target") + "/" + name, "filmpalette.target");
    }

    private static Path existing(String location, String property) {
        if (location == null || location.startsWith("null")) {
            throw new IllegalStateException("System property " + property + " is not set: run the ITs with"
                    + " `mvn verify` (Failsafe, after package)");
        }
        Path path = Path.of(location);
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " does not exist: run the ITs with `mvn verify` (after package)");
        }
        return path;
    }
}
