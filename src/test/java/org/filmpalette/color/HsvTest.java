package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HsvTest {

    @Test
    void primariesAndSecondariesSitOnSixtyDegreeSteps() {
        assertHsv(0.0, 1.0, 1.0, 0xff0000);
        assertHsv(60.0, 1.0, 1.0, 0xffff00);
        assertHsv(120.0, 1.0, 1.0, 0x00ff00);
        assertHsv(180.0, 1.0, 1.0, 0x00ffff);
        assertHsv(240.0, 1.0, 1.0, 0x0000ff);
        assertHsv(300.0, 1.0, 1.0, 0xff00ff);
    }

    @Test
    void hueJustBelowRedWrapsToBelow360() {
        // (255, 0, 128): max is red and g < b, so the raw hue is negative.
        assertHsv(360.0 - 60.0 * 128.0 / 255.0, 1.0, 1.0, 0xff0080);
    }

    @Test
    void grayAndBlackHaveZeroHueAndSaturation() {
        assertHsv(0.0, 0.0, 128.0 / 255.0, 0x808080);
        assertHsv(0.0, 0.0, 0.0, 0x000000);
    }

    @Test
    void mutedColorHasFractionalSaturation() {
        // max 200, min 100: s = 100/200, v = 200/255, hue on the red-to-yellow side.
        assertHsv(60.0 * 50.0 / 100.0, 0.5, 200.0 / 255.0, Srgb.pack(200, 150, 100));
    }

    @Test
    void roundTripsEveryGridColorExactly() {
        double[] hsv = new double[3];
        for (int rgb : RgbGrid.colors()) {
            Hsv.fromRgb(rgb, hsv, 0);
            assertEquals(rgb, Hsv.toRgb(hsv[0], hsv[1], hsv[2]), Srgb.hex(rgb));
        }
    }

    @Test
    void toRgbWrapsHueAndClampsSaturationAndValue() {
        assertEquals(0x00ff00, Hsv.toRgb(480.0, 1.0, 1.0));
        assertEquals(0x0000ff, Hsv.toRgb(-120.0, 1.0, 1.0));
        assertEquals(0xff0000, Hsv.toRgb(360.0, 2.0, 1.5));
        assertEquals(0x000000, Hsv.toRgb(90.0, 1.0, -0.5));
    }

    private static void assertHsv(double h, double s, double v, int rgb) {
        double[] hsv = new double[3];
        Hsv.fromRgb(rgb, hsv, 0);
        assertArrayEquals(new double[] {h, s, v}, hsv, 1e-12, Srgb.hex(rgb));
    }
}
