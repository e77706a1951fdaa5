package org.filmpalette.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.filmpalette.color.Lab;
import org.filmpalette.color.Lch;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.junit.jupiter.api.Test;

class HarmonyTest {

    @Test
    void complementaryOfAMutedColorTurnsTheHueHalfwayAndKeepsLightnessAndChroma() {
        int muted = 0x8a6a5a; // low chroma: its opposite hue is inside the gamut at the same chroma
        List<Integer> colors = Harmony.COMPLEMENTARY.of(muted);
        assertEquals(2, colors.size());
        assertEquals(muted, colors.get(0));
        Lch base = Lch.fromRgb(muted);
        Lch complement = Lch.fromRgb(colors.get(1));
        assertEquals(base.l(), complement.l(), 0.5);
        assertEquals(base.c(), complement.c(), 0.7);
        assertEquals(180.0, hueDistance(base.h(), complement.h()), 1.5);
    }

    @Test
    void saturatedRedsComplementLosesChromaToStayInGamutButKeepsItsHue() {
        Lch red = Lch.fromRgb(0xff0000);
        Lch opposite = new Lch(red.l(), red.c(), red.h() + 180);
        assertTrue(!opposite.toLab().inSrgbGamut(), "the raw opposite of sRGB red is outside sRGB");
        Lch mapped = Harmony.inGamut(opposite);
        assertTrue(mapped.toLab().inSrgbGamut());
        assertTrue(mapped.c() < red.c() && mapped.c() > 10, "chroma reduced, not dropped to gray: " + mapped.c());
        assertEquals(opposite.h(), mapped.h(), 1e-9);
        assertEquals(red.l(), mapped.l(), 1e-9);
        // Just outside: a little more chroma leaves the gamut, so the reduction is no bigger than needed.
        assertTrue(!new Lch(mapped.l(), mapped.c() + 0.01, mapped.h()).toLab().inSrgbGamut());
        Lch shown = Lch.fromRgb(Harmony.COMPLEMENTARY.of(0xff0000).get(1));
        assertEquals(opposite.h(), shown.h(), 2.0);
    }

    @Test
    void analogousAndTriadicRotateByTheirAngles() {
        int teal = 0x2a7f7a;
        Lch base = Lch.fromRgb(teal);
        List<Integer> analogous = Harmony.ANALOGOUS.of(teal);
        assertEquals(3, analogous.size());
        assertEquals(30.0, hueDistance(base.h(), Lch.fromRgb(analogous.get(1)).h()), 1.5);
        assertEquals(30.0, hueDistance(base.h(), Lch.fromRgb(analogous.get(2)).h()), 1.5);
        assertTrue(signedTurn(base.h(), Lch.fromRgb(analogous.get(1)).h()) < 0);
        List<Integer> triadic = Harmony.TRIADIC.of(teal);
        assertEquals(120.0, hueDistance(base.h(), Lch.fromRgb(triadic.get(1)).h()), 1.5);
        assertEquals(120.0, hueDistance(base.h(), Lch.fromRgb(triadic.get(2)).h()), 1.5);
        for (int rgb : triadic) {
            assertEquals(base.l(), Lab.fromRgb(rgb).l(), 0.5);
        }
    }

    @Test
    void aPalettesHarmonyStartsFromItsLargestShare() {
        Palette palette = Palette.of(new int[] {0x102030, 0x8a6a5a}, new double[] {0.3, 0.7}, Order.LUMINANCE);
        assertEquals(0x8a6a5a, Harmony.TRIADIC.of(palette).get(0));
    }

    @Test
    void unknownHarmonyNamesTheFlag() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Harmony.parse("tetradic"));
        assertEquals("Invalid --harmony: tetradic (must be one of complementary, analogous, triadic)",
                error.getMessage());
    }

    private static double hueDistance(double a, double b) {
        return Math.abs(signedTurn(a, b));
    }

    private static double signedTurn(double from, double to) {
        double turn = (to - from) % 360;
        if (turn > 180) {
            turn -= 360;
        }
        if (turn < -180) {
            turn += 360;
        }
        return turn;
    }
}
