package org.filmpalette.ingest.scan;

/**
 * How a scan's code values become display sRGB, as a lookup table over 16-bit code values (0–65535 spanning the
 * file's full code range). Values outside the display range are clipped after the transfer to linear light; then
 * the sRGB encoding of IEC 61966-2-1 gives 8-bit values.
 */
public enum ScanTransfer {

    /**
     * Kodak Cineon printing-density log (DPX's default): on 10-bit code values cv, reference white 685, reference
     * black 95, negative gamma 0.6 and 0.002 density per code value, so linear = (10^((cv − 685)·0.002/0.6) − b) /
     * (1 − b) with b = 10^((95 − 685)·0.002/0.6): code 95 is black, 685 is diffuse white, above is clipped highlight.
     */
    PRINTING_DENSITY,
    /** Scene-linear light (OpenEXR, DPX tagged linear): 1.0 is diffuse white, shown without exposure change. */
    SCENE_LINEAR,
    /** Already display-encoded (DPX tagged Rec. 709 or sRGB): code values taken as sRGB. */
    DISPLAY;

    /** Cineon reference white, black (10-bit code values) and negative gamma. */
    static final double REFERENCE_WHITE = 685;
    static final double REFERENCE_BLACK = 95;
    static final double NEGATIVE_GAMMA = 0.6;
    private static final double DENSITY_PER_CODE = 0.002;

    private volatile int[] table;

    /** Linear light (display white 1.0, unclipped) of a code value in [0, 1] of the file's range. */
    public double toLinear(double code) {
        return switch (this) {
            case PRINTING_DENSITY -> {
                double black = Math.pow(10, (REFERENCE_BLACK - REFERENCE_WHITE) * DENSITY_PER_CODE / NEGATIVE_GAMMA);
                double density = Math.pow(10, (code * 1023 - REFERENCE_WHITE) * DENSITY_PER_CODE / NEGATIVE_GAMMA);
                yield (density - black) / (1 - black);
            }
            case SCENE_LINEAR -> code;
            case DISPLAY -> decodeSrgb(code);
        };
    }

    /** The 10-bit printing-density code value of linear light {@code linear}: the inverse of {@link #toLinear}. */
    public static double printingDensityCode(double linear) {
        double black = Math.pow(10, (REFERENCE_BLACK - REFERENCE_WHITE) * DENSITY_PER_CODE / NEGATIVE_GAMMA);
        return REFERENCE_WHITE + NEGATIVE_GAMMA / DENSITY_PER_CODE * Math.log10(linear * (1 - black) + black);
    }

    /** The 8-bit sRGB value of a 16-bit code value. */
    public int srgb8(int code16) {
        int[] lut = table;
        if (lut == null) {
            lut = new int[65536];
            for (int i = 0; i < lut.length; i++) {
                double linear = Math.max(0, Math.min(1, toLinear(i / 65535.0)));
                lut[i] = (int) Math.round(255 * encodeSrgb(linear));
            }
            table = lut;
        }
        return lut[code16];
    }

    /** The sRGB encoding (IEC 61966-2-1) of linear light in [0, 1]. */
    public static double encodeSrgb(double linear) {
        return linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
    }

    private static double decodeSrgb(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }
}
