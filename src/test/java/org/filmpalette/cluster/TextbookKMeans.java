package org.filmpalette.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ and Lloyd's iterations for 3-D points written as plainly as possible, every distance computed:
 * the reference TaskKMeans's pruned loops must match bit for bit (same random draws, same sums in the same order).
 */
final class TextbookKMeans {

    private TextbookKMeans() {}

    static Clustering fit(double[] points, int count, int k, int maxIterations, double tolerance, long seed) {
        int trials = 2 + (int) Math.log(k);
        SplittableRandom random = new SplittableRandom(seed);
        double[] centers = new double[k * 3];
        System.arraycopy(points, random.nextInt(count) * 3, centers, 0, 3);
        double[] nearest = new double[count];
        for (int p = 0; p < count; p++) {
            nearest[p] = Points.squaredDistance(points, p * 3, centers, 0, 3);
        }
        int chosen = 1;
        while (chosen < k && Arrays.stream(nearest, 0, count).sum() > 0) {
            double total = 0;
            for (int p = 0; p < count; p++) {
                total += nearest[p];
            }
            int best = -1;
            double bestTotal = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < trials; trial++) {
                int candidate = draw(nearest, count, total, random);
                double candidateTotal = 0;
                for (int p = 0; p < count; p++) {
                    candidateTotal += Math.min(Points.squaredDistance(points, p * 3, points, candidate * 3, 3),
                            nearest[p]);
                }
                if (candidateTotal < bestTotal) {
                    bestTotal = candidateTotal;
                    best = candidate;
                }
            }
            System.arraycopy(points, best * 3, centers, chosen * 3, 3);
            for (int p = 0; p < count; p++) {
                nearest[p] = Math.min(nearest[p], Points.squaredDistance(points, p * 3, points, best * 3, 3));
            }
            chosen++;
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] sums = new double[chosen * 3];
            long[] sizes = new long[chosen];
            for (int p = 0; p < count; p++) {
                int c = nearestCenter(points, p, centers, chosen);
                sizes[c]++;
                for (int j = 0; j < 3; j++) {
                    sums[c * 3 + j] += points[p * 3 + j];
                }
            }
            boolean converged = true;
            for (int c = 0; c < chosen; c++) {
                if (sizes[c] == 0) {
                    continue;
                }
                double moved = 0;
                for (int j = 0; j < 3; j++) {
                    double mean = sums[c * 3 + j] / sizes[c];
                    moved += (mean - centers[c * 3 + j]) * (mean - centers[c * 3 + j]);
                    centers[c * 3 + j] = mean;
                }
                converged &= moved <= tolerance * tolerance;
            }
            if (converged) {
                break;
            }
        }
        return Clustering.assign(points, null, 3, count, centers, chosen);
    }

    private static int draw(double[] nearest, int count, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int last = -1;
        for (int p = 0; p < count; p++) {
            if (nearest[p] > 0) {
                cumulative += nearest[p];
                last = p;
                if (target < cumulative) {
                    return p;
                }
            }
        }
        return last;
    }

    private static int nearestCenter(double[] points, int p, double[] centers, int count) {
        int best = 0;
        double bestDistance = Points.squaredDistance(points, p * 3, centers, 0, 3);
        for (int c = 1; c < count; c++) {
            double distance = Points.squaredDistance(points, p * 3, centers, c * 3, 3);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
