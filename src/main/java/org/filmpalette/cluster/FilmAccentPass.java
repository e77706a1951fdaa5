package org.filmpalette.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;

/**
 * The film-level accent pass: keeps in a film palette the accents that recur across the film's stills (a costume, a
 * neon sign), which a fit over the stills' colors weighted by their shares drops, since a 1 % accent weighs 1 %.
 *
 * <p>Given the film's still palettes (in frame order) and the film fit's centers and weights, it takes every still
 * color whose {@link Role} is {@link Role#ACCENT} (derived from the still palette's colors and shares), groups them
 * greedily in still order (a color joins the first group whose first color is within ΔE2000 {@value #SAME_ACCENT}
 * with lightness counting half, {@link #ACROSS_LIGHT}, else starts one), and calls a group <em>recurring</em> when at least {@value #MIN_RECURRENCE} of the stills
 * contain one of its colors. Each recurring group that no film color is within ΔE2000 {@value #SAME_ACCENT} of, most
 * saturated first and at most k/4 of them, is swapped in as the share-weighted mean of its colors: the two non-accent
 * film colors whose merge costs least (Ward's criterion, with the film weights) are merged to free a slot, as the
 * still accent pass does. A few weighted Lloyd iterations over the still colors then settle the other centers, and
 * the weights are recounted as the summed shares of the still colors nearest to each center, so film shares stay
 * honest. A film with no missing recurring accent keeps its fit unchanged.
 *
 * <p>Pure and deterministic: it reads the stills in the order given (the caller sorts them by frame id) and never
 * depends on partitioning; it costs a few thousand ΔE2000 evaluations per film, on the driver.
 */
public final class FilmAccentPass {

    /** Fraction of a film's stills that must contain an accent for it to recur. */
    public static final double MIN_RECURRENCE = 0.25;
    /** Two still accents closer than this (ΔE2000) are the same accent; a film color this close already keeps it. */
    public static final double SAME_ACCENT = 10.0;
    /**
     * Lightness factor kL of the ΔE2000 that groups still accents: one surface (a beak, a costume) changes lightness
     * with the light from shot to shot far more than hue or chroma, so lightness counts half (the CIE's kL for
     * textured samples). At kL = 1 the bird's beak in the development frames (ΔE2000 11 between its lit and shaded
     * stills) split into two groups of two stills, neither recurring.
     */
    static final double ACROSS_LIGHT = 2.0;
    /** Weighted Lloyd iterations after a swap. */
    static final int SETTLE_ITERATIONS = 5;

    private final ColorSpace space;
    private final int k;

