package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ColorBinsTest {

    @Test
    void everyOpaquePixelIsCountedInTheBinOfItsColorWithTheBinsMean() {
        // 6 pixels: two near-reds in one 8-level cube, one blue, one transparent, two greens.
        int[] argb = {0xFFF00000, 0xFFF20204, 0xFF0000F0, 0x00FFFFFF, 0xFF00F000, 0xFF00F000};
        int[] pixelBins = new int[argb.length];
        ColorBins bins = ColorBins.of(new DecodedFrame(3, 2, 3, 2, argb), 4096, pixelBins);

        // Bins in ascending cube order: blue (0,0,30), green (0,30,0), red (30,0,0).
        assertArrayEquals(new int[] {0x0000F0, 0x00F000, 0xF10102}, bins.rgb());
        assertArrayEquals(new int[] {1, 2, 2}, bins.counts());
        assertArrayEquals(new int[] {2, 2, 0, -1, 1, 1}, pixelBins);
        assertEquals(5, bins.pixels());
    }

    @Test
    void aCapOnBinsCoarsensTheQuantizationUntilTheyFit() {
        int[] argb = new int[64 * 64];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        DecodedFrame noise = new DecodedFrame(64, 64, 64, 64, argb);
        ColorBins fine = ColorBins.of(noise, 100_000, null);
        ColorBins capped = ColorBins.of(noise, 500, null);

        assertTrue(fine.size() > 2000, "5 bits per channel keep most colors apart: " + fine.size());
        assertTrue(capped.size() <= 500, "the cap holds: " + capped.size());
        assertEquals(argb.length, fine.pixels());
        assertEquals(argb.length, capped.pixels());
    }

    @Test
    void sameFrameGivesTheSameBins() {
        int[] argb = new int[32 * 32];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        assertEquals(ColorBins.of(new DecodedFrame(32, 32, 32, 32, argb), 300, null),
                ColorBins.of(new DecodedFrame(32, 32, 32, 32, argb.clone()), 300, null));
    }

    @Test
    void zeroBinsIsRejectedWithItsValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ColorBins.of(new DecodedFrame(1, 1, 1, 1, new int[] {0xFF000000}), 0, null));
        assertEquals("Invalid maxBins: 0 (must be at least 1)", error.getMessage());
    }
}
