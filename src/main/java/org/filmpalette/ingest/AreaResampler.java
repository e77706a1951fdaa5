package org.filmpalette.ingest;

import java.util.Arrays;

/**
 * Area-averaging (box filter) resampling of packed ARGB pixels: each target pixel is the average of the source area
 * it covers, partial source pixels weighted by their covered fraction. Colors are averaged weighted by alpha, so a
 * transparent pixel's (meaningless) color does not bleed into its neighbours.
 *
 * <p>Weights are exact integers: along an axis of {@code n} source and {@code m} target pixels, source pixel
 * {@code j} spans {@code [j·m, (j+1)·m)} and target pixel {@code i} spans {@code [i·n, (i+1)·n)} in units of
 * {@code 1/(n·m)}, and the weight is their overlap. Results round half up and are identical on every JVM.
 */
final class AreaResampler {

    private AreaResampler() {}

    /**
     * Resamples {@code argb} ({@code sourceWidth × sourceHeight}, row-major, {@code 0xAARRGGBB}) to
     * {@code width × height}. Memory: the result plus 32 bytes per target pixel of accumulators; none when the sizes
     * are equal, where area averaging is the identity and {@code argb} itself is returned.
     */
    static int[] resample(int[] argb, int sourceWidth, int sourceHeight, int width, int height) {
        if (sourceWidth < 1 || sourceHeight < 1 || argb.length != (long) sourceWidth * sourceHeight) {
            throw new IllegalArgumentException("Invalid source: " + sourceWidth + "x" + sourceHeight
                    + " with " + argb.length + " pixels");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Invalid target size: " + width + "x" + height);
        }
        if (width == sourceWidth && height == sourceHeight) {
            return argb;
        }
        Axis columns = new Axis(sourceWidth, width);
        Axis rows = new Axis(sourceHeight, height);
        // Per target pixel: sum of w·a, w·a·r, w·a·g, w·a·b. At most 255·255·sourceWidth·sourceHeight each.
        long[] sums = new long[4 * width * height];
        long[] row = new long[4 * width];
        for (int sy = 0; sy < sourceHeight; sy++) {
            sumRow(argb, sy * sourceWidth, sourceWidth, columns, row);
            for (int i = rows.first[sy]; i < rows.first[sy + 1]; i++) {
                long weight = rows.weight[i];
                int base = 4 * rows.target[i] * width;
                for (int k = 0; k < row.length; k++) {
                    sums[base + k] += weight * row[k];
                }
            }
        }
        return unpremultiply(sums, width * height, (long) sourceWidth * sourceHeight);
    }

    /** Horizontal pass: the alpha-weighted channel sums of one source row per target column. */
    private static void sumRow(int[] argb, int offset, int sourceWidth, Axis columns, long[] row) {
        Arrays.fill(row, 0L);
        for (int sx = 0; sx < sourceWidth; sx++) {
            int pixel = argb[offset + sx];
            int a = pixel >>> 24;
            if (a == 0) {
                continue;
            }
            long ar = (long) a * ((pixel >>> 16) & 0xFF);
            long ag = (long) a * ((pixel >>> 8) & 0xFF);
            long ab = (long) a * (pixel & 0xFF);
            for (int i = columns.first[sx]; i < columns.first[sx + 1]; i++) {
                long weight = columns.weight[i];
                int k = 4 * columns.target[i];
                row[k] += weight * a;
                row[k + 1] += weight * ar;
                row[k + 2] += weight * ag;
                row[k + 3] += weight * ab;
            }
        }
    }

    private static int[] unpremultiply(long[] sums, int pixels, long totalWeight) {
        int[] out = new int[pixels];
        for (int p = 0; p < pixels; p++) {
            long alphaSum = sums[4 * p];
            if (alphaSum == 0) {
                continue;
            }
            int a = roundedRatio(alphaSum, totalWeight);
            int r = roundedRatio(sums[4 * p + 1], alphaSum);
            int g = roundedRatio(sums[4 * p + 2], alphaSum);
            int b = roundedRatio(sums[4 * p + 3], alphaSum);
            out[p] = a << 24 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /**
     * The overlaps along one axis of {@code n} source and {@code m} target pixels: source pixel {@code j} overlaps
     * targets {@code target[first[j]..first[j+1])} by {@code weight[…]} units of {@code 1/(n·m)}.
     */
    private static final class Axis {
        final int[] first;
        final int[] target;
        final long[] weight;

        Axis(int n, int m) {
            first = new int[n + 1];
            int[] targets = new int[n + m];
            long[] weights = new long[n + m];
            int count = 0;
            for (int j = 0; j < n; j++) {
                first[j] = count;
                long start = (long) j * m;
                long end = start + m;
                for (int i = (int) (start / n); i < m && (long) i * n < end; i++) {
                    long overlap = overlap(start, end, (long) i * n, (long) (i + 1) * n);
                    if (overlap > 0) {
                        targets[count] = i;
                        weights[count++] = overlap;
                    }
                }
            }
            first[n] = count;
            target = targets;
            weight = weights;
        }
    }

    private static long overlap(long start, long end, long otherStart, long otherEnd) {
        return Math.max(0L, Math.min(end, otherEnd) - Math.max(start, otherStart));
    }

    /**
     * {@code numerator / denominator} rounded half up, clamped to 0–255. Both are below 2^53, and a quotient's
     * distance to the next integer is at least {@code 1/(2·denominator)}, far above a double's rounding error at
     * 255, so the floating-point floor is the exact one and cheaper than a 64-bit division.
     */
    private static int roundedRatio(long numerator, long denominator) {
        double value = Math.floor((2.0 * numerator + denominator) / (2.0 * denominator));
        return (int) Math.min(255.0, value);
    }
}
