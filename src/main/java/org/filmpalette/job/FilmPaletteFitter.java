package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.filmpalette.store.TableSchemas.ALGORITHM;
import static org.filmpalette.store.TableSchemas.BLANK;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.unsafe.types.UTF8String;
import org.filmpalette.cluster.FilmAccentPass;
import org.filmpalette.cluster.MllibClusterer;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.BlankFrames;
import org.filmpalette.config.JobConfig;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;

/**
 * Fits each film's palette with genuine MLlib estimators over its stills' palette colors, each weighted by its
 * share of its still, so every still counts equally and the cost does not depend on pixel counts. Films are fitted
 * concurrently. Each fit collects the film's few thousand colors to the driver in one small query, hands them to
 * MLlib as one partition sorted by frame and rank with a seed derived from the film id, which makes MLlib's result
 * independent of how the stills were partitioned, and sums the shares per center on the driver. Accents that recur
 * across the stills are then kept by {@link FilmAccentPass}.
 */
final class FilmPaletteFitter {

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
        List<Row> stills = stillsOf(stillPalettes, blank, film, algorithm);
        if (stills.isEmpty()) {
            return null;
        }
        List<Palette> palettes = stills.stream().map(still -> ColorRows.palette(still.<Row>getList(still.fieldIndex(COLORS)))).toList();
        MllibClusterer.Result fit = clusterer.fitStillColors(spark, palettes, config.colorSpace(), algorithm,
                filmSeed(config.seed(), film));
        FilmAccentPass.Fit kept = new FilmAccentPass(config.colorSpace(), config.k()).apply(palettes,
                new FilmAccentPass.Fit(fit.centers(), fit.weights()));
        Palette palette = Palette.fromCenters(kept.centers(), fit.dimensions(), kept.weights(),
                config.colorSpace(), config.order());
        return RowFactory.create(film, algorithm.id(), config.colorSpace().id(), config.k(),
                PaletteRows.colors(palette), stills.size(), runId, computedAt);
    }

    /**
     * The film's stills for one algorithm as (frame id, colors) rows in frame id order (Spark's string order); blank
     * frames left out unless included or nothing else is left.
     */
    private List<Row> stillsOf(Dataset<Row> stillPalettes, Dataset<Row> blank, String film, Algorithm algorithm) {
        List<Row> all = new ArrayList<>(stillPalettes
                .where(col(FILM_ID).equalTo(film).and(col(ALGORITHM).equalTo(algorithm.id())))
                .select(FRAME_ID, COLORS)
                .collectAsList());
        all.sort(Comparator.comparing(still -> UTF8String.fromString(still.<String>getAs(FRAME_ID))));
        if (config.blankFrames() == BlankFrames.INCLUDE) {
            return all;
        }
        Set<String> blankIds = new HashSet<>();
        for (Row row : blank.where(col(FILM_ID).equalTo(film)).select(FRAME_ID).collectAsList()) {
            blankIds.add(row.<String>getAs(FRAME_ID));
        }
        List<Row> nonBlank = all.stream().filter(still -> !blankIds.contains(still.<String>getAs(FRAME_ID))).toList();
        return nonBlank.isEmpty() ? all : nonBlank;
    }
}
