package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PixelSamplerTest {

    /** A 64x64 opaque frame whose pixel i has color i, so sampled colors are sampled raster indices. */
    private static DecodedFrame indexFrame() {
        int[] argb = new int[64 * 64];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | i;
        }
        return new DecodedFrame(640, 640, 64, 64, argb);
    }

    @Test
    void sameSeedGivesSameSampleInAscendingRasterOrder() {
        PixelSampler sampler = new PixelSampler(500);
        long seed = PixelSampler.frameSeed(42, "heat", "reel1/frame_00001");

        int[] first = sampler.sample(indexFrame(), seed);
        int[] second = sampler.sample(indexFrame(), seed);

        assertEquals(500, first.length);
        assertArrayEquals(first, second);
        for (int i = 1; i < first.length; i++) {
            assertTrue(first[i] > first[i - 1], "not strictly ascending at " + i);
        }
    }

    @Test
    void differentFramesGetDifferentSamples() {
        PixelSampler sampler = new PixelSampler(500);

        int[] one = sampler.sample(indexFrame(), PixelSampler.frameSeed(42, "heat", "frame_00001"));
        int[] two = sampler.sample(indexFrame(), PixelSampler.frameSeed(42, "heat", "frame_00002"));
        int[] otherSeed = sampler.sample(indexFrame(), PixelSampler.frameSeed(43, "heat", "frame_00001"));

        assertFalse(java.util.Arrays.equals(one, two));
        assertFalse(java.util.Arrays.equals(one, otherSeed));
    }

    @Test
    void everyPixelIsEquallyLikely() {
        // 4096 pixels, 512 per draw, 400 draws: each pixel expected 50 times.
        int[] hits = new int[64 * 64];
        PixelSampler sampler = new PixelSampler(512);
        for (long seed = 0; seed < 400; seed++) {
            for (int index : sampler.sample(indexFrame(), seed)) {
                hits[index]++;
            }
        }
        int min = java.util.Arrays.stream(hits).min().orElseThrow();
        int max = java.util.Arrays.stream(hits).max().orElseThrow();
        assertTrue(min >= 20 && max <= 85, "hits between " + min + " and " + max);
    }

    @Test
    void sampleSizeIsCappedByOpaquePixels() {
        int[] argb = {0xFF000001, 0x00000002, 0xFF000003, 0x7F000004, 0x80000005, 0xFF000006};
        DecodedFrame frame = new DecodedFrame(3, 2, 3, 2, argb);

        assertArrayEquals(new int[] {1, 3, 5, 6}, new PixelSampler(10).sample(frame, 7));
        assertArrayEquals(new int[] {1, 3, 5, 6}, new PixelSampler(4).sample(frame, 7));
        assertEquals(3, new PixelSampler(3).sample(frame, 7).length);
    }

    @Test
    void transparentPixelsOfADecodedPngAreSkipped() throws Exception {
        // Alpha 127 is below 50 % and skipped; alpha 128 counts with its own color.
        byte[] png = FrameFixtures.png(FrameFixtures.argb(4, 4, 0xFFFF0000, 0x00FFFFFF, 0x7F00FF00, 0x800000FF));
        DecodedFrame frame = new FrameDecoder(256, 1_000_000).decode(new ByteArrayInputStream(png));

        int[] sample = new PixelSampler(100).sample(frame, 1);

        assertEquals(8, sample.length);
        for (int i = 0; i < sample.length; i++) {
            assertEquals(i % 2 == 0 ? 0xFF0000 : 0x0000FF, sample[i], "sample " + i);
        }
    }

    @Test
    void fullyTransparentFrameGivesEmptySample() {
        DecodedFrame frame = new DecodedFrame(2, 2, 2, 2, new int[] {0x7FFFFFFF, 0, 0x10FF0000, 0});

        assertEquals(0, new PixelSampler(16).sample(frame, 3).length);
    }

    @Test
    void frameSeedIsStableAcrossJvms() {
        assertEquals(FROZEN_SEED, PixelSampler.frameSeed(42, "heat", "reel1/frame_00001"));
        assertNotEquals(PixelSampler.frameSeed(42, "heat", "reel1/frame_00001"),
                PixelSampler.frameSeed(42, "heat", "reel1/frame_00002"));
        assertNotEquals(PixelSampler.frameSeed(42, "heat", "x"), PixelSampler.frameSeed(42, "heat2", "x"));
    }

    @Test
    void fnv1a64MatchesPublishedVectors() {
        assertEquals(0xcbf29ce484222325L, PixelSampler.fnv1a64(new byte[0]));
        assertEquals(0xaf63dc4c8601ec8cL, PixelSampler.fnv1a64("a".getBytes(StandardCharsets.UTF_8)));
        assertEquals(0x85944171f73967e8L, PixelSampler.fnv1a64("foobar".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void invalidSampleSizeNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PixelSampler(0));

        assertEquals("Invalid sampleSize: 0 (must be at least 1)", e.getMessage());
    }

    /**
     * frameSeed(42, "heat", "reel1/frame_00001"), cross-checked with an independent Python implementation of
     * FNV-1a 64 + SplitMix64. Changing it reshuffles every stored sample.
     */
    private static final long FROZEN_SEED = 4156320273712227661L;
}
