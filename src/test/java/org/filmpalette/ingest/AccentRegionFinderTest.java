package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.junit.jupiter.api.Test;

class AccentRegionFinderTest {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 270;
    private static final int BEAK = 0xC77C3C;

    @Test
    void aCompactAccentOfATenthOfAPercentIsOneRegionWithItsColor() {
        // A graded blue-gray sky with grain and an orange blob of 12x11 pixels (0.1 % of the frame).
        int[] argb = grainySky(5);
        paint(argb, 300, 120, 12, 11, BEAK);

        StillStatistics still = new StillStatistics.StillAnalyzer(4096, null)
                .analyze(new DecodedFrame(WIDTH, HEIGHT, WIDTH, HEIGHT, argb));

        assertEquals(1, still.regions().size(), still.regions().toString());
        AccentRegion region = still.regions().get(0);
        assertEquals(132, region.pixels(), 8);
        Lab beak = Lab.fromRgb(BEAK);
        assertTrue(DeltaE2000.between(beak, new Lab(region.l(), region.a(), region.b())) < 2, region.toString());
        assertTrue(region.contrast() > 40, region.toString());
        assertTrue(region.similarPixels() < 2 * region.pixels(), region.toString());
    }

    @Test
    void saturatedTextureIsSalientButNotIsolatedInColor() {
        // Lit grass: 150 small saturated yellow-green specks over a green meadow of a similar hue.
        int[] argb = new int[WIDTH * HEIGHT];
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (0x4A + random.nextInt(6)) << 16 | (0x7A + random.nextInt(6)) << 8 | 0x20;
        }
        for (int speck = 0; speck < 150; speck++) {
            paint(argb, random.nextInt(WIDTH - 6), random.nextInt(HEIGHT - 6), 6, 6, 0xB8E040);
        }

        List<AccentRegion> regions = new StillStatistics.StillAnalyzer(4096, null)
                .analyze(new DecodedFrame(WIDTH, HEIGHT, WIDTH, HEIGHT, argb)).regions();

        assertTrue(!regions.isEmpty(), "the specks stand out from the meadow");
        for (AccentRegion region : regions) {
            assertTrue(region.similarPixels() > 10 * region.pixels(), region.toString());
        }
    }

    @Test
    void aFlatFrameHasNoRegions() {
        int[] argb = grainySky(3);
        assertEquals(List.of(), new StillStatistics.StillAnalyzer(4096, null)
                .analyze(new DecodedFrame(WIDTH, HEIGHT, WIDTH, HEIGHT, argb)).regions());
    }

    @Test
    void regionsSurviveTheirRowArray() {
        List<AccentRegion> regions = List.of(new AccentRegion(12, 50, 40, 30, 55.5, 20),
                new AccentRegion(300, 70, -20, 60, 31, 900));
        assertEquals(regions, AccentRegion.fromArray(AccentRegion.toArray(regions)));
    }

    private static int[] grainySky(long seed) {
        int[] argb = new int[WIDTH * HEIGHT];
        SplittableRandom random = new SplittableRandom(seed);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int v = 120 + y / 6 + random.nextInt(7);
                argb[y * WIDTH + x] = 0xFF000000 | (v - 20) << 16 | v << 8 | Math.min(255, v + 40);
            }
        }
        return argb;
    }

    private static void paint(int[] argb, int x0, int y0, int width, int height, int rgb) {
        for (int y = y0; y < y0 + height; y++) {
            for (int x = x0; x < x0 + width; x++) {
                argb[y * WIDTH + x] = 0xFF000000 | rgb;
            }
        }
    }
}
