package org.filmpalette.cluster;

/**
 * The evenly strided subsample the kernels run their restarts on: every ⌊i · count / size⌋-th point with its
 * weight, into buffers the caller owns and reuses.
 */
final class StridedSubsample {

    private StridedSubsample() {}

    /**
     * Copies {@code size} of {@code count} points (and their weights) into {@code toPoints} and {@code toWeights},
     * which must hold {@code size * dimensions} and {@code size} values.
     */
    static void copy(double[] points, int[] weights, int dimensions, int count, int size, double[] toPoints,
            int[] toWeights) {
        for (int i = 0; i < size; i++) {
            int p = (int) ((long) i * count / size);
            System.arraycopy(points, p * dimensions, toPoints, i * dimensions, dimensions);
            toWeights[i] = weights[p];
        }
    }

    /** {@code count} weights of one, in a buffer grown only when too short. */
    static int[] ones(int[] buffer, int count) {
        if (buffer.length >= count) {
            return buffer;
        }
        int[] ones = new int[Math.max(count, buffer.length * 2)];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
