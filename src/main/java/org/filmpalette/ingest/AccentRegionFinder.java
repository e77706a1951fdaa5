package org.filmpalette.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.filmpalette.color.Lab;
import org.filmpalette.palette.Role;

/**
 * Finds the regions of a decoded, cropped frame whose color stands out from their surroundings
 * ({@link AccentRegion}s): the accent candidates of the still palettes.
 *
 * <p>Each pixel is compared with the mean CIELAB color of the square around it (side about a sixth of the frame's
 * longer side): a pixel is <em>salient</em> when its chroma is at least {@link Role#MIN_ACCENT_CHROMA} and it is at
 * least {@value #MIN_CONTRAST} CIELAB units from that mean. Salient pixels that touch (4-neighbors) and differ by less
 * than {@value #JOIN} units form a region. Regions under {@value #MIN_REGION_SHARE} of the frame's pixels (grain,
 * single lit blades) or over {@link Role#MAX_ACCENT_SHARE} are dropped, and at most {@value #MAX_REGIONS} are kept,
 * highest contrast first. Each pixel's color is its {@link ColorBins} bin's mean, so the CIELAB
 * conversions are one per bin, not per pixel. Deterministic; one instance per task thread (it reuses its buffers).
 */
public final class AccentRegionFinder {

    /** Smallest CIELAB distance from a salient pixel to the mean of its surroundings. */
    static final double MIN_CONTRAST = 18.0;
    /** Largest CIELAB distance between two touching pixels of one region. */
    static final double JOIN = 20.0;
    /** Smallest share of the frame's pixels a region holds. */
    static final double MIN_REGION_SHARE = 0.0002;
    /** Smallest region, in pixels, however small the frame. */
    static final int MIN_REGION_PIXELS = 4;
    /** Most regions kept per frame. */
    static final int MAX_REGIONS = 32;
    /** Radius (CIELAB units) of a region color's neighborhood in the frame's histogram. */
    public static final double NEIGHBORHOOD = 15.0;
    /** The surrounding square's half side is the frame's longer side over this. */
    static final int SURROUND_DIVISOR = 12;

    private double[] sums = new double[0];
    private int[] region = new int[0];
    private int[] queue = new int[0];
    private float[] contrast = new float[0];

