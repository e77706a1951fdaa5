package org.filmpalette.ingest;

import java.util.Locale;

import org.filmpalette.color.Lab;

/**
 * A near-uniform black or white frame (fades, leaders, flashes): its still palette is kept but it is left out of
 * its film's palette by default. Stored in {@code frames.blank}.
 */
public enum BlankFrame {
    BLACK,
    WHITE;

    /** Fraction of the sampled pixels that must be near black (or near white). */
    static final double UNIFORM_FRACTION = 0.98;
    /** CIELAB L* at or below which a pixel is near black. */
    static final double BLACK_LIGHTNESS = 12;
    /** CIELAB L* at or above which a pixel is near white. */
    static final double WHITE_LIGHTNESS = 95;

    /** The value stored in {@code frames.blank}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code BLACK} or {@code WHITE} when the frame's counted pixels are near-uniformly so, else {@code null}. */
    public static BlankFrame of(ColorBins bins) {
        double[] lab = new double[3];
        long dark = 0;
        long light = 0;
        for (int bin = 0; bin < bins.size(); bin++) {
            Lab.fromRgb(bins.rgb()[bin], lab, 0);
            dark += lab[0] <= BLACK_LIGHTNESS ? bins.counts()[bin] : 0;
            light += lab[0] >= WHITE_LIGHTNESS ? bins.counts()[bin] : 0;
        }
        int pixels = bins.pixels();
        if (pixels == 0) {
            return null;
        }
        if (dark >= UNIFORM_FRACTION * pixels) {
            return BLACK;
        }
        return light >= UNIFORM_FRACTION * pixels ? WHITE : null;
    }

    /** {@code BLACK} or {@code WHITE} when the sample is near-uniformly so, else {@code null}. */
    public static BlankFrame of(int[] sampledRgb) {
        if (sampledRgb.length == 0) {
            return null;
        }
        double[] lab = new double[3];
        int dark = 0;
        int light = 0;
        for (int rgb : sampledRgb) {
            Lab.fromRgb(rgb, lab, 0);
            dark += lab[0] <= BLACK_LIGHTNESS ? 1 : 0;
            light += lab[0] >= WHITE_LIGHTNESS ? 1 : 0;
        }
        if (dark >= UNIFORM_FRACTION * sampledRgb.length) {
            return BLACK;
        }
        return light >= UNIFORM_FRACTION * sampledRgb.length ? WHITE : null;
    }
}
