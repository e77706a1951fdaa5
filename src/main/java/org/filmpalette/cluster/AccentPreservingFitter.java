package org.filmpalette.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;

/**
 * The accent pass of {@code --palette-mode accents}: keeps small, saturated colors that a still's k clusters missed
 * (a red lamp, a blue mat, a character's eyes) without giving up much of the picture.
 *
 * <p>Given the algorithm's clustering of a still, it over-clusters the same points with k-means at
 * {@value #OVER_CLUSTERING}·k and looks for <em>missed accents</em>: fine clusters whose color is saturated (CIELAB
 * chroma at least {@value #MIN_CHROMA}), small (a share of the pixels between {@value #MIN_SHARE} and
 * {@value #MAX_SHARE}), isolated (the fine clusters within {@value #NEIGHBORHOOD} ΔE2000 of it hold fewer points
 * than it does, which rules out the tail of a large varied region such as the lit blades of a meadow) and at least
 * {@value #MISSED} ΔE2000 from every color of the clustering; blends of two kept colors are skipped. The most distinct
 * ones, at most k/4 and at least {@value #DISTINCT} ΔE2000 apart (hue de-duplication), are swapped in: each first
 * frees a slot by merging the two clusters whose merge costs least (Ward's criterion, the increase in the sum of
 * squared distances), then becomes a center. A few Lloyd iterations settle the other centers around the accents,
 * which stay at the means of their fine clusters, and sizes are recounted as the points nearest to each center, so
 * shares stay honest. A still with no missed accent keeps its clustering
 * unchanged.
 *
 * <p>Deterministic from the seed. One instance per task thread: the over-clustering kernel reuses its buffers.
 */
public final class AccentPreservingFitter {

    /**
     * Lloyd iterations of the over-clustering: its fine clusters only have to separate an accent from its
     * surroundings, and on the quality benchmark 4 iterations find the same accents, with the same errors, as 20, at
     * under a third of the time.
     */
    static final int FINE_ITERATIONS = 4;
    /** The over-clustering has this many times k clusters. */
    static final int OVER_CLUSTERING = 3;
    /** Smallest CIELAB chroma of an accent. */
    static final double MIN_CHROMA = 30.0;
    /** Smallest and largest share of the points an accent's fine cluster may hold. */
    static final double MIN_SHARE = 0.002;
    static final double MAX_SHARE = 0.05;
    /** An accent is missed when every center is at least this far (ΔE2000). */
    static final double MISSED = 10.0;
    /** Two accents closer than this (ΔE2000) are the same accent. */
    static final double DISTINCT = 15.0;
    /**
     * A fine cluster within this CIELAB distance of the segment between two kept colors is their blend (the
     * anti-aliased rim of a patch after downscaling), not an accent.
     */
    static final double BLEND = 6.0;
    /** Radius (ΔE2000) of a fine cluster's neighborhood in color. */
    static final double NEIGHBORHOOD = 15.0;
    /** Lloyd iterations after the swap. */
    static final int SETTLE_ITERATIONS = 5;

    private final ColorSpace space;
    private final int k;
    private final TaskKMeans overClustering;
    private final NearestCenters settling = new NearestCenters();

    /** The accent pass for palettes of {@code k} colors clustered in {@code space}. */
    public AccentPreservingFitter(ColorSpace space, int k, int maxIterations) {
        if (k < 2) {
            throw new IllegalArgumentException("Invalid k: " + k + " (must be at least 2)");
        }
        this.space = space;
        this.k = k;
        this.overClustering = new TaskKMeans(OVER_CLUSTERING * k, Math.min(maxIterations, FINE_ITERATIONS), 1e-4, 1);
    }

    /**
     * The clustering {@code base} of {@code count} points (flat, 3 values each, in this fitter's space) with its
     * missed accents swapped in, or {@code base} itself when it missed none.
     */
    public Clustering refine(double[] points, int count, Clustering base, long seed) {
        return refine(points, count, base, overCluster(points, count, seed));
    }

    /**
     * The over-clustering of a still's {@code count} points at {@value #OVER_CLUSTERING}·k, the part of the pass that
     * does not depend on the algorithm, so the algorithms of one still share it ({@link PaletteFitter} does).
     */
    public FineClusters overCluster(double[] points, int count, long seed) {
        if (count < OVER_CLUSTERING * k) {
            return new FineClusters(null, null);
        }
        Clustering fine = overClustering.fit(points, 3, count, seed ^ 0x5EEDACCE17L);
        return new FineClusters(fine, labs(fine));
    }

    /** A still's fine clusters and their CIELAB colors ({@link #overCluster}); empty for too few points. */
    public record FineClusters(Clustering clustering, double[] lab) {}

