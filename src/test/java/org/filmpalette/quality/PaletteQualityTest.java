package org.filmpalette.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.junit.jupiter.api.Test;

class PaletteQualityTest {

    private static final int RED = 0xE01B24;
    private static final int BLUE = 0x1A3DC8;
    private static final int GRAY = 0x808080;
    private static final int DARK_GRAY = 0x404040;

    @Test
    void paletteEqualToThePixelsHasZeroError() {
        int[] pixels = {RED, BLUE, GRAY, RED, RED, GRAY};
        assertEquals(0.0, PaletteQuality.quantizationError(pixels, new int[] {GRAY, RED, BLUE}), 0.0);
    }

    @Test
    void twoColorsQuantizedToOneAverageTheirDistances() {
        // Three gray pixels on the palette color and one dark gray pixel away from it: (0 + 0 + 0 + d) / 4.
        int[] pixels = {GRAY, GRAY, GRAY, DARK_GRAY};
        double expected = DeltaE2000.between(DARK_GRAY, GRAY) / 4.0;
        assertTrue(expected > 3.0, "the hand-made case must have a visible error");
        assertEquals(expected, PaletteQuality.quantizationError(pixels, new int[] {GRAY}), 1e-12);
    }

    @Test
    void eachPixelIsChargedItsNearestColorNotTheFirst() {
        int[] pixels = {RED, RED, BLUE, BLUE};
        double expected = DeltaE2000.between(BLUE, GRAY) / 2.0;
        assertEquals(expected, PaletteQuality.quantizationError(pixels, new int[] {GRAY, RED}), 1e-12);
        assertEquals(0.0, PaletteQuality.quantizationError(pixels, new int[] {GRAY, BLUE, RED}), 0.0);
    }

    @Test
    void paletteValuesGiveTheSameErrorAsTheirColors() {
        int[] pixels = {RED, RED, BLUE, DARK_GRAY};
        Palette palette = Palette.of(new int[] {GRAY, RED}, new double[] {1, 1}, Order.DOMINANCE);
        assertEquals(PaletteQuality.quantizationError(pixels, new int[] {GRAY, RED}),
                PaletteQuality.quantizationError(pixels, palette), 0.0);
    }

    @Test
    void accentWithinTenIsKeptAndAccentFarAwayIsNot() {
        int nearRed = 0xD8222A;
        assertTrue(DeltaE2000.between(RED, nearRed) < PaletteQuality.ACCENT_MATCH);
        assertEquals(1.0, PaletteQuality.accentRecall(new int[] {GRAY, nearRed}, List.of(RED)), 0.0);
        assertEquals(0.0, PaletteQuality.accentRecall(new int[] {GRAY, DARK_GRAY}, List.of(RED)), 0.0);
    }

    @Test
    void recallIsTheFractionOfAccentsKept() {
        int[] palette = {GRAY, RED};
        assertEquals(1, PaletteQuality.keptAccents(palette, List.of(RED, BLUE)));
        assertEquals(0.5, PaletteQuality.accentRecall(palette, List.of(RED, BLUE)), 0.0);
        assertEquals(1.0, PaletteQuality.accentRecall(palette, List.of()), 0.0);
    }

    @Test
    void emptyInputsAreRejectedWithTheirName() {
        IllegalArgumentException noPixels = assertThrows(IllegalArgumentException.class,
                () -> PaletteQuality.quantizationError(new int[0], new int[] {GRAY}));
        assertEquals("Invalid pixels: empty (the quantization error needs at least one)", noPixels.getMessage());
        IllegalArgumentException noColors = assertThrows(IllegalArgumentException.class,
                () -> PaletteQuality.quantizationError(new int[] {GRAY}, new int[0]));
        assertEquals("Invalid palette: empty (must have at least one color)", noColors.getMessage());
    }
}
