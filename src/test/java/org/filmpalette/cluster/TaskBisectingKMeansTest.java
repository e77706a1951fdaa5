package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TaskBisectingKMeansTest {

    // Two far-apart groups, each made of two nearby blobs; group A has 400 points, group B 100.
    private static final double[][] CENTERS = {{20, -40, 0}, {30, -40, 0}, {80, 40, 40}, {90, 40, 40}};
    private static final int[] SIZES = {200, 200, 50, 50};

    @Test
    void whenKLimitsTheSplitsTheLargerClusterIsSplit() {
        double[] points = SyntheticPixels.blobs(3, CENTERS, SIZES, 0.5);

        Clustering clustering = new TaskBisectingKMeans(3, 20).fit(points, 3, 500, 42);

        // Level 1 separates A from B; level 2 can add one leaf only, and A is larger.
        assertEquals(3, clustering.count(), clustering::toString);
        double[][] expected = {{20, -40, 0}, {30, -40, 0}, {85, 40, 40}};
        long[] expectedSizes = {200, 200, 100};
        for (int e = 0; e < 3; e++) {
            int c = clustering.nearest(expected[e], 0);
            assertArrayEquals(expected[e], clustering.center(c), 0.2, clustering::toString);
            assertEquals(expectedSizes[e], clustering.sizes()[c]);
        }
    }

    @Test
    void leavesComeInDepthFirstOrder() {
        double[] points = SyntheticPixels.blobs(3, CENTERS, SIZES, 0.5);

        Clustering clustering = new TaskBisectingKMeans(4, 20).fit(points, 3, 500, 42);

        // Siblings are adjacent: the two A blobs are leaves 0–1 or 2–3, never interleaved with B's.
        assertEquals(4, clustering.count());
        boolean firstPairIsA = clustering.center(0)[0] < 50;
        assertEquals(firstPairIsA, clustering.center(1)[0] < 50);
        assertEquals(!firstPairIsA, clustering.center(2)[0] < 50);
        assertEquals(!firstPairIsA, clustering.center(3)[0] < 50);
    }

    @Test
    void moreRestartsNeverRaiseTheCost() {
        double[] points = SyntheticPixels.filmFrame(17, 2000, 9);

        for (long seed = 1; seed <= 5; seed++) {
            double previous = Double.POSITIVE_INFINITY;
            for (int restarts = 1; restarts <= 6; restarts++) {
                double cost = new TaskBisectingKMeans(8, 20, restarts).fit(points, 3, 2000, seed).cost();
                assertTrue(cost <= previous, "restarts " + restarts + " seed " + seed);
                previous = cost;
            }
        }
    }

    @Test
    void theDefaultConstructorRunsTwentyRestarts() {
        double[] points = SyntheticPixels.filmFrame(19, 1000, 8);

        assertEquals(new TaskBisectingKMeans(8, 20, 20).fit(points, 3, 1000, 3),
                new TaskBisectingKMeans(8, 20).fit(points, 3, 1000, 3));
    }

    @Test
    void aClusterWithoutSpreadInOneAxisStillSplits() {
        // All points share L and b, and the mean lies at the origin: the split noise cannot scale with the center norm.
        double[] points = {0, -30, 0, 0, -29, 0, 0, 29, 0, 0, 30, 0};

        Clustering clustering = new TaskBisectingKMeans(2, 20).fit(points, 3, 4, 42);

        assertEquals(2, clustering.count());
        assertArrayEquals(new long[] {2, 2}, clustering.sizes());
        assertEquals(1.0, clustering.cost(), 1e-12);
    }

    @Test
    void subsampledRestartsAreDeterministicAndRebuildTheTreeOnAllPoints() {
        double[] points = SyntheticPixels.filmFrame(29, 4096, 8);
        TaskBisectingKMeans kernel = new TaskBisectingKMeans(8, 20, 10, 1024);

        Clustering first = kernel.fit(points, 3, 4096, 7);

        assertEquals(first, kernel.fit(points, 3, 4096, 7));
        assertEquals(first, new TaskBisectingKMeans(8, 20, 10, 1024).fit(points, 3, 4096, 7));
        assertEquals(8, first.count());
        assertEquals(4096, java.util.Arrays.stream(first.sizes()).sum());
        double allPoints = new TaskBisectingKMeans(8, 20).fit(points, 3, 4096, 7).cost();
        assertTrue(first.cost() <= 1.02 * allPoints, () -> "subsampled " + first.cost() + " vs " + allPoints);
    }

    @Test
    void twoColorsSubsampledGiveTheirExactColors() {
        double[] points = new double[3000 * 3];
        for (int p = 0; p < 3000; p++) {
            points[p * 3] = p < 1000 ? 20 : 70;
            points[p * 3 + 1] = p < 1000 ? -5 : 12;
        }

        Clustering clustering = new TaskBisectingKMeans(2, 20, 3, 500).fit(points, 3, 3000, 42);

        assertArrayEquals(new double[] {20, -5, 0, 70, 12, 0}, clustering.centers());
        assertArrayEquals(new long[] {1000, 2000}, clustering.sizes());
    }

    @Test
    void invalidParametersAreRejectedWithTheirName() {
        assertEquals("Invalid sampleSize: 4 (must be at least k 8)",
                assertThrows(IllegalArgumentException.class, () -> new TaskBisectingKMeans(8, 20, 5, 4)).getMessage());
        assertEquals("Invalid k: 0 (must be at least 1)",
                assertThrows(IllegalArgumentException.class, () -> new TaskBisectingKMeans(0, 20)).getMessage());
        assertEquals("Invalid maxIterations: -1 (must be at least 0)",
                assertThrows(IllegalArgumentException.class, () -> new TaskBisectingKMeans(8, -1)).getMessage());
        assertEquals("Invalid restarts: 0 (must be at least 1)",
                assertThrows(IllegalArgumentException.class, () -> new TaskBisectingKMeans(8, 20, 0)).getMessage());
    }
}
