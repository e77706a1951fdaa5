package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XyzTest {

    @Test
    void whiteIsTheD65WhitePoint() {
        double[] xyz = new double[3];
        Xyz.fromRgb(0xffffff, xyz, 0);
        assertArrayEquals(new double[] {0.95047, 1.0, 1.08883}, xyz, 1e-6);
    }

    @Test
    void blackIsZero() {
        double[] xyz = new double[3];
        Xyz.fromRgb(0x000000, xyz, 0);
        assertArrayEquals(new double[] {0.0, 0.0, 0.0}, xyz, 0.0);
    }

    @Test
    void primariesAreTheMatrixColumns() {
        double[] xyz = new double[9];
        Xyz.fromRgb(0xff0000, xyz, 0);
        Xyz.fromRgb(0x00ff00, xyz, 3);
        Xyz.fromRgb(0x0000ff, xyz, 6);
        assertArrayEquals(new double[] {
                0.4124564, 0.2126729, 0.0193339,
                0.3575761, 0.7151522, 0.1191920,
                0.1804375, 0.0721750, 0.9503041}, xyz, 1e-12);
    }

    @Test
    void writesOnlyTheThreeSlotsAtOffset() {
        double[] out = {-1.0, -1.0, -1.0, -1.0, -1.0};
        Xyz.fromRgb(0xffffff, out, 1);
        assertEquals(-1.0, out[0]);
        assertEquals(1.0, out[2], 1e-6);
        assertEquals(-1.0, out[4]);
    }

    @Test
    void roundTripsEveryGridColorExactly() {
        double[] xyz = new double[3];
        for (int rgb : RgbGrid.colors()) {
            Xyz.fromRgb(rgb, xyz, 0);
            assertEquals(rgb, Xyz.toRgb(xyz[0], xyz[1], xyz[2]), Srgb.hex(rgb));
        }
    }

    @Test
    void toRgbClampsOutOfGamutPerChannel() {
        // Twice the white point is brighter than the display can show: every channel saturates.
        assertEquals(0xffffff, Xyz.toRgb(2 * 0.95047, 2.0, 2 * 1.08883));
        assertEquals(0x000000, Xyz.toRgb(-0.1, -0.1, -0.1));
    }
}
