package org.filmpalette.palette;

import java.util.Comparator;
import java.util.Locale;

/** How a palette's colors are ranked: the CLI's {@code --order dominance|luminance|hue}. */
public enum Order {
    /** Largest share first. */
    DOMINANCE(Comparator.comparingDouble(Swatch::share).reversed()),
    /** Darkest first (CIELAB L*). */
    LUMINANCE(Comparator.comparingDouble(Swatch::labL)),
    /** Chromatic colors by LCh hue angle from red through yellow, green and blue; near-grays last, dark to light. */
    HUE(Comparator.comparingInt(Order::isNearGray).thenComparingDouble(Order::hueKey));

    /** Below this LCh chroma a color has no meaningful hue. */
    private static final double GRAY_CHROMA = 6.0;

    private final Comparator<Swatch> comparator;

    Order(Comparator<Swatch> primary) {
        // Ties are broken by share and then by the color itself, so the order never depends on input order.
        this.comparator = primary
                .thenComparing(Comparator.comparingDouble(Swatch::share).reversed())
                .thenComparingInt(Swatch::rgb);
    }

    Comparator<Swatch> comparator() {
        return comparator;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    private static int isNearGray(Swatch swatch) {
        return Math.hypot(swatch.labA(), swatch.labB()) < GRAY_CHROMA ? 1 : 0;
    }

    private static double hueKey(Swatch swatch) {
        if (isNearGray(swatch) == 1) {
            return swatch.labL();
        }
        double degrees = Math.toDegrees(Math.atan2(swatch.labB(), swatch.labA()));
        return degrees < 0 ? degrees + 360.0 : degrees;
    }
}
