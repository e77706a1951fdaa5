package org.filmpalette.color;

/**
 * A CIELAB color under D65 (white X = 0.95047, Y = 1.0, Z = 1.08883): lightness {@code l} in 0–100, opponent axes
 * {@code a} (green–red) and {@code b} (blue–yellow), roughly −128..128 for sRGB colors.
 */
public record Lab(double l, double a, double b) {

    private static final double EPSILON = 216.0 / 24389.0;
    private static final double KAPPA = 24389.0 / 27.0;
    private static final double DELTA = 6.0 / 29.0;

    /** Lab of a packed sRGB color. */
    public static Lab fromRgb(int rgb) {
        double[] lab = new double[3];
        fromRgb(rgb, lab, 0);
        return new Lab(lab[0], lab[1], lab[2]);
    }

    /** Writes L, a, b of a packed sRGB color to {@code out[offset..offset+2]}; allocates nothing. */
    public static void fromRgb(int rgb, double[] out, int offset) {
        Xyz.fromRgb(rgb, out, offset);
        double fx = f(out[offset] / Xyz.WHITE_X);
        double fy = f(out[offset + 1] / Xyz.WHITE_Y);
        double fz = f(out[offset + 2] / Xyz.WHITE_Z);
        out[offset] = 116.0 * fy - 16.0;
        out[offset + 1] = 500.0 * (fx - fy);
        out[offset + 2] = 200.0 * (fy - fz);
    }

    /** Packed sRGB of a Lab color; channels outside the sRGB gamut are clamped to 0..255 one by one. */
    public static int toRgb(double l, double a, double b) {
        double fy = (l + 16.0) / 116.0;
        double fx = fy + a / 500.0;
        double fz = fy - b / 200.0;
        return Xyz.toRgb(Xyz.WHITE_X * fInverse(fx), Xyz.WHITE_Y * fInverse(fy), Xyz.WHITE_Z * fInverse(fz));
    }

    /** Whether this color is inside the sRGB gamut (linear channels in [0,1] within 1e-9), so no clamping happens. */
    public boolean inSrgbGamut() {
        double fy = (l + 16.0) / 116.0;
        return Xyz.inSrgbGamut(Xyz.WHITE_X * fInverse(fy + a / 500.0), Xyz.WHITE_Y * fInverse(fy),
                Xyz.WHITE_Z * fInverse(fy - b / 200.0), 1e-9);
    }

    /** Packed sRGB of this color, clamped per channel when out of gamut. */
    public int toRgb() {
        return toRgb(l, a, b);
    }

    /** The same color in polar form: chroma and hue angle in degrees [0,360). */
    public Lch toLch() {
        return new Lch(l, Math.hypot(a, b), Hue.degrees(b, a));
    }

    private static double f(double t) {
        return t > EPSILON ? Math.cbrt(t) : (KAPPA * t + 16.0) / 116.0;
    }

    private static double fInverse(double ft) {
        return ft > DELTA ? ft * ft * ft : (116.0 * ft - 16.0) / KAPPA;
    }
}
