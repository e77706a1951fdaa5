package org.filmpalette.ingest.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.testing.TestImages;
import org.filmpalette.testing.TestVideos;
import org.filmpalette.testing.TestVideos.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Video stills come back in the colors they were painted with, by the stream's matrix and range. */
class VideoColorTest {

    /** Saturated and neutral colors, where a wrong matrix or range shows most. */
    private static final int[] COLORS = {0xE01B24, 0x26A269, 0x1C71D8, 0xF6D32D, 0x9141AC, 0x808080, 0x202020, 0xF0F0F0};

    @TempDir
    Path dir;

    @Test
    void untaggedHdVideoIsReadAsBt709LimitedRange() throws Exception {
        assertColorsBack(TestVideos.write(dir.resolve("hd.mp4"), painted(1280, 720), 12, 24, Matrix.BT709, Map.of()));
    }

    @Test
    void untaggedSdVideoIsReadAsBt601() throws Exception {
        assertColorsBack(TestVideos.write(dir.resolve("sd.mp4"), painted(640, 480), 12, 24, Matrix.BT601, Map.of()));
    }

    @Test
    void aTaggedMatrixWinsOverTheSizeDefault() throws Exception {
        assertColorsBack(TestVideos.write(dir.resolve("sd709.mkv"), painted(640, 480), 12, 24, Matrix.BT709,
                Map.of("colorspace", "bt709")));
    }

    /** Eight vertical stripes of {@link #COLORS}, each 1/8 of the width. */
    private static BufferedImage painted(int width, int height) {
        return TestImages.stripes(width, height, COLORS);
    }

    private static void assertColorsBack(Path video) throws Exception {
        List<StillDecoder.Still> stills;
        try (VideoFile file = VideoFile.open(SeekableInput.of(video)); SrgbConverter converter = new SrgbConverter(256)) {
            stills = new StillDecoder(converter).decode(file, List.of(0L, 250L), 0);
        }
        assertEquals(2, stills.size());
        for (StillDecoder.Still still : stills) {
            assertNull(still.rejected());
            DecodedFrame frame = still.frame();
            for (int i = 0; i < COLORS.length; i++) {
                int x = (2 * i + 1) * frame.width() / (2 * COLORS.length);
                int back = frame.argbAt(x, frame.height() / 2) & 0xFFFFFF;
                double deltaE = DeltaE2000.between(COLORS[i], back);
                assertTrue(deltaE < 2, String.format("#%06x came back as #%06x (dE2000 %.2f) at %d ms in %s",
                        COLORS[i], back, deltaE, still.millis(), video.getFileName()));
            }
        }
    }
}
