package org.filmpalette.cluster;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * Fits a still's palette inside a task: encodes the sampled sRGB pixels into the clustering space, runs the
 * in-task kernel of the chosen algorithm and turns the centers into a palette whose shares are the fractions of
 * pixels nearest to each center. In {@link PaletteMode#ACCENTS} the clustering then goes through the accent pass
 * ({@link AccentPreservingFitter}). One instance per task thread: the kernels reuse their buffers.
 */
public final class PaletteFitter {

    private final ColorSpace space;
    private final Order order;
    private final TaskKMeans kMeans;
    private final TaskBisectingKMeans bisecting;
    private final AccentPreservingFitter accents;
    private double[] points = new double[0];

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order) {
        this(space, k, maxIterations, order, PaletteMode.PLAIN);
    }

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order, PaletteMode mode) {
        this.space = space;
        this.order = order;
        this.kMeans = new TaskKMeans(k, maxIterations, 1e-4);
        this.bisecting = new TaskBisectingKMeans(k, maxIterations);
        this.accents = mode == PaletteMode.ACCENTS ? new AccentPreservingFitter(space, k, maxIterations) : null;
    }

    /** A palette and its clustering cost (sum of squared distances in the clustering space). */
    public record Fit(Palette palette, double cost) {}

    /** Fits {@code pixels} (packed 0xRRGGBB, at least one) with {@code algorithm}, deterministically from {@code seed}. */
    public Fit fit(int[] pixels, Algorithm algorithm, long seed) {
        if (pixels.length == 0) {
            throw new IllegalArgumentException("A still palette needs at least one pixel");
        }
        if (points.length < pixels.length * 3) {
            points = new double[pixels.length * 3];
        }
        for (int i = 0; i < pixels.length; i++) {
            space.encode(pixels[i], points, i * 3);
        }
        Clustering clustering = switch (algorithm) {
            case KMEANS -> kMeans.fit(points, 3, pixels.length, seed);
            case BISECTING -> bisecting.fit(points, 3, pixels.length, seed);
        };
        if (accents != null) {
            clustering = accents.refine(points, pixels.length, clustering, seed);
        }
        return new Fit(toPalette(clustering, space, order), clustering.cost());
    }

    /** The palette of a clustering's centers, weighted by cluster sizes. */
    static Palette toPalette(Clustering clustering, ColorSpace space, Order order) {
        double[] weights = new double[clustering.count()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = clustering.sizes()[i];
        }
        return Palette.fromCenters(clustering.centers(), clustering.dimensions(), weights, space, order);
    }
}
