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
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Order;
import org.filmpalette.store.TableSchemas;

/**
 * Task function of the default still engine: fits every requested algorithm on each sampled frame with the in-task
 * kernels and emits the frame's outcome with its palettes ({@link StageSchemas#CLUSTERED}), dropping the pixels.
 */
final class ClusterStillsInTask implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

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
        int sampledPixels = 0;
        if (TableSchemas.STATUS_OK.equals(frame.getString(7))) {
            int[] pixels = SampledPixels.of(frame);
            sampledPixels = pixels.length;
            long frameSeed = PixelSampler.frameSeed(seed, frame.getString(0), frame.getString(1));
            GridCells grid = SampledPixels.grid(frame);
            for (Algorithm algorithm : ordered) {
                PaletteFitter.Fit fit = fitter.fit(pixels, grid, algorithm, frameSeed);
                palettes.add(RowFactory.create(algorithm.id(), PaletteRows.colors(fit.palette()), fit.cost()));
            }
        }
        return RowFactory.create(frame.get(0), frame.get(1), frame.get(2), frame.get(3), frame.get(4), frame.get(5),
                frame.get(6), frame.get(7), frame.get(8), frame.get(9), sampledPixels, palettes.toArray(new Row[0]));
    }
}
