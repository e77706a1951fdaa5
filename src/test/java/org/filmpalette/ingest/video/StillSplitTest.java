package org.filmpalette.ingest.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.filmpalette.testing.BigBuckBunnyVideo;
import org.junit.jupiter.api.Test;

/** A film's stills are the same pixels whether it is decoded in one pass or in time ranges, each opened afresh. */
class StillSplitTest {

    private static final long WINDOW_MICROS = 500_000;

    @Test
    void rangesOfSevenSecondsGiveTheStillsOfOnePass() throws Exception {
        Path video = BigBuckBunnyVideo.path();
        List<Long> times = StillTimes.every(30_000, 1.0);
        List<StillDecoder.Still> whole = decode(video, times);
        List<StillDecoder.Still> split = new ArrayList<>();
        for (int start = 0; start < times.size(); start += 7) {
            split.addAll(decode(video, times.subList(start, Math.min(times.size(), start + 7))));
        }
        assertEquals(30, whole.size());
        assertEquals(30, split.size());
        for (int i = 0; i < 30; i++) {
            assertNull(whole.get(i).rejected());
            assertArrayEquals(whole.get(i).frame().argb(), split.get(i).frame().argb(), "still " + i);
        }
        // The stills differ from each other: equal pixels are not equal by accident.
        assertNotEquals(java.util.Arrays.hashCode(whole.get(10).frame().argb()),
                java.util.Arrays.hashCode(whole.get(11).frame().argb()));
    }

    private static List<StillDecoder.Still> decode(Path video, List<Long> times) throws Exception {
        try (VideoFile file = VideoFile.open(SeekableInput.of(video)); SrgbConverter converter = new SrgbConverter(256)) {
            return new StillDecoder(converter).decode(file, times, WINDOW_MICROS);
        }
    }
}
