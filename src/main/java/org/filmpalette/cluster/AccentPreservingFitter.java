package org.filmpalette.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.filmpalette.palette.Role;

/**
 * The accent pass of {@code --palette-mode accents}: keeps small, saturated colors that a still's k clusters missed
 * (a bird's beak, a patch of flowers, a red lamp) without giving up much of the picture.
 *
 * <p>Its candidates are the still's {@link AccentCandidates}: spatially coherent regions of the whole raster whose
 * color stands out from their surroundings, saturated and isolated in color. Taking them from regions rather than
 * from the colors alone is what lets a compact accent of 0.02–0.2 % of the frame in, while texture stays out. A
 * candidate is <em>missed</em> when every color of the clustering is at least {@link Role#MIN_ACCENT_DISTANCE}
 * ΔE2000 from it; blends of two kept colors (within {@value #BLEND} CIELAB units of the segment between them: the rim
 * of a patch after downscaling) are skipped. The most prominent missed candidates, at most k/4 and at least
 * {@value AccentCandidates#DISTINCT} ΔE2000 apart, are swapped in: each first frees a slot by merging the two
 * clusters whose merge costs least (Ward's criterion; on the real development frames, also letting the clustering's
 * own small saturated colors merge kept the error at 1.05× plain instead of 1.08×), then becomes a center. A few weighted Lloyd iterations settle
 * the other centers around the accents, which stay at their regions' mean color; a last step lets every center move,
 * an accent at most ΔE2000 {@value #ACCENT_DRIFT}; sizes are recounted as the pixels nearest to each center, so shares
 * stay honest. A still with no missed candidate keeps its clustering unchanged.
 *
 * <p>Deterministic. One instance per task thread: the settling bounds are reused.
 */
public final class AccentPreservingFitter {

    /**
     * A candidate within this CIELAB distance of the segment between two kept colors is their blend (the
     * anti-aliased rim of a patch after downscaling), not an accent.
     */
    static final double BLEND = 6.0;
    /** Farthest (ΔE2000) an accent moves from its region's color in the last Lloyd step. */
    static final double ACCENT_DRIFT = 5.0;
    /** Most Lloyd iterations after the swap (fewer when the centers stop moving). */
    static final int SETTLE_ITERATIONS = 20;

    private final ColorSpace space;
    private final int k;
    private final NearestCenters settling = new NearestCenters();

