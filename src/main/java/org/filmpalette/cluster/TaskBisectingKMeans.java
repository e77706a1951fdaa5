package org.filmpalette.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Bisecting k-means for one still's pixels inside a Spark task, the algorithm of MLlib's {@code BisectingKMeans}
 * (Steinbach, Karypis and Kumar, as modified by Spark) without a Spark job per fit, run several times keeping the
 * lowest cost.
 *
 * <p>All points start in one cluster. Level by level, every divisible leaf of the bottom level (at least one point
 * and cost above machine epsilon × size, MLlib's {@code minDivisibleClusterSize} 1) is split in two; if that would
 * give more than {@code k} leaves, only the largest clusters by size are split (ties to the older cluster). A split
 * starts from the cluster center ± {@code 1e-4 · ‖center‖ · noise}, with noise uniform in [0, 1) per coordinate as
 * MLlib's {@code splitCenter}, and runs 2-means Lloyd iterations on the cluster's own points for
 * {@code maxIterations} (stopping early only once the two centers no longer change, which leaves the result the
 * same). Points tied between the two children go left, as in MLlib. Each child's center is the mean of the points it
 * finally received. Leaves that are not split at a level are never split later, as in MLlib.
 *
 * <p>Deviations, for inputs where MLlib would split a cluster into an empty half: a cluster centered exactly at the
 * origin scales its noise by its RMS radius instead of the zero norm, and a split that leaves one child empty is
 * undone (the cluster stays a leaf and does not count toward {@code k}). Cluster costs are sums of squared distances
 * to the mean rather than MLlib's {@code Σ‖x‖² − n‖mean‖²}, so clusters of identical points are never divisible.
 *
 * <p>Why restarts: which tree a run builds depends on the split noise, and an early split in the wrong place cannot
 * be undone. Measured on 64 synthetic frames (4096 points, k = 8, 6 seeds each), MLlib's own cost changed by more
 * than 2 % between two seeds in 7 of 64 frames (up to 1.95×), one run of this kernel exceeded MLlib's cost by more
 * than 2 % in 78 of 384 (frame, seed) pairs (up to 4.1×), and the best of {@value #DEFAULT_RESTARTS} runs in none
 * (worst at most 1.004; a run costs about half a {@link TaskKMeans} run). Runs draw from one random stream in turn,
 * so more restarts never give a higher cost for the same seed, and a run with zero cost ends the fit. The pipeline
 * ({@link PaletteFitter#bisectingKernel}) runs its restarts on a strided subsample and rebuilds only the best tree on
 * all points, at the same parity with MLlib (MllibParityTest).
 *
 * <p>The result reports the leaf centers of the lowest-cost run in depth-first (left child first) order, as MLlib
 * numbers its leaves, with sizes and cost by nearest leaf center, empty leaves dropped. Randomness comes only from a
 * {@link SplittableRandom} seeded with the {@code seed} argument, drawn in cluster order: the same input and seed
 * give a bit-identical result. The loops allocate nothing; the instance keeps its scratch buffers between fits, so
 * <b>an instance is not thread-safe</b>: use one per task thread.
 */
public final class TaskBisectingKMeans {

    /** Runs per fit used by the two-argument constructor. */
    public static final int DEFAULT_RESTARTS = 20;

    /** MLlib's {@code MLUtils.EPSILON}: the machine epsilon of double. */
    private static final double EPSILON = Math.ulp(1.0);
    private static final double NOISE_LEVEL = 1e-4;

    private final int k;
    private final int maxIterations;
    private final int restarts;
    private final int sampleSize;

    // Every node owns the contiguous range [start, end) of `order`, a permutation of the point indices.
    private int[] order = new int[0];
    private final int[] start;
    private final int[] end;
    private final int[] leftChild;
    private final double[] nodeCosts;
    // Pixels under each node: the sum of its points' weights, what "largest" and "divisible" are measured in.
    private final long[] nodeWeights;
    // The weights of the points the current tree is built on.
    private int[] weights = new int[0];
    private int[] ones = new int[0];
    private int[] subsetWeights = new int[0];
    private double[] nodeCenters = new double[0];
    private int nodeCount;

    private int[] active;
    private int[] nextActive;
    private final int[] divisible;
    private final int[] stack;
    private double[] leafCenters = new double[0];
    private double[] bestLeafCenters = new double[0];
    private double[] halves = new double[0];
    private double[] halfSums = new double[0];
    private double[] subset = new double[0];
    // The two centers each node's split converged to, recorded on the subsample and replayed on all points.
    private double[] splitHalves = new double[0];
    private double[] bestSplitHalves = new double[0];
    private final boolean[] splitRecorded;
    private final boolean[] bestSplitRecorded;
    private boolean replaying;

    /**
     * A kernel running {@value #DEFAULT_RESTARTS} bisections per fit.
     *
     * @param k             maximum number of leaf clusters, at least 1
     * @param maxIterations 2-means iterations per split, at least 0 (MLlib's default is 20)
     */
    public TaskBisectingKMeans(int k, int maxIterations) {
        this(k, maxIterations, DEFAULT_RESTARTS);
    }

    /**
     * @param k             maximum number of leaf clusters, at least 1
     * @param maxIterations 2-means iterations per split, at least 0 (MLlib's default is 20)
     * @param restarts      complete bisections per fit, the lowest cost kept; at least 1
     */
    public TaskBisectingKMeans(int k, int maxIterations, int restarts) {
        this(k, maxIterations, restarts, Integer.MAX_VALUE);
    }

    /**
     * A kernel that runs its restarts on an evenly strided subsample of at most {@code sampleSize} points and rebuilds
     * only the best tree on all points: each split of that rebuild starts its 2-means from the two centers the same
     * node's split converged to on the subsample (from noise, as usual, for a node the subsample did not split).
     *
     * @param k             maximum number of leaf clusters, at least 1
     * @param maxIterations 2-means iterations per split, at least 0 (MLlib's default is 20)
     * @param restarts      complete bisections per fit, the lowest cost kept; at least 1
     * @param sampleSize    points the restarts run on, at least {@code k}; inputs this small or smaller use all points
     */
    public TaskBisectingKMeans(int k, int maxIterations, int restarts, int sampleSize) {
        Points.checkSettings(k, maxIterations, restarts);
        this.k = k;
        this.maxIterations = maxIterations;
        if (sampleSize < k) {
            throw new IllegalArgumentException("Invalid sampleSize: " + sampleSize + " (must be at least k " + k + ")");
        }
        this.restarts = restarts;
        this.sampleSize = sampleSize;
        int nodes = 2 * k - 1;
        this.splitRecorded = new boolean[nodes];
        this.bestSplitRecorded = new boolean[nodes];
        this.start = new int[nodes];
        this.end = new int[nodes];
        this.leftChild = new int[nodes];
        this.nodeCosts = new double[nodes];
        this.nodeWeights = new long[nodes];
        this.active = new int[k];
        this.nextActive = new int[k];
        this.divisible = new int[k];
        this.stack = new int[nodes];
    }

    /**
     * Clusters {@code count} points into at most {@code k} leaf clusters.
     *
     * @param points     flat coordinates, point {@code p} at {@code p * dimensions}; only the first
     *                   {@code count * dimensions} values are read, so a larger reused buffer is fine
     * @param dimensions coordinates per point, at least 1
     * @param count      number of points, at least 1
     * @param seed       seed of the split noise
     * @return the clustering of the lowest-cost run
     */
    public Clustering fit(double[] points, int dimensions, int count, long seed) {
        ones = StridedSubsample.ones(ones, count);
        return fit(points, ones, dimensions, count, seed);
    }

    /**
     * Clusters {@code count} weighted points (a still's color bins, each standing for {@code weights[p]} pixels), as
     * MLlib's {@code BisectingKMeans} with a {@code weightCol}: node centers are weighted means, costs weighted sums,
     * and the largest and divisible nodes are measured in summed weight. With every weight 1 this is
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
            int leaves = bestRun(points, weights, dimensions, count, random);
            return Clustering.assign(points, weights, dimensions, count, bestLeafCenters, leaves);
        }
        StridedSubsample.copy(points, weights, dimensions, count, sampleSize, subset, subsetWeights);
        bestRun(subset, subsetWeights, dimensions, sampleSize, random);
        replaying = true;
        try {
            int leaves = bisect(points, weights, dimensions, count, random);
            return Clustering.assign(points, weights, dimensions, count, leafCenters, leaves);
        } finally {
            replaying = false;
        }
    }

    /** The lowest-cost of {@link #restarts} bisections into {@link #bestLeafCenters}; returns its leaf count. */
    private int bestRun(double[] points, int[] weights, int dimensions, int count, SplittableRandom random) {
        double bestCost = 0;
        int bestLeaves = 0;
        for (int r = 0; r < restarts; r++) {
            int leaves = bisect(points, weights, dimensions, count, random);
            double cost = 0;
            for (int p = 0; p < count; p++) {
                int offset = p * dimensions;
                double nearest = Double.POSITIVE_INFINITY;
                for (int c = 0; c < leaves; c++) {
                    nearest = Math.min(nearest,
                            Points.squaredDistance(points, offset, leafCenters, c * dimensions, dimensions));
                }
                cost += weights[p] * nearest;
            }
            if (r == 0 || cost < bestCost) {
                bestCost = cost;
                bestLeaves = leaves;
                System.arraycopy(leafCenters, 0, bestLeafCenters, 0, leaves * dimensions);
                System.arraycopy(splitHalves, 0, bestSplitHalves, 0, splitHalves.length);
                System.arraycopy(splitRecorded, 0, bestSplitRecorded, 0, splitRecorded.length);
            }
            if (bestCost == 0) {
                break;
            }
        }
        return bestLeaves;
    }

    /** Builds one bisecting tree and copies its leaf centers to {@link #leafCenters}; returns how many leaves. */
    private int bisect(double[] points, int[] weights, int dimensions, int count, SplittableRandom random) {
        this.weights = weights;
        for (int p = 0; p < count; p++) {
            order[p] = p;
        }
        nodeCount = 0;
        Arrays.fill(splitRecorded, false);
        int root = addNode(points, dimensions, 0, count);
        active[0] = root;
        int activeCount = 1;
        int needed = k - 1;
        while (activeCount > 0 && needed > 0) {
            int divisibleCount = chooseDivisible(activeCount, needed);
            if (divisibleCount == 0) {
                break;
            }
            int nextCount = 0;
            for (int i = 0; i < divisibleCount; i++) {
                int node = divisible[i];
                if (split(points, dimensions, node, random)) {
                    nextActive[nextCount++] = leftChild[node];
                    nextActive[nextCount++] = leftChild[node] + 1;
                    needed--;
                }
            }
            int[] swap = active;
            active = nextActive;
            nextActive = swap;
            activeCount = nextCount;
        }
        return collectLeaves(dimensions);
    }

    private void reserve(int dimensions, int count) {
        if (order.length < count) {
            order = new int[count];
        }
        int nodes = 2 * k - 1;
        if (nodeCenters.length < nodes * dimensions) {
            nodeCenters = new double[nodes * dimensions];
            leafCenters = new double[k * dimensions];
            bestLeafCenters = new double[k * dimensions];
            halves = new double[2 * dimensions];
            halfSums = new double[2 * dimensions];
            splitHalves = new double[nodes * 2 * dimensions];
            bestSplitHalves = new double[nodes * 2 * dimensions];
        }
        if (count > sampleSize && subset.length < sampleSize * dimensions) {
            subset = new double[sampleSize * dimensions];
            subsetWeights = new int[sampleSize];
        }
    }

    /**
     * Fills {@link #divisible} with the divisible active nodes, at most {@code needed} of them (the largest, ties to
     * the lower node), in node order; returns how many.
     */
    private int chooseDivisible(int activeCount, int needed) {
        int count = 0;
        for (int i = 0; i < activeCount; i++) {
            int node = active[i];
            long size = nodeWeights[node];
            if (size >= 1 && nodeCosts[node] > EPSILON * size) {
                divisible[count++] = node;
            }
        }
        if (count > needed) {
            sort(count, true);
            count = needed;
            sort(count, false);
        }
        return count;
    }

    /** Insertion sort of the first {@code count} divisible nodes: by size descending then node, or by node only. */
    private void sort(int count, boolean bySize) {
        for (int i = 1; i < count; i++) {
            int node = divisible[i];
            int j = i - 1;
            while (j >= 0 && before(node, divisible[j], bySize)) {
                divisible[j + 1] = divisible[j];
                j--;
            }
            divisible[j + 1] = node;
        }
    }

    private boolean before(int a, int b, boolean bySize) {
        if (bySize) {
            long sizeA = nodeWeights[a];
            long sizeB = nodeWeights[b];
            if (sizeA != sizeB) {
                return sizeA > sizeB;
            }
        }
        return a < b;
    }

    /** Adds a leaf node owning {@code order[from, to)}, with its mean as center and its cost; returns its index. */
    private int addNode(double[] points, int dimensions, int from, int to) {
        int node = nodeCount++;
        start[node] = from;
        end[node] = to;
        leftChild[node] = -1;
        int offset = node * dimensions;
        for (int j = 0; j < dimensions; j++) {
            nodeCenters[offset + j] = 0;
        }
        long size = 0;
        for (int q = from; q < to; q++) {
            int pointOffset = order[q] * dimensions;
            int weight = weights[order[q]];
            size += weight;
            for (int j = 0; j < dimensions; j++) {
                nodeCenters[offset + j] += weight * points[pointOffset + j];
            }
        }
        for (int j = 0; j < dimensions; j++) {
            nodeCenters[offset + j] /= size;
        }
        double cost = 0;
        for (int q = from; q < to; q++) {
            cost += weights[order[q]]
                    * Points.squaredDistance(points, order[q] * dimensions, nodeCenters, offset, dimensions);
        }
        nodeCosts[node] = cost;
        nodeWeights[node] = size;
        return node;
    }

    /**
     * Bisects {@code node} with 2-means from its center ± noise and adds its two children; returns false, leaving the
     * node a leaf, if one child would be empty.
     */
    private boolean split(double[] points, int dimensions, int node, SplittableRandom random) {
        int offset = node * dimensions;
        int from = start[node];
        int to = end[node];
        int recorded = node * 2 * dimensions;
        if (replaying && bestSplitRecorded[node]) {
            System.arraycopy(bestSplitHalves, recorded, halves, 0, 2 * dimensions);
        } else {
            double norm = Math.sqrt(squaredNorm(nodeCenters, offset, dimensions));
            double level = NOISE_LEVEL * norm;
            if (level == 0) {
                level = NOISE_LEVEL * Math.sqrt(nodeCosts[node] / nodeWeights[node]);
            }
            for (int j = 0; j < dimensions; j++) {
                double noise = level * random.nextDouble();
                halves[j] = nodeCenters[offset + j] - noise;
                halves[dimensions + j] = nodeCenters[offset + j] + noise;
            }
        }
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            if (!lloydStep(points, dimensions, from, to)) {
                break;
            }
        }
        System.arraycopy(halves, 0, splitHalves, recorded, 2 * dimensions);
        splitRecorded[node] = true;
        int middle = partition(points, dimensions, from, to);
        if (middle == from || middle == to) {
            return false;
        }
        int left = addNode(points, dimensions, from, middle);
        addNode(points, dimensions, middle, to);
        leftChild[node] = left;
        return true;
    }

    private static double squaredNorm(double[] values, int offset, int dimensions) {
        double sum = 0;
        for (int j = 0; j < dimensions; j++) {
            sum += values[offset + j] * values[offset + j];
        }
        return sum;
    }

    /** One 2-means step on {@code order[from, to)} updating {@link #halves}; returns whether a center changed. */
    private boolean lloydStep(double[] points, int dimensions, int from, int to) {
        if (dimensions == 3) {
            return lloydStep3(points, from, to);
        }
        for (int j = 0; j < 2 * dimensions; j++) {
            halfSums[j] = 0;
        }
        long leftCount = 0;
        long rightCount = 0;
        for (int q = from; q < to; q++) {
            int pointOffset = order[q] * dimensions;
            int weight = weights[order[q]];
            int sumOffset;
            if (goesLeft(points, pointOffset, dimensions)) {
                leftCount += weight;
                sumOffset = 0;
            } else {
                rightCount += weight;
                sumOffset = dimensions;
            }
            for (int j = 0; j < dimensions; j++) {
                halfSums[sumOffset + j] += weight * points[pointOffset + j];
            }
        }
        boolean changed = false;
        for (int j = 0; j < dimensions; j++) {
            if (leftCount > 0) {
                double mean = halfSums[j] / leftCount;
                changed |= mean != halves[j];
                halves[j] = mean;
            }
            if (rightCount > 0) {
                double mean = halfSums[dimensions + j] / rightCount;
                changed |= mean != halves[dimensions + j];
                halves[dimensions + j] = mean;
            }
        }
        return changed;
    }

    /**
     * {@link #lloydStep} for colors, with both centers and the sums in locals: the hot loop of a split. It adds and
     * compares in the same order as the general form, so the result is bit-identical.
     */
    private boolean lloydStep3(double[] points, int from, int to) {
        double l0 = halves[0];
        double l1 = halves[1];
        double l2 = halves[2];
        double r0 = halves[3];
        double r1 = halves[4];
        double r2 = halves[5];
        double sl0 = 0;
        double sl1 = 0;
        double sl2 = 0;
        double sr0 = 0;
        double sr1 = 0;
        double sr2 = 0;
        long leftCount = 0;
        long rightCount = 0;
        for (int q = from; q < to; q++) {
            int o = order[q] * 3;
            int weight = weights[order[q]];
            double x0 = points[o];
            double x1 = points[o + 1];
            double x2 = points[o + 2];
            double a0 = x0 - l0;
            double a1 = x1 - l1;
            double a2 = x2 - l2;
            double b0 = x0 - r0;
            double b1 = x1 - r1;
            double b2 = x2 - r2;
            if (a0 * a0 + a1 * a1 + a2 * a2 <= b0 * b0 + b1 * b1 + b2 * b2) {
                leftCount += weight;
                sl0 += weight * x0;
                sl1 += weight * x1;
                sl2 += weight * x2;
            } else {
                rightCount += weight;
                sr0 += weight * x0;
                sr1 += weight * x1;
                sr2 += weight * x2;
            }
        }
        boolean changed = false;
        if (leftCount > 0) {
            double m0 = sl0 / leftCount;
            double m1 = sl1 / leftCount;
            double m2 = sl2 / leftCount;
            changed = m0 != l0 || m1 != l1 || m2 != l2;
            halves[0] = m0;
            halves[1] = m1;
            halves[2] = m2;
        }
        if (rightCount > 0) {
            double m0 = sr0 / rightCount;
            double m1 = sr1 / rightCount;
            double m2 = sr2 / rightCount;
            changed |= m0 != r0 || m1 != r1 || m2 != r2;
            halves[3] = m0;
            halves[4] = m1;
            halves[5] = m2;
        }
        return changed;
    }

    private boolean goesLeft(double[] points, int pointOffset, int dimensions) {
        double left = Points.squaredDistance(points, pointOffset, halves, 0, dimensions);
        double right = Points.squaredDistance(points, pointOffset, halves, dimensions, dimensions);
        return left <= right;
    }

    /** Reorders {@code order[from, to)} so points nearer the left half come first; returns where the right begins. */
    private int partition(double[] points, int dimensions, int from, int to) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (goesLeft(points, order[i] * dimensions, dimensions)) {
                i++;
            } else {
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
                j--;
            }
        }
        return i;
    }

    /** Copies the leaf centers into {@link #leafCenters} in depth-first, left-first order; returns how many. */
    private int collectLeaves(int dimensions) {
        int leaves = 0;
        int top = 0;
        stack[top++] = 0;
        while (top > 0) {
            int node = stack[--top];
            if (leftChild[node] < 0) {
                System.arraycopy(nodeCenters, node * dimensions, leafCenters, leaves * dimensions, dimensions);
                leaves++;
            } else {
                stack[top++] = leftChild[node] + 1;
                stack[top++] = leftChild[node];
            }
        }
        return leaves;
    }
}
