package org.filmpalette.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.config.Setting;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.quality.BenchmarkFilms;
import org.filmpalette.quality.BenchmarkFrame;
import org.filmpalette.quality.PaletteQuality;
import org.filmpalette.quality.QualityBenchmark;
import org.filmpalette.quality.QualityBenchmark.Score;
import org.filmpalette.quality.QualityBenchmark.Variant;
import org.filmpalette.quality.RecurringAccentFilms;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code filmpalette evaluate}: generates the quality benchmark (docs/design.md §7) and prints accent recall and
 * quantization error of still palettes per algorithm and palette mode, next to plain RGB k-means, after checking that
 * a second run gives identical palettes; then the film level: whether film palettes keep accents that recur across
 * stills ({@link FilmLevelEvaluation}, the only part that starts an embedded Spark, for MLlib's film fits).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = EvaluateCommand.Settings.class,
        description = "Measure still palette quality (accent recall, quantization error, determinism) on the"
                + " generated benchmark of synthetic films with planted accents.")
final class EvaluateCommand implements Callable<Integer> {

    /** A real, annotated accent is kept within this ΔE2000 (real accents vary inside: highlights, shading). */
    static final double REAL_ACCENT_MATCH = 12.0;
    /** The bar: recall at least this ... */
    static final double RECALL_BAR = 0.95;
    /** ... with an error at most this many times the baseline's. */
    static final double ERROR_BAR = 1.05;

    /** The still palettes film palettes are measured on: the default mode, both default algorithms. */
    static final List<Variant> FILM_VARIANTS = List.of(
            new Variant(ColorSpace.LAB, Algorithm.KMEANS, PaletteMode.ACCENTS),
            new Variant(ColorSpace.LAB, Algorithm.BISECTING, PaletteMode.ACCENTS));

    static final Variant BASELINE = new Variant(ColorSpace.RGB, Algorithm.KMEANS, PaletteMode.PLAIN);
    static final List<Variant> VARIANTS = List.of(
            BASELINE,
            new Variant(ColorSpace.LAB, Algorithm.KMEANS, PaletteMode.PLAIN),
            new Variant(ColorSpace.LAB, Algorithm.BISECTING, PaletteMode.PLAIN),
            new Variant(ColorSpace.RGB, Algorithm.KMEANS, PaletteMode.ACCENTS),
            new Variant(ColorSpace.LAB, Algorithm.KMEANS, PaletteMode.ACCENTS),
            new Variant(ColorSpace.LAB, Algorithm.BISECTING, PaletteMode.ACCENTS),
            new Variant(ColorSpace.LAB, Algorithm.GRID, PaletteMode.PLAIN),
            new Variant(ColorSpace.LAB, Algorithm.GRID, PaletteMode.ACCENTS));

    /** The job settings the benchmark takes, as options of the same names. */
    static final class Settings extends SettingOptions {
        @Override
        List<Setting<?>> settings() {
            return List.of(JobSettings.K, JobSettings.SEED, JobSettings.SAMPLE, JobSettings.MAX_SIDE,
                    JobSettings.MAX_ITERATIONS);
        }
    }

    @Spec
    private CommandSpec spec;

    private int k;
    private long seed;
    private int sample;
    private int maxSide;
    private int maxIterations;

    @Option(names = "--frames-per-film", paramLabel = "N",
            description = "Frames generated per film (4 films). Default: " + BenchmarkFilms.FRAMES_PER_FILM_DEFAULT)
    private int framesPerFilm = BenchmarkFilms.FRAMES_PER_FILM_DEFAULT;

    @Option(names = "--input", paramLabel = "DIR",
            description = "Evaluate an archive with ground truth (DIR/accents.csv, as --write leaves it) instead of"
                    + " generating the benchmark")
    private Path input;

    @Option(names = "--accent-match", paramLabel = "DE",
            description = "ΔE2000 within which a palette color keeps an accent. Default: 10 on the generated"
                    + " benchmark (flat accents), 12 with --input (frames annotated by hand)")
    private Double accentMatch;

    @Option(names = "--write", paramLabel = "DIR",
            description = "Also write the benchmark as an archive (DIR/<film>/<frame>.png and DIR/accents.csv) for"
                    + " bin/filmpalette run --input DIR")
    private Path write;

