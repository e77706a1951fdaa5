package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken video files become {@code frames} rows with their reasons; the good film next to them gets its stills. */
class BadVideoInputTest {

    @TempDir
    Path dir;

    @Test
    void eachBadVideoIsARejectedRowWithItsReason() throws Exception {
        Path input = Files.createDirectories(dir.resolve("archive"));
        Path good = TestVideos.colorCycle(input.resolve("good.mp4"), 320, 240, 12, 3, 0xE01B24, 0x1C71D8, 0x26A269);
        byte[] bytes = Files.readAllBytes(good);
        Files.write(input.resolve("truncated.mp4"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path indexFirst = TestVideos.colorCycle(dir.resolve("index-first.mp4"), Map.of("movflags", "faststart"),
                320, 240, 12, 4, 0xE01B24, 0x1C71D8);
        byte[] whole = Files.readAllBytes(indexFirst);
        Files.write(input.resolve("cut.mp4"), java.util.Arrays.copyOf(whole, whole.length * 3 / 8));
        Files.write(input.resolve("empty.mp4"), new byte[0]);
        Files.writeString(input.resolve("notes.mp4"), "not a video, just notes\n".repeat(50), StandardCharsets.UTF_8);
        TestVideos.audioOnly(input.resolve("tone.mkv"));

        RunSummary summary = PipelineRuns.run(input, dir.resolve("tables"));

        Map<String, String> reasons = new TreeMap<>();
        Map<String, String> cut = new TreeMap<>();
        int goodStills = 0;
        for (Row row : PipelineRuns.rows(dir.resolve("tables"), Table.FRAMES)) {
            String film = row.getString(row.fieldIndex(TableSchemas.FILM_ID));
            String status = row.getString(row.fieldIndex(TableSchemas.STATUS));
            String reason = row.getString(row.fieldIndex(TableSchemas.REASON));
            if (film.equals("cut")) {
                cut.put(row.getString(row.fieldIndex(TableSchemas.FRAME_ID)),
                        reason == null ? status : reason.substring(0, reason.indexOf(':')));
            } else if (film.equals("good")) {
                assertEquals(TableSchemas.STATUS_OK, status, row.toString());
                goodStills++;
            } else {
                assertEquals(TableSchemas.STATUS_REJECTED, status, row.toString());
                assertEquals("t000000.000", row.getString(row.fieldIndex(TableSchemas.FRAME_ID)));
                reasons.put(film, reason.substring(0, reason.indexOf(':')));
            }
        }
        assertEquals(3, goodStills);
        assertEquals(Map.of("empty", "empty_file", "notes", "not_a_video", "tone", "no_video_stream",
                "truncated", "corrupt"), reasons);
        // Cut after its index: the stills before the cut are read, the ones after it are corrupt.
        assertEquals(List.of("t000000.000", "t000001.000", "t000002.000", "t000003.000"), List.copyOf(cut.keySet()));
        assertEquals(TableSchemas.STATUS_OK, cut.get("t000000.000"), cut.toString());
        assertEquals("corrupt", cut.get("t000003.000"), cut.toString());
        long cutRejected = cut.values().stream().filter("corrupt"::equals).count();
        assertEquals(4 + cutRejected, summary.framesRejected());
    }
}
