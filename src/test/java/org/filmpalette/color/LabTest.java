package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LabTest {

    private static final double REFERENCE_TOLERANCE = 0.01;

    @Test
    void whiteIsLightnessHundredWithNoTint() {
        Lab white = Lab.fromRgb(0xffffff);
        assertEquals(100.0, white.l(), 1e-3);
        assertEquals(0.0, white.a(), 1e-3);
        assertEquals(0.0, white.b(), 1e-3);
    }

    @Test
    void blackIsAllZero() {
        assertEquals(new Lab(0.0, 0.0, 0.0), Lab.fromRgb(0x000000));
    }

    @Test
    void grayIsNeutral() {
        Lab gray = Lab.fromRgb(0x808080);
        assertEquals(53.585, gray.l(), 1e-3);
        assertEquals(0.0, gray.a(), 1e-3);
        assertEquals(0.0, gray.b(), 1e-3);
    }

    @Test
    void primariesMatchPublishedValues() {
        assertLab(53.24, 80.09, 67.20, Lab.fromRgb(0xff0000));
        assertLab(87.73, -86.18, 83.18, Lab.fromRgb(0x00ff00));
        assertLab(32.30, 79.19, -107.86, Lab.fromRgb(0x0000ff));
    }

    @Test
    void arrayFormAgreesWithRecordAndWritesOnlyAtOffset() {
        double[] out = {-7.0, -7.0, -7.0, -7.0, -7.0};
        Lab.fromRgb(0x3c7fd2, out, 1);
        Lab lab = Lab.fromRgb(0x3c7fd2);
        assertArrayEquals(new double[] {-7.0, lab.l(), lab.a(), lab.b(), -7.0}, out, 0.0);
    }

    @Test
    void roundTripsEveryGridColorExactly() {
        double[] lab = new double[3];
        for (int rgb : RgbGrid.colors()) {
            Lab.fromRgb(rgb, lab, 0);
            assertEquals(rgb, Lab.toRgb(lab[0], lab[1], lab[2]), Srgb.hex(rgb));
            assertEquals(rgb, new Lab(lab[0], lab[1], lab[2]).toRgb(), Srgb.hex(rgb));
        }
    }

    @Test
    void outOfGamutClampsPerChannel() {
        assertEquals(0xffffff, Lab.toRgb(120.0, 0.0, 0.0));
        assertEquals(0x000000, Lab.toRgb(-10.0, 0.0, 0.0));
        // Far more saturated than sRGB red: red saturates at 255 while green and blue floor at 0.
        assertEquals(0xff0000, Lab.toRgb(53.24, 150.0, 120.0));
    }

    @Test
    void toLchIsThePolarForm() {
        Lch red = Lab.fromRgb(0xff0000).toLch();
        assertEquals(53.24, red.l(), REFERENCE_TOLERANCE);
        assertEquals(104.55, red.c(), REFERENCE_TOLERANCE);
        assertEquals(40.00, red.h(), REFERENCE_TOLERANCE);
    }

    private static void assertLab(double l, double a, double b, Lab actual) {
        assertEquals(l, actual.l(), REFERENCE_TOLERANCE, "L of " + actual);
        assertEquals(a, actual.a(), REFERENCE_TOLERANCE, "a of " + actual);
        assertEquals(b, actual.b(), REFERENCE_TOLERANCE, "b of " + actual);
    }
}
