package org.filmpalette.color;

/** Hue angles in degrees, always reported in [0,360). */
final class Hue {

    private Hue() {
    }

    /** Angle in degrees [0,360) of the vector (x, y), measured from +x toward +y; 0 for the zero vector. */
    static double degrees(double y, double x) {
        return normalize(Math.toDegrees(Math.atan2(y, x)));
    }

    /** {@code degrees} wrapped into [0,360); NaN and infinities pass through as NaN. */
    static double normalize(double degrees) {
        double wrapped = degrees % 360.0;
        if (wrapped < 0.0) {
            wrapped += 360.0;
        }
        // A tiny negative angle plus 360 rounds to exactly 360, and -0.0 should read as 0.
        return wrapped >= 360.0 || wrapped == 0.0 ? 0.0 : wrapped;
    }
}
