package org.filmpalette.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * K-means for one still's pixels inside a Spark task: k-means++ seeding, then Lloyd iterations, the algorithm of
 * MLlib's {@code KMeans} without a Spark job per fit, run from several seedings keeping the lowest cost.
 *
 * <p>Seeding is greedy k-means++ (scikit-learn's default variant): the first center is a uniformly random point; each
 * further center is the best, by resulting cost, of {@code 2 + ⌊ln k⌋} candidates drawn with probability proportional
 * to their squared distance to the nearest chosen center (D² sampling). Seeding stops early when every point
 * coincides with a chosen center, so a still with fewer distinct colors than {@code k} gets fewer centers. Lloyd
 * iterations then run until no center moves farther than {@code tolerance} (Euclidean, compared as MLlib does:
 * squared move ≤ tolerance²) or {@code maxIterations} is reached; a center that loses all its points keeps its
 * position, as in MLlib.
 *
 * <p>Why restarts: k-means on film pixels has many local minima, and which one a run lands in depends on the seed.
 * Measured on 64 synthetic frames (4096 points, k = 8, 6 seeds each), MLlib's own cost changed by more than 2 %
 * between two seeds in 32 of 64 frames (up to 2.2×), one greedy k-means++ run of this kernel exceeded MLlib's cost by
 * more than 2 % in 107 of 384 (frame, seed) pairs (up to 1.7×), and the best of {@value #DEFAULT_RESTARTS} runs in 1
 * (1.085). Runs draw from one random stream in turn, so more restarts never give a higher cost for the same seed, and
 * a run with zero cost ends the fit. The pipeline ({@link PaletteFitter#kMeansKernel}) runs its restarts on a strided
 * subsample and refines only the best on all points, which costs about a sixth as much at the same parity with MLlib
 * (MllibParityTest); that guarantee of monotone restarts then holds for the subsample's cost only.
 *
 * <p>Seeding skips the points a candidate provably cannot bring nearer (triangle inequality), and iterations on
 * colors skip the points whose center provably did not change ({@link NearestCenters}); both give what the plain
 * loops give, bit for bit.
 *
 * <p>The result reports the centers of the lowest-cost run with sizes and cost by nearest center, empty centers
 * dropped. Randomness comes only from a {@link SplittableRandom} seeded with the {@code seed} argument: the same
 * points, dimensions, count and seed give a bit-identical result. The loops allocate nothing; the instance keeps its
 * scratch buffers between fits (they grow to the largest input seen), so <b>an instance is not thread-safe</b>: use
 * one per task thread.
 */
public final class TaskKMeans {

    /** Runs per fit used by the three-argument constructor. */
    public static final int DEFAULT_RESTARTS = 10;

    private final int k;
    private final int maxIterations;
    private final double tolerance;
    private final int restarts;
    private final int sampleSize;
    private final int seedingTrials;

    private double[] centers = new double[0];
    private double[] bestCenters = new double[0];
    private double[] sums = new double[0];
    private long[] counts = new long[0];
    private double[] nearestDistances = new double[0];
    // Seeding: the chosen center each nearestDistances entry is measured to, and per chosen center the squared
    // distance below which a point near it cannot be nearer to the center being tried (see prunable).
    private int[] nearestChosen = new int[0];
    private double[] prunable = new double[0];
    private double[] subset = new double[0];
    private int[] subsetWeights = new int[0];
    private int[] ones = new int[0];
    private double[] previousCenters = new double[0];
    private final NearestCenters nearestCenters = new NearestCenters();

    /**
     * A kernel running {@value #DEFAULT_RESTARTS} seedings per fit.
     *
     * @param k             maximum number of centers, at least 1
     * @param maxIterations maximum number of Lloyd iterations per run, at least 0 (MLlib's default is 20)
     * @param tolerance     convergence distance in clustering units, finite and at least 0 (MLlib's default is 1e-4)
     */
    public TaskKMeans(int k, int maxIterations, double tolerance) {
        this(k, maxIterations, tolerance, DEFAULT_RESTARTS);
    }

    /**
     * @param k             maximum number of centers, at least 1
     * @param maxIterations maximum number of Lloyd iterations per run, at least 0 (MLlib's default is 20)
     * @param tolerance     convergence distance in clustering units, finite and at least 0 (MLlib's default is 1e-4)
     * @param restarts      runs (seeding plus iterations) per fit, the lowest cost kept; at least 1
     */
    public TaskKMeans(int k, int maxIterations, double tolerance, int restarts) {
        this(k, maxIterations, tolerance, restarts, Integer.MAX_VALUE);
    }

    /**
     * A kernel that runs its restarts on an evenly strided subsample of at most {@code sampleSize} points and refines
     * only the best of them on all points: seeding is completed on all points by D² sampling if the subsample had
     * fewer distinct points than {@code k}, then Lloyd iterations run on all points from the subsample's centers.
     *
     * @param k             maximum number of centers, at least 1
     * @param maxIterations maximum number of Lloyd iterations per run, at least 0 (MLlib's default is 20)
     * @param tolerance     convergence distance in clustering units, finite and at least 0 (MLlib's default is 1e-4)
     * @param restarts      runs (seeding plus iterations) per fit, the lowest cost kept; at least 1
     * @param sampleSize    points the restarts run on, at least {@code k}; inputs this small or smaller use all points
     */
    public TaskKMeans(int k, int maxIterations, double tolerance, int restarts, int sampleSize) {
        Points.checkSettings(k, maxIterations, restarts);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("Invalid tolerance: " + tolerance + " (must be finite and at least 0)");
        }
        this.k = k;
        this.maxIterations = maxIterations;
        this.tolerance = tolerance;
        if (sampleSize < k) {
            throw new IllegalArgumentException("Invalid sampleSize: " + sampleSize + " (must be at least k " + k + ")");
        }
        this.restarts = restarts;
        this.sampleSize = sampleSize;
        this.seedingTrials = 2 + (int) Math.log(k);
    }

    /**
     * Clusters {@code count} points into at most {@code k} centers.
     *
     * @param points     flat coordinates, point {@code p} at {@code p * dimensions}; only the first
     *                   {@code count * dimensions} values are read, so a larger reused buffer is fine
     * @param dimensions coordinates per point, at least 1
     * @param count      number of points, at least 1
     * @param seed       seed of the k-means++ sampling
     * @return the clustering of the lowest-cost run
     */
    public Clustering fit(double[] points, int dimensions, int count, long seed) {
        ones = StridedSubsample.ones(ones, count);
        return fit(points, ones, dimensions, count, seed);
    }

    /**
     * Clusters {@code count} weighted points (a still's color bins, each standing for {@code weights[p]} pixels):
     * the k-means objective on the pixels the bins count. Seeding draws with probability proportional to weight ×
     * squared distance, centers are weighted means, sizes and cost are summed by weight. With every weight 1 this is
     * {@link #fit(double[], int, int, long)} bit for bit.
     *
     * @param weights pixels per point, each at least 1; only the first {@code count} are read
     */
    public Clustering fit(double[] points, int[] weights, int dimensions, int count, long seed) {
        Points.check(points, dimensions, count);
        Points.checkWeights(weights, count);
        reserve(dimensions, count);
        SplittableRandom random = new SplittableRandom(seed);
        if (count <= sampleSize) {
            int chosen = bestRun(points, weights, dimensions, count, random);
            return Clustering.assign(points, weights, dimensions, count, bestCenters, chosen);
        }
        StridedSubsample.copy(points, weights, dimensions, count, sampleSize, subset, subsetWeights);
        int chosen = bestRun(subset, subsetWeights, dimensions, sampleSize, random);
        System.arraycopy(bestCenters, 0, centers, 0, chosen * dimensions);
        chosen = completeSeeding(points, weights, dimensions, count, chosen, random);
        iterate(points, weights, dimensions, count, chosen);
        return assignCurrent(points, weights, dimensions, count, chosen);
    }

    /**
     * Lloyd iterations on all {@code count} points starting from given centers instead of a seeding: the same
     * iterations and stopping rule as {@link #fit}, so the cost never rises above that of {@code start}. This is how
     * the pipeline refines a bisecting tree's leaves ({@link PaletteFitter}). Deterministic, no randomness.
     *
     * @param points     flat coordinates, as for {@link #fit}
     * @param dimensions coordinates per point, the same as {@code start}'s
     * @param count      number of points, at least 1
     * @param start      the centers to start from; at most {@code k} of them
     * @return the clustering of the converged centers, empty centers dropped
     */
    public Clustering refine(double[] points, int dimensions, int count, Clustering start) {
        ones = StridedSubsample.ones(ones, count);
        return refine(points, ones, dimensions, count, start);
    }

    /** {@link #refine(double[], int, int, Clustering)} of weighted points (see the weighted {@link #fit}). */
    public Clustering refine(double[] points, int[] weights, int dimensions, int count, Clustering start) {
        Points.check(points, dimensions, count);
        Points.checkWeights(weights, count);
        if (start.dimensions() != dimensions) {
            throw new IllegalArgumentException("Invalid start dimensions: " + start.dimensions() + " (must be "
                    + dimensions + ")");
        }
        if (start.count() > k) {
            throw new IllegalArgumentException("Invalid start: " + start.count() + " centers (must be at most k "
                    + k + ")");
        }
        reserve(dimensions, count);
        int centerCount = start.count();
        System.arraycopy(start.centers(), 0, centers, 0, centerCount * dimensions);
        iterate(points, weights, dimensions, count, centerCount);
        return assignCurrent(points, weights, dimensions, count, centerCount);
    }

    /** The lowest-cost of {@link #restarts} runs on {@code points}, into {@link #bestCenters}; returns its centers. */
    private int bestRun(double[] points, int[] weights, int dimensions, int count, SplittableRandom random) {
        double bestCost = 0;
        int bestChosen = 0;
        for (int r = 0; r < restarts; r++) {
            int chosen = seedCenters(points, weights, dimensions, count, random);
            iterate(points, weights, dimensions, count, chosen);
            double cost = cost(points, weights, dimensions, count, chosen);
            if (r == 0 || cost < bestCost) {
                bestCost = cost;
                bestChosen = chosen;
                System.arraycopy(centers, 0, bestCenters, 0, chosen * dimensions);
            }
            if (bestCost == 0) {
                break;
            }
        }
        return bestChosen;
    }

    /**
     * Adds centers to the first {@code chosen} {@link #centers} by D² sampling over all points until there are
     * {@code k} or every point coincides with a center (a subsample can miss colors that are rare in the frame);
     * returns the number of centers.
     */
    private int completeSeeding(double[] points, int[] weights, int dimensions, int count, int chosen,
            SplittableRandom random) {
        if (chosen >= k) {
            return chosen;
        }
        double total = 0;
        for (int p = 0; p < count; p++) {
            int nearest = nearest(points, p * dimensions, dimensions, chosen);
            double distance = Points.squaredDistance(points, p * dimensions, centers, nearest * dimensions,
                    dimensions);
            nearestDistances[p] = distance;
            nearestChosen[p] = nearest;
            total += weights[p] * distance;
        }
        while (chosen < k && total > 0) {
            int next = sample(weights, count, total, random);
            System.arraycopy(points, next * dimensions, centers, chosen * dimensions, dimensions);
            total = admit(points, weights, dimensions, count, next, chosen);
            chosen++;
        }
        return chosen;
    }

    /**
     * Lowers each point's squared distance to the nearest chosen center by the new center {@code index}, which becomes
     * chosen center number {@code chosen}; returns the new total.
     */
    private double admit(double[] points, int[] weights, int dimensions, int count, int index, int chosen) {
        limitsFor(points, dimensions, index, chosen);
        double total = 0;
        for (int p = 0; p < count; p++) {
            double nearestDistance = nearestDistances[p];
            if (nearestDistance >= prunable[nearestChosen[p]]) {
                double distance = Points.squaredDistance(points, p * dimensions, points, index * dimensions,
                        dimensions);
                if (distance < nearestDistance) {
                    nearestDistance = distance;
                    nearestDistances[p] = distance;
                    nearestChosen[p] = chosen;
                }
            }
            total += weights[p] * nearestDistance;
        }
        return total;
    }

    /**
     * Fills {@link #prunable} for the point {@code candidate} against the first {@code chosen} centers. A point at
     * squared distance d from its nearest chosen center m, with d below prunable[m] (a quarter of the candidate's
     * squared distance to m, less a relative margin far above rounding), is farther from the candidate than from m
     * by the triangle inequality, so the candidate cannot change its distance and the kernels skip it: the sums are
     * the ones the full loops would make, bit for bit.
     */
    private void limitsFor(double[] points, int dimensions, int candidate, int chosen) {
        for (int c = 0; c < chosen; c++) {
            prunable[c] = 0.25 * (1 - 1e-6)
                    * Points.squaredDistance(points, candidate * dimensions, centers, c * dimensions, dimensions);
        }
    }

    private void reserve(int dimensions, int count) {
        if (centers.length < k * dimensions) {
            centers = new double[k * dimensions];
            sums = new double[k * dimensions];
            bestCenters = new double[k * dimensions];
            previousCenters = new double[k * dimensions];
        }
        if (counts.length < k) {
            counts = new long[k];
        }
        if (nearestDistances.length < count) {
            nearestDistances = new double[count];
            nearestChosen = new int[count];
        }
        if (prunable.length < k) {
            prunable = new double[k];
        }
        if (count > sampleSize && subset.length < sampleSize * dimensions) {
            subset = new double[sampleSize * dimensions];
            subsetWeights = new int[sampleSize];
        }
    }

    /** Greedy k-means++ into {@link #centers}; returns the number of centers chosen. */
    private int seedCenters(double[] points, int[] weights, int dimensions, int count, SplittableRandom random) {
        int first = random.nextInt(count);
        System.arraycopy(points, first * dimensions, centers, 0, dimensions);
        double total = 0;
        for (int p = 0; p < count; p++) {
            double distance = Points.squaredDistance(points, p * dimensions, centers, 0, dimensions);
            nearestDistances[p] = distance;
            nearestChosen[p] = 0;
            total += weights[p] * distance;
        }
        int chosen = 1;
        while (chosen < k && total > 0) {
            int best = -1;
            double bestTotal = Double.POSITIVE_INFINITY;
            for (int trial = 0; trial < seedingTrials; trial++) {
                int candidate = sample(weights, count, total, random);
                double candidateTotal = totalWith(points, weights, dimensions, count, candidate, chosen);
                if (candidateTotal < bestTotal) {
                    bestTotal = candidateTotal;
                    best = candidate;
                }
            }
            System.arraycopy(points, best * dimensions, centers, chosen * dimensions, dimensions);
            total = admit(points, weights, dimensions, count, best, chosen);
            chosen++;
        }
        return chosen;
    }

    /** A point drawn with probability proportional to weight × squared distance to the nearest chosen center. */
    private int sample(int[] weights, int count, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double cumulative = 0;
        int lastPositive = -1;
        for (int p = 0; p < count; p++) {
            double distance = nearestDistances[p];
            if (distance > 0) {
                cumulative += weights[p] * distance;
                lastPositive = p;
                if (target < cumulative) {
                    return p;
                }
            }
        }
        // Rounding can leave target at the very end of the cumulative sum.
        return lastPositive;
    }

    /** The seeding cost if {@code candidate} were added to the first {@code chosen} centers. */
    private double totalWith(double[] points, int[] weights, int dimensions, int count, int candidate, int chosen) {
        limitsFor(points, dimensions, candidate, chosen);
        double total = 0;
        int candidateOffset = candidate * dimensions;
        for (int p = 0; p < count; p++) {
            double nearestDistance = nearestDistances[p];
            if (nearestDistance < prunable[nearestChosen[p]]) {
                total += weights[p] * nearestDistance;
            } else {
                double distance = Points.squaredDistance(points, p * dimensions, points, candidateOffset, dimensions);
                total += weights[p] * Math.min(distance, nearestDistance);
            }
        }
        return total;
    }

    /**
     * Lloyd iterations on the first {@code centerCount} {@link #centers}, in place. Colors (3-D) find their nearest
     * centers through {@link #nearestCenters}, whose bounds stay valid for the final centers, so {@link #cost} and
     * {@link #assignCurrent} right after need no full search.
     */
    private void iterate(double[] points, int[] weights, int dimensions, int count, int centerCount) {
        nearestCenters.reset();
        double squaredTolerance = tolerance * tolerance;
        int values = centerCount * dimensions;
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            Arrays.fill(sums, 0, values, 0.0);
            Arrays.fill(counts, 0, centerCount, 0L);
            if (dimensions == 3) {
                accumulate3(points, weights, count, nearestCenters.assign(points, count, centers, centerCount));
                System.arraycopy(centers, 0, previousCenters, 0, values);
            } else {
                accumulate(points, weights, dimensions, count, centerCount);
            }
            boolean converged = true;
            for (int c = 0; c < centerCount; c++) {
                if (counts[c] == 0) {
                    continue;
                }
                int offset = c * dimensions;
                double moved = 0;
                for (int j = 0; j < dimensions; j++) {
                    double mean = sums[offset + j] / counts[c];
                    double diff = mean - centers[offset + j];
                    moved += diff * diff;
                    centers[offset + j] = mean;
                }
                if (moved > squaredTolerance) {
                    converged = false;
                }
            }
            if (dimensions == 3) {
                nearestCenters.moved(previousCenters, centers, centerCount);
            }
            if (converged) {
                return;
            }
        }
    }

    /** Adds every point to {@link #sums} and {@link #counts} of its nearest center. */
    private void accumulate(double[] points, int[] weights, int dimensions, int count, int centerCount) {
        for (int p = 0; p < count; p++) {
            int offset = p * dimensions;
            int nearest = nearest(points, offset, dimensions, centerCount);
            int weight = weights[p];
            counts[nearest] += weight;
            int sumOffset = nearest * dimensions;
            for (int j = 0; j < dimensions; j++) {
                sums[sumOffset + j] += weight * points[offset + j];
            }
        }
    }

    /** {@link #accumulate} for colors whose nearest centers are known: the same sums in the same order. */
    private void accumulate3(double[] points, int[] weights, int count, int[] nearest) {
        for (int p = 0; p < count; p++) {
            int o = p * 3;
            int best = nearest[p];
            int weight = weights[p];
            counts[best] += weight;
            int sumOffset = best * 3;
            sums[sumOffset] += weight * points[o];
            sums[sumOffset + 1] += weight * points[o + 1];
            sums[sumOffset + 2] += weight * points[o + 2];
        }
    }

    /** The clustering of the first {@code centerCount} {@link #centers} right after {@link #iterate}. */
    private Clustering assignCurrent(double[] points, int[] weights, int dimensions, int count, int centerCount) {
        return dimensions == 3
                ? Clustering.fromNearest(points, weights, 3, count, centers, centerCount,
                        nearestCenters.assign(points, count, centers, centerCount))
                : Clustering.assign(points, weights, dimensions, count, centers, centerCount);
    }

    /** The cost of the first {@code centerCount} {@link #centers} right after {@link #iterate}. */
    private double cost(double[] points, int[] weights, int dimensions, int count, int centerCount) {
        int[] nearest = dimensions == 3 ? nearestCenters.assign(points, count, centers, centerCount) : null;
        double total = 0;
        for (int p = 0; p < count; p++) {
            int offset = p * dimensions;
            int center = nearest != null ? nearest[p] : nearest(points, offset, dimensions, centerCount);
            total += weights[p] * Points.squaredDistance(points, offset, centers, center * dimensions, dimensions);
        }
        return total;
    }

    private int nearest(double[] points, int offset, int dimensions, int centerCount) {
        int best = 0;
        double bestDistance = Points.squaredDistance(points, offset, centers, 0, dimensions);
        for (int c = 1; c < centerCount; c++) {
            double distance = Points.squaredDistance(points, offset, centers, c * dimensions, dimensions);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
