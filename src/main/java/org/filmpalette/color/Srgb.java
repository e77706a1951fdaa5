package org.filmpalette.color;

/**
 * Packed sRGB colors and the sRGB transfer curve. A packed color is an {@code int} 0xRRGGBB with channels 0–255;
 * alpha bits (the top byte) are ignored everywhere. Linear values are in [0,1].
 */
public final class Srgb {

    private static final double[] LINEAR_BY_CHANNEL = linearTable();

    private Srgb() {
    }

    /** Packs channels 0–255 into 0xRRGGBB, clamping each channel to 0..255. */
    public static int pack(int r, int g, int b) {
        return clamp(r) << 16 | clamp(g) << 8 | clamp(b);
    }

    /**
     * Packs channels given as doubles on the 0–255 scale, rounding to the nearest integer and clamping to 0..255;
     * NaN becomes 0.
     */
    public static int packRounded(double r, double g, double b) {
        return round(r) << 16 | round(g) << 8 | round(b);
    }

    /** Red channel 0–255 of a packed color. */
    public static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    /** Green channel 0–255 of a packed color. */
    public static int green(int rgb) {
        return (rgb >> 8) & 0xFF;
    }

    /** Blue channel 0–255 of a packed color. */
    public static int blue(int rgb) {
        return rgb & 0xFF;
    }

    /** Linear light in [0,1] of an encoded channel 0–255 (IEC 61966-2-1 curve, from a lookup table). */
    public static double toLinear(int channel) {
        if (channel < 0 || channel > 255) {
            throw new IllegalArgumentException("Invalid sRGB channel: " + channel + " (must be between 0 and 255)");
        }
        return LINEAR_BY_CHANNEL[channel];
    }

    /** Linear light of an encoded channel on the 0–1 scale (IEC 61966-2-1 piecewise curve). */
    public static double toLinear(double channel01) {
        return channel01 <= 0.04045 ? channel01 / 12.92 : Math.pow((channel01 + 0.055) / 1.055, 2.4);
    }

    /** Encoded channel 0–255 (rounded) of linear light in [0,1]; out-of-range input is clamped, NaN gives 0. */
    public static int fromLinear(double linear) {
        double clamped = Math.max(0.0, Math.min(1.0, linear));
        double encoded = clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * Math.pow(clamped, 1.0 / 2.4) - 0.055;
        return round(encoded * 255.0);
    }

    /** Lowercase CSS form {@code #rrggbb} of a packed color. */
    public static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }

    /**
     * Packed color of {@code #rrggbb}, {@code rrggbb} or {@code #rgb} (hex digits in either case).
     *
     * @throws IllegalArgumentException naming the value if it has any other form
     */
    public static int parseHex(String hex) {
        if (hex == null) {
            throw invalidHex(null);
        }
        String digits = hex.startsWith("#") ? hex.substring(1) : hex;
        boolean shortForm = digits.length() == 3 && hex.startsWith("#");
        if (digits.length() != 6 && !shortForm) {
            throw invalidHex(hex);
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), 16);
            if (digit < 0) {
                throw invalidHex(hex);
            }
            value = shortForm ? value << 8 | digit << 4 | digit : value << 4 | digit;
        }
        return value;
    }

    private static IllegalArgumentException invalidHex(String hex) {
        String shown = hex == null ? "null" : "\"" + hex + "\"";
        return new IllegalArgumentException("Invalid hex color: " + shown + " (must be #rrggbb, rrggbb or #rgb)");
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }

    private static int round(double channel) {
        // Written as a negated comparison so that NaN lands on 0 too.
        if (!(channel > 0.0)) {
            return 0;
        }
        return channel >= 255.0 ? 255 : (int) Math.round(channel);
    }

    private static double[] linearTable() {
        double[] table = new double[256];
        for (int i = 0; i < table.length; i++) {
            table[i] = toLinear(i / 255.0);
        }
        return table;
    }
}
