package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}'s bad options: one line naming the flag and the value, exit code 2, no server started. */
class ServeCommandTest {

    @TempDir
    Path dir;

    @Test
    void badOptionsNameTheFlagAndExitWithTwo() {
        assertBad("filmpalette: Invalid --port: 70000 (must be between 0 and 65535)\n", "serve", "--port", "70000");
        assertBad("filmpalette: Invalid --algorithm: median (must be kmeans, bisecting or grid)\n", "serve",
                "--algorithm", "median");
        assertBad("filmpalette: Invalid --host: no-such-host.invalid (not an address of this machine)\n", "serve",
                "--host", "no-such-host.invalid");
        String empty = dir.toString();
        assertBad("filmpalette: Invalid --tables: " + empty + " (no frames, still_palettes, film_palettes or runs table"
                + " there; write them with `filmpalette run`)\n", "serve", "--tables", empty, "--port", "0");
    }

    private static void assertBad(String message, String... args) {
        Cli.Result result = Cli.run(args);
        assertEquals(2, result.exitCode(), result.err());
        assertEquals(message, result.err());
    }
}
