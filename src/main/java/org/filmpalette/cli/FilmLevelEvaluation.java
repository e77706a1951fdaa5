package org.filmpalette.cli;

import java.util.List;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.cluster.FilmAccentPass;
import org.filmpalette.cluster.MllibClusterer;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Palette;
import org.filmpalette.quality.QualityBenchmark;
import org.filmpalette.quality.QualityBenchmark.Variant;
import org.filmpalette.quality.RecurringAccentFilms;

/**
 * The film-level line of {@code evaluate}: still palettes of the {@link RecurringAccentFilms} with a variant, then
 * each film's palette fitted as {@code job.FilmPaletteFitter} fits it (a genuine MLlib fit weighted by share over the
 * still colors in frame order, seeded from the film id, then {@link FilmAccentPass}), on an embedded local Spark.
 */
final class FilmLevelEvaluation {

    /**
     * Counts for one variant over all films.
     *
     * @param recurring    recurring film accents planted
     * @param keptByFit    of them, kept by the MLlib fit alone (a film color within ΔE2000 &lt; 10)
     * @param kept         of them, kept in the film palette (the fit and the film accent pass)
     * @param rare         one-still accents planted
     * @param rareForcedIn of them, added by the film accent pass (in the film palette but not in the fit's)
     */
    record Result(Variant variant, int recurring, int keptByFit, int kept, int rare, int rareForcedIn) {}

    private final SparkSession spark;
    private final QualityBenchmark benchmark;
    private final int k;
    private final int maxIterations;
    private final long seed;

    FilmLevelEvaluation(SparkSession spark, int k, int maxIterations, long seed) {
        this.spark = spark;
        this.benchmark = new QualityBenchmark(k, maxIterations, seed);
        this.k = k;
        this.maxIterations = maxIterations;
        this.seed = seed;
    }

    Result evaluate(List<RecurringAccentFilms.Film> films, Variant variant, int maxSide, int sample) {
        MllibClusterer clusterer = new MllibClusterer(k, maxIterations);
        FilmAccentPass pass = new FilmAccentPass(variant.space(), k);
        int recurring = 0;
        int keptByFit = 0;
        int kept = 0;
        int rare = 0;
        int rareForcedIn = 0;
        for (RecurringAccentFilms.Film film : films) {
            List<Palette> stills = benchmark.palettes(benchmark.sample(film.frames(), maxSide, sample), variant);
            FilmAccentPass.Fit fit = fit(clusterer, stills, variant, film.filmId());
            FilmAccentPass.Fit withAccents = pass.apply(stills, fit);
            for (int accent : film.recurring()) {
                recurring++;
                keptByFit += keeps(fit, variant.space(), accent) ? 1 : 0;
                kept += keeps(withAccents, variant.space(), accent) ? 1 : 0;
            }
            rare++;
            rareForcedIn += keeps(withAccents, variant.space(), film.rare())
                    && !keeps(fit, variant.space(), film.rare()) ? 1 : 0;
        }
        return new Result(variant, recurring, keptByFit, kept, rare, rareForcedIn);
    }

    private FilmAccentPass.Fit fit(MllibClusterer clusterer, List<Palette> stills, Variant variant, String filmId) {
        MllibClusterer.Result result = clusterer.fitStillColors(spark, stills, variant.space(), variant.algorithm(),
                PixelSampler.frameSeed(seed, filmId, ""));
        return new FilmAccentPass.Fit(result.centers(), result.weights());
    }

    private static boolean keeps(FilmAccentPass.Fit fit, ColorSpace space, int accent) {
        for (int i = 0; i < fit.count(); i++) {
            if (fit.weights()[i] > 0 && DeltaE2000.between(space.decode(fit.centers(), i * 3), accent) < 10) {
                return true;
            }
        }
        return false;
    }
}
