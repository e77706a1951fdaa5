package org.filmpalette.ingest.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.testing.TestImages;
import org.filmpalette.testing.TestScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DPX (printing-density log) and OpenEXR (scene-linear) scans come back in the sRGB colors they were made from. */
class ScanDecoderTest {

    /** Within this ΔE2000 of the painted color: 10-bit log codes and 8-bit output round, nothing else differs. */
    static final double TOLERANCE = 1.0;
    private static final int[] COLORS = {0xE01B24, 0x26A269, 0x1C71D8, 0xF6D32D, 0x9141AC, 0x808080, 0x202020, 0xF0F0F0};

    @TempDir
    Path dir;

    @Test
    void printingDensityDpxGivesItsColorsBack() throws Exception {
        assertColorsBack(TestScans.dpx(dir.resolve("f.dpx"), TestImages.stripes(512, 256, COLORS)));
    }

    @Test
    void sceneLinearExrGivesItsColorsBack() throws Exception {
        assertColorsBack(TestScans.exr(dir.resolve("f.exr"), TestImages.stripes(512, 256, COLORS), 1.0));
    }

    @Test
    void exrHighlightsAboveDiffuseWhiteClipToWhite() throws Exception {
        DecodedFrame frame = decode(TestScans.exr(dir.resolve("hot.exr"), TestImages.solid(64, 64, 0x808080), 8.0));
        assertEquals(0xFFFFFFFF, frame.argbAt(32, 32));
    }

    @Test
    void cineonReferencesAreBlackAndWhite() {
        assertEquals(0.0, ScanTransfer.PRINTING_DENSITY.toLinear(95 / 1023.0), 1e-12);
        assertEquals(1.0, ScanTransfer.PRINTING_DENSITY.toLinear(685 / 1023.0), 1e-12);
        assertEquals(685, ScanTransfer.printingDensityCode(1.0), 1e-9);
        assertEquals(255, ScanTransfer.PRINTING_DENSITY.srgb8(65535));
        assertEquals(0, ScanTransfer.PRINTING_DENSITY.srgb8(0));
    }

    @Test
    void aDamagedDpxHeaderIsCorrupt() throws Exception {
        Path good = TestScans.dpx(dir.resolve("good.dpx"), TestImages.solid(64, 64, 0x808080));
        byte[] bytes = Files.readAllBytes(good);
        for (int i = 772; i < 780; i++) {
            bytes[i] = (byte) 0xFF; // width and height
        }
        Path damaged = Files.write(dir.resolve("damaged.dpx"), bytes);
        FrameRejectedException e = assertThrows(FrameRejectedException.class, () -> decode(damaged));
        assertEquals(RejectReason.CORRUPT, e.reason(), e.getMessage());
    }

    private static DecodedFrame decode(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new ScanDecoder(256, 250_000_000L, "").decode(in, file.getFileName().toString());
        }
    }

    private static void assertColorsBack(Path file) throws Exception {
        DecodedFrame frame = decode(file);
        assertEquals(512, frame.sourceWidth());
        assertEquals(256, frame.width());
        for (int i = 0; i < COLORS.length; i++) {
            int x = (2 * i + 1) * frame.width() / (2 * COLORS.length);
            int back = frame.argbAt(x, frame.height() / 2) & 0xFFFFFF;
            double deltaE = DeltaE2000.between(COLORS[i], back);
            assertTrue(deltaE < TOLERANCE, String.format("#%06x came back as #%06x (dE2000 %.2f) from %s",
                    COLORS[i], back, deltaE, file.getFileName()));
        }
    }
}
