package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.spark.sql.Row;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.BigBuckBunnyVideo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Big Buck Bunny video, read as a film, gives the stills {@code data-sample/big_buck_bunny/} was cut from it
 * (FFmpeg's fps filter at 1 still per second): 30 stills whose palettes match the JPEG stills', and a film palette close to theirs.
 */
class VideoFilmTest {

    /**
     * Mean palette_distance between a video still and its JPEG cut: measured 3.37 (kmeans) and 3.30 (bisecting), the
     * JPEGs being 960x540 at ffmpeg's -q:v 3 and the video decoded from 1080p; the palettes are deterministic.
     */
    static final double STILL_TOLERANCE = 4.0;
    /** palette_distance between the video's and the JPEG cuts' film palettes: measured 5.55 and 6.49. */
    static final double FILM_TOLERANCE = 7.0;

    @TempDir
    static Path dir;
    static Path tables;

    @BeforeAll
    static void runOnTheVideoAndTheJpegCuts() throws IOException {
        Path input = Files.createDirectories(dir.resolve("archive"));
        Files.copy(BigBuckBunnyVideo.path(), input.resolve("bbb_video.mp4"));
        Path jpegs = Files.createDirectories(input.resolve("bbb_jpeg"));
        try (Stream<Path> files = Files.list(Path.of("data-sample", "big_buck_bunny"))) {
            for (Path file : files.toList()) {
                Files.copy(file, jpegs.resolve(file.getFileName()));
            }
        }
        tables = dir.resolve("tables");
        PipelineRuns.run(input, tables);
    }

    @Test
    void theVideoIsAFilmOfThirtyStillsNamedByTheirTime() {
        List<Row> frames = PipelineRuns.rows(tables, Table.FRAMES).stream()
                .filter(row -> row.getString(row.fieldIndex(TableSchemas.FILM_ID)).equals("bbb_video")).toList();
        assertEquals(30, frames.size());
        for (Row frame : frames) {
            assertEquals(TableSchemas.STATUS_OK, frame.getString(frame.fieldIndex(TableSchemas.STATUS)),
                    frame.toString());
            assertEquals(1920, frame.getInt(frame.fieldIndex(TableSchemas.WIDTH)));
            assertEquals(1080, frame.getInt(frame.fieldIndex(TableSchemas.HEIGHT)));
            assertTrue(frame.getString(frame.fieldIndex(TableSchemas.PATH)).endsWith("bbb_video.mp4"));
        }
        assertEquals(List.of("t000000.000", "t000001.000", "t000029.000"),
                frames.stream().map(row -> row.getString(row.fieldIndex(TableSchemas.FRAME_ID))).sorted()
                        .filter(id -> id.equals("t000000.000") || id.equals("t000001.000") || id.equals("t000029.000"))
                        .toList());
    }

    @Test
    void eachStillRecordsItsFramesTimeAndTheStreamsRateAndImagesRecordNeither() {
        Map<String, Row> video = new TreeMap<>();
        for (Row row : PipelineRuns.rows(tables, Table.FRAMES)) {
            String film = row.getAs(TableSchemas.FILM_ID);
            if (film.equals("bbb_video")) {
                video.put(row.getAs(TableSchemas.FRAME_ID), row);
            } else {
                assertNull(row.getAs(TableSchemas.TIME_SECONDS), row.toString());
                assertNull(row.getAs(TableSchemas.FRAME_RATE), row.toString());
            }
        }
        for (int second = 0; second < 30; second++) {
            Row still = video.get(String.format("t%06d.000", second));
            assertEquals(24.0, still.<Double>getAs(TableSchemas.FRAME_RATE));
            // At 1 still per second the still of t is the last frame presented before t + 0.5 s: frame 24 t + 11.
            assertEquals((24 * second + 11) / 24.0, still.<Double>getAs(TableSchemas.TIME_SECONDS), 1e-9,
                    still.toString());
        }
    }

    @Test
    void stillsMatchTheJpegCuts() {
        for (String algorithm : List.of("kmeans", "bisecting")) {
            double sum = 0;
            StringBuilder each = new StringBuilder();
            for (int second = 0; second < 30; second++) {
                Palette video = PipelineRuns.stillPalette(tables, "bbb_video", String.format("t%06d.000", second),
                        algorithm);
                Palette jpeg = PipelineRuns.stillPalette(tables, "bbb_jpeg", String.format("frame_%05d", second + 1),
                        algorithm);
                double distance = PaletteDistance.between(video, jpeg);
                sum += distance;
                each.append(String.format(" %.2f", distance));
            }
            double mean = sum / 30;
            double shifted = 0;
            for (int second = 0; second < 30; second++) {
                shifted += PaletteDistance.between(
                        PipelineRuns.stillPalette(tables, "bbb_video", String.format("t%06d.000", second), algorithm),
                        PipelineRuns.stillPalette(tables, "bbb_jpeg", String.format("frame_%05d", (second + 15) % 30 + 1),
                                algorithm));
            }
            System.out.printf("%s: mean still palette_distance video vs JPEG %.3f (vs the JPEG 15 s away %.3f);%s%n",
                    algorithm, mean, shifted / 30, each);
            assertTrue(mean < STILL_TOLERANCE, algorithm + " mean " + mean + ":" + each);
            // The match is the right still: another still of the film is far further away.
            assertTrue(shifted / 30 > 3 * mean, algorithm + " shifted mean " + shifted / 30);
        }
    }

    @Test
    void filmPaletteIsCloseToTheJpegFilms() {
        Map<String, Map<String, Palette>> films = new TreeMap<>();
        for (Row row : PipelineRuns.rows(tables, Table.FILM_PALETTES)) {
            films.computeIfAbsent(row.getString(row.fieldIndex(TableSchemas.FILM_ID)), id -> new TreeMap<>())
                    .put(row.getString(row.fieldIndex(TableSchemas.ALGORITHM)),
                            ColorRows.palette(row.getList(row.fieldIndex(TableSchemas.COLORS))));
        }
        for (String algorithm : List.of("kmeans", "bisecting")) {
            double distance = PaletteDistance.between(films.get("bbb_video").get(algorithm),
                    films.get("bbb_jpeg").get(algorithm));
            System.out.printf("%s: film palette_distance video vs JPEG %.3f%n", algorithm, distance);
            assertTrue(distance < FILM_TOLERANCE, algorithm + " film distance " + distance);
        }
    }
}
