package org.filmpalette.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.junit.jupiter.api.Test;

class RoleTest {

    private static Palette palette(int[] rgb, double[] shares) {
        return Palette.of(rgb, shares, Order.DOMINANCE);
    }

    private static Role roleOf(Palette palette, int rgb) {
        return palette.swatches().stream().filter(s -> s.rgb() == rgb).findFirst().orElseThrow().role();
    }

    @Test
    void smallSaturatedDistinctColorIsAnAccentAndTheRestDominant() {
        // Gray wall, blue coat, and a red lamp of 3 % (chroma 70, far from both).
        Palette palette = palette(new int[] {0x808080, 0x3050a0, 0xe01b24}, new double[] {0.60, 0.37, 0.03});

        assertEquals(Role.DOMINANT, roleOf(palette, 0x808080));
        assertEquals(Role.DOMINANT, roleOf(palette, 0x3050a0));
        assertEquals(Role.ACCENT, roleOf(palette, 0xe01b24));
        assertEquals(List.of(0xe01b24), palette.withRole(Role.ACCENT).stream().map(Swatch::rgb).toList());
    }

    @Test
    void aColorAtTheShareLimitIsDominant() {
        Palette palette = palette(new int[] {0x808080, 0xe01b24}, new double[] {0.95, 0.05});

        assertEquals(Role.DOMINANT, roleOf(palette, 0xe01b24));
    }

    @Test
    void smallMutedColorIsDominant() {
        int muted = 0x7a7068;
        assertEquals(true, Lab.fromRgb(muted).toLch().c() < Role.MIN_ACCENT_CHROMA, "the case must be muted");
        Palette palette = palette(new int[] {0x202020, muted}, new double[] {0.98, 0.02});

        assertEquals(Role.DOMINANT, roleOf(palette, muted));
    }

    @Test
    void smallSaturatedColorNearALargeOneIsDominant() {
        // A brighter tail of a large red region, not an accent of its own.
        assertEquals(true, DeltaE2000.between(0xc03030, 0xc83a38) < Role.MIN_ACCENT_DISTANCE, "the case must be near");
        Palette palette = palette(new int[] {0xc03030, 0x202020, 0xc83a38}, new double[] {0.5, 0.48, 0.02});

        assertEquals(Role.DOMINANT, roleOf(palette, 0xc83a38));
    }

    @Test
    void twoShadesOfOneSmallLampAreBothAccents() {
        // Only large colors count as what an accent must differ from.
        Palette palette = palette(new int[] {0x808080, 0xe01b24, 0xb01018}, new double[] {0.96, 0.02, 0.02});

        assertEquals(Role.ACCENT, roleOf(palette, 0xe01b24));
        assertEquals(Role.ACCENT, roleOf(palette, 0xb01018));
    }

    @Test
    void rolesParseByIdAndRejectOthersNamingTheValue() {
        assertEquals(Role.ACCENT, Role.parse("Accent"));
        assertEquals("dominant", Role.DOMINANT.id());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Role.parse("main"));
        assertEquals("Invalid role: main (must be dominant or accent)", error.getMessage());
    }
}
