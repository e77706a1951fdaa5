package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.config.JobConfig;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The video plan's ranges and its per-film counts, which keep video files off the image files' byte line. */
class VideoStillsPlanTest {

    @Test
    void videoStillsLeaveTheImageCountsAndFallIntoRangesOfTheirFile() {
        Timestamp modified = new Timestamp(0);
        List<Row> stills = List.of(
                RowFactory.create("heat", "reel1/t000000.000", "file:/a/heat/reel1.mp4", 5_000_000L, modified),
                RowFactory.create("heat", "reel1/t000059.000", "file:/a/heat/reel1.mp4", 5_000_000L, modified),
                RowFactory.create("heat", "reel1/t000060.000", "file:/a/heat/reel1.mp4", 5_000_000L, modified),
                RowFactory.create("heat", "reel2/t000000.000", "file:/a/heat/reel2.mp4", 7_000_000L, modified));
        VideoStills videos = new VideoStills(null, JobConfig.fromSettings(Map.of()).video(), null, 256,
                DecodeLimits.ofPixels(1L << 30));
        VideoStills.Plan plan = videos.plan(SharedSpark.session().createDataFrame(stills, StageSchemas.LISTED));

        Map<String, IncrementalPlan.FilmCounts> images = plan.imagesOf(Map.of(
                "heat", new IncrementalPlan.FilmCounts(6, 6, 22_000_000L + 300_000L, 0),
                "other", new IncrementalPlan.FilmCounts(2, 2, 200_000L, 0)));

        assertEquals(new IncrementalPlan.FilmCounts(6, 2, 300_000L, 0), images.get("heat"));
        assertEquals(new IncrementalPlan.FilmCounts(2, 2, 200_000L, 0), images.get("other"));
        assertEquals(3, plan.rangeCount()); // reel1 0-59 s, reel1 60-119 s, reel2 0-59 s
    }
}
