package org.filmpalette.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * A spatially coherent region of a frame whose color stands out from its surroundings: a candidate accent (a beak,
 * a lamp, a patch of flowers), found by {@link AccentRegionFinder} on the whole downscaled raster.
 *
 * @param pixels        pixels in the region, at least 1
 * @param l             mean CIELAB L* of the region's pixels
 * @param a             mean CIELAB a*
 * @param b             mean CIELAB b*
 * @param contrast      mean CIELAB distance (ΔE76) of its pixels to the mean color of their surroundings
 * @param similarPixels pixels of the whole frame within {@link AccentRegionFinder#NEIGHBORHOOD} CIELAB units of the
 *                      region's mean color, the region's own included: far more than {@code pixels} means the color
 *                      is common in the frame (texture), not an accent
 */
public record AccentRegion(int pixels, double l, double a, double b, double contrast, int similarPixels) {

    /** Values per region in {@link #toArray}. */
    private static final int FIELDS = 6;

    /** CIELAB chroma of the mean color. */
    public double chroma() {
        return Math.hypot(a, b);
    }

    /** The regions as one flat array, {@value #FIELDS} values each: how a decoded frame row carries them. */
    public static double[] toArray(List<AccentRegion> regions) {
        double[] values = new double[regions.size() * FIELDS];
        for (int i = 0; i < regions.size(); i++) {
            AccentRegion region = regions.get(i);
            int o = i * FIELDS;
            values[o] = region.pixels;
            values[o + 1] = region.l;
            values[o + 2] = region.a;
            values[o + 3] = region.b;
            values[o + 4] = region.contrast;
            values[o + 5] = region.similarPixels;
        }
        return values;
    }

    /** The regions of {@link #toArray}'s output. */
    public static List<AccentRegion> fromArray(double[] values) {
        if (values.length % FIELDS != 0) {
            throw new IllegalArgumentException("Invalid regions: " + values.length + " values (must be a multiple of "
                    + FIELDS + ")");
        }
        List<AccentRegion> regions = new ArrayList<>(values.length / FIELDS);
        for (int o = 0; o < values.length; o += FIELDS) {
            regions.add(new AccentRegion((int) values[o], values[o + 1], values[o + 2], values[o + 3], values[o + 4],
                    (int) values[o + 5]));
        }
        return regions;
    }
}
