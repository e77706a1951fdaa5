package org.filmpalette.color;

/**
 * A CIELAB color in polar form (CIE LCh(ab), D65): lightness {@code l} 0–100, chroma {@code c} ≥ 0 and hue angle
 * {@code h} in degrees [0,360), measured from +a toward +b. The constructor wraps any finite hue into [0,360).
 */
public record Lch(double l, double c, double h) {

    /** Wraps {@code h} into [0,360). */
    public Lch {
        h = Hue.normalize(h);
    }

    /** Lch of a packed sRGB color. */
    public static Lch fromRgb(int rgb) {
        return Lab.fromRgb(rgb).toLch();
    }

    /** The same color in rectangular CIELAB form. */
    public Lab toLab() {
        double radians = Math.toRadians(h);
        return new Lab(l, c * Math.cos(radians), c * Math.sin(radians));
    }
}
