package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.filmpalette.store.TableSchemas.ALGORITHM;
import static org.filmpalette.store.TableSchemas.B;
import static org.filmpalette.store.TableSchemas.BLANK;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.G;
import static org.filmpalette.store.TableSchemas.R;
import static org.filmpalette.store.TableSchemas.RANK;
import static org.filmpalette.store.TableSchemas.SHARE;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.cluster.MllibClusterer;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.BlankFrames;
import org.filmpalette.config.JobConfig;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Palette;

/**
 * Fits each film's palette with genuine MLlib estimators over its stills' palette colors, each weighted by its
 * share of its still, so every still counts equally and the cost does not depend on pixel counts. Films are fitted
 * concurrently; each fit reads one partition sorted by frame and rank with a seed derived from the film id, which
 * makes MLlib's result independent of how the stills were partitioned.
 */
final class FilmPaletteFitter {

    private static final String COLOR = "color";

    private final SparkSession spark;
    private final JobConfig config;

    FilmPaletteFitter(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Rows of the {@code film_palettes} table for {@code films}, from their complete {@code still_palettes} rows. */
    List<Row> fit(Dataset<Row> stillPalettes, Dataset<Row> frames, List<String> films, String runId,
            Timestamp computedAt) {
        Dataset<Row> blank = frames.where(col(BLANK).isNotNull()).select(FILM_ID, FRAME_ID);
        MllibClusterer clusterer = new MllibClusterer(config.k(), config.maxIterations());
        List<Callable<Row>> fits = new ArrayList<>();
        for (String film : films) {
            for (Algorithm algorithm : config.algorithms()) {
                fits.add(() -> fitFilm(stillPalettes, blank, clusterer, film, algorithm, runId, computedAt));
            }
        }
        return new DriverPool(spark.sparkContext(), config.parallelism()).run("fit film palettes", fits)
                .stream().filter(row -> row != null).toList();
    }

    /** The seed of a film's fits: the job seed mixed with the film id. */
    static long filmSeed(long seed, String filmId) {
        return PixelSampler.frameSeed(seed, filmId, "");
    }

    private Row fitFilm(Dataset<Row> stillPalettes, Dataset<Row> blank, MllibClusterer clusterer, String film,
            Algorithm algorithm, String runId, Timestamp computedAt) {
        Dataset<Row> stills = stillsOf(stillPalettes, blank, film, algorithm);
        Dataset<Row> colors = stills.select(col(FRAME_ID), explode(col(COLORS)).as(COLOR))
                .select(col(FRAME_ID), col(COLOR + "." + RANK).as(RANK), rgb().as("rgb"),
                        col(COLOR + "." + SHARE).as(MllibClusterer.WEIGHT))
                .repartition(1)
                .sortWithinPartitions(FRAME_ID, RANK)
                .select(ColorFeatures.in(config.colorSpace()).apply(col("rgb")).as(MllibClusterer.FEATURES),
                        col(MllibClusterer.WEIGHT))
                .cache();
        try {
            long stillCount = stills.count();
            if (stillCount == 0) {
                return null;
            }
            MllibClusterer.Result fit = clusterer.fit(colors, algorithm, filmSeed(config.seed(), film), true);
            Palette palette = Palette.fromCenters(fit.centers(), fit.dimensions(), fit.weights(),
                    config.colorSpace(), config.order());
            return RowFactory.create(film, algorithm.id(), config.colorSpace().id(), config.k(),
                    PaletteRows.colors(palette), (int) stillCount, runId, computedAt);
        } finally {
            colors.unpersist();
        }
    }

    /** The film's stills for one algorithm; blank frames left out unless included or nothing else is left. */
    private Dataset<Row> stillsOf(Dataset<Row> stillPalettes, Dataset<Row> blank, String film, Algorithm algorithm) {
        Dataset<Row> all = stillPalettes
                .where(col(FILM_ID).equalTo(film).and(col(ALGORITHM).equalTo(algorithm.id())));
        if (config.blankFrames() == BlankFrames.INCLUDE) {
            return all;
        }
        Dataset<Row> nonBlank = all.join(blank.where(col(FILM_ID).equalTo(film)), JoinKeys.of(FILM_ID, FRAME_ID),
                "left_anti");
        return nonBlank.isEmpty() ? all : nonBlank;
    }

    private static Column rgb() {
        return col(COLOR + "." + R).multiply(65536).plus(col(COLOR + "." + G).multiply(256)).plus(col(COLOR + "." + B));
    }
}
