package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** The kernels on weighted points: each point stands for as many pixels as its weight. */
class WeightedKernelsTest {

    // Two groups of colors far apart: (0,0,0) ×3 and (4,0,0) ×1; (100,0,0) ×1 and (104,0,0) ×1.
    private static final double[] POINTS = {0, 0, 0, 4, 0, 0, 100, 0, 0, 104, 0, 0};
    private static final int[] WEIGHTS = {3, 1, 1, 1};

    @Test
    void centersAreWeightedMeansAndSizesArePixels() {
        assertWeighted(new TaskKMeans(2, 20, 0).fit(POINTS, WEIGHTS, 3, 4, 7));
        assertWeighted(new TaskBisectingKMeans(2, 20).fit(POINTS, WEIGHTS, 3, 4, 7));
        assertWeighted(new RefinedBisectingKMeans(2, 20, 0, 3, 1024).fit(POINTS, WEIGHTS, 3, 4, 7));
    }

    @Test
    void weightedCostIsThePixelsSquaredDistances() {
        Clustering clustering = new TaskKMeans(2, 20, 0).fit(POINTS, WEIGHTS, 3, 4, 7);
        // 3 × 1² + 1 × 3² around x = 1, and 2² + 2² around x = 102.
        assertEquals(3 + 9 + 4 + 4, clustering.cost(), 1e-9);
        assertEquals(clustering, Clustering.assign(POINTS, WEIGHTS, 3, 4, clustering.centers()));
    }

    @Test
    void weightsOfOneGiveTheUnweightedFit() {
        double[] points = SyntheticPixels.filmFrame(31, 3000, 8);
        int[] ones = new int[3000];
        Arrays.fill(ones, 1);
        assertEquals(PaletteFitter.kMeansKernel(8, 20).fit(points, 3, 3000, 5),
                PaletteFitter.kMeansKernel(8, 20).fit(points, ones, 3, 3000, 5));
        assertEquals(PaletteFitter.refinedBisecting(8, 20).fit(points, 3, 3000, 5),
                PaletteFitter.refinedBisecting(8, 20).fit(points, ones, 3, 3000, 5));
    }

    @Test
    void aWeightBelowOneIsRejectedWithItsIndex() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new TaskKMeans(2, 20, 0).fit(POINTS, new int[] {3, 0, 1, 1}, 3, 4, 7));
        assertEquals("Invalid weights[1]: 0 (must be at least 1)", error.getMessage());
    }

    private static void assertWeighted(Clustering clustering) {
        double[] xs = {clustering.centers()[0], clustering.centers()[3]};
        long[] sizes = clustering.sizes().clone();
        Arrays.sort(xs);
        Arrays.sort(sizes);
        assertArrayEquals(new double[] {1, 102}, xs, 1e-12);
        assertArrayEquals(new long[] {2, 4}, sizes);
    }
}
