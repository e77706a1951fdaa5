package org.filmpalette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Srgb;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobConfig;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.QuerySession;
import org.filmpalette.testing.HeadlessChromium;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.ThumbnailViews;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} over tables the real pipeline wrote, driven in headless Chromium: the index and a search, a film page
 * with its stills and both plots, a still page whose download works, and an image dropped in the browser getting the
 * palette the engine fits for the same bytes. No page may log to the console, fail a script, or make a request that
 * leaves the app on loopback; screenshots (kept in {@code target/screenshots/}) must not be blank. With
 * {@code -Dfilmpalette.screenshots.dir=docs/screenshots} it also writes the README's pictures there: the top
 * 1000×700 of each page and the film page's two plots.
 */
class WebAppBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Where the README's screenshots go, when asked for. */
    private static final String DOCS_SCREENSHOTS = System.getProperty("filmpalette.screenshots.dir");
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 700;
    private static final int RED = 0xe01b24;
    private static final int BLUE = 0x1f5fbf;

    private static QuerySession session;
    private static WebApp app;
    private static OneImagePalette engine;

    @TempDir
    static Path dir;

    @BeforeAll
    static void serve() {
        SharedSpark.session();
        session = QuerySession.open(SampleTables.tables().toString(), Map.of());
        // Real thumbnails for two films, as the tables will hold them; the third keeps its palette bands.
        ThumbnailViews.addTo(session.spark(), SampleTables.DUSK, SampleTables.PRIMARIES);
        engine = new OneImagePalette(JobConfig.fromSettings(Map.of()));
        app = WebApp.start(Routes.over(session, "kmeans", engine), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.close();
        session.close();
        // Registers the tables' own views again for the other tests of this JVM.
        QuerySession.open(SampleTables.tables().toString(), Map.of()).close();
    }

    @Test
    void everyPageWorksOfflineInChromium() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"), WIDTH, HEIGHT)) {
            indexAndSearch(chromium);
            filmPage(chromium);
            stillPageAndDownloads(chromium);
            colorSearch(chromium);
            droppedImage(chromium);

            assertEquals(List.of(), chromium.problems(), "console messages, script errors or failed loads");
            List<String> outside = new ArrayList<>();
            for (String url : chromium.requests()) {
                if (!url.startsWith(app.uri().toString()) && !url.startsWith("data:")) {
                    outside.add(url);
                }
            }
            assertEquals(List.of(), outside, "requests leaving the app");
            assertTrue(chromium.requests().size() > 10, "the pages' own requests were seen: " + chromium.requests());
        }
    }

    private void indexAndSearch(HeadlessChromium chromium) {
        chromium.open(app.uri());
        assertEquals(List.of(SampleTables.DUSK, SampleTables.PRIMARIES, SampleTables.REJECTS_FILM),
                texts(chromium, "table.films tbody td:first-child a"));
        int colors = chromium.evaluate("document.querySelectorAll('td.hexes code').length").asInt();
        assertTrue(colors > 3 * 2, "every film's colors listed: " + colors);
        assertEquals(colors, chromium.evaluate("document.querySelectorAll('.strip span[style]').length").asInt(),
                "one band per film color");
        screenshot(chromium, "serve-index.png");

        chromium.evaluate("document.querySelector('input[name=q]').value = 'DUSK';"
                + " document.querySelector('form.search').submit(); true");
        chromium.waitFor("location.search.includes('q=DUSK') && document.readyState === 'complete'");
        assertEquals(List.of(SampleTables.DUSK), texts(chromium, "table.films tbody td:first-child a"));
    }

    private void filmPage(HeadlessChromium chromium) {
        chromium.evaluate("document.querySelector('table.films tbody a').click(); true");
        chromium.waitFor("location.pathname === '/film' && document.readyState === 'complete'");
        assertEquals(SampleTables.DUSK, chromium.evaluate("document.querySelector('h1').textContent").asText());
        int stills = chromium.evaluate("document.querySelectorAll('.stills .still img').length").asInt();
        assertEquals(10, stills, "every still of the ten-frame film");
        chromium.waitFor("[...document.images].every(i => i.complete)");
        assertEquals(0, chromium.evaluate("[...document.images].filter(i => i.naturalWidth === 0).length").asInt(),
                "every image (thumbnails, barcode) loads");
        assertEquals(stills, chromium.evaluate("[...document.querySelectorAll('.stills img')]"
                + ".filter(i => i.src.includes('/thumb?') && i.naturalWidth === 192).length").asInt(),
                "every still shown as its real 192 px thumbnail");
        assertEquals(stills, chromium.evaluate("document.querySelector('img.barcode').naturalWidth").asInt(),
                "one barcode column per still");
        int discs = chromium.evaluate("document.querySelectorAll('svg.ab-scatter circle[fill^=\"#\"]').length").asInt();
        assertTrue(discs >= stills * 7, "a disc per still color: " + discs);
        assertEquals(3 * stills, chromium.evaluate("document.querySelectorAll('svg.over-time circle').length").asInt(),
                "lightness, chroma and hue per still");
        assertEquals(List.of(SampleTables.PRIMARIES, SampleTables.REJECTS_FILM).size(),
                chromium.evaluate("document.querySelectorAll('section:last-of-type table.films a').length").asInt(),
                "the two other films as nearest films");
        screenshot(chromium, "serve-film.png");
        if (DOCS_SCREENSHOTS != null) {
            chromium.screenshotOf(Path.of(DOCS_SCREENSHOTS, "serve-film-plots.png"), "section.plots");
        }
    }

    private void stillPageAndDownloads(HeadlessChromium chromium) {
        chromium.evaluate("document.querySelector('.stills a.still').click(); true");
        chromium.waitFor("location.pathname === '/still' && document.readyState === 'complete'");
        assertEquals(192, chromium.evaluate("document.querySelector('img.thumb-large').naturalWidth").asInt());
        List<String> hexes = texts(chromium, ".swatches figcaption code");
        assertEquals(8, hexes.size());
        JsonNode ase = chromium.evaluate("fetch(document.getElementById('download-ase').href).then(r => r.arrayBuffer())"
                + ".then(b => ({head: String.fromCharCode(...new Uint8Array(b).slice(0, 4)), bytes: b.byteLength}))");
        assertEquals("ASEF", ase.path("head").asText(), "an Adobe Swatch Exchange file");
        JsonNode json = chromium.evaluate("fetch(document.getElementById('download-json').href).then(r => r.json())");
        List<String> downloaded = new ArrayList<>();
        json.path("colors").forEach(color -> downloaded.add(color.path("hex").asText()));
        assertEquals(hexes, downloaded, "the JSON download holds the colors the page shows");
        String disposition = chromium.evaluate("fetch(document.getElementById('download-gpl').href)"
                + ".then(r => r.headers.get('content-disposition'))").asText();
        assertTrue(disposition.startsWith("attachment; filename=\"synthetic-dusk-frame_"), disposition);
        String coolors = chromium.evaluate("document.getElementById('coolors').href").asText();
        assertEquals("https://coolors.co/" + String.join("-", hexes).replace("#", ""), coolors);
        screenshot(chromium, "serve-still.png");
    }

    private void colorSearch(HeadlessChromium chromium) {
        chromium.open(app.uri().resolve("/color?hex=%23dc2025"));
        List<String> films = texts(chromium, "section.card:first-of-type table.films a");
        assertEquals(SampleTables.DUSK, films.get(0), "the dusk film's red accent is the nearest: " + films);
        assertTrue(chromium.evaluate("document.querySelectorAll('.stills a.still').length").asInt() > 0);
    }

    private void droppedImage(HeadlessChromium chromium) throws Exception {
        chromium.open(app.uri().resolve("/drop"));
        String png = chromium.evaluate("new Promise(done => {"
                + " const canvas = document.createElement('canvas'); canvas.width = 96; canvas.height = 54;"
                + " const g = canvas.getContext('2d');"
                + " g.fillStyle = '" + Srgb.hex(RED) + "'; g.fillRect(0, 0, 48, 54);"
                + " g.fillStyle = '" + Srgb.hex(BLUE) + "'; g.fillRect(48, 0, 48, 54);"
                + " canvas.toBlob(blob => {"
                + "   const files = new DataTransfer(); files.items.add(new File([blob], 'halves.png', {type: 'image/png'}));"
                + "   const zone = document.getElementById('drop-zone');"
                + "   zone.dispatchEvent(new DragEvent('drop', {dataTransfer: files, bubbles: true, cancelable: true}));"
                + "   const reader = new FileReader(); reader.onload = () => done(reader.result.split(',')[1]);"
                + "   reader.readAsDataURL(blob); }, 'image/png'); })").asText();
        chromium.waitFor("document.getElementById('drop-status').dataset.done === 'true'");
        List<String> shown = texts(chromium, "#drop-result code");
        Palette expected = engine.of(new ByteArrayInputStream(Base64.getDecoder().decode(png)), "", "upload",
                Algorithm.KMEANS);
        assertEquals(expected.swatches().stream().map(Swatch::hex).toList(), shown,
                "the browser shows the engine's palette of the dropped bytes");
        assertTrue(DeltaE2000.between(Srgb.parseHex(shown.get(0)), RED) < 1
                || DeltaE2000.between(Srgb.parseHex(shown.get(0)), BLUE) < 1, "a half's color first: " + shown);
        screenshot(chromium, "serve-drop.png");
    }

    private static List<String> texts(HeadlessChromium chromium, String selector) {
        List<String> texts = new ArrayList<>();
        chromium.evaluate("[...document.querySelectorAll('" + selector.replace("'", "\\'")
                + "')].map(e => e.textContent.trim())").forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void screenshot(HeadlessChromium chromium, String name) {
        Path file = chromium.screenshot(SCREENSHOTS.resolve(name));
        int colors = HeadlessChromium.distinctColors(file).size();
        assertTrue(colors > 50, name + " is a rendered page, not a blank one: " + colors + " colors");
        if (DOCS_SCREENSHOTS != null) {
            chromium.screenshot(Path.of(DOCS_SCREENSHOTS, name), 0, 0, WIDTH, HEIGHT);
        }
    }

}
