package org.filmpalette.palette;

import org.filmpalette.color.Lab;
import org.filmpalette.color.Srgb;

/**
 * One color of a palette: its sRGB value (0–255 per channel), its CIELAB coordinates (D65), its share, the
 * fraction in [0,1] of the still's or film's sampled pixels nearest to it, and its {@link Role} in the palette.
 * Ranks start at 1.
 */
public record Swatch(int rank, int rgb, double labL, double labA, double labB, double share, Role role) {

    public Swatch {
        if (share < 0 || share > 1.0 + 1e-9) {
            throw new IllegalArgumentException("Invalid share: " + share + " (must be in [0,1])");
        }
        if (role == null) {
            throw new IllegalArgumentException("role must not be null");
        }
    }

    /** A {@link Role#DOMINANT} swatch; {@link Palette#of} gives palette colors their roles. */
    public Swatch(int rank, int rgb, double labL, double labA, double labB, double share) {
        this(rank, rgb, labL, labA, labB, share, Role.DOMINANT);
    }

    /** A {@link Role#DOMINANT} swatch of {@code rgb} (packed 0xRRGGBB) whose Lab values are computed from it. */
    public static Swatch of(int rank, int rgb, double share) {
        Lab lab = Lab.fromRgb(rgb);
        return new Swatch(rank, rgb & 0xFFFFFF, lab.l(), lab.a(), lab.b(), share);
    }

    /** CIELAB chroma, √(a² + b²). */
    public double chroma() {
        return Math.hypot(labA, labB);
    }

    public String hex() {
        return Srgb.hex(rgb);
    }

    public int red() {
        return Srgb.red(rgb);
    }

    public int green() {
        return Srgb.green(rgb);
    }

    public int blue() {
        return Srgb.blue(rgb);
    }

    Swatch withRank(int newRank) {
        return new Swatch(newRank, rgb, labL, labA, labB, share, role);
    }

    /** This swatch with {@code newRole}. */
    public Swatch withRole(Role newRole) {
        return new Swatch(rank, rgb, labL, labA, labB, share, newRole);
    }
}
