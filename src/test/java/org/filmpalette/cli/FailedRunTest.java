package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.filmpalette.testing.ChildJvm;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An {@link IllegalArgumentException} thrown after the configuration was accepted is a failed run, not a usage
 * error: exit code 1, one line on stderr naming it, its stack trace in the log (stderr in a child JVM).
 */
class FailedRunTest {

    @TempDir
    Path dir;

    @Test
    void anIllegalArgumentExceptionMidRunExitsOneWithItsStackTrace() {
        Path input = dir.resolve("frames");
        TestImages.writePng(input.resolve("film/a.png"), TestImages.solid(8, 8, 0x123456));

        ChildJvm.Result child = ChildJvm.run(dir, BuggyRun.class.getName(), "run", "--input", input.toString(),
                "--tables", dir.resolve("tables").toString(), "--algorithms", "kmeans");

        assertEquals(1, child.exitCode(), child.stderr());
        List<String> lines = child.stderr().lines().toList();
        assertTrue(lines.contains("filmpalette: " + BuggyRun.BUG + " (java.lang.IllegalArgumentException; stack trace"
                + " in the log)"), child.stderr());
        assertTrue(child.stderr().contains("filmpalette run failed\njava.lang.IllegalArgumentException: "
                + BuggyRun.BUG + "\n"), child.stderr());
        assertTrue(lines.stream().anyMatch(line -> line.matches("\\s+at org\\.filmpalette\\.job\\.PalettePipeline\\..*")),
                child.stderr());
    }
}
