package org.filmpalette.render;

import java.util.List;
import java.util.Locale;

import org.filmpalette.color.Lab;
import org.filmpalette.color.Srgb;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * A film's color over time, one point per still in frame order: lightness (share-weighted mean L*), chroma
 * (share-weighted mean CIELAB chroma) and hue (of the share-weighted mean a*b*, drawn in the still's mean color), as
 * three stacked line charts. Inline SVG, no script.
 */
public final class ColorOverTime {

    private static final int ROW = 90;
    private static final int LEFT = 70;
    private static final int GAP = 14;

    private ColorOverTime() {}

    /** One still's summary: mean L* (0–100), mean chroma, hue of the mean a*b* in degrees [0, 360), mean sRGB. */
    public record Point(double lightness, double chroma, double hue, int rgb) {

        /** The share-weighted summary of one still palette. */
        public static Point of(Palette palette) {
            double l = 0;
            double a = 0;
            double b = 0;
            double chroma = 0;
            double total = 0;
            for (Swatch swatch : palette.swatches()) {
                l += swatch.share() * swatch.labL();
                a += swatch.share() * swatch.labA();
                b += swatch.share() * swatch.labB();
                chroma += swatch.share() * swatch.chroma();
                total += swatch.share();
            }
            if (total <= 0) {
                throw new IllegalArgumentException("A still palette needs colors with shares to summarize");
            }
            double hue = Math.toDegrees(Math.atan2(b / total, a / total));
            return new Point(l / total, chroma / total, hue < 0 ? hue + 360 : hue,
                    new Lab(l / total, a / total, b / total).toRgb());
        }
    }

    /** The three charts for {@code stills} (in frame order), {@code width} pixels wide. */
    public static String svg(List<Palette> stills, int width) {
        List<Point> points = stills.stream().map(Point::of).toList();
        int height = 3 * ROW + 2 * GAP + 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"over-time\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                        + "height=\"%d\" role=\"img\"><title>Lightness, chroma and hue per still, in frame order</title>",
                width, height, width, height));
        svg.append("<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#555\">");
        chart(svg, points, width, 0, "lightness L*", 100, Series.LIGHTNESS);
        chart(svg, points, width, ROW + GAP, "chroma C*", Math.max(40, maxChroma(points)), Series.CHROMA);
        chart(svg, points, width, 2 * (ROW + GAP), "hue h°", 360, Series.HUE);
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">first still</text>"
                + "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">last still (%d)</text>", LEFT, height - 4,
                width - 4, height - 4, points.size()));
        return svg.append("</g></svg>").toString();
    }

    private enum Series { LIGHTNESS, CHROMA, HUE }

    private static void chart(StringBuilder svg, List<Point> points, int width, int top, String label, double max,
            Series series) {
        int plotWidth = width - LEFT - 8;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f4f4f2\"/>"
                + "<text x=\"4\" y=\"%d\">%s</text><text x=\"4\" y=\"%d\" fill=\"#999\">0–%.0f</text>",
                LEFT, top, plotWidth, ROW, top + ROW / 2, label, top + ROW / 2 + 14, max));
        StringBuilder line = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            double value = switch (series) {
                case LIGHTNESS -> point.lightness();
                case CHROMA -> point.chroma();
                case HUE -> point.hue();
            };
            double x = LEFT + (points.size() == 1 ? plotWidth / 2.0 : i * plotWidth / (double) (points.size() - 1));
            double y = top + ROW - Math.max(0, Math.min(1, value / max)) * ROW;
            line.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" "
                    + "stroke=\"#333\" stroke-width=\"0.5\"/>", x, y, Srgb.hex(point.rgb())));
        }
        if (series != Series.HUE) {
            svg.append("<polyline fill=\"none\" stroke=\"#444\" stroke-width=\"1.2\" points=\"").append(line)
                    .append("\"/>");
        }
        svg.append(dots);
    }

    private static double maxChroma(List<Point> points) {
        return Math.ceil(points.stream().mapToDouble(Point::chroma).max().orElse(0) / 10) * 10;
    }
}
