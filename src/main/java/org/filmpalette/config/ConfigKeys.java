package org.filmpalette.config;

import java.util.List;

/**
 * Every job configuration key with its built-in default. Keys are {@code filmpalette.<flag>}; a flag given on the
 * command line wins over {@code --conf}, which wins over the properties file, which wins over these defaults.
 * Keys starting with {@code spark.} are passed to Spark unchanged.
 */
public final class ConfigKeys {

    /** Frame archive root: a Hadoop FileSystem URI or a local path. */
    public static final String INPUT = "filmpalette.input";
    public static final String INPUT_DEFAULT = "data-sample";

    /** Root under which the four tables are written. */
    public static final String TABLES = "filmpalette.tables";
    public static final String TABLES_DEFAULT = "palettes";

    /** Palette size: the number of clusters per still and per film. */
    public static final String K = "filmpalette.k";
    public static final int K_DEFAULT = 8;

    /** Comma-separated algorithms: {@code kmeans}, {@code bisecting}. */
    public static final String ALGORITHMS = "filmpalette.algorithms";
    public static final String ALGORITHMS_DEFAULT = "kmeans,bisecting";

    /** Space the clustering runs in: {@code lab}, {@code rgb} or {@code hsv}. */
    public static final String COLOR_SPACE = "filmpalette.color-space";
    public static final String COLOR_SPACE_DEFAULT = "lab";

    /** Most weighted points one fit runs on: a still's color bins, a film's sample of still colors. */
    public static final String SAMPLE = "filmpalette.sample";
    public static final int SAMPLE_DEFAULT = 4096;

    /** Longer side, in pixels, frames are downscaled to while decoding. */
    public static final String MAX_SIDE = "filmpalette.max-side";
    public static final int MAX_SIDE_DEFAULT = 480;

    /** Seed every random choice derives from, together with the film and frame ids. */
    public static final String SEED = "filmpalette.seed";
    public static final long SEED_DEFAULT = 42L;

    /** Color order within a palette: {@code dominance}, {@code luminance} or {@code hue}. */
    public static final String ORDER = "filmpalette.order";
    public static final String ORDER_DEFAULT = "dominance";

    /** {@code true} recomputes everything instead of only new and changed frames. */
    public static final String FULL = "filmpalette.full";
    public static final boolean FULL_DEFAULT = false;

    /** Per-still engine: {@code task} (in-task kernels) or {@code mllib} (one MLlib fit per still). */
    public static final String STILL_ENGINE = "filmpalette.still-engine";
    public static final String STILL_ENGINE_DEFAULT = "task";

    /**
     * Film engine: {@code task} (in-task kernel over a capped weighted sample of the film's still colors) or
     * {@code mllib} (one MLlib fit per film from the driver).
     */
    public static final String FILM_ENGINE = "filmpalette.film-engine";
    public static final String FILM_ENGINE_DEFAULT = "task";

    /** Frames whose header claims more pixels than this are rejected without being decoded. */
    public static final String MAX_PIXELS = "filmpalette.max-pixels";
    public static final long MAX_PIXELS_DEFAULT = 250_000_000L;

    /**
     * Frame files bigger than this many bytes are rejected without being read; the default, 512 MiB, is above a 4K
     * 16-bit uncompressed TIFF (76 MB) or a 4K DPX (51 MB).
     */
    public static final String MAX_FILE_BYTES = "filmpalette.max-file-bytes";
    public static final long MAX_FILE_BYTES_DEFAULT = 512L << 20;

    /** A frame file still decoding after this many seconds is stopped and rejected as {@code timeout}. */
    public static final String DECODE_TIMEOUT_SECONDS = "filmpalette.decode-timeout-seconds";
    public static final int DECODE_TIMEOUT_SECONDS_DEFAULT = 30;

    /** Lloyd iterations per fit, as MLlib's {@code maxIter}. */
    public static final String MAX_ITERATIONS = "filmpalette.max-iterations";
    public static final int MAX_ITERATIONS_DEFAULT = 20;

