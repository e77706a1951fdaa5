package org.filmpalette.color;

/**
 * Conversion between packed sRGB and CIE XYZ (D65, 2° observer), scaled so the white point has Y = 1.0:
 * X = 0.95047, Y = 1.0, Z = 1.08883.
 */
public final class Xyz {

    /** X of the D65 white point. */
    public static final double WHITE_X = 0.95047;
    /** Y of the D65 white point. */
    public static final double WHITE_Y = 1.0;
    /** Z of the D65 white point. */
    public static final double WHITE_Z = 1.08883;

    // The IEC 61966-2-1 primaries at 7 digits, normalized so RGB white lands exactly on the white point above. The
    // standard's 4-digit rounding (0.4124, 0.3576, ...) puts white 0.005 off in a* and 0.01 off in b*, which would
    // make neutral grays look tinted.
    private static final double XR = 0.4124564, XG = 0.3575761, XB = 0.1804375;
    private static final double YR = 0.2126729, YG = 0.7151522, YB = 0.0721750;
    private static final double ZR = 0.0193339, ZG = 0.1191920, ZB = 0.9503041;

    private static final double RX = 3.2404542, RY = -1.5371385, RZ = -0.4985314;
    private static final double GX = -0.9692660, GY = 1.8760108, GZ = 0.0415560;
    private static final double BX = 0.0556434, BY = -0.2040259, BZ = 1.0572252;

    private Xyz() {
    }

    /** Writes X, Y, Z of a packed sRGB color to {@code out[offset..offset+2]}; allocates nothing. */
    public static void fromRgb(int rgb, double[] out, int offset) {
        double r = Srgb.toLinear(Srgb.red(rgb));
        double g = Srgb.toLinear(Srgb.green(rgb));
        double b = Srgb.toLinear(Srgb.blue(rgb));
        out[offset] = XR * r + XG * g + XB * b;
        out[offset + 1] = YR * r + YG * g + YB * b;
        out[offset + 2] = ZR * r + ZG * g + ZB * b;
    }

    /** Whether an XYZ color is inside the sRGB gamut: every linear channel in [0,1], give or take {@code tolerance}. */
    public static boolean inSrgbGamut(double x, double y, double z, double tolerance) {
        double r = RX * x + RY * y + RZ * z;
        double g = GX * x + GY * y + GZ * z;
        double b = BX * x + BY * y + BZ * z;
        double low = -tolerance;
        double high = 1.0 + tolerance;
        return r >= low && r <= high && g >= low && g <= high && b >= low && b <= high;
    }

    /** Packed sRGB of an XYZ color; channels outside the sRGB gamut are clamped to 0..255 one by one. */
    public static int toRgb(double x, double y, double z) {
        int r = Srgb.fromLinear(RX * x + RY * y + RZ * z);
        int g = Srgb.fromLinear(GX * x + GY * y + GZ * z);
        int b = Srgb.fromLinear(BX * x + BY * y + BZ * z);
        return r << 16 | g << 8 | b;
    }
}
