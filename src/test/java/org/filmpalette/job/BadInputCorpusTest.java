package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.ingest.FrameFixtures;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus of broken and unusual files: valid-but-unusual images get palettes, broken ones are rejected with
 * their reason, hidden and non-image files are skipped, and the run completes.
 */
class BadInputCorpusTest {

    @TempDir
    Path dir;

    @Test
    void unusualImagesGetPalettesBrokenOnesAreRejectedWithReasonsAndTheRunCompletes() throws Exception {
        Path film = dir.resolve("in/corpus");
        byte[] jpeg = TestImages.jpeg(TestImages.stripes(160, 90, 0xFF0000, 0x0000FF), 0.9f);
        TestImages.write(film.resolve("truncated.jpg"), Arrays.copyOf(jpeg, jpeg.length / 3));
        TestImages.write(film.resolve("zero.jpg"), new byte[0]);
        TestImages.write(film.resolve("text.png"), "this is not an image\n".getBytes());
        TestImages.write(film.resolve("bomb.png"), FrameFixtures.pngHeader(100_000, 100_000));
        TestImages.write(film.resolve("cmyk.jpg"),
                FrameFixtures.cmykJpeg(64, 32, new int[] {0, 100, 100, 0}, new int[] {100, 0, 0, 0}));
        TestImages.write(film.resolve("gray.png"), FrameFixtures.png(FrameFixtures.gray(40, 20, 8, 128)));
        TestImages.write(film.resolve("gray16.png"), FrameFixtures.png(FrameFixtures.gray(40, 20, 16, 128 * 257)));
        TestImages.write(film.resolve("palette.png"),
                FrameFixtures.png(FrameFixtures.indexed(40, 20, new int[] {0xFFFF0000, 0xFF00FF00})));
        TestImages.write(film.resolve("rgba.png"),
                FrameFixtures.png(FrameFixtures.argb(40, 20, 0xFF00FF00, 0x00FF0000)));
        TestImages.write(film.resolve("rgb16.png"), FrameFixtures.png(
                FrameFixtures.rgb16(40, 20, new int[] {65535, 0, 0}, new int[] {0, 0, 65535})));
        TestImages.write(film.resolve("name with spaces #1 100%.jpg"), jpeg);
        TestImages.write(film.resolve("été/über ñ.jpg"), jpeg);
        TestImages.write(film.resolve("reel 2/scene 3/frame.png"), TestImages.png(TestImages.solid(20, 10, 0x00A040)));
        TestImages.write(film.resolve(".hidden.jpg"), jpeg);
        TestImages.write(film.resolve("_tmp/partial.jpg"), jpeg);
        Files.writeString(film.resolve("notes.txt"), "sidecar");
        Files.writeString(film.resolve("metadata.json"), "{}");
        Path tables = dir.resolve("tables");

        RunSummary summary = PipelineRuns.run(dir.resolve("in"), tables);

        Map<String, String> outcome = new TreeMap<>();
        for (Row frame : PipelineRuns.rows(tables, Table.FRAMES)) {
            String reason = frame.getAs(TableSchemas.REASON);
            outcome.put(frame.getAs(TableSchemas.FRAME_ID), reason == null ? frame.getAs(TableSchemas.STATUS)
                    : reason.substring(0, reason.indexOf(':')));
        }
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("truncated", "corrupt"), Map.entry("zero", "empty_file"), Map.entry("text", "not_an_image"),
                Map.entry("bomb", "too_large"), Map.entry("cmyk", "ok"), Map.entry("gray", "ok"),
                Map.entry("gray16", "ok"), Map.entry("palette", "ok"), Map.entry("rgba", "ok"),
                Map.entry("rgb16", "ok"), Map.entry("name with spaces #1 100%", "ok"), Map.entry("été/über ñ", "ok"),
                Map.entry("reel 2/scene 3/frame", "ok")));
        assertEquals(expected, outcome);
        assertEquals(13, summary.framesSeen());
        assertEquals(4, summary.framesRejected());
        assertEquals(Map.of("corrupt", 1L, "empty_file", 1L, "not_an_image", 1L, "too_large", 1L),
                summary.rejectReasons());
        assertEquals(2 * 9, PipelineRuns.rows(tables, Table.STILL_PALETTES).size());
        assertEquals(0x808080, PipelineRuns.stillPalette(tables, "corpus", "gray16", "kmeans").get(0).rgb());
        assertEquals(1, PipelineRuns.stillPalette(tables, "corpus", "rgba", "kmeans").size(),
                "the transparent half is not sampled");
        assertTrue(PipelineRuns.stillPalette(tables, "corpus", "name with spaces #1 100%", "kmeans").size() >= 2);
    }
}
