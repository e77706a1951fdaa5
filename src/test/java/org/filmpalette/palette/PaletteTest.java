package org.filmpalette.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class PaletteTest {

    private static final int DARK_BLUE = 0x102080;
    private static final int YELLOW = 0xF0E020;
    private static final int RED = 0xD02020;
    private static final int GRAY = 0x808080;

    @Test
    void sharesAreNormalizedWeightsAndRanksFollowDominance() {
        Palette palette = Palette.of(new int[] {DARK_BLUE, YELLOW, RED}, new double[] {1, 6, 3}, Order.DOMINANCE);

        assertEquals(List.of(YELLOW, RED, DARK_BLUE), palette.swatches().stream().map(Swatch::rgb).toList());
        assertEquals(List.of(1, 2, 3), palette.swatches().stream().map(Swatch::rank).toList());
        assertEquals(0.6, palette.get(0).share(), 1e-12);
        assertEquals(0.3, palette.get(1).share(), 1e-12);
        assertEquals(0.1, palette.get(2).share(), 1e-12);
    }

    @Test
    void centersLandingOnTheSameColorAreMergedAndEmptyOnesDropped() {
        Palette palette = Palette.of(new int[] {RED, YELLOW, RED, GRAY}, new double[] {1, 2, 1, 0}, Order.DOMINANCE);

        assertEquals(2, palette.size());
        assertEquals(0.5, palette.get(0).share(), 1e-12);
        assertEquals(0.5, palette.get(1).share(), 1e-12);
        assertEquals("#d02020 #f0e020", palette.hexList(), "equal shares fall back to the color value");
    }

    @Test
    void luminanceOrdersDarkToLight() {
        Palette palette = Palette.of(new int[] {YELLOW, GRAY, DARK_BLUE}, new double[] {1, 1, 1}, Order.LUMINANCE);

        assertEquals("#102080 #808080 #f0e020", palette.hexList());
    }

    @Test
    void hueOrdersRedYellowBlueThenGrays() {
        Palette palette = Palette.of(new int[] {GRAY, DARK_BLUE, YELLOW, RED}, new double[] {5, 1, 1, 1}, Order.HUE);

        assertEquals("#d02020 #f0e020 #102080 #808080", palette.hexList());
    }

    @Test
    void swatchCarriesItsLabValues() {
        Swatch red = Swatch.of(1, 0xFF0000, 1.0);

        assertEquals(53.24, red.labL(), 0.01);
        assertEquals(80.09, red.labA(), 0.01);
        assertEquals(67.20, red.labB(), 0.01);
        assertEquals("#ff0000", red.hex());
    }
}