    /** {@link #refine(double[], int, Clustering, long)} with the still's over-clustering already done. */
    public Clustering refine(double[] points, int count, Clustering base, FineClusters fineClusters) {
        if (base.dimensions() != 3) {
            throw new IllegalArgumentException("Invalid dimensions: " + base.dimensions() + " (colors have 3)");
        }
        if (count < OVER_CLUSTERING * k || fineClusters.clustering() == null) {
            return base;
        }
        List<double[]> accents = missedAccents(count, base, fineClusters);
        if (accents.isEmpty()) {
            return base;
        }
        // Base centers that already are accents (saturated and small) are never merged away; the others are.
        List<double[]> centers = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        List<double[]> fixed = new ArrayList<>();
        double[] lab = new double[3];
        for (int i = 0; i < base.count(); i++) {
            Lab.fromRgb(space.decode(base.centers(), i * 3), lab, 0);
            if (isAccent(lab, base.sizes()[i] / (double) count)) {
                fixed.add(base.center(i));
            } else {
                centers.add(base.center(i));
                sizes.add((double) base.sizes()[i]);
            }
        }
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
        return settle(points, count, flat, movable);
    }

    /** Fine clusters that are saturated, small and far from every base center, most distinct first, de-duplicated. */
    private List<double[]> missedAccents(int count, Clustering base, FineClusters fineClusters) {
        Clustering fine = fineClusters.clustering();
        double[] baseLab = labs(base);
        record Candidate(double[] center, double[] lab, double distance) {}
        List<Candidate> candidates = new ArrayList<>();
        double[] fineLab = fineClusters.lab();
        for (int i = 0; i < fine.count(); i++) {
            double[] lab = Arrays.copyOfRange(fineLab, i * 3, i * 3 + 3);
            if (!isAccent(lab, fine.sizes()[i] / (double) count)) {
                continue;
            }
            double distance = DeltaE2000.toNearest(lab, baseLab);
            if (distance >= MISSED && isIsolated(i, fine, fineLab)) {
                candidates.add(new Candidate(fine.center(i), lab, distance));
            }
        }
        // Most distinct first; ties by coordinates so the order never depends on the kernel's center order.
        candidates.sort((a, b) -> a.distance() != b.distance()
                ? Double.compare(b.distance(), a.distance())
                : Arrays.compare(a.center(), b.center()));
        List<double[]> accepted = new ArrayList<>();
        List<double[]> acceptedLab = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < baseLab.length; i += 3) {
            kept.add(Arrays.copyOfRange(baseLab, i, i + 3));
        }
        int limit = Math.max(1, k / 4);
        for (Candidate candidate : candidates) {
            if (accepted.size() == limit) {
                break;
            }
            boolean duplicate = false;
            for (double[] other : acceptedLab) {
                duplicate |= DeltaE2000.between(candidate.lab()[0], candidate.lab()[1], candidate.lab()[2],
                        other[0], other[1], other[2]) < DISTINCT;
            }
            if (!duplicate && !isBlend(candidate.lab(), kept)) {
                accepted.add(candidate.center());
                acceptedLab.add(candidate.lab());
                kept.add(candidate.lab());
            }
        }
        return accepted;
    }

    /**
     * Whether fine cluster {@code i} stands alone in color: the fine clusters within {@link #NEIGHBORHOOD} ΔE2000 of
     * it hold fewer points than it does. The tail of a large, varied region (the lit blades of a meadow) has
     * neighbors as big as itself; a lamp or a patch of paint does not.
     */
    private static boolean isIsolated(int i, Clustering fine, double[] fineLab) {
        long neighbors = 0;
        for (int j = 0; j < fine.count(); j++) {
            if (j != i && DeltaE2000.between(fineLab[i * 3], fineLab[i * 3 + 1], fineLab[i * 3 + 2], fineLab[j * 3],
                    fineLab[j * 3 + 1], fineLab[j * 3 + 2]) < NEIGHBORHOOD) {
                neighbors += fine.sizes()[j];
            }
        }
        return neighbors < fine.sizes()[i];
    }

    /** Whether a color (CIELAB) holding {@code share} of the points looks like an accent: saturated and small. */
    private static boolean isAccent(double[] lab, double share) {
        return share >= MIN_SHARE && share <= MAX_SHARE && Math.hypot(lab[1], lab[2]) >= MIN_CHROMA;
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
     * A few Lloyd iterations from {@code centers} that move only the first {@code movable} (the non-accent colors),
     * then the honest assignment of every point. Accents stay at the mean of their fine cluster: a weak accent (chroma
     * 35–50) next to a large textured region would otherwise take over the region's nearest pixels and drift toward
     * it, out of the accent's ΔE2000 10.
     */
    private Clustering settle(double[] points, int count, double[] centers, int movable) {
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
                counts[best]++;
                for (int j = 0; j < 3; j++) {
                    sums[best * 3 + j] += points[p * 3 + j];
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
        }
        return Clustering.fromNearest(points, 3, count, centers, centerCount,
                settling.assign(points, count, centers, centerCount));
    }

    private double[] labs(Clustering clustering) {
        double[] labs = new double[clustering.count() * 3];
        for (int i = 0; i < clustering.count(); i++) {
            Lab.fromRgb(space.decode(clustering.centers(), i * 3), labs, i * 3);
        }
        return labs;
    }
}