    @Override
    public Integer call() {
        validate();
        long started = System.nanoTime();
        if (write != null) {
            BenchmarkFilms.write(BenchmarkFilms.generate(seed, framesPerFilm), write);
        }
        List<QualityBenchmark.SampledFrame> frames = frames();
        List<Score> first = score(frames);
        List<Score> second = score(frames());
        long films = frames.stream().map(QualityBenchmark.SampledFrame::filmId).distinct().count();
        PrintWriter out = spec.commandLine().getOut();
        Score baseline = first.get(0);
        out.printf(Locale.ROOT, "filmpalette evaluate: %d frames in %d films, %d %s accents, k=%d, seed %d,"
                + " bins <= %d, max side %d, kept within dE00 %.0f%n", baseline.frames(), films, baseline.accents(),
                input == null ? "planted" : "annotated", k, seed, sample, maxSide, match());
        out.printf(Locale.ROOT, "%-24s %7s %9s %6s %11s %9s %8s  %s%n", "space algorithm mode", "recall", "kept",
                "false", "error dE00", "vs base", "ms/still", "bar (recall>=0.95, error<=1.05x)");
        for (Score score : first) {
            double ratio = score.meanError() / baseline.meanError();
            boolean meets = score.recall() >= RECALL_BAR && ratio <= ERROR_BAR;
            out.printf(Locale.ROOT, "%-24s %7.3f %9s %6d %11.3f %9.3f %8.1f  %s%n",
                    score.variant().label() + (score == baseline ? " *" : ""), score.recall(),
                    score.kept() + "/" + score.accents(), score.falseAccents(), score.meanError(), ratio,
                    score.millisPerStill(), meets ? "met" : "not met");
        }
        out.println("  false: colors with role accent that match no planted or annotated accent");
        out.println("  * baseline: plain k-means in RGB");
        int differing = differingPalettes(first, second);
        out.printf(Locale.ROOT, "determinism: %s (%d palettes fitted twice)%n",
                differing == 0 ? "two runs gave identical palettes" : differing + " palettes differ between two runs",
                first.stream().mapToInt(Score::frames).sum());
        filmLevel(out);
        if (write != null) {
            out.println("benchmark archive: " + write.toAbsolutePath());
        }
        out.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        out.flush();
        return differing == 0 ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    /** The film-level lines: recurring accents kept in film palettes, by the MLlib fit alone and with the pass. */
    private void filmLevel(PrintWriter out) {
        if (input != null || framesPerFilm < 10) {
            out.println("film level: skipped (needs the generated benchmark with --frames-per-film >= 10)");
            return;
        }
        List<RecurringAccentFilms.Film> films = RecurringAccentFilms.generate(seed, framesPerFilm);
        out.printf(Locale.ROOT, "film level: %d films, each with two accents of ~1 %% recurring in 30 %% and 50 %% of"
                + " its stills and one in a single still; MLlib film fits (--film-engine mllib)%n", films.size());
        scala.Option<SparkSession> running = SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
        SparkSession spark = running.isEmpty() ? SparkSessions.create(Map.of()) : running.get();
        try {
            FilmLevelEvaluation evaluation = new FilmLevelEvaluation(spark, k, maxIterations, seed);
            for (Variant variant : FILM_VARIANTS) {
                FilmLevelEvaluation.Result result = evaluation.evaluate(films, variant, maxSide, sample);
                out.printf(Locale.ROOT, "  %-24s recurring accents kept %d/%d (MLlib fit alone %d/%d),"
                        + " one-still accents forced in %d/%d%n", variant.label() + " stills:", result.kept(),
                        result.recurring(), result.keptByFit(), result.recurring(), result.rareForcedIn(),
                        result.rare());
            }
        } finally {
            if (running.isEmpty()) {
                spark.stop();
            }
        }
    }

    private void validate() {
        k = SettingOptions.value(spec, JobSettings.K);
        seed = SettingOptions.value(spec, JobSettings.SEED);
        sample = SettingOptions.value(spec, JobSettings.SAMPLE);
        maxSide = SettingOptions.value(spec, JobSettings.MAX_SIDE);
        maxIterations = SettingOptions.value(spec, JobSettings.MAX_ITERATIONS);
        JobSettings.checkSampleCoversK(sample, k);
        if (framesPerFilm < 1 || framesPerFilm > 10_000) {
            throw new ConfigurationException("Invalid --frames-per-film: " + framesPerFilm
                    + " (must be between 1 and 10000)");
        }
        if (accentMatch != null && !(accentMatch > 0 && accentMatch <= 100)) {
            throw new ConfigurationException("Invalid --accent-match: " + accentMatch
                    + " (must be above 0, at most 100)");
        }
        if (input != null && write != null) {
            throw new ConfigurationException("Invalid --write: " + write + " (cannot be combined with --input)");
        }
    }

    /** The sampled benchmark, generated from scratch or read from {@code --input}. */
    private List<QualityBenchmark.SampledFrame> frames() {
        QualityBenchmark benchmark = new QualityBenchmark(k, maxIterations, seed);
        if (input != null) {
            return benchmark.sampleArchive(input, maxSide, sample);
        }
        List<BenchmarkFrame> frames = BenchmarkFilms.generate(seed, framesPerFilm);
        return benchmark.sample(frames, maxSide, sample);
    }

    /** The ΔE2000 within which an accent counts as kept. */
    private double match() {
        return accentMatch != null ? accentMatch : input != null ? REAL_ACCENT_MATCH : PaletteQuality.ACCENT_MATCH;
    }

    private List<Score> score(List<QualityBenchmark.SampledFrame> frames) {
        QualityBenchmark benchmark = new QualityBenchmark(k, maxIterations, seed, match());
        List<Score> scores = new ArrayList<>();
        for (Variant variant : VARIANTS) {
            scores.add(benchmark.score(frames, variant));
        }
        return scores;
    }

    private static int differingPalettes(List<Score> first, List<Score> second) {
        int differing = 0;
        for (int v = 0; v < first.size(); v++) {
            List<String> a = first.get(v).palettes();
            List<String> b = second.get(v).palettes();
            for (int i = 0; i < a.size(); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
