package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class TaskKMeansTest {

    @Test
    void fitIsTextbookGreedyKMeansPlusPlusAndLloydBitForBit() {
        // The kernel prunes its seeding with the triangle inequality and its iterations with Hamerly's bounds; both
        // must give exactly what the plain loops give, ties included.
        SplittableRandom grid = new SplittableRandom(2);
        double[] ties = new double[1500 * 3];
        for (int i = 0; i < ties.length; i++) {
            ties[i] = grid.nextInt(3) * 5;
        }
        for (double[] points : List.of(SyntheticPixels.filmFrame(31, 4096, 8), SyntheticPixels.uniform(32, 2000),
                ties)) {
            int count = points.length / 3;
            for (int k : new int[] {1, 8, 24}) {
                Clustering expected = TextbookKMeans.fit(points, count, k, 20, 1e-4, 77);
                Clustering actual = new TaskKMeans(k, 20, 1e-4, 1).fit(points, 3, count, 77);
                assertEquals(expected, actual, "k " + k + ", " + count + " points");
            }
        }
    }

    @Test
    void lloydIterationsLowerTheSeedingCost() {
        double[] points = SyntheticPixels.filmFrame(11, 4096, 8);

        double seedingOnly = new TaskKMeans(8, 0, 1e-4).fit(points, 3, 4096, 5).cost();
        double iterated = new TaskKMeans(8, 20, 1e-4).fit(points, 3, 4096, 5).cost();

        assertTrue(iterated < seedingOnly, () -> "iterated " + iterated + " vs seeding " + seedingOnly);
    }

    @Test
    void convergedCentersAreTheMeansOfTheirPoints() {
        double[] points = SyntheticPixels.filmFrame(13, 2000, 7);

        // A tolerance of 0 iterates until no center moves at all (or 1000 iterations): a fixed point of Lloyd.
        Clustering clustering = new TaskKMeans(8, 1000, 0).fit(points, 3, 2000, 5);

        double[] sums = new double[clustering.count() * 3];
        long[] counts = new long[clustering.count()];
        for (int p = 0; p < 2000; p++) {
            int c = clustering.nearest(points, p * 3);
            counts[c]++;
            for (int j = 0; j < 3; j++) {
                sums[c * 3 + j] += points[p * 3 + j];
            }
        }
        for (int c = 0; c < clustering.count(); c++) {
            assertEquals(clustering.sizes()[c], counts[c]);
            for (int j = 0; j < 3; j++) {
                assertEquals(sums[c * 3 + j] / counts[c], clustering.centers()[c * 3 + j], 1e-9);
            }
        }
    }

    @Test
    void refineRunsLloydFromTheGivenCenters() {
        double[] points = {0, 0, 0, 1, 0, 0, 2, 0, 0, 10, 0, 0, 11, 0, 0, 12, 0, 0};
        Clustering start = new Clustering(3, new double[] {1, 0, 0, 2, 0, 0}, new long[] {1, 5}, 146);

        Clustering refined = new TaskKMeans(2, 20, 1e-4).refine(points, 3, 6, start);

        assertEquals(new Clustering(3, new double[] {1, 0, 0, 11, 0, 0}, new long[] {3, 3}, 4), refined);
    }

    @Test
    void refineTakesAtMostKCenters() {
        Clustering start = new Clustering(3, new double[] {1, 0, 0, 2, 0, 0, 3, 0, 0}, new long[] {1, 1, 1}, 0);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskKMeans(2, 20, 1e-4).refine(new double[] {1, 0, 0}, 3, 1, start));

        assertEquals("Invalid start: 3 centers (must be at most k 2)", e.getMessage());
    }

    @Test
    void moreRestartsNeverRaiseTheCost() {
        double[] points = SyntheticPixels.filmFrame(17, 2000, 9);

        for (long seed = 1; seed <= 5; seed++) {
            double previous = Double.POSITIVE_INFINITY;
            for (int restarts = 1; restarts <= 6; restarts++) {
                double cost = new TaskKMeans(8, 20, 1e-4, restarts).fit(points, 3, 2000, seed).cost();
                assertTrue(cost <= previous, "restarts " + restarts + " seed " + seed);
                previous = cost;
            }
        }
    }

    @Test
    void theDefaultConstructorRunsTenRestarts() {
        double[] points = SyntheticPixels.filmFrame(19, 1000, 8);

        assertEquals(new TaskKMeans(8, 20, 1e-4, 10).fit(points, 3, 1000, 3),
                new TaskKMeans(8, 20, 1e-4).fit(points, 3, 1000, 3));
    }

    @Test
    void subsampledRestartsAreDeterministicAndConvergeOnAllPoints() {
        double[] points = SyntheticPixels.filmFrame(23, 4096, 8);
        TaskKMeans kernel = new TaskKMeans(8, 1000, 0, 6, 1024);

        Clustering first = kernel.fit(points, 3, 4096, 7);

        assertEquals(first, kernel.fit(points, 3, 4096, 7));
        assertEquals(first, new TaskKMeans(8, 1000, 0, 6, 1024).fit(points, 3, 4096, 7));
        assertEquals(4096, java.util.Arrays.stream(first.sizes()).sum());
        // Refined on all points to a fixed point of Lloyd: every center is the mean of the points nearest to it.
        double[] sums = new double[first.count() * 3];
        for (int p = 0; p < 4096; p++) {
            int c = first.nearest(points, p * 3);
            for (int j = 0; j < 3; j++) {
                sums[c * 3 + j] += points[p * 3 + j];
            }
        }
        for (int c = 0; c < first.count(); c++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(sums[c * 3 + j] / first.sizes()[c], first.centers()[c * 3 + j], 1e-9);
            }
        }
    }

    @Test
    void aColorTheSubsampleMissesStillGetsACenter() {
        // 4000 points of two colors and, at odd indices the stride of 1000 never reaches, 8 points of a third.
        double[] points = new double[4000 * 3];
        for (int p = 0; p < 4000; p++) {
            double value = p % 2 == 1 && p < 16 ? 90 : p < 2000 ? 10 : 50;
            points[p * 3] = value;
        }

        Clustering clustering = new TaskKMeans(4, 20, 1e-4, 3, 1000).fit(points, 3, 4000, 1);

        assertEquals(3, clustering.count());
        assertEquals(0, clustering.cost());
    }

    @Test
    void invalidParametersAreRejectedWithTheirName() {
        assertEquals("Invalid sampleSize: 4 (must be at least k 8)",
                assertThrows(IllegalArgumentException.class, () -> new TaskKMeans(8, 20, 1e-4, 5, 4)).getMessage());
        assertEquals("Invalid k: 0 (must be at least 1)",
                assertThrows(IllegalArgumentException.class, () -> new TaskKMeans(0, 20, 1e-4)).getMessage());
        assertEquals("Invalid maxIterations: -1 (must be at least 0)",
                assertThrows(IllegalArgumentException.class, () -> new TaskKMeans(8, -1, 1e-4)).getMessage());
        assertEquals("Invalid tolerance: NaN (must be finite and at least 0)",
                assertThrows(IllegalArgumentException.class, () -> new TaskKMeans(8, 20, Double.NaN)).getMessage());
        assertEquals("Invalid restarts: 0 (must be at least 1)",
                assertThrows(IllegalArgumentException.class, () -> new TaskKMeans(8, 20, 1e-4, 0)).getMessage());
    }
}
