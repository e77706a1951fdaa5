package org.filmpalette.neighbors;

import java.io.Serializable;
import java.util.List;
import java.util.Random;

/**
 * A coarse partition of embedding space into cells (an inverted-file index): centers fitted by k-means (k-means++
 * seeding, Lloyd iterations) on a sample of embeddings, in the sample's order and from a fixed seed, so the same
 * sample always gives the same cells. A point's home is its nearest center; {@link #nearest} gives the few nearest,
 * to which a point is copied as a member so that neighbors across a cell border still meet.
 */
public final class CoarseCells implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int ITERATIONS = 8;

    private final double[][] centers;

    private CoarseCells(double[][] centers) {
        this.centers = centers;
    }

    /** {@code count} cells (fewer when the sample is smaller) fitted on {@code sample}, deterministically. */
    public static CoarseCells fit(List<double[]> sample, int count, long seed) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("Invalid sample: empty (needs at least one embedding)");
        }
        int k = Math.max(1, Math.min(count, sample.size()));
        double[][] centers = seed(sample, k, new Random(seed));
        int[] assignment = new int[sample.size()];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            for (int i = 0; i < sample.size(); i++) {
                assignment[i] = nearest(centers, sample.get(i), 1)[0];
            }
            centers = means(sample, assignment, centers);
        }
        return new CoarseCells(centers);
    }

    public int size() {
        return centers.length;
    }

    /** The ids of the {@code count} centers nearest to {@code embedding}, nearest first (ties by id). */
    public int[] nearest(double[] embedding, int count) {
        return nearest(centers, embedding, count);
    }

    private static int[] nearest(double[][] centers, double[] embedding, int count) {
        int n = Math.min(count, centers.length);
        int[] best = new int[n];
        double[] bestDistance = new double[n];
        java.util.Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        for (int c = 0; c < centers.length; c++) {
            double d = squared(centers[c], embedding);
            if (d < bestDistance[n - 1]) {
                int at = n - 1;
                while (at > 0 && bestDistance[at - 1] > d) {
                    bestDistance[at] = bestDistance[at - 1];
                    best[at] = best[at - 1];
                    at--;
                }
                bestDistance[at] = d;
                best[at] = c;
            }
        }
        return best;
    }

    private static double[][] seed(List<double[]> sample, int k, Random random) {
        double[][] centers = new double[k][];
        centers[0] = sample.get(random.nextInt(sample.size())).clone();
        double[] nearest = new double[sample.size()];
        java.util.Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < sample.size(); i++) {
                nearest[i] = Math.min(nearest[i], squared(centers[c - 1], sample.get(i)));
                total += nearest[i];
            }
            int chosen = sample.size() - 1;
            double target = random.nextDouble() * total;
            for (int i = 0; i < sample.size(); i++) {
                target -= nearest[i];
                if (target < 0) {
                    chosen = i;
                    break;
                }
            }
            centers[c] = sample.get(chosen).clone();
        }
        return centers;
    }

    private static double[][] means(List<double[]> sample, int[] assignment, double[][] previous) {
        int dimensions = previous[0].length;
        double[][] sums = new double[previous.length][dimensions];
        int[] counts = new int[previous.length];
        for (int i = 0; i < sample.size(); i++) {
            double[] point = sample.get(i);
            double[] sum = sums[assignment[i]];
            for (int d = 0; d < dimensions; d++) {
                sum[d] += point[d];
            }
            counts[assignment[i]]++;
        }
        for (int c = 0; c < previous.length; c++) {
            if (counts[c] == 0) {
                sums[c] = previous[c];
            } else {
                for (int d = 0; d < dimensions; d++) {
                    sums[c][d] /= counts[c];
                }
            }
        }
        return sums;
    }

    private static double squared(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return sum;
    }
}
