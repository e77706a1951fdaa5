package org.filmpalette.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * The CIELAB a*b* scatter of a film's colors, as research tools for film color draw it: one disc per still color at
 * its (a*, b*), painted in that color, its area proportional to the color's share of the still; the neutral axis at
 * the center, a* (green to red) across, b* (blue to yellow) up. Inline SVG, no script.
 */
public final class AbScatter {

    /** a* and b* from -RANGE to +RANGE are drawn; colors beyond sit on the border. */
    public static final double RANGE = 100;
    private static final double MAX_RADIUS = 14;

    private AbScatter() {}

    /** The scatter of every color of {@code palettes}, {@code size} pixels square. */
    public static String svg(List<Palette> palettes, int size) {
        double half = size / 2.0;
        double scale = half / RANGE;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg class=\"ab-scatter\" xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">", size, size, size, size));
        svg.append("<title>CIELAB a*b* scatter of the stills' colors, disc area by share</title>");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#f4f4f2\"/>", size, size));
        for (int ring = 25; ring <= RANGE; ring += 25) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"none\" "
                    + "stroke=\"#d8d8d4\" stroke-width=\"1\"/>", half, half, ring * scale));
        }
        svg.append(String.format(Locale.ROOT, "<line x1=\"0\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#bbb\"/>"
                + "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" stroke=\"#bbb\"/>", half, size, half, half, half, size));
        svg.append(String.format(Locale.ROOT, "<g font-size=\"11\" fill=\"#777\" font-family=\"sans-serif\">"
                + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">+a*</text><text x=\"4\" y=\"%.1f\">-a*</text>"
                + "<text x=\"%.1f\" y=\"12\">+b*</text><text x=\"%.1f\" y=\"%d\">-b*</text></g>",
                size - 4, half - 4, half - 4, half + 4, half + 4, size - 4));
        List<Swatch> colors = new ArrayList<>();
        for (Palette palette : palettes) {
            colors.addAll(palette.swatches());
        }
        // Large discs first, so small accents stay visible on top of them.
        colors.sort(Comparator.comparingDouble(Swatch::share).reversed());
        for (Swatch swatch : colors) {
            double x = half + clamp(swatch.labA()) * scale;
            double y = half - clamp(swatch.labB()) * scale;
            double radius = Math.max(1.5, MAX_RADIUS * Math.sqrt(swatch.share()));
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" "
                    + "fill-opacity=\"0.85\" stroke=\"#555\" stroke-width=\"0.4\"/>", x, y, radius, swatch.hex()));
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double value) {
        return Math.max(-RANGE, Math.min(RANGE, value));
    }
}
