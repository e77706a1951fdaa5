package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.junit.jupiter.api.Test;

/** The {@code grid} algorithm: cell means reduced to k by weighted k-means, shares from the sampled pixels. */
class GridPaletteTest {

    private static final int[] QUADRANTS = {0xE01B24, 0x2060C0, 0x20A040, 0xF0D020};

    @Test
    void fourQuadrantsGiveTheirFourColorsAQuarterEach() {
        DecodedFrame frame = quadrants(64, 64);

        for (ColorSpace space : ColorSpace.values()) {
            PaletteFitter fitter = new PaletteFitter(space, 8, 20, Order.DOMINANCE, PaletteMode.ACCENTS);
            Palette palette = fitter.fit(fitter.still(new StillStatistics.StillAnalyzer(4096, space).analyze(frame)),
                    Algorithm.GRID, 42).palette();

            assertEquals(4, palette.size(), space + " " + palette.hexList());
            for (int color : QUADRANTS) {
                Swatch swatch = palette.swatches().stream()
                        .min((a, b) -> Double.compare(DeltaE2000.between(a.rgb(), color), DeltaE2000.between(b.rgb(), color)))
                        .orElseThrow();
                assertTrue(DeltaE2000.between(swatch.rgb(), color) < 1, space + ": " + swatch.hex());
                assertEquals(0.25, swatch.share(), 1e-12, space + ": " + swatch.hex());
            }
        }
    }

    @Test
    void cellsAreReducedToKByTheirPixels() {
        // Top half blue, bottom half gray but for one cell of red (64 of 4096 pixels).
        int[] argb = new int[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                boolean red = y >= 56 && x < 8;
                argb[y * 64 + x] = 0xFF000000 | (y < 32 ? 0x2060C0 : red ? 0xE01B24 : 0x808080);
            }
        }
        DecodedFrame frame = new DecodedFrame(64, 64, 64, 64, argb);
        StillStatistics still = new StillStatistics.StillAnalyzer(4096, ColorSpace.LAB).analyze(frame);

        PaletteFitter threeColors = new PaletteFitter(ColorSpace.LAB, 3, 20, Order.DOMINANCE, PaletteMode.PLAIN);
        Palette three = threeColors.fit(threeColors.still(still), Algorithm.GRID, 42).palette();
        PaletteFitter twoColors = new PaletteFitter(ColorSpace.LAB, 2, 20, Order.DOMINANCE, PaletteMode.PLAIN);
        Palette two = twoColors.fit(twoColors.still(still), Algorithm.GRID, 42).palette();

        assertEquals("#2060c0 #808080 #e01b24", three.hexList());
        assertArrayEquals(new double[] {0.5, 31 / 64.0, 1 / 64.0},
                three.swatches().stream().mapToDouble(Swatch::share).toArray(), 1e-12);
        assertEquals(org.filmpalette.palette.Role.ACCENT, three.get(2).role());
        // With two colors the red cell weighs 1/32 of the bottom half: it joins the gray, which it tints.
        assertEquals(2, two.size(), two.hexList());
        assertEquals("#2060c0", two.get(0).hex());
        assertTrue(DeltaE2000.between(two.get(1).rgb(), 0x808080) > 1, two.hexList());
        assertTrue(DeltaE2000.between(two.get(1).rgb(), 0x808080) < 10, two.hexList());
    }

    @Test
    void weightedKMeansCentersAreWeightedMeans() {
        double[] points = {0, 0, 0, 4, 0, 0, 100, 0, 0, 104, 0, 0};
        double[] weights = {3, 1, 1, 1};

        double[] centers = new WeightedKMeans(2, 20, 0, 3).fit(points, weights, 3, 4, 7);

        double[] xs = {centers[0], centers[3]};
        java.util.Arrays.sort(xs);
        assertArrayEquals(new double[] {1, 102}, xs, 1e-12);
    }

    @Test
    void gridWithoutCellsIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE).fit(new int[] {1, 2}, Algorithm.GRID, 1));
        assertEquals("The grid algorithm needs the frame's grid cells", error.getMessage());
    }

    private static DecodedFrame quadrants(int width, int height) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = 0xFF000000 | QUADRANTS[(y * 2 / height) * 2 + x * 2 / width];
            }
        }
        return new DecodedFrame(width, height, width, height, argb);
    }
}
