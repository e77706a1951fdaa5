package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.filmpalette.config.JobSettings;
import org.filmpalette.store.Table;
import org.filmpalette.testing.TestVideos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A video split into one-second ranges (six decode tasks) gives the tables of one range (one task). */
class VideoRangesTest {

    @TempDir
    Path dir;

    @Test
    void stillsAndPalettesDoNotDependOnTheSplit() throws Exception {
        Path input = Files.createDirectories(dir.resolve("archive"));
        TestVideos.colorCycle(input.resolve("cycle.mp4"), 320, 240, 12, 6, 0xE01B24, 0x1C71D8, 0x26A269, 0xF6D32D);
        Path oneRange = dir.resolve("one");
        Path sixRanges = dir.resolve("six");

        PipelineRuns.run(input, oneRange, JobSettings.FPS.key(), "2", JobSettings.VIDEO_RANGE_SECONDS.key(), "60");
        PipelineRuns.run(input, sixRanges, JobSettings.FPS.key(), "2", JobSettings.VIDEO_RANGE_SECONDS.key(), "1");

        List<String> stills = PipelineRuns.content(oneRange, Table.STILL_PALETTES);
        assertEquals(12 * 2, stills.size()); // 12 stills x 2 algorithms
        assertEquals(stills, PipelineRuns.content(sixRanges, Table.STILL_PALETTES));
        assertEquals(PipelineRuns.content(oneRange, Table.FRAMES), PipelineRuns.content(sixRanges, Table.FRAMES));
        assertEquals(PipelineRuns.content(oneRange, Table.FILM_PALETTES),
                PipelineRuns.content(sixRanges, Table.FILM_PALETTES));
    }
}
