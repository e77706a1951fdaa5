package org.filmpalette.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.filmpalette.color.Lab;
import org.junit.jupiter.api.Test;

class BenchmarkFilmsTest {

    private static final List<BenchmarkFrame> FRAMES = BenchmarkFilms.generate(42L, 4);

    @Test
    void fourFilmsOfTheRequestedFrames() {
        assertEquals(16, FRAMES.size());
        assertEquals(List.of("teal-orange", "sepia-interior", "night-street", "market-crowd"),
                FRAMES.stream().map(BenchmarkFrame::filmId).distinct().toList());
        assertEquals("frame_00004", FRAMES.get(3).frameId());
    }

    @Test
    void sameSeedGivesTheSamePixelsAndAnotherSeedDoesNot() {
        BenchmarkFrame again = BenchmarkFilms.frame(42L, 1, 2);
        assertArrayEquals(pixels(FRAMES.get(5).image()), pixels(again.image()));
        assertEquals(FRAMES.get(5).accents(), again.accents());
        assertFalse(java.util.Arrays.equals(pixels(again.image()), pixels(BenchmarkFilms.frame(7L, 1, 2).image())));
    }

    @Test
    void accentsAreSmallSaturatedPatchesPaintedWithTheirColor() {
        for (BenchmarkFrame frame : FRAMES) {
            assertTrue(frame.accents().size() >= 1 && frame.accents().size() <= 2, frame.frameId());
            int[] pixels = pixels(frame.image());
            boolean weak = frame.filmId().equals("market-crowd");
            for (PlantedAccent accent : frame.accents()) {
                // Pieces are rounded to whole pixels, so the painted share may miss the target range by a little;
                // sRGB rounding moves the chroma by a little too.
                double maxShare = weak ? 0.0115 : 0.022;
                assertTrue(accent.share() > 0.0025 && accent.share() < maxShare, "share " + accent.share());
                assertTrue(accent.pieces() >= 1 && accent.pieces() <= 3);
                double chroma = Lab.fromRgb(accent.rgb()).toLch().c();
                assertTrue(weak ? chroma >= 33 && chroma <= 52 : chroma >= 45.0, "chroma of " + accent);
                long near = java.util.Arrays.stream(pixels)
                        .filter(p -> org.filmpalette.color.DeltaE2000.between(p & 0xFFFFFF, accent.rgb()) < 5).count();
                assertTrue(near >= 0.8 * accent.share() * pixels.length, "painted pixels of " + accent);
            }
        }
    }

    @Test
    void theCrowdFilmIsBusierThanTheOthers() {
        // Distinct colors after quantizing to 4 bits per channel: the crowd and the texture add many.
        long crowd = distinctColors(FRAMES.get(12));
        for (int film = 0; film < 3; film++) {
            long other = distinctColors(FRAMES.get(film * 4));
            assertTrue(crowd > 1.5 * other, "market-crowd " + crowd + " vs " + FRAMES.get(film * 4).filmId() + " " + other);
        }
    }

    private static long distinctColors(BenchmarkFrame frame) {
        return java.util.Arrays.stream(pixels(frame.image())).map(p -> p & 0xF0F0F0).distinct().count();
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
