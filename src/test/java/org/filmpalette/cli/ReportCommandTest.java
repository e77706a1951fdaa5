package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.filmpalette.color.Srgb;
import org.filmpalette.query.Harmony;
import org.filmpalette.testing.HeadlessChromium;
import org.filmpalette.testing.SampleTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on tables the real pipeline wrote: the page's content, then the page as headless Chromium shows it
 * from {@code file://} (no console errors, a screenshot with the report's colors in it).
 */
class ReportCommandTest {

    private static final Pattern OUTSIDE_ASSET = Pattern.compile("(src|href)=\"(?!data:|#)[^\"]*\"");

    @TempDir
    Path dir;

    @Test
    void reportShowsEveryFilmAndOpensCleanlyInChromium() throws Exception {
        Path out = dir.resolve("report");
        Cli.Result result = Cli.run("report", "--tables", SampleTables.tables().toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.err());
        Path index = out.resolve("index.html");
        assertEquals("filmpalette report: 3 films -> " + index.toUri() + "\n", result.out());

        String html = Files.readString(index);
        assertFalse(OUTSIDE_ASSET.matcher(html).find(), "no outside asset: " + firstMatch(html));
        for (String film : List.of(SampleTables.DUSK, SampleTables.PRIMARIES, SampleTables.REJECTS_FILM)) {
            assertTrue(html.contains("<section id=\"film-" + film + "\">"), film);
        }
        // The flat film: its palette, its two stills as thumbnails and a two-column barcode, and its harmonies.
        String rejects = section(html, SampleTables.REJECTS_FILM);
        assertTrue(rejects.contains("Barcode (2 stills in frame order)"), rejects);
        assertEquals(2, count(rejects, "<div class=\"still\">"));
        assertTrue(rejects.indexOf(">frame_1<") < rejects.indexOf(">frame_2<"), "stills in frame order");
        assertTrue(rejects.contains(Srgb.hex(SampleTables.TEAL)) && rejects.contains(Srgb.hex(SampleTables.OCHRE)));
        int dominant = html.contains(Srgb.hex(SampleTables.TEAL) + "<br>50.0%") ? SampleTables.TEAL : SampleTables.OCHRE;
        assertTrue(rejects.contains(Srgb.hex(Harmony.COMPLEMENTARY.of(dominant).get(1))), "complementary shown");
        // Every film lists the two others as its nearest films in the index.
        assertEquals(3 * 2, count(html.substring(0, html.indexOf("<section")), "</a> "));

        Path chromium = HeadlessChromium.executable();
        Path screenshot = dir.resolve("report.png");
        String log = runChromium(chromium, index, "--screenshot=" + screenshot, "--window-size=1200,1600");
        List<String> consoleLines = log.lines().filter(l -> l.contains("CONSOLE")).toList();
        assertTrue(consoleLines.isEmpty(), "console output from the page: " + consoleLines);
        assertEquals(1200, ImageIO.read(screenshot.toFile()).getWidth());
        Set<Integer> colors = HeadlessChromium.distinctColors(screenshot);
        assertTrue(colors.size() > 50, "a rendered page, not a blank one: " + colors.size() + " colors");
        // The first film's swatches are painted in its exact colors.
        String firstFilm = section(html, SampleTables.DUSK);
        Matcher chip = Pattern.compile("class=\"chip\" style=\"background:#([0-9a-f]{6})\"").matcher(firstFilm);
        assertTrue(chip.find());
        int swatch = Integer.parseInt(chip.group(1), 16);
        assertTrue(colors.contains(swatch), "swatch " + chip.group(1) + " visible in the screenshot");
    }

    /** Chromium's stderr; fails on a non-zero exit or a timeout. */
    private String runChromium(Path chromium, Path page, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--force-color-profile=srgb",
                "--user-data-dir=" + Files.createTempDirectory(dir, "chromium-profile"),
                "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(arguments));
        command.add(page.toUri().toString());
        Path log = dir.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("Chromium did not finish in 120 s: " + Files.readString(log));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    private static String section(String html, String film) {
        int start = html.indexOf("<section id=\"film-" + film + "\">");
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static String firstMatch(String html) {
        Matcher matcher = OUTSIDE_ASSET.matcher(html);
        return matcher.find() ? matcher.group() : "";
    }
}
