package org.filmpalette.quality;

import java.util.Collection;
import java.util.Objects;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;

/**
 * The palette quality metrics of docs/design.md §7, in ΔE2000 units (about 1 is just noticeable, black to white is 100).
 *
 * <ul>
 *   <li>{@link #quantizationError}: mean over sampled pixels of ΔE2000 to the nearest palette color. Lower is
 *       better; 0 when every pixel is a palette color.</li>
 *   <li>{@link #keptAccents}: how many planted accents have a palette color within ΔE2000 &lt; {@value #ACCENT_MATCH};
 *       accent recall is that count over the number of accents.</li>
 * </ul>
 */
public final class PaletteQuality {

    /** An accent is kept when some palette color is closer than this (ΔE2000). */
    public static final double ACCENT_MATCH = 10.0;

    private PaletteQuality() {}

    /**
     * Mean ΔE2000 from each of {@code pixels} (packed sRGB) to the palette color nearest to it by ΔE2000.
     *
     * @param pixels  sampled pixels, packed {@code 0xRRGGBB}, at least one
     * @param palette palette colors, packed {@code 0xRRGGBB}, at least one
     */
    public static double quantizationError(int[] pixels, int[] palette) {
        Objects.requireNonNull(pixels, "pixels");
        if (pixels.length == 0) {
            throw new IllegalArgumentException("Invalid pixels: empty (the quantization error needs at least one)");
        }
        double[] colors = labs(palette);
        double[] pixel = new double[3];
        double sum = 0;
        for (int rgb : pixels) {
            Lab.fromRgb(rgb, pixel, 0);
            sum += DeltaE2000.toNearest(pixel, colors);
        }
        return sum / pixels.length;
    }

    /** {@link #quantizationError(int[], int[])} against a palette's swatches. */
    public static double quantizationError(int[] pixels, Palette palette) {
        return quantizationError(pixels, colors(palette));
    }

    /** ΔE2000 from {@code color} (packed sRGB) to the nearest of {@code palette}'s colors. */
    public static double distanceToPalette(int color, int[] palette) {
        double[] lab = new double[3];
        Lab.fromRgb(color, lab, 0);
        return DeltaE2000.toNearest(lab, labs(palette));
    }

    /** Whether some palette color is within ΔE2000 &lt; {@value #ACCENT_MATCH} of the accent color (packed sRGB). */
    public static boolean keeps(int[] palette, int accent) {
        return distanceToPalette(accent, palette) < ACCENT_MATCH;
    }

    /** How many of the {@code accents} (packed sRGB) the palette keeps. */
    public static int keptAccents(int[] palette, Collection<Integer> accents) {
        return keptAccents(palette, accents, ACCENT_MATCH);
    }

    /** How many of the {@code accents} have a palette color closer than {@code match} (ΔE2000). */
    public static int keptAccents(int[] palette, Collection<Integer> accents, double match) {
        double[] colors = labs(palette);
        double[] lab = new double[3];
        int kept = 0;
        for (int accent : accents) {
            Lab.fromRgb(accent, lab, 0);
            if (DeltaE2000.toNearest(lab, colors) < match) {
                kept++;
            }
        }
        return kept;
    }

    /**
     * False accents: the palette's colors with role {@code accent} that are not within {@code match} (ΔE2000) of any
     * of the frame's {@code accents} (all of them when the frame has none).
     */
    public static int unmatchedAccents(Palette palette, Collection<Integer> accents, double match) {
        int unmatched = 0;
        double[] lab = new double[3];
        for (Swatch swatch : palette.withRole(Role.ACCENT)) {
            boolean matched = false;
            for (int accent : accents) {
                Lab.fromRgb(accent, lab, 0);
                matched |= DeltaE2000.between(lab[0], lab[1], lab[2], swatch.labL(), swatch.labA(), swatch.labB())
                        < match;
            }
            unmatched += matched ? 0 : 1;
        }
        return unmatched;
    }

    /** Kept accents over all accents; 1 when there are none to keep. */
    public static double accentRecall(int[] palette, Collection<Integer> accents) {
        return accents.isEmpty() ? 1.0 : keptAccents(palette, accents) / (double) accents.size();
    }

    /** The palette's colors as packed sRGB, in rank order. */
    public static int[] colors(Palette palette) {
        return palette.swatches().stream().mapToInt(Swatch::rgb).toArray();
    }

    private static double[] labs(int[] palette) {
        Objects.requireNonNull(palette, "palette");
        if (palette.length == 0) {
            throw new IllegalArgumentException("Invalid palette: empty (must have at least one color)");
        }
        double[] labs = new double[palette.length * 3];
        for (int i = 0; i < palette.length; i++) {
            Lab.fromRgb(palette[i], labs, i * 3);
        }
        return labs;
    }
}
