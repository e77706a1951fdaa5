package org.filmpalette.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.filmpalette.store.TableSchemas.ALGORITHM;
import static org.filmpalette.store.TableSchemas.BLANK;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.filmpalette.cluster.FilmAccentPass;
import org.filmpalette.cluster.WeightedColorFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.BlankFrames;
import org.filmpalette.config.JobConfig;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.TableSchemas;

/**
 * The default film engine ({@code --film-engine task}): fits film palettes inside Spark tasks, films in parallel,
 * with nothing collected to the driver. The stills are grouped by film and algorithm and sorted by frame id; each
 * group's palette colors, weighted by their share of their still and taken in (frame id, rank) order, are fitted by a
 * {@link WeightedColorFitter} — a capped systematic sample of {@code --sample} colors through the still kernels,
 * seeded with {@link FilmPaletteFitter#filmSeed}, shares recounted over all the colors, then accents recurring across
 * the stills swapped in ({@link FilmAccentPass}, as the MLlib engine does). A film of at most k distinct colors (one
 * still) is its colors, with no fit. The sort makes the result independent of partitioning; the cap makes a film's
 * cost independent of its number of frames.
 */
final class FilmPalettesInTask implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final String BLANK_FRAME = "blank_frame";
    /** The input rows' columns, selected in this order by {@link #fit}. */
    private static final List<String> INPUT = List.of(FILM_ID, FRAME_ID, ALGORITHM, COLORS, BLANK_FRAME);
    private static final int FILM = INPUT.indexOf(FILM_ID);
    private static final int STILL_ALGORITHM = INPUT.indexOf(ALGORITHM);
    private static final int STILL_COLORS = INPUT.indexOf(COLORS);
    private static final int BLANK_STILL = INPUT.indexOf(BLANK_FRAME);

    private final ColorSpace space;
    private final int k;
    private final int maxIterations;
    private final Order order;
    private final int sample;
    private final long seed;
    private final BlankFrames blankFrames;
    private final String runId;
    private final Timestamp computedAt;

    private FilmPalettesInTask(JobConfig config, String runId, Timestamp computedAt) {
        this.space = config.colorSpace();
        this.k = config.k();
        this.maxIterations = config.maxIterations();
        this.order = config.order();
        this.sample = config.sample();
        this.seed = config.seed();
        this.blankFrames = config.blankFrames();
        this.runId = runId;
        this.computedAt = computedAt;
    }

    /**
     * Rows of the {@code film_palettes} table for every film in {@code stillPalettes} (the run's complete
     * {@code still_palettes} rows of the films it touches), fitted in {@code partitions} tasks.
     */
    static Dataset<Row> fit(Dataset<Row> stillPalettes, Dataset<Row> frames, JobConfig config, int partitions,
            String runId, Timestamp computedAt) {
        Dataset<Row> stills = stillPalettes.select(col(FILM_ID), col(FRAME_ID), col(ALGORITHM), col(COLORS));
        if (config.blankFrames() == BlankFrames.INCLUDE) {
            stills = stills.withColumn(BLANK_FRAME, lit(false));
        } else {
            Dataset<Row> blank = frames.where(col(BLANK).isNotNull())
                    .select(col(FILM_ID), col(FRAME_ID), lit(true).as(BLANK_FRAME));
            stills = stills.join(broadcast(blank), JoinKeys.of(FILM_ID, FRAME_ID), "left")
                    .withColumn(BLANK_FRAME, col(BLANK_FRAME).isNotNull());
        }
        stills = stills.select(INPUT.stream().map(functions::col).toArray(Column[]::new));
        return stills.repartition(partitions, col(FILM_ID), col(ALGORITHM))
                .sortWithinPartitions(FILM_ID, ALGORITHM, FRAME_ID)
                .mapPartitions(new FilmPalettesInTask(config, runId, computedAt),
                        Encoders.row(TableSchemas.FILM_PALETTES_SCHEMA));
    }

    /** Input rows: {@link #INPUT}, sorted by film, algorithm and frame within the partition. */
    @Override
    public Iterator<Row> call(Iterator<Row> stills) {
        WeightedColorFitter fitter = new WeightedColorFitter(space, k, maxIterations, order, sample);
        return new Iterator<>() {
            private Row pending = stills.hasNext() ? stills.next() : null;

            @Override
            public boolean hasNext() {
                return pending != null;
            }

            @Override
            public Row next() {
                if (pending == null) {
                    throw new NoSuchElementException();
                }
                Group group = new Group(pending.getString(FILM), pending.getString(STILL_ALGORITHM));
                while (pending != null && group.film.equals(pending.getString(FILM))
                        && group.algorithm.equals(pending.getString(STILL_ALGORITHM))) {
                    group.add(ColorRows.palette(pending.<Row>getList(STILL_COLORS)), pending.getBoolean(BLANK_STILL));
                    pending = stills.hasNext() ? stills.next() : null;
                }
                return group.fit(fitter);
            }
        };
    }

    /** One film × algorithm's colors, blank stills' colors kept apart for the blank-frame rule. */
    private final class Group {
        final String film;
        final String algorithm;
        final Colors regular = new Colors();
        final Colors all = new Colors();

        Group(String film, String algorithm) {
            this.film = film;
            this.algorithm = algorithm;
        }

        void add(Palette still, boolean blank) {
            if (!blank || blankFrames == BlankFrames.INCLUDE) {
                regular.add(still);
            }
            all.add(still);
        }

        Row fit(WeightedColorFitter fitter) {
            Colors used = regular.stills > 0 ? regular : all;
            Palette fitted = used.fewDistinct(k, order);
            if (fitted == null) {
                fitted = fitter.fit(used.rgb, used.weights, used.count, Algorithm.parse(algorithm),
                        FilmPaletteFitter.filmSeed(seed, film)).palette();
            }
            return RowFactory.create(film, algorithm, space.id(), k,
                    PaletteRows.colors(keepRecurringAccents(fitted, used.palettes)), used.stills, runId,
                    computedAt);
        }

        /** {@code palette} with the accents recurring across the stills swapped in ({@link FilmAccentPass}). */
        private Palette keepRecurringAccents(Palette palette, List<Palette> stills) {
            double[] centers = new double[palette.size() * 3];
            double[] shares = new double[palette.size()];
            for (int i = 0; i < palette.size(); i++) {
                space.encode(palette.get(i).rgb(), centers, i * 3);
                shares[i] = palette.get(i).share();
            }
            FilmAccentPass.Fit fitted = new FilmAccentPass.Fit(centers, shares);
            FilmAccentPass.Fit kept = new FilmAccentPass(space, k).apply(stills, fitted);
            return kept == fitted ? palette : Palette.fromCenters(kept.centers(), 3, kept.weights(), space, order);
        }
    }

    /** Growable packed-sRGB colors with their shares, in (frame id, rank) order. */
    private static final class Colors {
        int[] rgb = new int[64];
        double[] weights = new double[64];
        int count;
        int stills;
        final List<Palette> palettes = new ArrayList<>();

        /**
         * When these are at most {@code k} distinct colors (a film of one still, or of stills sharing colors), their
         * palette: each color with its summed weight, the clustering's optimum (cost 0), which the kernels reach on
         * such input anyway (they lose only a color too rare for the sample to draw). Otherwise null.
         */
        Palette fewDistinct(int k, Order order) {
            Map<Integer, Double> distinct = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                distinct.merge(rgb[i], weights[i], Double::sum);
                if (distinct.size() > k) {
                    return null;
                }
            }
            int[] colors = distinct.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] summed = distinct.values().stream().mapToDouble(Double::doubleValue).toArray();
            return Palette.of(colors, summed, order);
        }

        void add(Palette still) {
            palettes.add(still);
            if (count + still.size() > rgb.length) {
                int capacity = Math.max(2 * rgb.length, count + still.size());
                rgb = Arrays.copyOf(rgb, capacity);
                weights = Arrays.copyOf(weights, capacity);
            }
            List<Swatch> ranked = new ArrayList<>(still.swatches());
            ranked.sort(Comparator.comparingInt(Swatch::rank));
            for (Swatch color : ranked) {
                rgb[count] = color.rgb();
                weights[count] = color.share();
                count++;
            }
            stills++;
        }
    }
}
