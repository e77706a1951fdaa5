package org.filmpalette.job;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.ColorBins;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Order;

/**
 * Task function of the default still engine: fits every requested algorithm on each sampled frame with the in-task
 * kernels, on its color bins and accent regions, and emits the frame's outcome with its palettes
 * ({@link StageSchemas#CLUSTERED}), dropping the bins.
 */
final class ClusterStillsInTask implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    /** Where each field of the clustered row before its pixel count and palettes is in the sampled row. */
    private static final int[] OUTCOME_FIELDS = java.util.Arrays.stream(StageSchemas.CLUSTERED.fieldNames())
            .limit(StageSchemas.CLUSTERED.size() - 2L)
            .mapToInt(name -> StageSchemas.index(StageSchemas.SAMPLED, name)).toArray();

    private final ColorSpace space;
    private final int k;
    private final int maxIterations;
    private final Order order;
    private final Set<Algorithm> algorithms;
    private final long seed;
    private final PaletteMode mode;

    ClusterStillsInTask(ColorSpace space, int k, int maxIterations, Order order, Set<Algorithm> algorithms, long seed,
            PaletteMode mode) {
        this.space = space;
        this.k = k;
        this.maxIterations = maxIterations;
        this.order = order;
        this.algorithms = Set.copyOf(algorithms);
        this.seed = seed;
        this.mode = mode;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> sampled) {
        PaletteFitter fitter = new PaletteFitter(space, k, maxIterations, order, mode);
        List<Algorithm> ordered = algorithms.stream().sorted().toList();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return sampled.hasNext();
            }

            @Override
            public Row next() {
                return cluster(sampled.next(), fitter, ordered);
            }
        };
    }

    private Row cluster(Row frame, PaletteFitter fitter, List<Algorithm> ordered) {
        List<Row> palettes = new ArrayList<>();
        int countedPixels = 0;
        if (SampledRows.ok(frame)) {
            ColorBins bins = SampledRows.bins(frame);
            countedPixels = bins.pixels();
            PaletteFitter.Still still = fitter.still(bins, SampledRows.regions(frame), SampledRows.grid(frame));
            long frameSeed = PixelSampler.frameSeed(seed, frame.getString(SampledRows.FILM_ID),
                    frame.getString(SampledRows.FRAME_ID));
            for (Algorithm algorithm : ordered) {
                PaletteFitter.Fit fit = fitter.fit(still, algorithm, frameSeed);
                palettes.add(RowFactory.create(algorithm.id(), PaletteRows.colors(fit.palette()), fit.cost()));
            }
        }
        Object[] values = new Object[StageSchemas.CLUSTERED.size()];
        for (int i = 0; i < OUTCOME_FIELDS.length; i++) {
            values[i] = frame.get(OUTCOME_FIELDS[i]);
        }
        values[OUTCOME_FIELDS.length] = countedPixels;
        values[OUTCOME_FIELDS.length + 1] = palettes.toArray(new Row[0]);
        return RowFactory.create(values);
    }
}