    /** Films (and MLlib still fits) fitted at once from the driver's thread pool. */
    public static final String PARALLELISM = "filmpalette.parallelism";
    public static final int PARALLELISM_DEFAULT = 4;

    /**
     * Whether each still keeps a small JPEG thumbnail (192 px wide, about 5 KB) in the {@code frames} table:
     * {@code keep} or {@code none}.
     */
    public static final String THUMBNAILS = "filmpalette.thumbnails";
    public static final String THUMBNAILS_DEFAULT = "keep";

    /**
     * Nearest films a run keeps per film and algorithm in the {@code film_neighbors} table; 0 skips the stage (the
     * table is then emptied, so that it never holds lists of older palettes).
     */
    public static final String NEIGHBORS = "filmpalette.neighbors";
    public static final int NEIGHBORS_DEFAULT = 20;

    /** Whether near-uniform black or white frames count in film palettes: {@code exclude} or {@code include}. */
    public static final String BLANK_FRAMES = "filmpalette.blank-frames";
    public static final String BLANK_FRAMES_DEFAULT = "exclude";

    /**
     * How a still's colors are chosen: {@code accents} (the clusters plus an accent pass that keeps small saturated
     * colors the clusters missed; the default since it meets the quality bar, README "Quality") or {@code plain} (the
     * clusters as found).
     */
    public static final String PALETTE_MODE = "filmpalette.palette-mode";
    public static final String PALETTE_MODE_DEFAULT = "accents";

    /** Stills per second of film taken from video files (with {@code --stills interval}). */
    public static final String FPS = "filmpalette.fps";
    public static final String FPS_DEFAULT = "1";

    /** Which frames of a video become stills: {@code interval} (every {@code 1/fps} s) or {@code keyframes}. */
    public static final String STILLS = "filmpalette.stills";
    public static final String STILLS_DEFAULT = "interval";

    /** Seconds of film one decoding task covers: a long video is split into ranges this long, decoded in parallel. */
    public static final String VIDEO_RANGE_SECONDS = "filmpalette.video-range-seconds";
    public static final int VIDEO_RANGE_SECONDS_DEFAULT = 60;

    /** Where the FFmpeg natives are extracted on each machine; empty for javacpp's default {@code ~/.javacpp/cache}. */
    public static final String NATIVES_CACHE_DIR = "filmpalette.natives-cache-dir";
    public static final String NATIVES_CACHE_DIR_DEFAULT = "";

    /** All {@code filmpalette.*} keys; any other key in that namespace is an error. */
    public static final List<String> ALL = List.of(INPUT, TABLES, K, ALGORITHMS, COLOR_SPACE, SAMPLE, MAX_SIDE, SEED,
            ORDER, FULL, STILL_ENGINE, FILM_ENGINE, MAX_PIXELS, MAX_FILE_BYTES, DECODE_TIMEOUT_SECONDS, MAX_ITERATIONS,
            PARALLELISM, BLANK_FRAMES, PALETTE_MODE, THUMBNAILS, NEIGHBORS, FPS, STILLS, VIDEO_RANGE_SECONDS,
            NATIVES_CACHE_DIR);

    public static final String PREFIX = "filmpalette.";
    public static final String SPARK_PREFIX = "spark.";

    private ConfigKeys() {}

    /** Keys set only in a properties file or with {@code --conf}: {@code run} has no flag for them. */
    public static final List<String> WITHOUT_FLAG =
            List.of(MAX_PIXELS, MAX_FILE_BYTES, DECODE_TIMEOUT_SECONDS, MAX_ITERATIONS, PARALLELISM, THUMBNAILS,
                    NEIGHBORS);

    /**
     * How error messages name a key: its command-line flag ({@code filmpalette.k} → {@code --k}), or the key itself
     * when it has no flag.
     */
    public static String flag(String key) {
        return WITHOUT_FLAG.contains(key) ? key : "--" + key.substring(PREFIX.length());
    }
}