    /**
     * The accent regions of {@code frame}, whose pixels fall in {@code bins} as {@code pixelBins} says (the index of
     * each pixel's bin, -1 for a transparent pixel; {@link ColorBins#of} fills it).
     */
    public List<AccentRegion> find(DecodedFrame frame, ColorBins bins, int[] pixelBins) {
        int width = frame.width();
        int height = frame.height();
        int pixels = width * height;
        float[] binLab = binLabs(bins);
        boolean[] chromatic = chromaticBins(binLab);
        if (!any(chromatic)) {
            return List.of();
        }
        reserve(pixels, width, height);
        summedArea(pixelBins, binLab, width, height);
        int radius = Math.max(3, Math.max(width, height) / SURROUND_DIVISOR);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                region[i] = -1;
                int bin = pixelBins[i];
                if (bin < 0 || !chromatic[bin]) {
                    continue;
                }
                double distance2 = squaredDistanceToSurround(binLab, bin * 3, x, y, width, height, radius);
                if (distance2 >= MIN_CONTRAST * MIN_CONTRAST) {
                    region[i] = 0;
                    contrast[i] = (float) Math.sqrt(distance2);
                }
            }
        }
        int total = bins.pixels();
        int minPixels = Math.max(MIN_REGION_PIXELS, (int) Math.ceil(MIN_REGION_SHARE * total));
        int maxPixels = (int) (Role.MAX_ACCENT_SHARE * total);
        List<AccentRegion> found = new ArrayList<>();
        for (int seed = 0; seed < pixels; seed++) {
            if (region[seed] == 0) {
                AccentRegion grown = grow(seed, pixelBins, binLab, width, height);
                if (grown.pixels() >= minPixels && grown.pixels() <= maxPixels) {
                    found.add(grown);
                }
            }
        }
        found.sort(Comparator.comparingDouble(AccentRegion::contrast).reversed());
        List<AccentRegion> kept = new ArrayList<>();
        for (AccentRegion candidate : found.subList(0, Math.min(MAX_REGIONS, found.size()))) {
            kept.add(new AccentRegion(candidate.pixels(), candidate.l(), candidate.a(), candidate.b(),
                    candidate.contrast(), similarPixels(candidate, bins, binLab)));
        }
        return kept;
    }

    /** Whether each bin's color has the chroma of an accent: no pixel of another bin can be salient. */
    private static boolean[] chromaticBins(float[] binLab) {
        boolean[] chromatic = new boolean[binLab.length / 3];
        double minChroma2 = Role.MIN_ACCENT_CHROMA * Role.MIN_ACCENT_CHROMA;
        for (int bin = 0; bin < chromatic.length; bin++) {
            double a = binLab[bin * 3 + 1];
            double b = binLab[bin * 3 + 2];
            chromatic[bin] = a * a + b * b >= minChroma2;
        }
        return chromatic;
    }

    private static boolean any(boolean[] values) {
        for (boolean value : values) {
            if (value) {
                return true;
            }
        }
        return false;
    }

    /** Grows the region of salient pixels from {@code seed} (flood fill, 4-neighbors, {@link #JOIN}). */
    private AccentRegion grow(int seed, int[] pixelBins, float[] binLab, int width, int height) {
        int head = 0;
        int tail = 0;
        queue[tail++] = seed;
        region[seed] = 1;
        double l = 0;
        double a = 0;
        double b = 0;
        double contrastSum = 0;
        while (head < tail) {
            int i = queue[head++];
            int color = pixelBins[i] * 3;
            l += binLab[color];
            a += binLab[color + 1];
            b += binLab[color + 2];
            contrastSum += contrast[i];
            int x = i % width;
            int y = i / width;
            if (x > 0) {
                tail = visit(color, i - 1, tail, pixelBins, binLab);
            }
            if (x < width - 1) {
                tail = visit(color, i + 1, tail, pixelBins, binLab);
            }
            if (y > 0) {
                tail = visit(color, i - width, tail, pixelBins, binLab);
            }
            if (y < height - 1) {
                tail = visit(color, i + width, tail, pixelBins, binLab);
            }
        }
        return new AccentRegion(tail, l / tail, a / tail, b / tail, contrastSum / tail, 0);
    }

    private int visit(int fromColor, int to, int tail, int[] pixelBins, float[] binLab) {
        if (region[to] != 0) {
            return tail;
        }
        int toColor = pixelBins[to] * 3;
        double dl = binLab[fromColor] - binLab[toColor];
        double da = binLab[fromColor + 1] - binLab[toColor + 1];
        double db = binLab[fromColor + 2] - binLab[toColor + 2];
        if (dl * dl + da * da + db * db >= JOIN * JOIN) {
            return tail;
        }
        region[to] = 1;
        queue[tail] = to;
        return tail + 1;
    }

    /** Pixels of the frame in bins within {@link #NEIGHBORHOOD} of the region's mean color. */
    private static int similarPixels(AccentRegion region, ColorBins bins, float[] binLab) {
        int similar = 0;
        double limit = NEIGHBORHOOD * NEIGHBORHOOD;
        for (int bin = 0; bin < bins.size(); bin++) {
            double dl = binLab[bin * 3] - region.l();
            double da = binLab[bin * 3 + 1] - region.a();
            double db = binLab[bin * 3 + 2] - region.b();
            if (dl * dl + da * da + db * db < limit) {
                similar += bins.counts()[bin];
            }
        }
        return similar;
    }

    private static float[] binLabs(ColorBins bins) {
        float[] labs = new float[bins.size() * 3];
        double[] one = new double[3];
        for (int bin = 0; bin < bins.size(); bin++) {
            Lab.fromRgb(bins.rgb()[bin], one, 0);
            labs[bin * 3] = (float) one[0];
            labs[bin * 3 + 1] = (float) one[1];
            labs[bin * 3 + 2] = (float) one[2];
        }
        return labs;
    }

    /** Summed-area tables of L, a, b and the opaque count: {@code sums[((y * (width + 1)) + x) * 4 + channel]}. */
    private void summedArea(int[] pixelBins, float[] binLab, int width, int height) {
        int stride = width + 1;
        java.util.Arrays.fill(sums, 0, stride * 4, 0.0);
        for (int y = 0; y < height; y++) {
            double l = 0;
            double a = 0;
            double b = 0;
            double n = 0;
            int row = (y + 1) * stride * 4;
            int above = y * stride * 4;
            sums[row] = 0;
            sums[row + 1] = 0;
            sums[row + 2] = 0;
            sums[row + 3] = 0;
            for (int x = 0; x < width; x++) {
                int bin = pixelBins[y * width + x];
                if (bin >= 0) {
                    l += binLab[bin * 3];
                    a += binLab[bin * 3 + 1];
                    b += binLab[bin * 3 + 2];
                    n += 1;
                }
                int o = row + (x + 1) * 4;
                int u = above + (x + 1) * 4;
                sums[o] = sums[u] + l;
                sums[o + 1] = sums[u + 1] + a;
                sums[o + 2] = sums[u + 2] + b;
                sums[o + 3] = sums[u + 3] + n;
            }
        }
    }

    /** Squared CIELAB distance from the color at {@code binLab[color..color+2]} to the mean of the square around (x, y). */
    private double squaredDistanceToSurround(float[] binLab, int color, int x, int y, int width, int height, int radius) {
        int x0 = Math.max(0, x - radius);
        int x1 = Math.min(width, x + radius + 1);
        int y0 = Math.max(0, y - radius);
        int y1 = Math.min(height, y + radius + 1);
        int stride = (width + 1) * 4;
        int a = y0 * stride + x0 * 4;
        int b = y0 * stride + x1 * 4;
        int c = y1 * stride + x0 * 4;
        int d = y1 * stride + x1 * 4;
        double n = sums[d + 3] - sums[b + 3] - sums[c + 3] + sums[a + 3];
        double distance2 = 0;
        for (int j = 0; j < 3; j++) {
            double mean = (sums[d + j] - sums[b + j] - sums[c + j] + sums[a + j]) / n;
            double diff = binLab[color + j] - mean;
            distance2 += diff * diff;
        }
        return distance2;
    }

    private void reserve(int pixels, int width, int height) {
        if (region.length < pixels) {
            region = new int[pixels];
            queue = new int[pixels];
            contrast = new float[pixels];
        }
        int cells = (width + 1) * (height + 1) * 4;
        if (sums.length < cells) {
            sums = new double[cells];
        }
    }
}
