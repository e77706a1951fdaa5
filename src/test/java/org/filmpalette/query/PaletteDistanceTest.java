package org.filmpalette.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.junit.jupiter.api.Test;

class PaletteDistanceTest {

    // Neutral colors given by Lab directly: ΔE00 between L*=0 and L*=100 is exactly 100 (S_L = 1 at mean L* 50).
    private static final Swatch BLACK_HALF = new Swatch(1, 0x000000, 0, 0, 0, 0.5);
    private static final Swatch WHITE_HALF = new Swatch(2, 0xffffff, 100, 0, 0, 0.5);

    @Test
    void identicalPalettesAreZeroApartInAnyOrder() {
        Palette palette = new Palette(List.of(BLACK_HALF, WHITE_HALF));
        Palette reordered = new Palette(List.of(WHITE_HALF, BLACK_HALF));
        assertEquals(0.0, PaletteDistance.between(palette, palette), 1e-12);
        assertEquals(0.0, PaletteDistance.between(palette, reordered), 1e-12);
    }

    @Test
    void halfBlackHalfWhiteIsFiftyFromAllWhite() {
        Palette halves = new Palette(List.of(BLACK_HALF, WHITE_HALF));
        Palette white = new Palette(List.of(new Swatch(1, 0xffffff, 100, 0, 0, 1.0)));
        // Half of the pixels move from L* 0 to L* 100: 0.5 × 100.
        assertEquals(50.0, PaletteDistance.between(halves, white), 1e-9);
    }

    @Test
    void onlyTheShareThatDiffersMoves() {
        Palette halves = new Palette(List.of(BLACK_HALF, WHITE_HALF));
        Palette quarter = new Palette(List.of(new Swatch(1, 0xffffff, 100, 0, 0, 0.75),
                new Swatch(2, 0x000000, 0, 0, 0, 0.25)));
        // A quarter of the pixels go from black to white: 0.25 × 100, not a reshuffle of everything.
        assertEquals(25.0, PaletteDistance.between(halves, quarter), 1e-9);
    }

    @Test
    void distanceIsSymmetricAndUsesCiede2000() {
        Palette red = Palette.of(new int[] {0xff0000}, new double[] {1}, org.filmpalette.palette.Order.DOMINANCE);
        Palette redBlue = Palette.of(new int[] {0xff0000, 0x0000ff}, new double[] {1, 1},
                org.filmpalette.palette.Order.DOMINANCE);
        double expected = 0.5 * DeltaE2000.between(0xff0000, 0x0000ff);
        assertEquals(expected, PaletteDistance.between(red, redBlue), 1e-9);
        assertEquals(expected, PaletteDistance.between(redBlue, red), 1e-9);
        assertEquals(52.88, 2 * expected, 0.01, "the published ΔE00 of sRGB red vs blue");
    }
}
