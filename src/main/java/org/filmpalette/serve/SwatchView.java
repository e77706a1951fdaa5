package org.filmpalette.serve;

import java.util.List;
import java.util.Locale;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;

/**
 * A palette color as the templates show it: hex, share as a percentage, role, and the text color readable on it.
 *
 * @param width the share as a CSS percentage, for proportional strips
 */
public record SwatchView(String hex, String share, String width, String role, String ink) {

    /** Lighter colors than this L* get dark text. */
    private static final double DARK_TEXT_ABOVE = 60;

    public static SwatchView of(Swatch swatch) {
        return new SwatchView(swatch.hex(), String.format(Locale.ROOT, "%.1f%%", 100 * swatch.share()),
                String.format(Locale.ROOT, "%.3f%%", 100 * swatch.share()),
                swatch.role() == null ? "" : swatch.role().id(), swatch.labL() > DARK_TEXT_ABOVE ? "#111" : "#fff");
    }

    /** A color with no share (a harmony suggestion): full width, no role. */
    public static SwatchView of(int rgb) {
        Swatch swatch = Swatch.of(1, rgb, 1.0);
        return new SwatchView(swatch.hex(), "", "100%", "", swatch.labL() > DARK_TEXT_ABOVE ? "#111" : "#fff");
    }

    public static List<SwatchView> of(Palette palette) {
        return palette.swatches().stream().map(SwatchView::of).toList();
    }

    public boolean accent() {
        return Role.ACCENT.id().equals(role);
    }
}
