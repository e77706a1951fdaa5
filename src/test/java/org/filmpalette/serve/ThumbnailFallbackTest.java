package org.filmpalette.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.filmpalette.config.JobConfig;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;
import org.filmpalette.render.HtmlReport;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.ThumbnailViews;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stills are shown as their real thumbnails when the tables have a {@code thumbnail} column and as their palette's
 * bands when not, in the web app and in the report.
 */
class ThumbnailFallbackTest {

    private static final String FRAME = "frame_00001";

    @TempDir
    Path dir;

    @Test
    void withoutTheColumnStillsAreTheirPaletteBandsAndWithItTheirJpeg() {
        SharedSpark.session();
        try (QuerySession session = QuerySession.open(SampleTables.tables().toString(), Map.of())) {
            // Tables written before thumbnails were kept, or with filmpalette.thumbnails=none, have none.
            session.spark().table(Table.FRAMES.id()).drop(TableSchemas.THUMBNAIL)
                    .createOrReplaceTempView(Table.FRAMES.id());
            Routes bands = Routes.over(session, "kmeans", engine());
            String film = html(bands, "/film?id=" + SampleTables.DUSK);
            assertEquals(10 + 1, count(film, "src=\"data:image/png;base64,"), "ten stills drawn as bands, and the barcode");
            assertFalse(film.contains("/thumb?"));
            assertEquals(404, bands.answer(get("/thumb?film=" + SampleTables.DUSK + "&frame=" + FRAME)).status());

            Map<String, byte[]> thumbnails = ThumbnailViews.addTo(session.spark(), SampleTables.DUSK);
            Routes real = Routes.over(session, "kmeans", engine());
            String withThumbnails = html(real, "/film?id=" + SampleTables.DUSK);
            assertTrue(withThumbnails.contains("src=\"/thumb?film=" + SampleTables.DUSK + "&amp;frame=" + FRAME + "\""));
            WebApp.Response jpeg = real.answer(get("/thumb?film=" + SampleTables.DUSK + "&frame=" + FRAME));
            assertEquals("image/jpeg", jpeg.type());
            assertArrayEquals(thumbnails.get(SampleTables.DUSK + "/" + FRAME), jpeg.body());
        } finally {
            QuerySession.open(SampleTables.tables().toString(), Map.of()).close();
        }
    }

    @Test
    void theRunKeepsEachStillsThumbnailInTheFramesTable() throws Exception {
        SharedSpark.session();
        try (QuerySession session = QuerySession.open(SampleTables.tables().toString(), Map.of())) {
            Routes routes = Routes.over(session, "kmeans", engine());
            String film = html(routes, "/film?id=" + SampleTables.DUSK);
            assertTrue(film.contains("src=\"/thumb?film=" + SampleTables.DUSK + "&amp;frame=" + FRAME + "\""), film);
            WebApp.Response jpeg = routes.answer(get("/thumb?film=" + SampleTables.DUSK + "&frame=" + FRAME));
            assertEquals("image/jpeg", jpeg.type());
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(jpeg.body()));
            assertEquals(192, image.getWidth());
        }
    }

    @Test
    void theReportEmbedsThumbnailsAndIsCappedForBigArchives() throws Exception {
        SharedSpark.session();
        try (QuerySession session = QuerySession.open(SampleTables.tables().toString(), Map.of())) {
            PaletteReader reader = new PaletteReader(session.spark());
            List<PaletteReader.Still> stills = reader.stillsByFilm("kmeans").get(SampleTables.DUSK);
            byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
            HtmlReport.Film film = new HtmlReport.Film(SampleTables.DUSK, reader.filmPalette(SampleTables.DUSK, "kmeans"),
                    stills, List.of(), Map.of(FRAME, jpeg));
            Path index = HtmlReport.write(dir, "t", "kmeans", List.of(film), 3);
            String html = Files.readString(index, StandardCharsets.UTF_8);
            assertEquals(1, count(html, "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
            assertEquals(stills.size() - 1 + 1, count(html, "data:image/png;base64,"),
                    "the other stills as bands, and the barcode");
            assertTrue(html.contains("The first 1 of 3 films by id"), html);
        }
    }

    private static OneImagePalette engine() {
        return new OneImagePalette(JobConfig.fromSettings(Map.of()));
    }

    private static String html(Routes routes, String path) {
        WebApp.Response response = routes.answer(get(path));
        assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static WebApp.Request get(String path) {
        return new WebApp.Request("GET", URI.create(path), new byte[0]);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
