package org.filmpalette.color;

/**
 * The CIEDE2000 color difference ΔE00 between two CIELAB colors, with parametric factors kL = kC = kH = 1 (kL
 * adjustable). Follows
 * Sharma, Wu &amp; Dalal (2005), "The CIEDE2000 color-difference formula: implementation notes, supplementary test
 * data, and mathematical observations", including its hue rules for neutral colors and for hues more than 180°
 * apart. About 1.0 is a just-noticeable difference; black to white is about 100.
 */
public final class DeltaE2000 {

    private static final double TWENTY_FIVE_TO_THE_SEVENTH = 6103515625.0;

    private DeltaE2000() {
    }

    /** ΔE00 between packed sRGB colors, compared in CIELAB D65. */
    public static double between(int rgb1, int rgb2) {
        double[] lab = new double[6];
        Lab.fromRgb(rgb1, lab, 0);
        Lab.fromRgb(rgb2, lab, 3);
        return between(lab[0], lab[1], lab[2], lab[3], lab[4], lab[5]);
    }

    /** ΔE00 between two Lab colors. */
    public static double between(Lab x, Lab y) {
        return between(x.l(), x.a(), x.b(), y.l(), y.a(), y.b());
    }

    /**
     * The smallest ΔE2000 from {@code lab} (L, a, b in its first three values) to any of {@code labs} (flat L, a, b
     * triples); positive infinity when {@code labs} is empty.
     */
    public static double toNearest(double[] lab, double[] labs) {
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < labs.length; c += 3) {
            best = Math.min(best, between(lab[0], lab[1], lab[2], labs[c], labs[c + 1], labs[c + 2]));
        }
        return best;
    }

    /** ΔE00 between (L1, a1, b1) and (L2, a2, b2), CIELAB coordinates. */
    public static double between(double l1, double a1, double b1, double l2, double a2, double b2) {
        return between(l1, a1, b1, l2, a2, b2, 1.0);
    }

    /**
     * ΔE00 with lightness factor {@code kL} (kC = kH = 1): {@code kL = 2}, the CIE's factor for textured samples,
     * counts a lightness difference half as much, as when one surface is seen under different light.
     */
    public static double between(double l1, double a1, double b1, double l2, double a2, double b2, double kL) {
        // sqrt(x² + y²) rather than Math.hypot, and C⁷ by multiplication rather than Math.pow: the same values to a few
        // ulps (no overflow is possible at CIELAB magnitudes), at a fraction of the cost, which every palette_distance
        // pays 64 times.
        double meanChroma = (Math.sqrt(a1 * a1 + b1 * b1) + Math.sqrt(a2 * a2 + b2 * b2)) / 2.0;
        double g = 0.5 * (1.0 - chromaWeight(meanChroma));
        double a1p = (1.0 + g) * a1;
        double a2p = (1.0 + g) * a2;
        double c1p = Math.sqrt(a1p * a1p + b1 * b1);
        double c2p = Math.sqrt(a2p * a2p + b2 * b2);
        double h1p = hueAngle(b1, a1p);
        double h2p = hueAngle(b2, a2p);
        boolean neutral = c1p * c2p == 0.0;

        double deltaLp = l2 - l1;
        double deltaCp = c2p - c1p;
        double deltaHp = 2.0 * Math.sqrt(c1p * c2p) * Math.sin(Math.toRadians(hueDifference(h1p, h2p, neutral) / 2.0));

        double meanLp = (l1 + l2) / 2.0;
        double meanCp = (c1p + c2p) / 2.0;
        double meanHp = meanHue(h1p, h2p, neutral);

        double t = 1.0
                - 0.17 * Math.cos(Math.toRadians(meanHp - 30.0))
                + 0.24 * Math.cos(Math.toRadians(2.0 * meanHp))
                + 0.32 * Math.cos(Math.toRadians(3.0 * meanHp + 6.0))
                - 0.20 * Math.cos(Math.toRadians(4.0 * meanHp - 63.0));
        double hueRotation = 30.0 * Math.exp(-square((meanHp - 275.0) / 25.0));
        double rc = 2.0 * chromaWeight(meanCp);
        double lOffset = square(meanLp - 50.0);
        double sl = 1.0 + 0.015 * lOffset / Math.sqrt(20.0 + lOffset);
        double sc = 1.0 + 0.045 * meanCp;
        double sh = 1.0 + 0.015 * meanCp * t;
        double rt = -Math.sin(Math.toRadians(2.0 * hueRotation)) * rc;

        double lightness = deltaLp / (kL * sl);
        double chroma = deltaCp / sc;
        double hue = deltaHp / sh;
        return Math.sqrt(lightness * lightness + chroma * chroma + hue * hue + rt * chroma * hue);
    }

    // sqrt(C^7 / (C^7 + 25^7)) appears twice: in the a' rescaling G and in the rotation weight R_C.
    private static double chromaWeight(double chroma) {
        double c2 = chroma * chroma;
        double c7 = c2 * c2 * c2 * chroma;
        return Math.sqrt(c7 / (c7 + TWENTY_FIVE_TO_THE_SEVENTH));
    }

    // atan2(0, 0) is undefined; Sharma et al. define h' = 0 there.
    private static double hueAngle(double b, double ap) {
        return b == 0.0 && ap == 0.0 ? 0.0 : Hue.degrees(b, ap);
    }

    // Δh' takes the shorter way round the circle, and is 0 when either color is neutral (no hue to compare).
    private static double hueDifference(double h1p, double h2p, boolean neutral) {
        if (neutral) {
            return 0.0;
        }
        double difference = h2p - h1p;
        if (difference > 180.0) {
            return difference - 360.0;
        }
        if (difference < -180.0) {
            return difference + 360.0;
        }
        return difference;
    }

    // h̄' is the midpoint on the shorter arc; with a neutral color the sum stands in, since the other hue is 0.
    private static double meanHue(double h1p, double h2p, boolean neutral) {
        if (neutral) {
            return h1p + h2p;
        }
        double sum = h1p + h2p;
        if (Math.abs(h1p - h2p) <= 180.0) {
            return sum / 2.0;
        }
        return sum < 360.0 ? (sum + 360.0) / 2.0 : (sum - 360.0) / 2.0;
    }

    private static double square(double x) {
        return x * x;
    }
}
