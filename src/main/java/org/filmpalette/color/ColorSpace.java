package org.filmpalette.color;

/**
 * The coordinate space k-means clusters pixels in, chosen with {@code --color-space lab|rgb|hsv}. Each constant
 * encodes a packed sRGB color as three doubles and decodes a point (for example a cluster center, which is a mean of
 * encoded pixels) back to packed sRGB, clamping whatever falls outside the gamut.
 *
 * <ul>
 *   <li>{@link #LAB}: CIELAB D65 (L 0–100, a and b roughly −128..128); Euclidean distance approximates perceived
 *       difference, so this is the default.</li>
 *   <li>{@link #RGB}: encoded sRGB channels r, g, b as doubles 0–255.</li>
 *   <li>{@link #HSV}: the HSV cone, not raw (h, s, v). Hue is an angle, and averaging 350° and 10° as numbers gives
 *       180°, so hue is turned into a point on a disc: x = 100·s·v·cos h, y = 100·s·v·sin h, z = 100·v. All three
 *       axes then span comparable ranges (x, y in −100..100, z in 0–100), and means of nearby colors stay nearby.
 *       Decoding reads v = z/100 and chroma s·v = hypot(x, y)/100, clamping chroma to v and v to [0,1].</li>
 * </ul>
 */
public enum ColorSpace {

    /** CIELAB D65: L, a, b. */
    LAB("lab") {
        @Override
        public void encode(int rgb, double[] out, int offset) {
            Lab.fromRgb(rgb, out, offset);
        }

        @Override
        public int decode(double[] point, int offset) {
            return Lab.toRgb(point[offset], point[offset + 1], point[offset + 2]);
        }
    },

    /** Encoded sRGB r, g, b on the 0–255 scale. */
    RGB("rgb") {
        @Override
        public void encode(int rgb, double[] out, int offset) {
            out[offset] = Srgb.red(rgb);
            out[offset + 1] = Srgb.green(rgb);
            out[offset + 2] = Srgb.blue(rgb);
        }

        @Override
        public int decode(double[] point, int offset) {
            return Srgb.packRounded(point[offset], point[offset + 1], point[offset + 2]);
        }
    },

    /** HSV cone coordinates x = 100·s·v·cos h, y = 100·s·v·sin h, z = 100·v. */
    HSV("hsv") {
        @Override
        public void encode(int rgb, double[] out, int offset) {
            Hsv.fromRgb(rgb, out, offset);
            double radians = Math.toRadians(out[offset]);
            double chroma = HSV_SCALE * out[offset + 1] * out[offset + 2];
            out[offset] = chroma * Math.cos(radians);
            out[offset + 1] = chroma * Math.sin(radians);
            out[offset + 2] = HSV_SCALE * out[offset + 2];
        }

        @Override
        public int decode(double[] point, int offset) {
            double x = point[offset];
            double y = point[offset + 1];
            double v = Math.max(0.0, Math.min(1.0, point[offset + 2] / HSV_SCALE));
            double chroma = Math.min(v, Math.hypot(x, y) / HSV_SCALE);
            double s = v > 0.0 ? chroma / v : 0.0;
            return Hsv.toRgb(Hue.degrees(y, x), s, v);
        }
    };

    // Puts the HSV cone on the same 0–100 footing as L in Lab.
    private static final double HSV_SCALE = 100.0;

    private final String id;

    ColorSpace(String id) {
        this.id = id;
    }

    /** Writes this space's three coordinates of a packed sRGB color to {@code out[offset..offset+2]}. */
    public abstract void encode(int rgb, double[] out, int offset);

    /** Packed sRGB of the point at {@code point[offset..offset+2]}, clamped into the sRGB gamut. */
    public abstract int decode(double[] point, int offset);

    /** The name used on the command line and in config: "lab", "rgb" or "hsv". */
    public String id() {
        return id;
    }
}
