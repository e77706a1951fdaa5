package org.filmpalette.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigFile;
import org.filmpalette.config.ConfigKeys;
import org.filmpalette.config.JobConfig;
import org.filmpalette.job.PalettePipeline;
import org.filmpalette.job.RunSummary;
import org.filmpalette.job.SparkSessions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette run}: computes still and film palettes for new and changed frames and commits the tables. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Compute still and film palettes for the frames under --input and write them under --tables.")
final class RunCommand implements Callable<Integer> {

    /** Environment variable naming the installation folder whose conf/filmpalette.properties gives defaults. */
    static final String HOME_VARIABLE = "FILMPALETTE_HOME";

    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "URI", description = "Frame archive root (hdfs://, s3a://, file: or a path). Default: data-sample")
    private String input;

    @Option(names = "--tables", paramLabel = "URI", description = "Tables root. Default: palettes")
    private String tables;

    @Option(names = "--k", description = "Colors per palette, 2-64. Default: 8")
    private Integer k;

    @Option(names = "--algorithms", paramLabel = "LIST", description = "kmeans, bisecting and/or grid (default kmeans,bisecting)")
    private String algorithms;

    @Option(names = "--color-space", paramLabel = "SPACE", description = "lab (default), rgb or hsv")
    private String colorSpace;

    @Option(names = "--sample", paramLabel = "PIXELS", description = "Pixels sampled per still. Default: 4096")
    private Integer sample;

    @Option(names = "--max-side", paramLabel = "PIXELS", description = "Longer side frames are downscaled to. Default: 256")
    private Integer maxSide;

    @Option(names = "--seed", description = "Seed of every random choice. Default: 42")
    private Long seed;

    @Option(names = "--order", description = "dominance (default), luminance or hue")
    private String order;

    @Option(names = "--full", description = "Recompute every frame and film instead of only new and changed ones")
    private boolean full;

    @Option(names = "--still-engine", paramLabel = "ENGINE", description = "task (default) or mllib")
    private String stillEngine;

    @Option(names = "--film-engine", paramLabel = "ENGINE",
            description = "task (default: in Spark tasks, capped film sample) or mllib (one MLlib fit per film)")
    private String filmEngine;

    @Option(names = "--blank-frames", paramLabel = "MODE",
            description = "exclude (default) or include near-uniform black/white frames in film palettes")
    private String blankFrames;

    @Option(names = "--palette-mode", paramLabel = "MODE",
            description = "accents (default: keep small saturated colors the clusters missed) or plain")
    private String paletteMode;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file of defaults. Default: $FILMPALETTE_HOME/conf/filmpalette.properties if present")
    private Path configFile;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A filmpalette.* or spark.* setting (repeatable)")
    private Map<String, String> conf = new LinkedHashMap<>();

    @Override
    public Integer call() {
        JobConfig config = JobConfig.fromSettings(settings());
        SparkSession spark = SparkSessions.create(config);
        if (System.console() != null) {
            spark.sparkContext().addSparkListener(new StageProgress(spec.commandLine().getErr(), System::nanoTime));
        }
        try {
            RunSummary summary = new PalettePipeline(spark, config).run();
            print(summary, spec.commandLine().getOut());
            return ExitCodes.DONE;
        } finally {
            spark.stop();
        }
    }

    /** File, then {@code --conf}, then flags: later layers win. */
    private Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        Path file = configFile != null ? configFile : defaultConfigFile();
        if (file != null) {
            settings.putAll(ConfigFile.read(file));
        }
        settings.putAll(conf);
        putIfGiven(settings, ConfigKeys.INPUT, input);
        putIfGiven(settings, ConfigKeys.TABLES, tables);
        putIfGiven(settings, ConfigKeys.K, k);
        putIfGiven(settings, ConfigKeys.ALGORITHMS, algorithms);
        putIfGiven(settings, ConfigKeys.COLOR_SPACE, colorSpace);
        putIfGiven(settings, ConfigKeys.SAMPLE, sample);
        putIfGiven(settings, ConfigKeys.MAX_SIDE, maxSide);
        putIfGiven(settings, ConfigKeys.SEED, seed);
        putIfGiven(settings, ConfigKeys.ORDER, order);
        putIfGiven(settings, ConfigKeys.STILL_ENGINE, stillEngine);
        putIfGiven(settings, ConfigKeys.FILM_ENGINE, filmEngine);
        putIfGiven(settings, ConfigKeys.BLANK_FRAMES, blankFrames);
        putIfGiven(settings, ConfigKeys.PALETTE_MODE, paletteMode);
        if (full) {
            settings.put(ConfigKeys.FULL, "true");
        }
        return settings;
    }

    private static Path defaultConfigFile() {
        String home = System.getenv(HOME_VARIABLE);
        if (home == null) {
            return null;
        }
        Path file = Path.of(home, "conf", "filmpalette.properties");
        return Files.isRegularFile(file) ? file : null;
    }

    private static void putIfGiven(Map<String, String> settings, String key, Object value) {
        if (value != null) {
            settings.put(key, value.toString());
        }
    }

    /** Film palette lines the summary prints at most (10 films of two algorithms); the tables hold them all. */
    static final int SUMMARY_PALETTES = 20;

    static void print(RunSummary summary, PrintWriter out) {
        out.printf("filmpalette run %s done in %.1f s%n", summary.runId(), summary.seconds());
        out.printf("  films: %d in the tables, %d recomputed%n", summary.films(), summary.touchedFilms().size());
        out.printf("  frames: %d seen, %d new, %d rejected%s%n", summary.framesSeen(), summary.framesNew(),
                summary.framesRejected(), summary.rejectReasons().isEmpty() ? "" : " " + summary.rejectReasons());
        List<String> palettes = summary.filmPalettes();
        out.println("  film palettes:" + (palettes.size() > SUMMARY_PALETTES
                ? " (first " + SUMMARY_PALETTES + " of " + palettes.size() + ")" : ""));
        for (String line : palettes.subList(0, Math.min(SUMMARY_PALETTES, palettes.size()))) {
            out.println("    " + line);
        }
        if (palettes.size() > SUMMARY_PALETTES) {
            out.println("    … the rest: bin/filmpalette serve --tables " + summary.tables()
                    + ", or sql \"SELECT * FROM film_palettes\"");
        }
        out.println("  tables: " + summary.tables());
        out.flush();
    }
}
