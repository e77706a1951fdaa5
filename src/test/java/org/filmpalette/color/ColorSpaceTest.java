package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ColorSpaceTest {

    @ParameterizedTest
    @EnumSource(ColorSpace.class)
    void roundTripsEveryGridColorExactly(ColorSpace space) {
        double[] point = new double[4];
        for (int rgb : RgbGrid.colors()) {
            space.encode(rgb, point, 1);
            assertEquals(rgb, space.decode(point, 1), space.id() + " " + Srgb.hex(rgb));
        }
    }

    @Test
    void labEncodesCielab() {
        double[] point = new double[3];
        ColorSpace.LAB.encode(0xff0000, point, 0);
        assertArrayEquals(new double[] {53.24, 80.09, 67.20}, point, 0.01);
    }

    @Test
    void rgbEncodesChannelsOnByteScale() {
        double[] point = new double[3];
        ColorSpace.RGB.encode(0x12ff80, point, 0);
        assertArrayEquals(new double[] {18.0, 255.0, 128.0}, point, 0.0);
    }

    @Test
    void hsvEncodesConeCoordinatesScaledToHundred() {
        double[] point = new double[6];
        ColorSpace.HSV.encode(0xff0000, point, 0);
        ColorSpace.HSV.encode(0x008080, point, 3);
        assertArrayEquals(new double[] {100.0, 0.0, 100.0, -50.196, 0.0, 50.196}, point, 1e-3);
    }

    @Test
    void hsvMeanOfHuesEitherSideOfRedStaysRed() {
        // Averaging raw hues 350° and 10° would give 180°, cyan; the cone keeps the mean next to red.
        double[] point = new double[6];
        ColorSpace.HSV.encode(Hsv.toRgb(350.0, 1.0, 1.0), point, 0);
        ColorSpace.HSV.encode(Hsv.toRgb(10.0, 1.0, 1.0), point, 3);
        double[] mean = {(point[0] + point[3]) / 2, (point[1] + point[4]) / 2, (point[2] + point[5]) / 2};
        assertEquals("#ff0404", Srgb.hex(ColorSpace.HSV.decode(mean, 0)));
    }

    @Test
    void decodeClampsPointsOutsideTheGamut() {
        assertEquals(0x00ff80, ColorSpace.RGB.decode(new double[] {-20.0, 300.0, 127.5}, 0));
        assertEquals(0xffffff, ColorSpace.LAB.decode(new double[] {120.0, 0.0, 0.0}, 0));
        assertEquals(0xffffff, ColorSpace.HSV.decode(new double[] {0.0, 0.0, 150.0}, 0));
        // Chroma 200 at value 0.5 is outside the cone; it is cut back to full saturation.
        assertEquals(0x800000, ColorSpace.HSV.decode(new double[] {200.0, 0.0, 50.0}, 0));
    }

    @Test
    void idsAreTheCommandLineNames() {
        assertEquals("lab", ColorSpace.LAB.id());
        assertEquals("rgb", ColorSpace.RGB.id());
        assertEquals("hsv", ColorSpace.HSV.id());
    }
}
