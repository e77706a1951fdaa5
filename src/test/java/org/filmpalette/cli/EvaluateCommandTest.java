package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


/** Runs {@code evaluate} in-process; it needs no Spark session. */
class EvaluateCommandTest {

    @Test
    void printsEveryVariantNextToTheBaselineAndChecksDeterminism() {
        Cli.Result result = Cli.run("evaluate", "--frames-per-film", "2");
        assertEquals(0, result.exitCode(), result.err());
        String out = result.out();
        assertTrue(out.contains("8 frames in 4 films"), out);
        for (String variant : new String[] {"rgb kmeans plain *", "lab kmeans plain", "lab bisecting plain",
            "rgb kmeans accents", "lab kmeans accents", "lab bisecting accents", "lab grid plain",
            "lab grid accents"}) {
            assertTrue(out.contains(variant), variant + " missing from\n" + out);
        }
        Matcher baseline = Pattern.compile("rgb kmeans plain \\* +[0-9.]+ +\\d+/\\d+ +\\d+ +[0-9.]+ +1\\.000").matcher(out);
        assertTrue(baseline.find(), "the baseline's error ratio is 1:\n" + out);
        assertTrue(out.contains("determinism: two runs gave identical palettes (64 palettes fitted twice)"), out);
    }

    @Test
    void filmLevelCountsRecurringAccentsKeptWithAndWithoutThePass() {
        Cli.Result result = Cli.run("evaluate", "--frames-per-film", "10");
        assertEquals(0, result.exitCode(), result.err());
        Matcher line = Pattern.compile("lab kmeans accents stills: +recurring accents kept (\\d+)/8 \\(MLlib fit alone"
                + " (\\d+)/8\\), one-still accents forced in (\\d+)/4").matcher(result.out());
        assertTrue(line.find(), result.out());
        int kept = Integer.parseInt(line.group(1));
        int byFit = Integer.parseInt(line.group(2));
        assertTrue(kept >= byFit && kept >= 6, result.out());
        assertEquals("0", line.group(3), result.out());
        assertTrue(Cli.run("evaluate", "--frames-per-film", "2").out()
                .contains("film level: skipped (needs the generated benchmark with --frames-per-film >= 10)"));
    }

    @Test
    void writtenArchiveReadBackGivesTheSameScores(@TempDir Path dir) {
        Cli.Result generated = Cli.run("evaluate", "--frames-per-film", "1", "--write", dir.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        assertTrue(Files.isRegularFile(dir.resolve("accents.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("night-street").resolve("frame_00001.png")));
        // Generated accents are flat: judged at ΔE2000 10 as when generated, not at the 12 of hand-annotated frames.
        Cli.Result read = Cli.run("evaluate", "--input", dir.toString(), "--accent-match", "10");
        assertEquals(0, read.exitCode(), read.err());
        assertEquals(scores(generated.out()), scores(read.out()));
    }

    @Test
    void badKIsAUsageErrorNamingTheFlag() {
        Cli.Result result = Cli.run("evaluate", "--k", "1");
        assertEquals(2, result.exitCode());
        assertEquals("filmpalette: Invalid --k: 1 (must be between 2 and 64)", result.err().strip());
        Cli.Result iterations = Cli.run("evaluate", "--max-iterations", "0");
        assertEquals(2, iterations.exitCode());
        assertEquals("filmpalette: Invalid --max-iterations: 0 (must be between 1 and 1000)", iterations.err().strip());
        Cli.Result sample = Cli.run("evaluate", "--k", "32", "--sample", "20");
        assertEquals(2, sample.exitCode());
        assertEquals("filmpalette: Invalid --sample: 20 (must be at least --k, 32)", sample.err().strip());
    }

    /** Recall, kept, false accents, error and ratio of every variant (not the timing column). */
    private static List<String> scores(String out) {
        Matcher row = Pattern.compile("(?m)^(\\w+ \\w+ \\w+(?: \\*)? +[0-9.]+ +\\d+/\\d+ +\\d+ +[0-9.]+ +[0-9.]+) ")
                .matcher(out);
        List<String> scores = new ArrayList<>();
        while (row.find()) {
            scores.add(row.group(1));
        }
        assertEquals(8, scores.size(), out);
        return scores;
    }
}
