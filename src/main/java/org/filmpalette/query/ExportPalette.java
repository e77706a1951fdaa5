package org.filmpalette.query;

import java.util.ArrayList;
import java.util.List;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;

/**
 * What an export writes: a title and named colors, from a palette (with shares) or from a harmony (without).
 *
 * @param title e.g. {@code synthetic-dusk kmeans}
 */
public record ExportPalette(String title, List<Color> colors) {

    /** One color: packed sRGB, a name, and its share in [0,1] and role, or nulls for suggested colors. */
    public record Color(String name, int rgb, Double share, Role role) {}

    public ExportPalette {
        colors = List.copyOf(colors);
        if (colors.isEmpty()) {
            throw new IllegalArgumentException("Nothing to export: " + title + " has no colors");
        }
    }

    /** The palette's colors in rank order, named {@code <name>-<rank>}. */
    public static ExportPalette of(String title, String name, Palette palette) {
        List<Color> colors = new ArrayList<>();
        for (Swatch swatch : palette.swatches()) {
            colors.add(new Color(name + "-" + swatch.rank(), swatch.rgb(), swatch.share(), swatch.role()));
        }
        return new ExportPalette(title, colors);
    }

    /** The dominant color of {@code palette} and the harmony's suggestions, named {@code <name>-<harmony>-<i>}. */
    public static ExportPalette of(String title, String name, Palette palette, Harmony harmony) {
        List<Integer> rgb = harmony.of(palette);
        List<Color> colors = new ArrayList<>();
        colors.add(new Color(name + "-dominant", rgb.get(0), null, null));
        for (int i = 1; i < rgb.size(); i++) {
            colors.add(new Color(name + "-" + harmony.id() + "-" + i, rgb.get(i), null, null));
        }
        return new ExportPalette(title + " " + harmony.id(), colors);
    }
}
