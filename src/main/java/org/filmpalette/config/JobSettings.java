package org.filmpalette.config;

import static org.filmpalette.config.SettingTypes.choice;
import static org.filmpalette.config.SettingTypes.choices;
import static org.filmpalette.config.SettingTypes.decimal;
import static org.filmpalette.config.SettingTypes.integer;
import static org.filmpalette.config.SettingTypes.location;
import static org.filmpalette.config.SettingTypes.text;
import static org.filmpalette.config.SettingTypes.wholeNumber;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.palette.Order;

/**
 * Every setting of a run, each declared once (docs/design.md §6, "Adding a setting"). A flag on the command line
 * wins over {@code --conf}, which wins over the properties file, which wins over the defaults declared here; keys
 * starting with {@code spark.} go to Spark unchanged, any other key is an error.
 */
public final class JobSettings {

    private static final List<Setting<?>> DECLARED = new ArrayList<>();

    public static final Setting<String> INPUT = declare(Setting.withFlag("input", "URI", location(), "data-sample",
            Section.TABLES, "Frame archive root; the first folder below it is the film"));

    public static final Setting<String> TABLES = declare(Setting.withFlag("tables", "URI", location(), "palettes",
            Section.TABLES, "Root of the tables (the embedded catalog's warehouse); must not be inside --input"));

    public static final Setting<Integer> K = declare(Setting.withFlag("k", "N", integer(2, 64), 8,
            Section.PALETTES, "Colors per palette: the clusters of each still and each film"));

    public static final Setting<java.util.Set<Algorithm>> ALGORITHMS = declare(Setting.withFlag("algorithms", "LIST",
            choices(Algorithm.values(), Algorithm::id), EnumSet.of(Algorithm.KMEANS, Algorithm.BISECTING),
            Section.PALETTES,
            "The clustering algorithms each still and film gets a palette of, see README \"Options\""));

    public static final Setting<ColorSpace> COLOR_SPACE = declare(Setting.withFlag("color-space", "SPACE",
            choice(ColorSpace.values(), ColorSpace::id), ColorSpace.LAB, Section.PALETTES,
            "Space the clustering runs in: perceptual CIELAB, sRGB 0-255 or the HSV cone"));

    public static final Setting<Integer> SAMPLE = declare(Setting.withFlag("sample", "POINTS",
            integer(16, 1_000_000), 4096, Section.PALETTES,
            "Most weighted points one fit runs on: a still's color bins, a film's sample of still colors;"
                    + " at least --k"));

    public static final Setting<Integer> MAX_SIDE = declare(Setting.withFlag("max-side", "PIXELS", integer(8, 4096),
            480, Section.PALETTES, "Longer side frames are downscaled to while decoding; 480 is a 1080p JPEG's"
                    + " quarter-size DCT decode"));

