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
     * {@code width × height}. Memory: the result plus 32 bytes per target pixel of accumulators.
     */
    static int[] resample(int[] argb, int sourceWidth, int sourceHeight, int width, int height) {
        if (sourceWidth < 1 || sourceHeight < 1 || argb.length != (long) sourceWidth * sourceHeight) {
            throw new IllegalArgumentException("Invalid source: " + sourceWidth + "x" + sourceHeight
                    + " with " + argb.length + " pixels");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Invalid target size: " + width + "x" + height);
        }
        // Per target pixel: sum of w·a, w·a·r, w·a·g, w·a·b. At most 255·255·sourceWidth·sourceHeight each.
        long[] sums = new long[4 * width * height];
        long[] row = new long[4 * width];
        for (int sy = 0; sy < sourceHeight; sy++) {
            sumRow(argb, sy * sourceWidth, sourceWidth, width, row);
            long rowStart = (long) sy * height;
            long rowEnd = rowStart + height;
            for (int ty = (int) (rowStart / sourceHeight); ty < height && (long) ty * sourceHeight < rowEnd; ty++) {
                long weight = overlap(rowStart, rowEnd, (long) ty * sourceHeight, (long) (ty + 1) * sourceHeight);
                int base = 4 * ty * width;
                for (int k = 0; k < row.length; k++) {
                    sums[base + k] += weight * row[k];
                }
            }
        }
        return unpremultiply(sums, width * height, (long) sourceWidth * sourceHeight);
    }

    /** Horizontal pass: the alpha-weighted channel sums of one source row per target column. */
    private static void sumRow(int[] argb, int offset, int sourceWidth, int width, long[] row) {
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
            long start = (long) sx * width;
            long end = start + width;
            for (int tx = (int) (start / sourceWidth); tx < width && (long) tx * sourceWidth < end; tx++) {
                long weight = overlap(start, end, (long) tx * sourceWidth, (long) (tx + 1) * sourceWidth);
                int k = 4 * tx;
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

    private static long overlap(long start, long end, long otherStart, long otherEnd) {
        return Math.max(0L, Math.min(end, otherEnd) - Math.max(start, otherStart));
    }

    /** {@code numerator / denominator} rounded half up, clamped to 0–255. */
    private static int roundedRatio(long numerator, long denominator) {
        long value = (2 * numerator + denominator) / (2 * denominator);
        return (int) Math.min(255L, value);
    }
}
