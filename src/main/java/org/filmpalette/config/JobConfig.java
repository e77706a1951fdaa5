package org.filmpalette.config;

import static org.filmpalette.config.JobSettings.ALGORITHMS;
import static org.filmpalette.config.JobSettings.BLANK_FRAMES;
import static org.filmpalette.config.JobSettings.COLOR_SPACE;
import static org.filmpalette.config.JobSettings.DECODE_TIMEOUT_SECONDS;
import static org.filmpalette.config.JobSettings.FILM_ENGINE;
import static org.filmpalette.config.JobSettings.FPS;
import static org.filmpalette.config.JobSettings.FULL;
import static org.filmpalette.config.JobSettings.INPUT;
import static org.filmpalette.config.JobSettings.K;
import static org.filmpalette.config.JobSettings.MAX_FILE_BYTES;
import static org.filmpalette.config.JobSettings.MAX_ITERATIONS;
import static org.filmpalette.config.JobSettings.MAX_PIXELS;
import static org.filmpalette.config.JobSettings.MAX_SIDE;
import static org.filmpalette.config.JobSettings.NATIVES_CACHE_DIR;
import static org.filmpalette.config.JobSettings.NEIGHBORS;
import static org.filmpalette.config.JobSettings.ORDER;
import static org.filmpalette.config.JobSettings.PALETTE_MODE;
import static org.filmpalette.config.JobSettings.PARALLELISM;
import static org.filmpalette.config.JobSettings.SAMPLE;
import static org.filmpalette.config.JobSettings.SEED;
import static org.filmpalette.config.JobSettings.STILLS;
import static org.filmpalette.config.JobSettings.STILL_ENGINE;
import static org.filmpalette.config.JobSettings.TABLES;
import static org.filmpalette.config.JobSettings.THUMBNAILS;
import static org.filmpalette.config.JobSettings.VIDEO_RANGE_SECONDS;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.palette.Order;

/**
 * The validated configuration of one run: a value for every setting of {@link JobSettings}, plus the {@code spark.*}
 * settings. Built once from layered settings ({@link #fromSettings}); each value is checked by its setting, and
 * the rules between settings here, every message naming the flag (or key) and the bad value.
 */
public final class JobConfig {

