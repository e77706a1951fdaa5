package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.junit.jupiter.api.Test;

class WeightedColorFitterTest {

    private static final int RED = 0xC83228;
    private static final int TEAL = 0x1A8C8C;
    private static final int OCHRE = 0xC8912A;

    @Test
    void sharesAreTheWeightedFractionsOfAllColors() {
        // Three stills' palettes: red dominates, teal and ochre are minor; shares within a still sum to 1.
        int[] rgb = {RED, TEAL, RED, OCHRE, RED, TEAL};
        double[] weights = {0.9, 0.1, 0.8, 0.2, 0.7, 0.3};

        for (Algorithm algorithm : Algorithm.values()) {
            Palette palette = new WeightedColorFitter(ColorSpace.LAB, 3, 20, Order.DOMINANCE, 512)
                    .fit(rgb, weights, rgb.length, algorithm, 5).palette();

            assertEquals(3, palette.size(), palette.hexList());
            assertShare(palette, RED, 2.4 / 3);
            assertShare(palette, TEAL, 0.4 / 3);
            assertShare(palette, OCHRE, 0.2 / 3);
        }
    }

    @Test
    void costIsTheWeightedSquaredDistanceToTheNearestColor() {
        int[] rgb = {0x000000, 0x0A0000, 0xFFFFFF};
        double[] weights = {0.5, 0.25, 1};
        Palette palette = Palette.of(new int[] {0x000000, 0xFFFFFF}, new double[] {1, 1}, Order.DOMINANCE);

        assertEquals(0.25 * 100, WeightedColorFitter.cost(rgb, weights, 3, palette, ColorSpace.RGB), 1e-9);
        assertEquals(0, WeightedColorFitter.cost(rgb, weights, 1, palette, ColorSpace.RGB), 1e-9);
    }

    @Test
    void fitDependsOnlyOnColorsWeightsAndSeed() {
        int[] rgb = new int[300];
        double[] weights = new double[300];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = (i * 7919) & 0xFFFFFF;
            weights[i] = 1 + i % 5;
        }
        WeightedColorFitter fitter = new WeightedColorFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, 1024);

        PaletteFitter.Fit first = fitter.fit(rgb, weights, rgb.length, Algorithm.KMEANS, 42);
        PaletteFitter.Fit again = new WeightedColorFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, 1024)
                .fit(Arrays.copyOf(rgb, 400), Arrays.copyOf(weights, 400), rgb.length, Algorithm.KMEANS, 42);

        assertEquals(first, again);
        assertEquals(1, first.palette().swatches().stream().mapToDouble(Swatch::share).sum(), 1e-9);
    }

    @Test
    void countMustFitTheArrays() {
        WeightedColorFitter fitter = new WeightedColorFitter(ColorSpace.LAB, 2, 20, Order.DOMINANCE, 16);
        assertEquals("Invalid count: 3 (must be between 1 and the 2 colors and 2 weights given)",
                assertThrows(IllegalArgumentException.class, () -> fitter.fit(new int[2], new double[] {1, 1}, 3,
                        Algorithm.KMEANS, 1)).getMessage());
        assertEquals("Invalid sample: 0 (must be at least 1)", assertThrows(IllegalArgumentException.class,
                () -> new WeightedColorFitter(ColorSpace.LAB, 2, 20, Order.DOMINANCE, 0)).getMessage());
    }

    private static void assertShare(Palette palette, int rgb, double share) {
        Swatch swatch = palette.swatches().stream().filter(s -> s.rgb() == rgb).findFirst()
                .orElseThrow(() -> new AssertionError(String.format("#%06x not in %s", rgb, palette.hexList())));
        assertEquals(share, swatch.share(), 1e-9, palette.hexList());
    }
}
