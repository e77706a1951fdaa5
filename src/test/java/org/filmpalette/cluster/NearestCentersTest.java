package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NearestCentersTest {

    @Test
    void boundsGiveThePlainSearchsAnswerAtEveryLloydIteration() {
        assertSameAsPlainSearch(SyntheticPixels.filmFrame(3, 4096, 8), 4096, 24);
        assertSameAsPlainSearch(SyntheticPixels.uniform(4, 3000), 3000, 8);
        assertSameAsPlainSearch(SyntheticPixels.filmFrame(5, 1024, 3), 1024, 1);
    }

    @Test
    void tiesGoToTheLowerIndexAsInThePlainSearch() {
        // Points on a coarse integer grid and centers that start on grid points, two of them twice: many points are
        // exactly as far from two centers, which is where bounds could disagree with the plain search.
        SplittableRandom random = new SplittableRandom(9);
        double[] points = new double[2000 * 3];
        for (int i = 0; i < points.length; i++) {
            points[i] = random.nextInt(4) * 2;
        }
        assertSameAsPlainSearch(points, 2000, 9);
    }

    @Test
    void aPointThatEndsOnTheMidpointGoesToTheLowerIndex() {
        // On one axis: centers 0 and 1; the point at 0.5 ties and goes to center 0, the one at 1 to center 1. The
        // means are then 0 and 2, and the point at 1 lies exactly halfway, where its bounds say "maybe unchanged".
        double[] points = {-0.5, 0, 0, 0.5, 0, 0, 1, 0, 0, 3, 0, 0};
        double[] before = {0, 0, 0, 1, 0, 0};
        double[] after = {0, 0, 0, 2, 0, 0};
        NearestCenters nearest = new NearestCenters();
        nearest.reset();

        assertArrayEquals(new int[] {0, 0, 1, 1}, Arrays.copyOf(nearest.assign(points, 4, before, 2), 4));
        nearest.moved(before, after, 2);
        assertArrayEquals(new int[] {0, 0, 0, 1}, Arrays.copyOf(nearest.assign(points, 4, after, 2), 4));
    }

    /** Runs Lloyd iterations from the first {@code k} points as centers, checking every assignment. */
    private static void assertSameAsPlainSearch(double[] points, int count, int k) {
        double[] centers = Arrays.copyOf(points, k * 3);
        if (k > 4) {
            System.arraycopy(centers, 0, centers, 3, 3); // a duplicate center
        }
        NearestCenters bounded = new NearestCenters();
        bounded.reset();
        for (int iteration = 0; iteration < 15; iteration++) {
            int[] expected = plainNearest(points, count, centers, k);
            int[] actual = bounded.assign(points, count, centers, k);
            assertArrayEquals(expected, Arrays.copyOf(actual, count), "iteration " + iteration);
            double[] before = centers.clone();
            double[] sums = new double[k * 3];
            long[] sizes = new long[k];
            for (int p = 0; p < count; p++) {
                sizes[expected[p]]++;
                for (int j = 0; j < 3; j++) {
                    sums[expected[p] * 3 + j] += points[p * 3 + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < 3 && sizes[c] > 0; j++) {
                    centers[c * 3 + j] = sums[c * 3 + j] / sizes[c];
                }
            }
            bounded.moved(before, centers, k);
        }
    }

    private static int[] plainNearest(double[] points, int count, double[] centers, int k) {
        int[] nearest = new int[count];
        for (int p = 0; p < count; p++) {
            double best = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double distance = Points.squaredDistance(points, p * 3, centers, c * 3, 3);
                if (distance < best) {
                    best = distance;
                    nearest[p] = c;
                }
            }
        }
        return nearest;
    }
}
