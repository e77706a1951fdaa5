package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.junit.jupiter.api.Test;

class FilmAccentPassTest {

    private static final int K = 8;
    private static final int STILLS = 20;
    private static final int ACCENT = 0xD02090;
    // Sixteen muted base colors, from dark to light; each still shows eight of them, drifting a little. With more
    // base colors than k, a share-weighted fit spends its colors on them and drops a 1 % accent.
    private static final int[] BASE = {0x1A2028, 0x3A4A55, 0x6F8A90, 0x4A4238, 0x2B3A3A, 0x8A6A4C, 0xB09070,
        0x5A6B52, 0x7A7A80, 0x9A8A78, 0x2A2A30, 0xC8C0B0, 0xE0DCD0, 0x705040, 0x405070, 0x909A60};

    @Test
    void accentAtOnePercentInThirtyPercentOfTheStillsIsInTheFilmPalette() {
        List<Palette> stills = film(6, 11);
        FilmAccentPass.Fit fit = shareWeightedFit(stills);
        assertTrue(nearest(fit, ACCENT) >= 10, "the case needs a fit that drops the accent: " + nearest(fit, ACCENT));

        FilmAccentPass.Fit kept = new FilmAccentPass(ColorSpace.LAB, K).apply(stills, fit);

        assertTrue(nearest(kept, ACCENT) < 2, "accent at " + nearest(kept, ACCENT));
        assertTrue(kept.count() <= K);
        assertEquals(STILLS, Arrays.stream(kept.weights()).sum(), 1e-9, "every still's shares are counted once");
        Palette palette = Palette.fromCenters(kept.centers(), 3, kept.weights(), ColorSpace.LAB, Order.DOMINANCE);
        assertEquals(List.of(Role.ACCENT), palette.swatches().stream()
                .filter(s -> DeltaE2000.between(s.rgb(), ACCENT) < 2).map(s -> s.role()).toList());
        // The accent's film share is the share of the still colors nearest to it: its shares in 6 stills over 20.
        double share = palette.swatches().stream().filter(s -> DeltaE2000.between(s.rgb(), ACCENT) < 2)
                .findFirst().orElseThrow().share();
        double stillShare = stills.get(0).swatches().stream().filter(s -> s.rgb() == ACCENT).findFirst().orElseThrow()
                .share();
        assertEquals(0.0113, stillShare, 1e-4);
        assertEquals(6 * stillShare / STILLS, share, 1e-9);
    }

    @Test
    void accentInOneStillOfTwentyIsNotForcedIn() {
        List<Palette> stills = film(1, 11);
        FilmAccentPass.Fit fit = shareWeightedFit(stills);

        assertSame(fit, new FilmAccentPass(ColorSpace.LAB, K).apply(stills, fit));
    }

    @Test
    void recurrenceCountsStillsHoldingTheAccent() {
        FilmAccentPass pass = new FilmAccentPass(ColorSpace.LAB, K);

        assertEquals(List.of(0.3), pass.recurring(film(6, 11)).stream().map(r -> r.recurrence()).toList());
        assertEquals(List.of(), pass.recurring(film(4, 11)), "4 of 20 is below a quarter");
        assertEquals(List.of(0.25), pass.recurring(film(5, 11)).stream().map(r -> r.recurrence()).toList());
    }

    @Test
    void resultDoesNotDependOnTheInputArraysBeingReused() {
        List<Palette> stills = film(6, 13);
        FilmAccentPass.Fit fit = shareWeightedFit(stills);
        FilmAccentPass.Fit first = new FilmAccentPass(ColorSpace.LAB, K).apply(stills, fit);
        FilmAccentPass.Fit second = new FilmAccentPass(ColorSpace.LAB, K).apply(film(6, 13), shareWeightedFit(film(6, 13)));

        assertTrue(Arrays.equals(first.centers(), second.centers()) && Arrays.equals(first.weights(), second.weights()));
    }

    /** {@code STILLS} still palettes; the first {@code withAccent} have the accent at 1 %. */
    private static List<Palette> film(int withAccent, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Palette> stills = new ArrayList<>();
        for (int s = 0; s < STILLS; s++) {
            int offset = random.nextInt(BASE.length);
            int[] rgb = new int[K];
            double[] shares = new double[K];
            for (int i = 0; i < K; i++) {
                rgb[i] = drift(BASE[(offset + i) % BASE.length], random);
                shares[i] = 1.0 / K;
            }
            if (s < withAccent) {
                rgb[K - 1] = ACCENT;
                shares[K - 1] = 0.01;
            }
            double total = Arrays.stream(shares).sum();
            for (int i = 0; i < K; i++) {
                shares[i] /= total;
            }
            stills.add(Palette.of(rgb, shares, Order.DOMINANCE));
        }
        return stills;
    }

    private static int drift(int rgb, SplittableRandom random) {
        int r = Math.min(255, Math.max(0, (rgb >> 16 & 255) + random.nextInt(-6, 7)));
        int g = Math.min(255, Math.max(0, (rgb >> 8 & 255) + random.nextInt(-6, 7)));
        int b = Math.min(255, Math.max(0, (rgb & 255) + random.nextInt(-6, 7)));
        return r << 16 | g << 8 | b;
    }

    /** What the job's MLlib fit does, in plain Java: k-means over the still colors weighted by share. */
    private static FilmAccentPass.Fit shareWeightedFit(List<Palette> stills) {
        int count = stills.stream().mapToInt(Palette::size).sum();
        double[] points = new double[count * 3];
        double[] weights = new double[count];
        int p = 0;
        for (Palette still : stills) {
            for (var swatch : still.swatches()) {
                ColorSpace.LAB.encode(swatch.rgb(), points, p * 3);
                weights[p++] = swatch.share();
            }
        }
        double[] centers = new WeightedKMeans(K, 20, 1e-4, 3).fit(points, weights, 3, count, 42);
        double[] summed = new double[centers.length / 3];
        for (int q = 0; q < count; q++) {
            int best = 0;
            for (int c = 1; c < summed.length; c++) {
                if (Points.squaredDistance(points, q * 3, centers, c * 3, 3)
                        < Points.squaredDistance(points, q * 3, centers, best * 3, 3)) {
                    best = c;
                }
            }
            summed[best] += weights[q];
        }
        return new FilmAccentPass.Fit(centers, summed);
    }

    private static double nearest(FilmAccentPass.Fit fit, int rgb) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fit.count(); i++) {
            best = Math.min(best, DeltaE2000.between(ColorSpace.LAB.decode(fit.centers(), i * 3), rgb));
        }
        return best;
    }
}
