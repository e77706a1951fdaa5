package org.filmpalette.color;

/**
 * Conversion between packed sRGB and HSV (hexcone model on the encoded sRGB channels): hue {@code h} in degrees
 * [0,360), saturation {@code s} and value {@code v} in [0,1]. Grays have h = 0 and s = 0; black has s = 0.
 */
public final class Hsv {

    private Hsv() {
    }

    /** Writes h, s, v of a packed sRGB color to {@code out[offset..offset+2]}; allocates nothing. */
    public static void fromRgb(int rgb, double[] out, int offset) {
        int r = Srgb.red(rgb);
        int g = Srgb.green(rgb);
        int b = Srgb.blue(rgb);
        int max = Math.max(r, Math.max(g, b));
        int delta = max - Math.min(r, Math.min(g, b));
        out[offset] = delta == 0 ? 0.0 : hue(r, g, b, max, delta);
        out[offset + 1] = max == 0 ? 0.0 : (double) delta / max;
        out[offset + 2] = max / 255.0;
    }

    /**
     * Packed sRGB of an HSV color. Any finite hue is wrapped into [0,360); {@code s} and {@code v} are clamped to
     * [0,1]; channels are rounded to the nearest 0–255 value.
     */
    public static int toRgb(double h, double s, double v) {
        double value = clamp01(v);
        double chroma = value * clamp01(s);
        double sixths = Hue.normalize(h) / 60.0;
        return Srgb.packRounded(
                255.0 * channel(5.0, sixths, value, chroma),
                255.0 * channel(3.0, sixths, value, chroma),
                255.0 * channel(1.0, sixths, value, chroma));
    }

    // The branch-free form of the hexcone: each channel is a trapezoid in hue, shifted by n sixths.
    private static double channel(double n, double sixths, double value, double chroma) {
        double k = (n + sixths) % 6.0;
        return value - chroma * Math.max(0.0, Math.min(1.0, Math.min(k, 4.0 - k)));
    }

    private static double hue(int r, int g, int b, int max, int delta) {
        double sixths;
        if (max == r) {
            sixths = (double) (g - b) / delta;
        } else if (max == g) {
            sixths = (double) (b - r) / delta + 2.0;
        } else {
            sixths = (double) (r - g) / delta + 4.0;
        }
        return Hue.normalize(60.0 * sixths);
    }

    private static double clamp01(double x) {
        return x > 0.0 ? Math.min(1.0, x) : 0.0;
    }
}
