package org.filmpalette.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-means over a few weighted points (a frame's grid cell means weighted by their pixels, or similar): k-means++
 * seeding with probability proportional to weight × squared distance, then weighted Lloyd iterations (each center
 * the weighted mean of its points), run from several seedings keeping the lowest weighted cost. Meant for tens to
 * hundreds of points: it allocates per fit and keeps no buffers. Deterministic from the seed.
 */
public final class WeightedKMeans {

    private final int k;
    private final int maxIterations;
    private final double tolerance;
    private final int restarts;

    /**
     * @param k             maximum number of centers, at least 1
     * @param maxIterations Lloyd iterations per run, at least 0
     * @param tolerance     convergence distance, at least 0
     * @param restarts      seedings per fit, the lowest weighted cost kept; at least 1
     */
    public WeightedKMeans(int k, int maxIterations, double tolerance, int restarts) {
        Points.checkSettings(k, maxIterations, restarts);
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (must be at least 0)");
        }
        this.k = k;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        this.restarts = restarts;
    }

    /**
     * The centers (flat, {@code dimensions} each) of at most k clusters of {@code count} points with positive
     * {@code weights}; fewer when the points have fewer distinct positions.
     */
    public double[] fit(double[] points, double[] weights, int dimensions, int count, long seed) {
        Points.check(points, dimensions, count);
        if (weights.length < count) {
            throw new IllegalArgumentException("Invalid weights length: " + weights.length + " (must be at least "
                    + count + ")");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            double[] centers = seed(points, weights, dimensions, count, random);
            iterate(points, weights, dimensions, count, centers);
            double cost = cost(points, weights, dimensions, count, centers);
            if (cost < bestCost) {
                bestCost = cost;
                best = centers;
            }
            if (bestCost == 0) {
                break;
            }
        }
        return best;
    }

    private double[] seed(double[] points, double[] weights, int dimensions, int count, SplittableRandom random) {
        double[] centers = new double[k * dimensions];
        double[] nearest = new double[count];
        double totalWeight = 0;
        for (int p = 0; p < count; p++) {
            totalWeight += weights[p];
        }
        int first = pick(weights, count, random.nextDouble() * totalWeight);
        System.arraycopy(points, first * dimensions, centers, 0, dimensions);
        double total = 0;
        for (int p = 0; p < count; p++) {
            nearest[p] = weights[p] * Points.squaredDistance(points, p * dimensions, centers, 0, dimensions);
            total += nearest[p];
        }
        int chosen = 1;
        while (chosen < k && total > 0) {
            int next = pick(nearest, count, random.nextDouble() * total);
            System.arraycopy(points, next * dimensions, centers, chosen * dimensions, dimensions);
            total = 0;
            for (int p = 0; p < count; p++) {
                nearest[p] = Math.min(nearest[p],
                        weights[p] * Points.squaredDistance(points, p * dimensions, centers, chosen * dimensions,
                                dimensions));
                total += nearest[p];
            }
            chosen++;
        }
        return Arrays.copyOf(centers, chosen * dimensions);
    }

    /** The first index whose cumulative mass exceeds {@code target} (the last positive one at the very end). */
    private static int pick(double[] mass, int count, double target) {
        double cumulative = 0;
        int lastPositive = 0;
        for (int p = 0; p < count; p++) {
            if (mass[p] > 0) {
                cumulative += mass[p];
                lastPositive = p;
                if (target < cumulative) {
                    return p;
                }
            }
        }
        return lastPositive;
    }

    private void iterate(double[] points, double[] weights, int dimensions, int count, double[] centers) {
        int centerCount = centers.length / dimensions;
        double[] sums = new double[centers.length];
        double[] mass = new double[centerCount];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Arrays.fill(sums, 0);
            Arrays.fill(mass, 0);
            for (int p = 0; p < count; p++) {
                int c = nearest(points, p * dimensions, centers, dimensions);
                mass[c] += weights[p];
                for (int j = 0; j < dimensions; j++) {
                    sums[c * dimensions + j] += weights[p] * points[p * dimensions + j];
                }
            }
            boolean converged = true;
            for (int c = 0; c < centerCount; c++) {
                if (mass[c] == 0) {
                    continue;
                }
                double moved = 0;
                for (int j = 0; j < dimensions; j++) {
                    double mean = sums[c * dimensions + j] / mass[c];
                    double diff = mean - centers[c * dimensions + j];
                    moved += diff * diff;
                    centers[c * dimensions + j] = mean;
                }
                converged &= moved <= tolerance * tolerance;
            }
            if (converged) {
                return;
            }
        }
    }

    private static double cost(double[] points, double[] weights, int dimensions, int count, double[] centers) {
        double cost = 0;
        for (int p = 0; p < count; p++) {
            int c = nearest(points, p * dimensions, centers, dimensions);
            cost += weights[p] * Points.squaredDistance(points, p * dimensions, centers, c * dimensions, dimensions);
        }
        return cost;
    }

    private static int nearest(double[] points, int offset, double[] centers, int dimensions) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centers.length / dimensions; c++) {
            double distance = Points.squaredDistance(points, offset, centers, c * dimensions, dimensions);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
