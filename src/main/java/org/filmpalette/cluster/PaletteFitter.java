package org.filmpalette.cluster;

import java.util.Arrays;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * Fits a still's palette inside a task: encodes the sampled sRGB pixels into the clustering space, runs the
 * in-task kernel of the chosen algorithm and turns the centers into a palette whose shares are the fractions of
 * pixels nearest to each center. In {@link PaletteMode#ACCENTS} the clustering then goes through the accent pass
 * ({@link AccentPreservingFitter}). One instance per task thread: the kernels reuse their buffers.
 */
public final class PaletteFitter {

    /** Points a still's restarts run on before the best is refined on all its pixels (see the kernels). */
    public static final int RESTART_SAMPLE = 1024;
    /**
     * K-means restarts per still, on {@value #RESTART_SAMPLE} points. Measured on 300 generated frames, 4 instead of 6
     * raised the summed cost by 0.6 % (3: 1.2 %) at two thirds of the time, with the same quality benchmark scores.
     */
    public static final int KMEANS_RESTARTS = 4;
    /** Restarts of the unrefined bisecting kernel (MLlib parity), on {@value #RESTART_SAMPLE} points. */
    public static final int BISECTING_RESTARTS = 20;
    /**
     * Trees per still of the pipeline's refined bisecting k-means, on {@value #RESTART_SAMPLE} points: refinement
     * brings each tree to a k-means minimum, so fewer trees reach as low a cost as 20 unrefined ones, at a third of
     * the time.
     */
    public static final int REFINED_BISECTING_RESTARTS = 8;
    /** K-means convergence distance, MLlib's default. */
    public static final double KMEANS_TOLERANCE = 1e-4;
    /** Weighted k-means restarts of the grid algorithm over a frame's cell means. */
    public static final int GRID_RESTARTS = 10;

    private final ColorSpace space;
    private final Order order;
    private final TaskKMeans kMeans;
    private final RefinedBisectingKMeans bisecting;
    private final WeightedKMeans grid;
    private final AccentPreservingFitter accents;
    private double[] points = new double[0];
    // The still whose pixels are encoded in points: the algorithms of one still share the encoding and the accent
    // pass's over-clustering, which depend on the pixels and the seed only.
    private int[] stillPixels;
    private int stillCount;
    private long stillSeed;
    private int stillHash;
    private AccentPreservingFitter.FineClusters fineClusters;

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order) {
        this(space, k, maxIterations, order, PaletteMode.PLAIN);
    }

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order, PaletteMode mode) {
        this.space = space;
        this.order = order;
        this.kMeans = kMeansKernel(k, maxIterations);
        this.bisecting = refinedBisecting(k, maxIterations);
        this.grid = new WeightedKMeans(k, maxIterations, KMEANS_TOLERANCE, GRID_RESTARTS);
        this.accents = mode == PaletteMode.ACCENTS ? new AccentPreservingFitter(space, k, maxIterations) : null;
    }

    /**
     * The k-means kernel as the pipeline configures it: {@value #KMEANS_RESTARTS} restarts on a
     * {@value #RESTART_SAMPLE}-point subsample, the best refined on all points. MllibParityTest checks this one.
     */
    public static TaskKMeans kMeansKernel(int k, int maxIterations) {
        return new TaskKMeans(k, maxIterations, KMEANS_TOLERANCE, KMEANS_RESTARTS, Math.max(k, RESTART_SAMPLE));
    }

    /**
     * The unrefined bisecting kernel with the pipeline's restarts: {@value #BISECTING_RESTARTS} restarts on a
     * {@value #RESTART_SAMPLE}-point subsample, the best tree rebuilt on all points. MllibParityTest checks it against
     * MLlib's {@code BisectingKMeans}; the pipeline runs {@link #refinedBisecting} instead.
     */
    public static TaskBisectingKMeans bisectingKernel(int k, int maxIterations) {
        return new TaskBisectingKMeans(k, maxIterations, BISECTING_RESTARTS, Math.max(k, RESTART_SAMPLE));
    }

    /**
     * The {@code bisecting} algorithm as the pipeline runs it: {@value #REFINED_BISECTING_RESTARTS} bisecting trees on a
     * {@value #RESTART_SAMPLE}-point subsample, each refined by Lloyd iterations, the best refined on all points.
     */
    public static RefinedBisectingKMeans refinedBisecting(int k, int maxIterations) {
        return new RefinedBisectingKMeans(k, maxIterations, KMEANS_TOLERANCE, REFINED_BISECTING_RESTARTS,
                Math.max(k, RESTART_SAMPLE));
    }

    /** A palette and its clustering cost (sum of squared distances in the clustering space). */
    public record Fit(Palette palette, double cost) {}

    /**
     * Fits {@code pixels} (packed 0xRRGGBB, at least one) with {@code algorithm}, deterministically from {@code seed};
     * {@link Algorithm#GRID} needs the frame's grid cells, see {@link #fit(int[], GridCells, Algorithm, long)}.
     */
    public Fit fit(int[] pixels, Algorithm algorithm, long seed) {
        return fit(pixels, null, algorithm, seed);
    }

    /**
     * Fits a frame's sampled {@code pixels} with {@code algorithm}. For {@link Algorithm#GRID} the centers come from
     * the frame's {@code cells} (means in this fitter's space) and the pixels only give the shares and the cost; the
     * other algorithms ignore {@code cells}, which may then be null.
     */
    public Fit fit(int[] pixels, GridCells cells, Algorithm algorithm, long seed) {
        if (pixels.length == 0) {
            throw new IllegalArgumentException("A still palette needs at least one pixel");
        }
        int hash = Arrays.hashCode(pixels);
        boolean sameStill = pixels == stillPixels && pixels.length == stillCount && seed == stillSeed
                && hash == stillHash;
        if (!sameStill) {
            if (points.length < pixels.length * 3) {
                points = new double[pixels.length * 3];
            }
            for (int i = 0; i < pixels.length; i++) {
                space.encode(pixels[i], points, i * 3);
            }
            stillPixels = pixels;
            stillCount = pixels.length;
            stillSeed = seed;
            stillHash = hash;
            fineClusters = null;
        }
        Clustering clustering = switch (algorithm) {
            case KMEANS -> kMeans.fit(points, 3, pixels.length, seed);
            case BISECTING -> bisecting.fit(points, 3, pixels.length, seed);
            case GRID -> Clustering.assign(points, 3, pixels.length, gridCenters(cells, seed));
        };
        if (accents != null) {
            if (fineClusters == null) {
                fineClusters = accents.overCluster(points, pixels.length, seed);
            }
            clustering = accents.refine(points, pixels.length, clustering, fineClusters);
        }
        return new Fit(toPalette(clustering, space, order), clustering.cost());
    }

    /** The cell means reduced to at most k centers by k-means weighted by the cells' pixels. */
    private double[] gridCenters(GridCells cells, long seed) {
        if (cells == null) {
            throw new IllegalArgumentException("The grid algorithm needs the frame's grid cells");
        }
        double[] cellPoints = new double[GridCells.CELLS * 3];
        double[] weights = new double[GridCells.CELLS];
        int count = 0;
        for (int cell = 0; cell < GridCells.CELLS; cell++) {
            if (cells.counts()[cell] > 0) {
                space.encode(cells.rgb()[cell], cellPoints, count * 3);
                weights[count++] = cells.counts()[cell];
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("A grid palette needs at least one cell with pixels");
        }
        return grid.fit(cellPoints, weights, 3, count, seed);
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