    public static final Setting<Long> SEED = declare(Setting.withFlag("seed", "N",
            wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE), 42L, Section.PALETTES,
            "Seed every random choice derives from, together with the film and frame ids"));

    public static final Setting<Order> ORDER = declare(Setting.withFlag("order", "ORDER",
            choice(Order.values(), Order::id), Order.DOMINANCE, Section.PALETTES,
            "Color order within a palette: largest share, darkest or hue first"));

    public static final Setting<PaletteMode> PALETTE_MODE = declare(Setting.withFlag("palette-mode", "MODE",
            choice(PaletteMode.values(), PaletteMode::id), PaletteMode.ACCENTS, Section.PALETTES,
            "accents adds a pass keeping small saturated colors the clusters missed, the mode that meets the"
                    + " quality bar; plain keeps the clusters as found"));

    public static final Setting<BlankFrames> BLANK_FRAMES = declare(Setting.withFlag("blank-frames", "MODE",
            choice(BlankFrames.values(), BlankFrames::id), BlankFrames.EXCLUDE, Section.PALETTES,
            "Whether near-uniform black or white frames count in film palettes"));

    public static final Setting<Boolean> FULL = declare(Setting.withSwitch("full", Section.PALETTES,
            "Recompute every frame and film instead of only new and changed ones"));

    public static final Setting<Integer> MAX_ITERATIONS = declare(Setting.fileOnly("max-iterations", "N",
            integer(1, 1000), 20, Section.PALETTES, "Lloyd iterations per fit, as MLlib's maxIter"));

    public static final Setting<StillEngine> STILL_ENGINE = declare(Setting.withFlag("still-engine", "ENGINE",
            choice(StillEngine.values(), StillEngine::id), StillEngine.TASK, Section.ENGINES,
            "Where still palettes are fitted: in-task kernels, which scale, or one MLlib fit per still, for small"
                    + " archives"));

    public static final Setting<FilmEngine> FILM_ENGINE = declare(Setting.withFlag("film-engine", "ENGINE",
            choice(FilmEngine.values(), FilmEngine::id), FilmEngine.TASK, Section.ENGINES,
            "Where film palettes are fitted: in Spark tasks on a capped sample, or one MLlib fit per film from the"
                    + " driver"));

    public static final Setting<Integer> PARALLELISM = declare(Setting.fileOnly("parallelism", "N", integer(1, 256),
            4, Section.ENGINES, "Film fits (and MLlib still fits) run at once from the driver's thread pool"));

    public static final Setting<Long> MAX_PIXELS = declare(Setting.fileOnly("max-pixels", "PIXELS",
            wholeNumber(1, Long.MAX_VALUE), 250_000_000L, Section.FRAMES,
            "Frames whose header claims more pixels than this are rejected as too_large without being decoded"));

    public static final Setting<Long> MAX_FILE_BYTES = declare(Setting.fileOnly("max-file-bytes", "BYTES",
            wholeNumber(1, Integer.MAX_VALUE - 8), 512L << 20, Section.FRAMES,
            "Frame files bigger than this many bytes are rejected as file_too_large without being read"));

    public static final Setting<Integer> DECODE_TIMEOUT_SECONDS = declare(Setting.fileOnly("decode-timeout-seconds",
            "SECONDS", integer(1, 86_400), 30, Section.FRAMES,
            "A frame still decoding after this many seconds is stopped and rejected as timeout"));

    public static final Setting<Thumbnails> THUMBNAILS = declare(Setting.fileOnly("thumbnails", "MODE",
            choice(Thumbnails.values(), Thumbnails::id), Thumbnails.KEEP, Section.FRAMES,
            "Whether each still keeps a 192-pixel-wide JPEG thumbnail, about 5 KB, in the frames table"));

    public static final Setting<Integer> NEIGHBORS = declare(Setting.fileOnly("neighbors", "N", integer(0, 1000), 20,
            Section.PALETTES, "Nearest films kept per film and algorithm in the film_neighbors table; 0 skips that"
                    + " stage and empties the table"));

    public static final Setting<Double> FPS = declare(Setting.withFlag("fps", "N", decimal(0, 120), 1.0,
            Section.VIDEO, "Stills per second of film taken from video files, with --stills interval"));

    public static final Setting<StillSelection> STILLS = declare(Setting.withFlag("stills", "MODE",
            choice(StillSelection.values(), StillSelection::id), StillSelection.INTERVAL, Section.VIDEO,
            "Which frames of a video become stills: one every 1/fps seconds, or one per keyframe"));

    public static final Setting<Integer> VIDEO_RANGE_SECONDS = declare(Setting.fileOnly("video-range-seconds",
            "SECONDS", integer(1, 86_400), 60, Section.VIDEO,
            "Seconds of film one decoding task covers: a long video is split into ranges this long"));

    public static final Setting<String> NATIVES_CACHE_DIR = declare(Setting.fileOnly("natives-cache-dir", "DIR",
            text("a folder, or empty"), "", Section.VIDEO,
            "Where each machine extracts FFmpeg's natives; empty for javacpp's ~/.javacpp/cache"));

    /** Every setting, in declaration order; a key in the {@code filmpalette.} namespace not among them is an error. */
    public static final List<Setting<?>> ALL = List.copyOf(DECLARED);

    /** Keys with this prefix are Spark's, passed through unchanged. */
    public static final String SPARK_PREFIX = "spark.";

    private JobSettings() {}

    /** The setting whose key is {@code key}. */
    public static Optional<Setting<?>> byKey(String key) {
        return ALL.stream().filter(setting -> setting.key().equals(key)).findFirst();
    }

    /** The one rule between two settings a benchmark shares with a run: a fit needs at least k points. */
    public static void checkSampleCoversK(int sample, int k) {
        if (sample < k) {
            throw new ConfigurationException("Invalid " + SAMPLE.shownAs() + ": " + sample + " (must be at least "
                    + K.shownAs() + ", " + k + ")");
        }
    }

    private static <T> Setting<T> declare(Setting<T> setting) {
        DECLARED.add(setting);
        return setting;
    }
}
