package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LchTest {

    @Test
    void blueHasHueNear306Degrees() {
        Lch blue = Lch.fromRgb(0x0000ff);
        assertEquals(32.30, blue.l(), 0.01);
        assertEquals(133.81, blue.c(), 0.01);
        assertEquals(306.28, blue.h(), 0.01);
    }

    @Test
    void negativeAndFullTurnHuesWrapIntoRange() {
        assertEquals(270.0, new Lch(50.0, 10.0, -90.0).h(), 1e-12);
        assertEquals(0.0, new Lch(50.0, 10.0, 360.0).h());
        assertEquals(10.0, new Lch(50.0, 10.0, 730.0).h(), 1e-12);
        assertEquals(0.0, new Lch(50.0, 10.0, -1e-20).h());
    }

    @Test
    void neutralHasZeroChromaAndZeroHue() {
        Lch gray = Lch.fromRgb(0x808080);
        assertEquals(0.0, gray.c(), 1e-3);
        assertEquals(new Lch(0.0, 0.0, 0.0), Lch.fromRgb(0x000000));
    }

    @Test
    void toLabInvertsToLch() {
        Lab lab = new Lab(61.2901, 3.7196, -5.3901);
        Lab back = lab.toLch().toLab();
        assertEquals(lab.l(), back.l(), 1e-12);
        assertEquals(lab.a(), back.a(), 1e-12);
        assertEquals(lab.b(), back.b(), 1e-12);
    }

    @Test
    void roundTripsEveryGridColorThroughLab() {
        for (int rgb : RgbGrid.colors()) {
            assertEquals(rgb, Lch.fromRgb(rgb).toLab().toRgb(), Srgb.hex(rgb));
        }
    }
}
