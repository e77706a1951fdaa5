package org.filmpalette.cluster;

/** Input and settings checks and the distance shared by the kernels: points are flat arrays, point {@code p} at {@code p * d}. */
final class Points {

    private Points() {}

    /** Rejects a null, short or non-finite point array, or a non-positive count or dimension. */
    static void check(double[] points, int dimensions, int count) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("Invalid dimensions: " + dimensions + " (must be at least 1)");
        }
        if (count < 1) {
            throw new IllegalArgumentException("Invalid count: " + count + " (must be at least 1 point)");
        }
        if (points == null) {
            throw new IllegalArgumentException("points must not be null");
        }
        long values = (long) count * dimensions;
        if (points.length < values) {
            throw new IllegalArgumentException("Invalid points length: " + points.length + " (must be at least count "
                    + count + " × dimensions " + dimensions + ")");
        }
        for (int i = 0; i < values; i++) {
            if (!Double.isFinite(points[i])) {
                throw new IllegalArgumentException("Invalid points[" + i + "]: " + points[i] + " (must be finite)");
            }
        }
    }

    /** Rejects weights that do not give each of {@code count} points a positive pixel count. */
    static void checkWeights(int[] weights, int count) {
        if (weights == null || weights.length < count) {
            throw new IllegalArgumentException("Invalid weights length: " + (weights == null ? "null" : weights.length)
                    + " (must be at least count " + count + ")");
        }
        for (int i = 0; i < count; i++) {
            if (weights[i] < 1) {
                throw new IllegalArgumentException("Invalid weights[" + i + "]: " + weights[i] + " (must be at least 1)");
            }
        }
    }

    /** Rejects a kernel's settings: k and restarts below 1, maxIterations below 0. */
    static void checkSettings(int k, int maxIterations, int restarts) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid k: " + k + " (must be at least 1)");
        }
        if (maxIterations < 0) {
            throw new IllegalArgumentException("Invalid maxIterations: " + maxIterations + " (must be at least 0)");
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("Invalid restarts: " + restarts + " (must be at least 1)");
        }
    }

    /** Squared Euclidean distance between {@code a[aOffset..+d)} and {@code b[bOffset..+d)}. */
    static double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int dimensions) {
        if (dimensions == 3) {
            // Colors are 3-D: the unrolled form is about twice as fast and sums in the same order as the loop.
            double d0 = a[aOffset] - b[bOffset];
            double d1 = a[aOffset + 1] - b[bOffset + 1];
            double d2 = a[aOffset + 2] - b[bOffset + 2];
            return d0 * d0 + d1 * d1 + d2 * d2;
        }
        double sum = 0;
        for (int j = 0; j < dimensions; j++) {
            double diff = a[aOffset + j] - b[bOffset + j];
            sum += diff * diff;
        }
        return sum;
    }
}
