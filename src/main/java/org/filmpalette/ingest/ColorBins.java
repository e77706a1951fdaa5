package org.filmpalette.ingest;

import java.util.Arrays;
import java.util.Objects;

/**
 * The color histogram of a whole frame: every opaque pixel of the downscaled, letterbox-cropped raster counted in a
 * quantized sRGB bin, each occupied bin given as the rounded mean color of its pixels and its pixel count. This is
 * what the still kernels fit (weighted by the counts): the k-means objective over all pixels, on a few hundred to a
 * few thousand points.
 *
 * <p>Bins are cubes of {@code 256 >> bits} sRGB levels per channel. Counting starts at {@value #FINEST_BITS} bits
 * (8 levels, about 1–4 ΔE76) and drops a bit while more than {@code maxBins} bins are occupied, so {@code --sample}
 * caps the points a still's fit runs on. Bins are in ascending order of their cube, so the same pixels give the same
 * bins whatever decodes them. A pixel counts when its alpha is at least {@link PixelSampler#MIN_ALPHA}.
 *
 * @param rgb    each bin's mean color, packed {@code 0xRRGGBB}; owned by the record, not copied
 * @param counts each bin's pixels, at least 1, as long as {@code rgb}
 */
public record ColorBins(int[] rgb, int[] counts) {

    /** Bits per channel of the finest quantization. */
    public static final int FINEST_BITS = 5;
    /** Bits per channel of the coarsest quantization, used whatever the cap. */
    static final int COARSEST_BITS = 2;

    public ColorBins {
        Objects.requireNonNull(rgb, "rgb");
        Objects.requireNonNull(counts, "counts");
        if (rgb.length != counts.length) {
            throw new IllegalArgumentException("Invalid bins: " + rgb.length + " colors but " + counts.length
                    + " counts (must be as many)");
        }
    }

    /**
     * Counts the opaque pixels of {@code frame} into at most {@code maxBins} bins (fewer bits when needed), and writes
     * each pixel's bin index to {@code pixelBins} (-1 for a transparent pixel) when it is not null.
     */
    public static ColorBins of(DecodedFrame frame, int maxBins, int[] pixelBins) {
        if (maxBins < 1) {
            throw new IllegalArgumentException("Invalid maxBins: " + maxBins + " (must be at least 1)");
        }
        int[] argb = frame.argb();
        for (int bits = FINEST_BITS; ; bits--) {
            int shift = 8 - bits;
            int cubes = 1 << (3 * bits);
            int[] count = new int[cubes];
            int occupied = 0;
            for (int pixel : argb) {
                if (pixel >>> 24 >= PixelSampler.MIN_ALPHA && count[key(pixel, shift, bits)]++ == 0) {
                    occupied++;
                }
            }
            if (occupied <= maxBins || bits == COARSEST_BITS) {
                return collect(argb, count, occupied, shift, bits, pixelBins);
            }
        }
    }

    /** Pixels counted, all bins together. */
    public int pixels() {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    /** Number of occupied bins. */
    public int size() {
        return rgb.length;
    }

    private static ColorBins collect(int[] argb, int[] count, int occupied, int shift, int bits, int[] pixelBins) {
        int[] index = new int[count.length];
        int[] counts = new int[occupied];
        int next = 0;
        for (int cube = 0; cube < count.length; cube++) {
            if (count[cube] > 0) {
                counts[next] = count[cube];
                index[cube] = next++;
            }
        }
        long[] sums = new long[occupied * 3];
        for (int i = 0; i < argb.length; i++) {
            int pixel = argb[i];
            if (pixel >>> 24 < PixelSampler.MIN_ALPHA) {
                if (pixelBins != null) {
                    pixelBins[i] = -1;
                }
                continue;
            }
            int bin = index[key(pixel, shift, bits)];
            sums[bin * 3] += (pixel >> 16) & 0xFF;
            sums[bin * 3 + 1] += (pixel >> 8) & 0xFF;
            sums[bin * 3 + 2] += pixel & 0xFF;
            if (pixelBins != null) {
                pixelBins[i] = bin;
            }
        }
        int[] rgb = new int[occupied];
        for (int bin = 0; bin < occupied; bin++) {
            long half = counts[bin] / 2;
            rgb[bin] = (int) ((sums[bin * 3] + half) / counts[bin]) << 16
                    | (int) ((sums[bin * 3 + 1] + half) / counts[bin]) << 8
                    | (int) ((sums[bin * 3 + 2] + half) / counts[bin]);
        }
        return new ColorBins(rgb, counts);
    }

    private static int key(int pixel, int shift, int bits) {
        return ((pixel >> 16 & 0xFF) >> shift) << (2 * bits) | ((pixel >> 8 & 0xFF) >> shift) << bits
                | (pixel & 0xFF) >> shift;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ColorBins bins && Arrays.equals(rgb, bins.rgb) && Arrays.equals(counts, bins.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rgb) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ColorBins[" + rgb.length + " bins, " + pixels() + " pixels]";
    }
}
