package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palette FILE...}: the job's still palette of any image, without tables. */
class PaletteCommandTest {

    private static final Pattern LISTED = Pattern.compile("^  (#[0-9a-f]{6})\\s+([0-9.]+)%\\s+(dominant|accent)$",
            Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void bigBuckBunnyFramePrintsEightColorsWithSharesAndRoles() {
        Cli.Result result = Cli.run("palette", "data-sample/big_buck_bunny/frame_00017.jpg", "--color", "never");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().startsWith("data-sample/big_buck_bunny/frame_00017.jpg  (kmeans, k=8)\n"),
                result.out());
        Matcher colors = LISTED.matcher(result.out());
        int count = 0;
        double shares = 0;
        while (colors.find()) {
            count++;
            shares += Double.parseDouble(colors.group(2));
        }
        assertEquals(8, count, result.out());
        assertEquals(100, shares, 0.5, "shares add up to the whole image");
    }

    /** A frame laid out as the job reads it gets the job's seed, so the same palette the tables hold. */
    @Test
    void aFrameOfTheArchiveGetsTheStillPaletteTheJobWrote() {
        String frame = "frame_00003";
        Palette written;
        SampleTables.tables();
        try (var session = org.filmpalette.query.QuerySession.open(SampleTables.tables().toString(),
                java.util.Map.of())) {
            written = new PaletteReader(session.spark()).stillPalette(SampleTables.DUSK, frame, "kmeans");
        }
        Path file = Path.of("data-sample", SampleTables.DUSK, frame + ".jpg");
        Cli.Result result = Cli.run("palette", file.toString(), "--format", "hex");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(written.swatches().stream().map(Swatch::hex).toList(), result.out().lines().toList());
    }

    @Test
    void formatsAndKAreThoseOfExport() throws Exception {
        Path halves = TestImages.writePng(dir.resolve("film/halves.png"),
                TestImages.stripes(64, 32, 0xd02020, 0x2040c0));
        Cli.Result coolors = Cli.run("palette", "--format", "coolors", "--k", "2", "file:" + halves.toAbsolutePath());
        assertEquals(0, coolors.exitCode(), coolors.err());
        assertTrue(Pattern.matches("https://coolors\\.co/[0-9a-f]{6}-[0-9a-f]{6}\\n", coolors.out()), coolors.out());
        assertTrue(coolors.out().contains("d02020") && coolors.out().contains("2040c0"), coolors.out());
    }

    @Test
    void aBadFileIsReportedWithItsReasonAndTheOthersStillPrint() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        Cli.Result result = Cli.run("palette", "--format", "hex", text.toString(),
                "data-sample/big_buck_bunny/frame_00017.jpg");
        assertEquals(1, result.exitCode());
        assertEquals("filmpalette palette: " + text + ": not_an_image: no image reader recognises the bytes\n",
                result.err());
        assertEquals(8, result.out().lines().count(), result.out());
    }

    @Test
    void badOptionsNameTheFlagAndExitWithTwo() {
        for (List<String> args : List.of(List.of("--k", "1"), List.of("--algorithm", "median"),
                List.of("--format", "png"), List.of("--color", "sometimes"))) {
            String[] command = java.util.stream.Stream.concat(java.util.stream.Stream.of("palette"),
                    java.util.stream.Stream.concat(args.stream(),
                            java.util.stream.Stream.of("data-sample/big_buck_bunny/frame_00017.jpg")))
                    .toArray(String[]::new);
            Cli.Result result = Cli.run(command);
            assertEquals(2, result.exitCode(), args + ": " + result.err());
            assertTrue(result.err().startsWith("filmpalette: Invalid " + args.get(0) + ": " + args.get(1)),
                    result.err());
        }
    }
}
