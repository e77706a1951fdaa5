package org.filmpalette.cluster;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * Fits one palette to many weighted colors — a film's still palette colors, each weighted by its share of its still
 * — at a cost capped by the sample size: draws a {@link WeightedSample#systematic systematic weighted sample} of
 * {@code sample} colors, fits it with the still kernels ({@link PaletteFitter}), then recounts each palette color's
 * share as the weighted fraction of <em>all</em> the colors nearest to it. One instance per task thread.
 */
public final class WeightedColorFitter {

    private final ColorSpace space;
    private final Order order;
    private final int sample;
    private final PaletteFitter fitter;

    /**
     * @param sample number of colors the kernel fits, whatever the number of input colors (at least 1)
     */
    public WeightedColorFitter(ColorSpace space, int k, int maxIterations, Order order, int sample) {
        if (sample < 1) {
            throw new IllegalArgumentException("Invalid sample: " + sample + " (must be at least 1)");
        }
        this.space = space;
        this.order = order;
        this.sample = sample;
        this.fitter = new PaletteFitter(space, k, maxIterations, order);
    }

    /**
     * The palette of the first {@code count} colors {@code rgb} (packed sRGB) weighted by {@code weights}, fitted with
     * {@code algorithm} deterministically from {@code seed}; its cost is {@link #cost} over all {@code count} colors.
     * Weighted colors have no grid, so {@link Algorithm#GRID} (a film of grid stills) is fitted by k-means.
     */
    public PaletteFitter.Fit fit(int[] rgb, double[] weights, int count, Algorithm algorithm, long seed) {
        if (count < 1 || count > rgb.length || count > weights.length) {
            throw new IllegalArgumentException("Invalid count: " + count + " (must be between 1 and the " + rgb.length
                    + " colors and " + weights.length + " weights given)");
        }
        double[] used = weights.length == count ? weights : java.util.Arrays.copyOf(weights, count);
        int[] picks = WeightedSample.systematic(used, sample, seed);
        int[] pixels = new int[sample];
        for (int i = 0; i < sample; i++) {
            pixels[i] = rgb[picks[i]];
        }
        Palette fitted = fitter.fit(pixels, algorithm == Algorithm.GRID ? Algorithm.KMEANS : algorithm, seed)
                .palette();
        double[] centers = centers(fitted, space);
        double[] shares = new double[fitted.size()];
        double cost = assign(rgb, used, count, centers, shares, space);
        return new PaletteFitter.Fit(Palette.fromCenters(centers, 3, shares, space, order), cost);
    }

    /**
     * Weighted sum of squared distances, in the clustering space, of the first {@code count} colors to the nearest
     * color of {@code palette}: the film-level analogue of a still's clustering cost.
     */
    public static double cost(int[] rgb, double[] weights, int count, Palette palette, ColorSpace space) {
        return assign(rgb, weights, count, centers(palette, space), new double[palette.size()], space);
    }

    private static double[] centers(Palette palette, ColorSpace space) {
        double[] centers = new double[palette.size() * 3];
        int i = 0;
        for (Swatch swatch : palette.swatches()) {
            space.encode(swatch.rgb(), centers, 3 * i++);
        }
        return centers;
    }

    /** Adds each color's weight to its nearest center's entry of {@code sums}; returns the weighted cost. */
    private static double assign(int[] rgb, double[] weights, int count, double[] centers, double[] sums,
            ColorSpace space) {
        double[] point = new double[3];
        double cost = 0;
        for (int p = 0; p < count; p++) {
            space.encode(rgb[p], point, 0);
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int c = 0; c < sums.length; c++) {
                double distance = Points.squaredDistance(point, 0, centers, 3 * c, 3);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = c;
                }
            }
            sums[best] += weights[p];
            cost += weights[p] * bestDistance;
        }
        return cost;
    }
}
