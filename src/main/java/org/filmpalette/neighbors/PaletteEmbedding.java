package org.filmpalette.neighbors;

import java.util.Arrays;
import java.util.List;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * A palette as a fixed-length vector whose Euclidean distance tracks {@code palette_distance}: a sliced-Wasserstein
 * embedding. Each color's CIELAB coordinates are first warped so that chroma differences count as CIEDE2000 counts
 * them (chroma C becomes ln(1 + 0.045 C) / 0.045, hue kept), then projected on {@value #DIRECTIONS} fixed unit
 * directions; along each direction the palette is a one-dimensional distribution (the colors' shares as masses) and
 * the embedding holds its quantile function averaged over {@value #LEVELS} equal bins of [0,1]. The Euclidean
 * distance of two embeddings is then the sliced 2-Wasserstein distance of the two palettes in the warped space
 * (scaled by √3 to the units of a full 3-D distance, about ΔE00), exact up to the binning. Pure Java, deterministic.
 */
public final class PaletteEmbedding {

    /** Fixed projection directions in the warped CIELAB space. */
    public static final int DIRECTIONS = 16;
    /** Quantile bins per direction. */
    public static final int LEVELS = 8;
    /** Length of an embedding. */
    public static final int DIMENSIONS = DIRECTIONS * LEVELS;

    /** CIEDE2000's chroma weighting S_C = 1 + 0.045 C, integrated: the warp that makes chroma steps equal. */
    private static final double CHROMA_WEIGHT = 0.045;
    // Averages over bins and directions, then back to the scale of a 3-D distance (a unit direction sees 1/3 of it).
    private static final double SCALE = Math.sqrt(3.0 / (DIRECTIONS * LEVELS));
    private static final double[][] AXES = axes();

    private PaletteEmbedding() {}

    /** The embedding of a palette. */
    public static double[] of(Palette palette) {
        return of(palette.swatches());
    }

    /** The embedding of swatches whose shares are positive in total (they are normalized here). */
    public static double[] of(List<Swatch> swatches) {
        int n = swatches.size();
        double[] l = new double[n];
        double[] a = new double[n];
        double[] b = new double[n];
        double[] share = new double[n];
        for (int i = 0; i < n; i++) {
            Swatch s = swatches.get(i);
            l[i] = s.labL();
            a[i] = s.labA();
            b[i] = s.labB();
            share[i] = s.share();
        }
        return of(l, a, b, share);
    }

    /** The embedding of colors given by their CIELAB coordinates and shares (same lengths, shares summing above 0). */
    public static double[] of(double[] labL, double[] labA, double[] labB, double[] shares) {
        int n = shares.length;
        if (n == 0 || labL.length != n || labA.length != n || labB.length != n) {
            throw new IllegalArgumentException("Invalid palette: " + n + " shares for " + labL.length + " colors"
                    + " (needs at least one color, as many shares as colors)");
        }
        double total = 0;
        for (double share : shares) {
            if (!(share >= 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException("Invalid share: " + share + " (must be finite and non-negative)");
            }
            total += share;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("Invalid palette: shares sum to 0");
        }
        double[] warped = new double[n * 3];
        for (int i = 0; i < n; i++) {
            warp(labL[i], labA[i], labB[i], warped, i * 3);
        }
        double[] embedding = new double[DIMENSIONS];
        double[] projection = new double[n];
        int[] order = new int[n];
        for (int d = 0; d < DIRECTIONS; d++) {
            double[] axis = AXES[d];
            for (int i = 0; i < n; i++) {
                projection[i] = axis[0] * warped[i * 3] + axis[1] * warped[i * 3 + 1] + axis[2] * warped[i * 3 + 2];
            }
            sortByProjection(projection, order);
            binnedQuantiles(projection, order, shares, total, embedding, d * LEVELS);
        }
        return embedding;
    }

    /**
     * The squared distance of {@code x} and {@code y} when it is at most {@code bound}; otherwise some value above
     * {@code bound} (the sum stops once past it, every eighth coordinate checked).
     */
    public static double squaredDistanceUpTo(double[] x, double[] y, double bound) {
        double sum = 0;
        for (int i = 0; i < x.length; i += 8) {
            int end = Math.min(x.length, i + 8);
            for (int k = i; k < end; k++) {
                double d = x[k] - y[k];
                sum += d * d;
            }
            if (sum > bound) {
                return sum;
            }
        }
        return sum;
    }

    /** The Euclidean distance of two embeddings, about ΔE00 units. */
    public static double distance(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** The quantile function of the weighted points averaged over each of the LEVELS equal bins, scaled. */
    private static void binnedQuantiles(double[] projection, int[] order, double[] shares, double total,
            double[] out, int offset) {
        int next = 0;
        double left = shares[order[0]] / total;
        for (int bin = 0; bin < LEVELS; bin++) {
            double need = 1.0 / LEVELS;
            double sum = 0;
            while (need > 1e-15) {
                double take = Math.min(need, left);
                sum += take * projection[order[next]];
                need -= take;
                left -= take;
                if (left <= 1e-15) {
                    if (next == order.length - 1) {
                        // Rounding left a sliver of the last bin: it belongs to the last point.
                        sum += need * projection[order[next]];
                        break;
                    }
                    next++;
                    left = shares[order[next]] / total;
                }
            }
            out[offset + bin] = sum * LEVELS * SCALE;
        }
    }

    /** Insertion sort of the indexes by projection, ties by index: palettes have a few dozen colors at most. */
    private static void sortByProjection(double[] projection, int[] order) {
        for (int i = 0; i < order.length; i++) {
            int at = i;
            while (at > 0 && projection[order[at - 1]] > projection[i]) {
                order[at] = order[at - 1];
                at--;
            }
            order[at] = i;
        }
    }

    private static void warp(double l, double a, double b, double[] out, int offset) {
        double chroma = Math.hypot(a, b);
        double ratio = chroma == 0 ? 1 : Math.log1p(CHROMA_WEIGHT * chroma) / CHROMA_WEIGHT / chroma;
        out[offset] = l;
        out[offset + 1] = a * ratio;
        out[offset + 2] = b * ratio;
    }

    /** Fixed, well-spread unit directions: a spherical Fibonacci lattice on the upper half of the sphere. */
    private static double[][] axes() {
        double[][] axes = new double[DIRECTIONS][];
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < DIRECTIONS; i++) {
            double z = 1 - (i + 0.5) / DIRECTIONS;
            double r = Math.sqrt(1 - z * z);
            axes[i] = new double[] {z, r * Math.cos(golden * i), r * Math.sin(golden * i)};
        }
        return axes;
    }
}