    /** The pass for film palettes of at most {@code k} colors fitted in {@code space}. */
    public FilmAccentPass(ColorSpace space, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("Invalid k: " + k + " (must be at least 2)");
        }
        this.space = space;
        this.k = k;
    }

    /**
     * A film fit: centers (flat, 3 values each, in this pass's space) and the summed still shares nearest to each.
     */
    public record Fit(double[] centers, double[] weights) {

        public int count() {
            return weights.length;
        }
    }

    private static double chroma(Recurring accent) {
        return Math.hypot(accent.lab()[1], accent.lab()[2]);
    }

    /** A recurring accent: its color (CIELAB), the fraction of stills holding it, and its weighted mean in space. */
    record Recurring(double[] lab, double recurrence, double[] center) {}

    /** {@code fit} with the film's missing recurring accents swapped in, or {@code fit} itself when none is missing. */
    public Fit apply(List<Palette> stills, Fit fit) {
        List<Recurring> missing = missing(stills, fit);
        if (missing.isEmpty()) {
            return fit;
        }
        List<double[]> centers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<double[]> fixed = new ArrayList<>();
        double total = Arrays.stream(fit.weights()).sum();
        List<Swatch> film = new ArrayList<>();
        for (int i = 0; i < fit.count(); i++) {
            film.add(Swatch.of(i + 1, space.decode(fit.centers(), i * 3), fit.weights()[i] / total));
        }
        for (int i = 0; i < fit.count(); i++) {
            double[] center = Arrays.copyOfRange(fit.centers(), i * 3, i * 3 + 3);
            // Film colors that already are accents are never merged away.
            if (Role.of(film.get(i), film) == Role.ACCENT) {
                fixed.add(center);
            } else {
                centers.add(center);
                weights.add(fit.weights()[i]);
            }
        }
        for (Recurring accent : missing) {
            if (centers.size() + fixed.size() >= k) {
                if (centers.size() < 2) {
                    break;
                }
                WardMerge.mergeCheapestPair(centers, weights);
            }
            fixed.add(accent.center());
        }
        int movable = centers.size();
        centers.addAll(fixed);
        return settle(stills, centers, movable);
    }

    /** Recurring still accents no film color keeps, most saturated first, at most k/4. */
    List<Recurring> missing(List<Palette> stills, Fit fit) {
        if (stills.isEmpty()) {
            return List.of();
        }
        double[] filmLab = new double[fit.count() * 3];
        for (int i = 0; i < fit.count(); i++) {
            org.filmpalette.color.Lab.fromRgb(space.decode(fit.centers(), i * 3), filmLab, i * 3);
        }
        List<Recurring> missing = new ArrayList<>();
        for (Recurring accent : recurring(stills)) {
            if (DeltaE2000.toNearest(accent.lab(), filmLab) >= SAME_ACCENT) {
                missing.add(accent);
            }
        }
        // The most saturated first, as a viewer names them (a beak before the lit tips of a meadow's grass); then
        // the most recurring, then by color, so the order depends on nothing but the colors.
        missing.sort(Comparator.comparingDouble(FilmAccentPass::chroma).reversed()
                .thenComparing(Comparator.comparingDouble(Recurring::recurrence).reversed())
                .thenComparing(Recurring::lab, Arrays::compare));
        return missing.subList(0, Math.min(missing.size(), Math.max(1, k / 4)));
    }

    /** The groups of still accents found in at least {@link #MIN_RECURRENCE} of the stills, most recurring first. */
    List<Recurring> recurring(List<Palette> stills) {
        record Group(double[] firstLab, double[] sum, double[] mass, boolean[] stills) {}
        List<Group> groups = new ArrayList<>();
        double[] point = new double[3];
        for (int s = 0; s < stills.size(); s++) {
            for (Swatch swatch : stills.get(s).swatches()) {
                if (swatch.role() != Role.ACCENT) {
                    continue;
                }
                double[] lab = {swatch.labL(), swatch.labA(), swatch.labB()};
                Group group = null;
                for (Group candidate : groups) {
                    if (DeltaE2000.between(lab[0], lab[1], lab[2], candidate.firstLab()[0], candidate.firstLab()[1],
                            candidate.firstLab()[2], ACROSS_LIGHT) < SAME_ACCENT) {
                        group = candidate;
                        break;
                    }
                }
                if (group == null) {
                    group = new Group(lab, new double[3], new double[1], new boolean[stills.size()]);
                    groups.add(group);
                }
                space.encode(swatch.rgb(), point, 0);
                for (int j = 0; j < 3; j++) {
                    group.sum()[j] += swatch.share() * point[j];
                }
                group.mass()[0] += swatch.share();
                group.stills()[s] = true;
            }
        }
        List<Recurring> recurring = new ArrayList<>();
        for (Group group : groups) {
            int holding = 0;
            for (boolean holds : group.stills()) {
                holding += holds ? 1 : 0;
            }
            double recurrence = holding / (double) stills.size();
            if (recurrence >= MIN_RECURRENCE && group.mass()[0] > 0) {
                double[] center = new double[3];
                for (int j = 0; j < 3; j++) {
                    center[j] = group.sum()[j] / group.mass()[0];
                }
                recurring.add(new Recurring(group.firstLab(), recurrence, center));
            }
        }
        // Most recurring first; ties by color so the order never depends on anything but the colors.
        recurring.sort((a, b) -> a.recurrence() != b.recurrence() ? Double.compare(b.recurrence(), a.recurrence())
                : Arrays.compare(a.lab(), b.lab()));
        return recurring;
    }


    /**
     * Weighted Lloyd iterations over the still colors (weight = share) moving only the first {@code movable} centers,
     * then the summed shares nearest to each center; centers no still color is nearest to are dropped.
     */
    private Fit settle(List<Palette> stills, List<double[]> centerList, int movable) {
        int colors = stills.stream().mapToInt(Palette::size).sum();
        double[] points = new double[colors * 3];
        double[] shares = new double[colors];
        int p = 0;
        for (Palette still : stills) {
            for (Swatch swatch : still.swatches()) {
                space.encode(swatch.rgb(), points, p * 3);
                shares[p++] = swatch.share();
            }
        }
        int count = centerList.size();
        double[] centers = new double[count * 3];
        for (int c = 0; c < count; c++) {
            System.arraycopy(centerList.get(c), 0, centers, c * 3, 3);
        }
        double[] mass = new double[count];
        for (int iteration = 0; iteration <= SETTLE_ITERATIONS; iteration++) {
            double[] sums = new double[count * 3];
            Arrays.fill(mass, 0);
            for (int q = 0; q < colors; q++) {
                int c = nearest(points, q * 3, centers, count);
                mass[c] += shares[q];
                for (int j = 0; j < 3; j++) {
                    sums[c * 3 + j] += shares[q] * points[q * 3 + j];
                }
            }
            if (iteration == SETTLE_ITERATIONS) {
                break;
            }
            for (int c = 0; c < movable; c++) {
                if (mass[c] > 0) {
                    for (int j = 0; j < 3; j++) {
                        centers[c * 3 + j] = sums[c * 3 + j] / mass[c];
                    }
                }
            }
        }
        int kept = 0;
        for (double m : mass) {
            kept += m > 0 ? 1 : 0;
        }
        double[] keptCenters = new double[kept * 3];
        double[] keptWeights = new double[kept];
        int next = 0;
        for (int c = 0; c < count; c++) {
            if (mass[c] > 0) {
                System.arraycopy(centers, c * 3, keptCenters, next * 3, 3);
                keptWeights[next++] = mass[c];
            }
        }
        return new Fit(keptCenters, keptWeights);
    }

    private static int nearest(double[] points, int offset, double[] centers, int count) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            double distance = Points.squaredDistance(points, offset, centers, c * 3, 3);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }
}
