package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Runs {@code evaluate} in-process; it needs no Spark session. */
class EvaluateCommandTest {

    @Test
    void printsEveryVariantNextToTheBaselineAndChecksDeterminism() {
        String[] result = run("evaluate", "--frames-per-film", "2");
        assertEquals("0", result[0], result[2]);
        String out = result[1];
        assertTrue(out.contains("6 frames in 3 films"), out);
        for (String variant : new String[] {"rgb kmeans plain *", "lab kmeans plain", "lab bisecting plain",
            "rgb kmeans accents", "lab kmeans accents", "lab bisecting accents"}) {
            assertTrue(out.contains(variant), variant + " missing from\n" + out);
        }
        Matcher baseline = Pattern.compile("rgb kmeans plain \\* +[0-9.]+ +\\d+/\\d+ +[0-9.]+ +1\\.000").matcher(out);
        assertTrue(baseline.find(), "the baseline's error ratio is 1:\n" + out);
        assertTrue(out.contains("determinism: two runs gave identical palettes (36 palettes fitted twice)"), out);
    }

    @Test
    void badKIsAUsageErrorNamingTheFlag() {
        String[] result = run("evaluate", "--k", "1");
        assertEquals("2", result[0]);
        assertEquals("filmpalette: Invalid --k: 1 (must be between 2 and 64)", result[2].strip());
    }

    private static String[] run(String... args) {
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new String[] {Integer.toString(exitCode), out.toString(), err.toString()};
    }
}
