package org.filmpalette.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Picks the pixels of a frame that clustering sees: up to {@code sampleSize} opaque pixels, chosen uniformly
 * without replacement and deterministically from a per-frame seed ({@link #frameSeed}).
 *
 * <p>A pixel counts when its alpha is at least {@value #MIN_ALPHA} (50 %): transparent pixels are skipped,
 * semi-transparent ones count with their own color. Instances are immutable and thread-safe.
 */
public final class PixelSampler {

    /** The smallest alpha (0–255) of a pixel that is sampled. */
    public static final int MIN_ALPHA = 128;

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final int sampleSize;

    /** A sampler returning at most {@code sampleSize} pixels per frame. */
    public PixelSampler(int sampleSize) {
        if (sampleSize < 1) {
            throw new IllegalArgumentException("Invalid sampleSize: " + sampleSize + " (must be at least 1)");
        }
        this.sampleSize = sampleSize;
    }

    /** The most pixels one frame yields. */
    public int sampleSize() {
        return sampleSize;
    }

    /**
     * The sampled pixels as packed sRGB {@code 0xRRGGBB} (alpha stripped), in ascending raster order: all opaque
     * pixels when there are at most {@code sampleSize} of them, otherwise a uniform sample without replacement
     * (partial Fisher–Yates driven by {@link SplittableRandom}{@code (seed)}). Empty when no pixel is opaque.
     */
    public int[] sample(DecodedFrame frame, long seed) {
        int[] argb = Objects.requireNonNull(frame, "frame").argb();
        int opaque = 0;
        for (int pixel : argb) {
            if (pixel >>> 24 >= MIN_ALPHA) {
                opaque++;
            }
        }
        int[] indices = new int[opaque];
        int next = 0;
        for (int i = 0; i < argb.length; i++) {
            if (argb[i] >>> 24 >= MIN_ALPHA) {
                indices[next++] = i;
            }
        }
        int count = Math.min(sampleSize, opaque);
        if (count < opaque) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < count; i++) {
                int j = i + random.nextInt(opaque - i);
                int chosen = indices[j];
                indices[j] = indices[i];
                indices[i] = chosen;
            }
            Arrays.sort(indices, 0, count);
        }
        int[] rgb = new int[count];
        for (int i = 0; i < count; i++) {
            rgb[i] = argb[indices[i]] & 0xFFFFFF;
        }
        return rgb;
    }

    /**
     * The sampling seed of one frame: the user's {@code seed} mixed with a 64-bit FNV-1a hash of the UTF-8 bytes
     * of {@code filmId + "/" + frameId}, through SplitMix64's finalizer. Stable across JVMs and runs (it never uses
     * {@link String#hashCode()}), so a frame gets the same sample whichever executor decodes it.
     */
    public static long frameSeed(long seed, String filmId, String frameId) {
        Objects.requireNonNull(filmId, "filmId");
        Objects.requireNonNull(frameId, "frameId");
        long key = fnv1a64((filmId + "/" + frameId).getBytes(StandardCharsets.UTF_8));
        return mix64(mix64(seed) ^ key);
    }

    /** 64-bit FNV-1a of {@code bytes}. */
    static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }

    /** SplitMix64's finalizer (Steele, Lea and Flood 2014): a bijective avalanche of all 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
