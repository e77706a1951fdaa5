package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void writtenArchiveReadBackGivesTheSameScores(@TempDir Path dir) {
        String[] generated = run("evaluate", "--frames-per-film", "1", "--write", dir.toString());
        assertEquals("0", generated[0], generated[2]);
        assertTrue(Files.isRegularFile(dir.resolve("accents.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("night-street").resolve("frame_00001.png")));
        String[] read = run("evaluate", "--input", dir.toString());
        assertEquals("0", read[0], read[2]);
        assertEquals(scores(generated[1]), scores(read[1]));
    }

    @Test
    void badKIsAUsageErrorNamingTheFlag() {
        String[] result = run("evaluate", "--k", "1");
        assertEquals("2", result[0]);
        assertEquals("filmpalette: Invalid --k: 1 (must be between 2 and 64)", result[2].strip());
    }

    /** Recall, kept, error and ratio of every variant (not the timing column). */
    private static List<String> scores(String out) {
        Matcher row = Pattern.compile("(?m)^(\\w+ \\w+ \\w+(?: \\*)? +[0-9.]+ +\\d+/\\d+ +[0-9.]+ +[0-9.]+) ").matcher(out);
        List<String> scores = new ArrayList<>();
        while (row.find()) {
            scores.add(row.group(1));
        }
        assertEquals(6, scores.size(), out);
        return scores;
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
