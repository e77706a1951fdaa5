package org.filmpalette.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.filmpalette.color.Lch;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * Classic color harmonies of a palette's dominant color (its largest share), by rotating its CIE LCh hue: the
 * suggestions keep its lightness, and their chroma is reduced (never raised) until they fall inside the sRGB gamut,
 * so every suggestion is a real sRGB color of the same lightness and hue angle.
 */
public enum Harmony {
    /** The opposite hue: +180°. */
    COMPLEMENTARY(180.0),
    /** The neighbors: −30° and +30°. */
    ANALOGOUS(-30.0, 30.0),
    /** Three hues evenly apart: +120° and +240°. */
    TRIADIC(120.0, 240.0);

    private final double[] rotations;

    Harmony(double... rotations) {
        this.rotations = rotations;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The hue rotations in degrees, in the order the suggestions come. */
    public double[] rotations() {
        return rotations.clone();
    }

    /** Parses {@code complementary}, {@code analogous} or {@code triadic}, case-insensitively. */
    public static Harmony parse(String name) {
        for (Harmony harmony : values()) {
            if (harmony.id().equalsIgnoreCase(name.strip())) {
                return harmony;
            }
        }
        throw new ConfigurationException(
                "Invalid --harmony: " + name + " (must be one of complementary, analogous, triadic)");
    }

    /** The base (the dominant color of {@code palette}) followed by this harmony's suggestions, packed sRGB. */
    public List<Integer> of(Palette palette) {
        Swatch dominant = palette.swatches().stream()
                .max((x, y) -> Double.compare(x.share(), y.share()))
                .orElseThrow(() -> new IllegalArgumentException("An empty palette has no dominant color"));
        return of(dominant.rgb());
    }

    /** {@code rgb} (packed sRGB) followed by this harmony's suggestions for it. */
    public List<Integer> of(int rgb) {
        Lch base = Lch.fromRgb(rgb);
        List<Integer> colors = new ArrayList<>();
        colors.add(rgb & 0xFFFFFF);
        for (double rotation : rotations) {
            colors.add(inGamut(new Lch(base.l(), base.c(), base.h() + rotation)).toLab().toRgb());
        }
        return colors;
    }

    /** {@code color}, or the same lightness and hue with the most chroma the sRGB gamut allows. */
    static Lch inGamut(Lch color) {
        if (color.toLab().inSrgbGamut()) {
            return color;
        }
        double low = 0.0;
        double high = color.c();
        for (int i = 0; i < 40; i++) {
            double middle = (low + high) / 2.0;
            if (new Lch(color.l(), middle, color.h()).toLab().inSrgbGamut()) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return new Lch(color.l(), low, color.h());
    }
}
