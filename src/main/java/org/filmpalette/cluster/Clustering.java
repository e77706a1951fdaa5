package org.filmpalette.cluster;

import java.util.Arrays;

/**
 * The result of clustering points: the centers, how many points are nearest to each, and the total cost.
 *
 * <p>{@code centers} is flat, {@code count() * dimensions} long, center {@code i} at offset {@code i * dimensions}.
 * {@code sizes[i]} is the number of input points whose nearest center is {@code i} (ties go to the lower index), and
 * every center has at least one point. {@code cost} is the sum over all points of the squared Euclidean distance to
 * the nearest center, the same definition as MLlib's training cost. The arrays are owned by the record and are not
 * copied by the accessors (kernels read them in loops): treat them as read-only.
 *
 * @param dimensions coordinates per point and per center, at least 1
 * @param centers    flat center coordinates
 * @param sizes      points per center, each at least 1; at least one center
 * @param cost       sum of squared distances of the points to their nearest center, in squared clustering units
 */
public record Clustering(int dimensions, double[] centers, long[] sizes, double cost) {

    public Clustering {
        if (dimensions < 1) {
            throw new IllegalArgumentException("Invalid dimensions: " + dimensions + " (must be at least 1)");
        }
        if (centers == null || sizes == null) {
            throw new IllegalArgumentException("centers and sizes must not be null");
        }
        if (centers.length != (long) sizes.length * dimensions) {
            throw new IllegalArgumentException("Invalid centers length: " + centers.length + " (must be sizes.length "
                    + sizes.length + " × dimensions " + dimensions + ")");
        }
        if (sizes.length == 0) {
            throw new IllegalArgumentException("A clustering needs at least one center");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("Invalid sizes[" + i + "]: " + sizes[i] + " (must be at least 1)");
            }
        }
        if (!(cost >= 0)) {
            throw new IllegalArgumentException("Invalid cost: " + cost + " (must be a non-negative number)");
        }
    }

    /**
     * Assigns each of {@code count} points to its nearest center (ties to the lower index) and returns the clustering
     * of the centers that received at least one point, in their original order. This is how both kernels report their
     * result, and how a set of centers fitted elsewhere (an MLlib model) is summarized with the same definitions.
     *
     * @param points     flat point coordinates; only the first {@code count * dimensions} values are read
     * @param dimensions coordinates per point
     * @param count      number of points, at least 1
     * @param centers    flat center coordinates, a non-empty multiple of {@code dimensions} long
     */
    public static Clustering assign(double[] points, int dimensions, int count, double[] centers) {
        Points.check(points, dimensions, count);
        if (centers == null || centers.length == 0 || centers.length % dimensions != 0) {
            throw new IllegalArgumentException("Invalid centers length: "
                    + (centers == null ? "null" : centers.length) + " (must be a positive multiple of dimensions "
                    + dimensions + ")");
        }
        return assign(points, null, dimensions, count, centers, centers.length / dimensions);
    }

    /**
     * {@link #assign(double[], int, int, double[])} of weighted points: each point {@code p} stands for
     * {@code weights[p]} pixels (at least 1), so sizes are summed weights and the cost is weighted.
     */
    public static Clustering assign(double[] points, int[] weights, int dimensions, int count, double[] centers) {
        Points.check(points, dimensions, count);
        Points.checkWeights(weights, count);
        if (centers == null || centers.length == 0 || centers.length % dimensions != 0) {
            throw new IllegalArgumentException("Invalid centers length: "
                    + (centers == null ? "null" : centers.length) + " (must be a positive multiple of dimensions "
                    + dimensions + ")");
        }
        return assign(points, weights, dimensions, count, centers, centers.length / dimensions);
    }

    /**
     * {@link #assign(double[], int[], int, int, double[])} over the first {@code centerCount} centers, unchecked;
     * null {@code weights} weigh every point one.
     */
    static Clustering assign(double[] points, int[] weights, int dimensions, int count, double[] centers,
            int centerCount) {
        long[] counts = new long[centerCount];
        double cost = 0;
        for (int p = 0; p < count; p++) {
            int offset = p * dimensions;
            int best = 0;
            double bestDistance = Points.squaredDistance(points, offset, centers, 0, dimensions);
            for (int c = 1; c < centerCount; c++) {
                double distance = Points.squaredDistance(points, offset, centers, c * dimensions, dimensions);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            int weight = weights == null ? 1 : weights[p];
            counts[best] += weight;
            cost += weight * bestDistance;
        }
        return keepNonEmpty(dimensions, centers, centerCount, counts, cost);
    }

    /**
     * The clustering of the first {@code centerCount} centers given each point's nearest center, as {@link #assign}
     * would report it (the same sums in the same order, so bit-identical when {@code nearest} is what it finds).
     */
    static Clustering fromNearest(double[] points, int[] weights, int dimensions, int count, double[] centers,
            int centerCount, int[] nearest) {
        long[] counts = new long[centerCount];
        double cost = 0;
        for (int p = 0; p < count; p++) {
            int center = nearest[p];
            int weight = weights[p];
            counts[center] += weight;
            cost += weight * Points.squaredDistance(points, p * dimensions, centers, center * dimensions, dimensions);
        }
        return keepNonEmpty(dimensions, centers, centerCount, counts, cost);
    }

    private static Clustering keepNonEmpty(int dimensions, double[] centers, int centerCount, long[] counts,
            double cost) {
        int kept = 0;
        for (long size : counts) {
            if (size > 0) {
                kept++;
            }
        }
        double[] keptCenters = new double[kept * dimensions];
        long[] keptSizes = new long[kept];
        int next = 0;
        for (int c = 0; c < centerCount; c++) {
            if (counts[c] > 0) {
                System.arraycopy(centers, c * dimensions, keptCenters, next * dimensions, dimensions);
                keptSizes[next++] = counts[c];
            }
        }
        return new Clustering(dimensions, keptCenters, keptSizes, cost);
    }

    /** Number of centers, at least 1. */
    public int count() {
        return sizes.length;
    }

    /** A copy of center {@code i}'s coordinates. */
    public double[] center(int i) {
        if (i < 0 || i >= count()) {
            throw new IndexOutOfBoundsException("Invalid center index: " + i + " (must be in [0, " + count() + "))");
        }
        return Arrays.copyOfRange(centers, i * dimensions, (i + 1) * dimensions);
    }

    /** Index of the center nearest to the point at {@code offset} in {@code points} (ties to the lower index). */
    public int nearest(double[] points, int offset) {
        if (offset < 0 || offset + dimensions > points.length) {
            throw new IndexOutOfBoundsException("Invalid offset: " + offset + " (a point of " + dimensions
                    + " values does not fit in " + points.length + ")");
        }
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < count(); c++) {
            double distance = Points.squaredDistance(points, offset, centers, c * dimensions, dimensions);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Clustering that
                && dimensions == that.dimensions
                && Double.compare(cost, that.cost) == 0
                && Arrays.equals(centers, that.centers)
                && Arrays.equals(sizes, that.sizes);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * dimensions + Arrays.hashCode(centers)) + Arrays.hashCode(sizes))
                + Double.hashCode(cost);
    }

    @Override
    public String toString() {
        return "Clustering[dimensions=" + dimensions + ", centers=" + Arrays.toString(centers)
                + ", sizes=" + Arrays.toString(sizes) + ", cost=" + cost + "]";
    }
}
