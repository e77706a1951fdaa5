package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AreaResamplerTest {

    @Test
    void partialPixelsWeighByCoveredArea() {
        // Three pixels into two: the first output covers black fully and white by half: 255·0.5/1.5 = 85.
        int[] out = AreaResampler.resample(new int[] {0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF}, 3, 1, 2, 1);

        assertArrayEquals(new int[] {0xFF555555, 0xFFFFFFFF}, out);
    }

    @Test
    void twoByTwoCheckerAveragesToMidGrayRoundedUp() {
        int[] out = AreaResampler.resample(new int[] {0xFF000000, 0xFFFFFFFF, 0xFFFFFFFF, 0xFF000000}, 2, 2, 1, 1);

        assertArrayEquals(new int[] {0xFF808080}, out);
    }

    @Test
    void transparentPixelsDoNotTintTheAverage() {
        int[] out = AreaResampler.resample(new int[] {0xFFFF0000, 0x000000FF}, 2, 1, 1, 1);

        assertArrayEquals(new int[] {0x80FF0000}, out);
    }

    @Test
    void colorsAreWeightedByAlpha() {
        // Red at alpha 255 and blue at alpha 85: red gets 3/4 of the color, alpha is the plain mean 170.
        int[] out = AreaResampler.resample(new int[] {0xFFFF0000, 0x550000FF}, 2, 1, 1, 1);

        assertArrayEquals(new int[] {0xAABF0040}, out);
    }

    @Test
    void fullyTransparentAreaIsTransparentBlack() {
        assertArrayEquals(new int[] {0}, AreaResampler.resample(new int[] {0x00FFFFFF, 0x00FF0000}, 1, 2, 1, 1));
    }

    @Test
    void sameSizeIsIdentity() {
        int[] pixels = {0xFF010203, 0x80FFFFFF, 0x00000000, 0xFFABCDEF, 0x01020304, 0xFE000001};

        assertArrayEquals(pixels, AreaResampler.resample(pixels, 3, 2, 3, 2));
    }

    @Test
    void uniformImageStaysUniformAtAnyRatio() {
        int[] pixels = new int[37 * 23];
        java.util.Arrays.fill(pixels, 0xFF4080C0);

        int[] out = AreaResampler.resample(pixels, 37, 23, 11, 7);

        assertEquals(77, out.length);
        for (int pixel : out) {
            assertEquals(0xFF4080C0, pixel);
        }
    }
}
