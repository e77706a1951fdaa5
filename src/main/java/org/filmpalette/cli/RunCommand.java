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
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.Setting;
import org.filmpalette.job.PalettePipeline;
import org.filmpalette.job.RunSummary;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.store.CommitObserver;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette run}: computes still and film palettes for new and changed frames and commits the tables. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, modelTransformer = RunCommand.Flags.class,
        description = "Compute still and film palettes for the frames under --input and write them under --tables.")
final class RunCommand implements Callable<Integer> {

    /** Environment variable naming the installation folder whose conf/filmpalette.properties gives defaults. */
    static final String HOME_VARIABLE = "FILMPALETTE_HOME";

    /** The settings {@code run} takes as flags: every declared setting that has one. */
    static final List<Setting<?>> FLAGGED = JobSettings.ALL.stream().filter(setting -> setting.flag().isPresent())
            .toList();

    /** Adds an option for each of {@link #FLAGGED}. */
    static final class Flags extends SettingOptions {
        @Override
        List<Setting<?>> settings() {
            return FLAGGED;
        }
    }

    private final CommitObserver observer;

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", order = 100,
            description = "Properties file of defaults. Default: $FILMPALETTE_HOME/conf/filmpalette.properties if present")
    private Path configFile;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", order = 101,
            description = "A filmpalette.* or spark.* setting (repeatable)")
    private Map<String, String> conf = new LinkedHashMap<>();

    RunCommand() {
        this(CommitObserver.NONE);
    }

    /** A run whose commit notifies {@code observer}: the test seam for failures at a point of the commit. */
    RunCommand(CommitObserver observer) {
        this.observer = observer;
    }

    @Override
    public Integer call() {
        JobConfig config = JobConfig.fromSettings(settings());
        SparkSession spark = SparkSessions.create(config);
        if (System.console() != null) {
            spark.sparkContext().addSparkListener(new StageProgress(spec.commandLine().getErr(), System::nanoTime));
        }
        try {
            RunSummary summary = new PalettePipeline(spark, config, observer).run();
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
        settings.putAll(SettingOptions.given(spec, FLAGGED));
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
