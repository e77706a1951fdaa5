package org.filmpalette.cluster;

import java.util.Arrays;
import java.util.List;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.AccentRegion;
import org.filmpalette.ingest.ColorBins;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * Fits a still's palette inside a task: runs the in-task kernel of the chosen algorithm on the still's color bins
 * (encoded in the clustering space, weighted by their pixels; {@link Still}) and turns the centers into a palette
 * whose shares are the fractions of the frame's pixels nearest to each center. In {@link PaletteMode#ACCENTS} the
 * clustering then goes through the accent pass ({@link AccentPreservingFitter}) with the still's region candidates.
 * One instance per task thread: the kernels reuse their buffers.
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

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order) {
        this(space, k, maxIterations, order, PaletteMode.PLAIN);
    }

    public PaletteFitter(ColorSpace space, int k, int maxIterations, Order order, PaletteMode mode) {
        this.space = space;
        this.order = order;
        this.kMeans = kMeansKernel(k, maxIterations);
        this.bisecting = refinedBisecting(k, maxIterations);
        this.grid = new WeightedKMeans(k, maxIterations, KMEANS_TOLERANCE, GRID_RESTARTS);
        this.accents = mode == PaletteMode.ACCENTS ? new AccentPreservingFitter(space, k) : null;
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
     * One still as the kernels see it: its color bins encoded in the fitter's space with their pixel counts, its
     * accent candidates and its grid cells. Made once per still by {@link #still} and shared by its algorithms.
     *
     * @param points     bin colors, flat, 3 values each, in the clustering space
     * @param weights    pixels per bin
     * @param count      number of bins, at least 1
     * @param candidates accent candidates, most prominent first (empty: no accent pass)
     * @param cells      grid cell means, or null when the grid algorithm does not run
     */
    public record Still(double[] points, int[] weights, int count, List<AccentCandidates.Candidate> candidates,
            GridCells cells) {}

    /** A still from its decode-time statistics (see {@link StillStatistics}), at least one pixel counted. */
    public Still still(ColorBins bins, List<AccentRegion> regions, GridCells cells) {
        if (bins.size() == 0) {
            throw new IllegalArgumentException("A still palette needs at least one pixel");
        }
        double[] points = new double[bins.size() * 3];
        for (int i = 0; i < bins.size(); i++) {
            space.encode(bins.rgb()[i], points, i * 3);
        }
        return new Still(points, bins.counts().clone(), bins.size(),
                accents == null ? List.of() : AccentCandidates.of(regions, bins.pixels()), cells);
    }

    /** {@link #still(ColorBins, List, GridCells)} of a frame's statistics. */
    public Still still(StillStatistics statistics) {
        return still(statistics.bins(), statistics.regions(), statistics.grid());
    }

    /**
     * Fits {@code pixels} (packed 0xRRGGBB, at least one), each weighing one, with no regions (so no accent
     * candidates) and no grid: colors that are not a frame, such as a film's sampled palette colors.
     */
    public Fit fit(int[] pixels, Algorithm algorithm, long seed) {
        if (pixels.length == 0) {
            throw new IllegalArgumentException("A still palette needs at least one pixel");
        }
        double[] points = new double[pixels.length * 3];
        for (int i = 0; i < pixels.length; i++) {
            space.encode(pixels[i], points, i * 3);
        }
        int[] ones = new int[pixels.length];
        Arrays.fill(ones, 1);
        return fit(new Still(points, ones, pixels.length, List.of(), null), algorithm, seed);
    }

    /**
     * Fits one still with {@code algorithm}, deterministically from {@code seed}. For {@link Algorithm#GRID} the
     * centers come from the still's cells and the bins only give the shares and the cost.
     */
    public Fit fit(Still still, Algorithm algorithm, long seed) {
        double[] points = still.points();
        int[] weights = still.weights();
        int count = still.count();
        Clustering clustering = switch (algorithm) {
            case KMEANS -> kMeans.fit(points, weights, 3, count, seed);
            case BISECTING -> bisecting.fit(points, weights, 3, count, seed);
            case GRID -> Clustering.assign(points, weights, 3, count, gridCenters(still.cells(), seed));
        };
        if (accents != null && !still.candidates().isEmpty()) {
            clustering = accents.refine(points, weights, count, clustering, still.candidates());
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