    /** The accent pass for palettes of {@code k} colors clustered in {@code space}. */
    public AccentPreservingFitter(ColorSpace space, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("Invalid k: " + k + " (must be at least 2)");
        }
        this.space = space;
        this.k = k;
    }

    /**
     * The clustering {@code base} of {@code count} weighted points (flat, 3 values each, in this fitter's space; each
     * standing for {@code weights[p]} pixels) with its missed {@code candidates} swapped in, or {@code base} itself
     * when it missed none.
     */
    public Clustering refine(double[] points, int[] weights, int count, Clustering base,
            List<AccentCandidates.Candidate> candidates) {
        if (base.dimensions() != 3) {
            throw new IllegalArgumentException("Invalid dimensions: " + base.dimensions() + " (colors have 3)");
        }
        List<double[]> accents = missedAccents(base, candidates);
        if (accents.isEmpty()) {
            return base;
        }
        List<double[]> centers = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        for (int i = 0; i < base.count(); i++) {
            centers.add(base.center(i));
            sizes.add((double) base.sizes()[i]);
        }
        List<double[]> fixed = new ArrayList<>();
        for (double[] accent : accents) {
            if (centers.size() + fixed.size() >= k) {
                if (centers.size() < 2) {
                    break;
                }
                WardMerge.mergeCheapestPair(centers, sizes);
            }
            fixed.add(accent);
        }
        int movable = centers.size();
        centers.addAll(fixed);
        double[] flat = new double[centers.size() * 3];
        for (int i = 0; i < centers.size(); i++) {
            System.arraycopy(centers.get(i), 0, flat, i * 3, 3);
        }
        return settle(points, weights, count, flat, movable);
    }

    /** The candidates the clustering missed, most prominent first, de-duplicated, at most k/4, in this space. */
    private List<double[]> missedAccents(Clustering base, List<AccentCandidates.Candidate> candidates) {
        double[] baseLab = labs(base);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < baseLab.length; i += 3) {
            kept.add(Arrays.copyOfRange(baseLab, i, i + 3));
        }
        List<double[]> accepted = new ArrayList<>();
        List<double[]> acceptedLab = new ArrayList<>();
        int limit = Math.max(1, k / 4);
        for (AccentCandidates.Candidate candidate : candidates) {
            if (accepted.size() == limit) {
                break;
            }
            double[] lab = candidate.lab();
            if (DeltaE2000.toNearest(lab, baseLab) < Role.MIN_ACCENT_DISTANCE || isBlend(lab, kept)) {
                continue;
            }
            boolean duplicate = false;
            for (double[] other : acceptedLab) {
                duplicate |= DeltaE2000.between(lab[0], lab[1], lab[2], other[0], other[1], other[2])
                        < AccentCandidates.DISTINCT;
            }
            if (!duplicate) {
                double[] center = new double[3];
                space.encode(Lab.toRgb(lab[0], lab[1], lab[2]), center, 0);
                accepted.add(center);
                acceptedLab.add(lab);
                kept.add(lab);
            }
        }
        return accepted;
    }

    /** Whether {@code lab} lies within {@link #BLEND} of the segment between two of the {@code kept} colors. */
    private static boolean isBlend(double[] lab, List<double[]> kept) {
        for (int a = 0; a < kept.size(); a++) {
            for (int b = a + 1; b < kept.size(); b++) {
                if (segmentDistance(lab, kept.get(a), kept.get(b)) < BLEND) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Euclidean distance from {@code p} to the segment from {@code a} to {@code b}, all 3-D. */
    static double segmentDistance(double[] p, double[] a, double[] b) {
        double along = 0;
        double length = 0;
        for (int j = 0; j < 3; j++) {
            along += (p[j] - a[j]) * (b[j] - a[j]);
            length += (b[j] - a[j]) * (b[j] - a[j]);
        }
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, along / length));
        double sum = 0;
        for (int j = 0; j < 3; j++) {
            double d = p[j] - (a[j] + t * (b[j] - a[j]));
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /**
     * A few weighted Lloyd iterations from {@code centers} that move only the first {@code movable} (the non-accent
     * colors), then the honest assignment of every point. Accents stay at their regions' mean: a weak accent next to
     * a large textured region would otherwise take over the region's nearest pixels and drift toward it.
     */
    private Clustering settle(double[] points, int[] weights, int count, double[] centers, int movable) {
        int centerCount = centers.length / 3;
        double[] sums = new double[centers.length];
        long[] counts = new long[centerCount];
        double[] previous = new double[centers.length];
        settling.reset();
        for (int iteration = 0; iteration < SETTLE_ITERATIONS; iteration++) {
            int[] nearest = settling.assign(points, count, centers, centerCount);
            Arrays.fill(sums, 0.0);
            Arrays.fill(counts, 0L);
            for (int p = 0; p < count; p++) {
                int best = nearest[p];
                counts[best] += weights[p];
                for (int j = 0; j < 3; j++) {
                    sums[best * 3 + j] += weights[p] * points[p * 3 + j];
                }
            }
            System.arraycopy(centers, 0, previous, 0, centers.length);
            for (int c = 0; c < movable; c++) {
                if (counts[c] > 0) {
                    for (int j = 0; j < 3; j++) {
                        centers[c * 3 + j] = sums[c * 3 + j] / counts[c];
                    }
                }
            }
            settling.moved(previous, centers, centerCount);
            if (Arrays.equals(previous, centers)) {
                break; // a fixed point: every further iteration would assign and average the same
            }
        }
        freeStep(points, weights, count, centers, movable, sums, counts, previous);
        return Clustering.fromNearest(points, weights, 3, count, centers, centerCount,
                settling.assign(points, count, centers, centerCount));
    }

    /**
     * One last Lloyd step in which the accents move too, each only as far as ΔE2000 {@value #ACCENT_DRIFT} from the
     * color it entered with: its pixels' mean is a better center than the region's core color (on the real
     * development frames it took the error from 1.05× to 1.04× plain), but a weak accent next to a large region
     * must not be pulled into it.
     */
    private void freeStep(double[] points, int[] weights, int count, double[] centers, int movable, double[] sums,
            long[] counts, double[] previous) {
        int centerCount = centers.length / 3;
        int[] nearest = settling.assign(points, count, centers, centerCount);
        Arrays.fill(sums, 0.0);
        Arrays.fill(counts, 0L);
        for (int p = 0; p < count; p++) {
            counts[nearest[p]] += weights[p];
            for (int j = 0; j < 3; j++) {
                sums[nearest[p] * 3 + j] += weights[p] * points[p * 3 + j];
            }
        }
        System.arraycopy(centers, 0, previous, 0, centers.length);
        double[] entered = new double[3];
        double[] mean = new double[3];
        for (int c = 0; c < centerCount; c++) {
            if (counts[c] == 0) {
                continue;
            }
            double[] moved = new double[3];
            for (int j = 0; j < 3; j++) {
                moved[j] = sums[c * 3 + j] / counts[c];
            }
            if (c >= movable) {
                Lab.fromRgb(space.decode(previous, c * 3), entered, 0);
                Lab.fromRgb(space.decode(moved, 0), mean, 0);
                if (DeltaE2000.between(entered[0], entered[1], entered[2], mean[0], mean[1], mean[2]) > ACCENT_DRIFT) {
                    continue;
                }
            }
            System.arraycopy(moved, 0, centers, c * 3, 3);
        }
        settling.moved(previous, centers, centerCount);
    }

    private double[] labs(Clustering clustering) {
        double[] labs = new double[clustering.count() * 3];
        for (int i = 0; i < clustering.count(); i++) {
            Lab.fromRgb(space.decode(clustering.centers(), i * 3), labs, i * 3);
        }
        return labs;
    }
}