    /** Keys whose values are never shown: passwords, tokens, S3 access keys, SSE-C encryption keys, Azure account keys. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(secret|password|token|credential|access\\.key|session\\.key|encryption\\.key|account\\.key).*");

    private final Map<Setting<?>, Object> values;
    private final VideoSettings video;
    private final Map<String, String> sparkConf;

    private JobConfig(Map<Setting<?>, Object> values, Map<String, String> sparkConf) {
        this.values = values;
        this.sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
        this.video = new VideoSettings(get(FPS), get(STILLS), get(VIDEO_RANGE_SECONDS), get(NATIVES_CACHE_DIR));
        checkCombinations();
    }

    /**
     * Parses layered settings: every {@code filmpalette.*} key must be a declared setting, every other key a
     * {@code spark.*} key; a setting not given takes its declared default.
     */
    public static JobConfig fromSettings(Map<String, String> settings) {
        Map<String, String> spark = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(JobSettings.SPARK_PREFIX)) {
                spark.put(key, entry.getValue());
            } else if (JobSettings.byKey(key).isEmpty()) {
                throw new ConfigurationException("Unknown configuration key: " + key + " (known keys: "
                        + JobSettings.ALL.stream().map(Setting::key).collect(Collectors.joining(", "))
                        + ", or spark.*)");
            }
        }
        Map<Setting<?>, Object> values = new IdentityHashMap<>();
        for (Setting<?> setting : JobSettings.ALL) {
            values.put(setting, setting.parse(settings.getOrDefault(setting.key(), setting.defaultText())));
        }
        return new JobConfig(values, spark);
    }

    /** The value of {@code setting}: what a new setting's code reads (the accessors below are the same, typed). */
    public <T> T get(Setting<T> setting) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(setting);
        return value;
    }

    /** Frame archive root, a qualified URI ({@code file:/…}, {@code hdfs://…}, {@code s3a://…}). */
    public String input() {
        return get(INPUT);
    }

    /** Tables root, a qualified URI outside {@link #input()}. */
    public String tables() {
        return get(TABLES);
    }

    public int k() {
        return get(K);
    }

    public Set<Algorithm> algorithms() {
        return get(ALGORITHMS);
    }

    public ColorSpace colorSpace() {
        return get(COLOR_SPACE);
    }

    public int sample() {
        return get(SAMPLE);
    }

    public int maxSide() {
        return get(MAX_SIDE);
    }

    public long seed() {
        return get(SEED);
    }

    public Order order() {
        return get(ORDER);
    }

    public RunMode mode() {
        return get(FULL) ? RunMode.FULL : RunMode.INCREMENTAL;
    }

    public StillEngine stillEngine() {
        return get(STILL_ENGINE);
    }

    public FilmEngine filmEngine() {
        return get(FILM_ENGINE);
    }

    public long maxPixels() {
        return get(MAX_PIXELS);
    }

    public long maxFileBytes() {
        return get(MAX_FILE_BYTES);
    }

    public int decodeTimeoutSeconds() {
        return get(DECODE_TIMEOUT_SECONDS);
    }

    public int maxIterations() {
        return get(MAX_ITERATIONS);
    }

    public int parallelism() {
        return get(PARALLELISM);
    }

    public BlankFrames blankFrames() {
        return get(BLANK_FRAMES);
    }

    public PaletteMode paletteMode() {
        return get(PALETTE_MODE);
    }

    public Thumbnails thumbnails() {
        return get(THUMBNAILS);
    }

    /** Nearest films kept per film and algorithm in {@code film_neighbors}; 0 skips that stage. */
    public int neighbors() {
        return get(NEIGHBORS);
    }

    /** How video files are sampled and split across tasks. */
    public VideoSettings video() {
        return video;
    }

    /** {@code spark.*} settings to apply to the session, as given. */
    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    /** The effective configuration as sorted {@code key=value} lines, secrets masked: logged and kept in {@code runs}. */
    public String describe() {
        Map<String, String> all = new TreeMap<>();
        for (Setting<?> setting : JobSettings.ALL) {
            all.put(setting.key(), formatted(setting));
        }
        sparkConf.forEach((key, value) -> all.put(key, masked(key, value)));
        StringBuilder text = new StringBuilder();
        all.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** {@code value}, or {@code ****} when the key names a secret (passwords, tokens, S3 keys). */
    public static String masked(String key, String value) {
        return SECRET.matcher(key).matches() ? "****" : value;
    }

    private <T> String formatted(Setting<T> setting) {
        return setting.type().format(get(setting));
    }

    /** The rules no single setting can check. */
    private void checkCombinations() {
        JobSettings.checkSampleCoversK(sample(), k());
        if (algorithms().contains(Algorithm.GRID) && stillEngine() != StillEngine.TASK) {
            throw new ConfigurationException("Invalid " + ALGORITHMS.shownAs() + ": grid (needs "
                    + STILL_ENGINE.shownAs() + " task, not " + stillEngine().id() + ")");
        }
        if (isInside(tables(), input())) {
            throw new ConfigurationException("Invalid " + TABLES.shownAs() + ": " + tables() + " (must not be inside "
                    + INPUT.shownAs() + " " + input() + ": the tables would be read as frames)");
        }
    }

    private static boolean isInside(String candidate, String root) {
        String a = candidate.toLowerCase(Locale.ROOT).replaceFirst("^file:///", "file:/");
        String b = root.toLowerCase(Locale.ROOT).replaceFirst("^file:///", "file:/");
        return a.equals(b) || a.startsWith(b + "/");
    }
}
