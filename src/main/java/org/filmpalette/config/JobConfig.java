package org.filmpalette.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.palette.Order;

/**
 * The validated configuration of one run. Built once from layered settings ({@link #fromSettings}); every
 * constraint is checked in the constructor, with a message naming the flag and the bad value.
 *
 * @param input frame archive root, a qualified URI ({@code file:/…}, {@code hdfs://…}, {@code s3a://…})
 * @param tables tables root, a qualified URI outside {@code input}
 * @param neighbors nearest films kept per film in {@code film_neighbors}, 0 to skip that stage
 * @param video how video files are sampled and split across tasks
 * @param sparkConf {@code spark.*} settings to apply to the session, as given
 */
public record JobConfig(
        String input,
        String tables,
        int k,
        Set<Algorithm> algorithms,
        ColorSpace colorSpace,
        int sample,
        int maxSide,
        long seed,
        Order order,
        RunMode mode,
        StillEngine stillEngine,
        FilmEngine filmEngine,
        long maxPixels,
        long maxFileBytes,
        int decodeTimeoutSeconds,
        int maxIterations,
        int parallelism,
        BlankFrames blankFrames,
        PaletteMode paletteMode,
        Thumbnails thumbnails,
        int neighbors,
        VideoSettings video,
        Map<String, String> sparkConf) {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    /** Keys whose values are never shown: passwords, tokens, S3 access keys, SSE-C encryption keys, Azure account keys. */
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(secret|password|token|credential|access\\.key|session\\.key|encryption\\.key|account\\.key).*");

    public JobConfig {
        input = qualify(ConfigKeys.INPUT, input);
        tables = qualify(ConfigKeys.TABLES, tables);
        requireRange(ConfigKeys.K, k, 2, 64);
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("Invalid --algorithms: empty (must be kmeans, bisecting or grid)");
        }
        algorithms = Collections.unmodifiableSet(EnumSet.copyOf(algorithms));
        requireRange(ConfigKeys.SAMPLE, sample, Math.max(16, k), 1_000_000);
        requireRange(ConfigKeys.MAX_SIDE, maxSide, 8, 4096);
        requireRange(ConfigKeys.MAX_PIXELS, maxPixels, 1, Long.MAX_VALUE);
        requireRange(ConfigKeys.MAX_FILE_BYTES, maxFileBytes, 1, Integer.MAX_VALUE - 8);
        requireRange(ConfigKeys.DECODE_TIMEOUT_SECONDS, decodeTimeoutSeconds, 1, 86_400);
        requireRange(ConfigKeys.MAX_ITERATIONS, maxIterations, 1, 1000);
        requireRange(ConfigKeys.PARALLELISM, parallelism, 1, 256);
        requireRange(ConfigKeys.NEIGHBORS, neighbors, 0, 1000);
        if (stillEngine == null || filmEngine == null) {
            throw new IllegalArgumentException("Missing --still-engine or --film-engine (must be task or mllib)");
        }
        if (algorithms.contains(Algorithm.GRID) && stillEngine != StillEngine.TASK) {
            throw new IllegalArgumentException("Invalid --algorithms: grid (needs --still-engine task, not "
                    + stillEngine.id() + ")");
        }
        if (isInside(tables, input)) {
            throw new IllegalArgumentException("Invalid --tables: " + tables + " (must not be inside --input " + input
                    + ": the tables would be read as frames)");
        }
        if (video == null) {
            throw new IllegalArgumentException("Missing video settings (--fps, --stills)");
        }
        sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
    }

    /**
     * Parses layered settings: every {@code filmpalette.*} key must be known, every other key must be a
     * {@code spark.*} key; missing keys take the defaults in {@link ConfigKeys}.
     */
    public static JobConfig fromSettings(Map<String, String> settings) {
        Map<String, String> spark = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            String key = entry.getKey();
            if (key.startsWith(ConfigKeys.SPARK_PREFIX)) {
                spark.put(key, entry.getValue());
            } else if (!ConfigKeys.ALL.contains(key)) {
                throw new IllegalArgumentException("Unknown configuration key: " + key
                        + " (known keys: " + String.join(", ", ConfigKeys.ALL) + ", or spark.*)");
            }
        }
        Settings s = new Settings(settings);
        return new JobConfig(
                s.text(ConfigKeys.INPUT, ConfigKeys.INPUT_DEFAULT),
                s.text(ConfigKeys.TABLES, ConfigKeys.TABLES_DEFAULT),
                s.integer(ConfigKeys.K, ConfigKeys.K_DEFAULT),
                s.algorithms(),
                s.parsed(ConfigKeys.COLOR_SPACE, ConfigKeys.COLOR_SPACE_DEFAULT, ColorSpace::parse),
                s.integer(ConfigKeys.SAMPLE, ConfigKeys.SAMPLE_DEFAULT),
                s.integer(ConfigKeys.MAX_SIDE, ConfigKeys.MAX_SIDE_DEFAULT),
                s.longValue(ConfigKeys.SEED, ConfigKeys.SEED_DEFAULT),
                s.parsed(ConfigKeys.ORDER, ConfigKeys.ORDER_DEFAULT, Order::parse),
                s.bool(ConfigKeys.FULL, ConfigKeys.FULL_DEFAULT) ? RunMode.FULL : RunMode.INCREMENTAL,
                s.parsed(ConfigKeys.STILL_ENGINE, ConfigKeys.STILL_ENGINE_DEFAULT, StillEngine::parse),
                s.parsed(ConfigKeys.FILM_ENGINE, ConfigKeys.FILM_ENGINE_DEFAULT, FilmEngine::parse),
                s.longValue(ConfigKeys.MAX_PIXELS, ConfigKeys.MAX_PIXELS_DEFAULT),
                s.longValue(ConfigKeys.MAX_FILE_BYTES, ConfigKeys.MAX_FILE_BYTES_DEFAULT),
                s.integer(ConfigKeys.DECODE_TIMEOUT_SECONDS, ConfigKeys.DECODE_TIMEOUT_SECONDS_DEFAULT),
                s.integer(ConfigKeys.MAX_ITERATIONS, ConfigKeys.MAX_ITERATIONS_DEFAULT),
                s.integer(ConfigKeys.PARALLELISM, ConfigKeys.PARALLELISM_DEFAULT),
                s.parsed(ConfigKeys.BLANK_FRAMES, ConfigKeys.BLANK_FRAMES_DEFAULT, BlankFrames::parse),
                s.parsed(ConfigKeys.PALETTE_MODE, ConfigKeys.PALETTE_MODE_DEFAULT, PaletteMode::parse),
                s.parsed(ConfigKeys.THUMBNAILS, ConfigKeys.THUMBNAILS_DEFAULT, Thumbnails::parse),
                s.integer(ConfigKeys.NEIGHBORS, ConfigKeys.NEIGHBORS_DEFAULT),
                new VideoSettings(s.parsed(ConfigKeys.FPS, ConfigKeys.FPS_DEFAULT, VideoSettings::parseFps),
                        s.parsed(ConfigKeys.STILLS, ConfigKeys.STILLS_DEFAULT, StillSelection::parse),
                        s.integer(ConfigKeys.VIDEO_RANGE_SECONDS, ConfigKeys.VIDEO_RANGE_SECONDS_DEFAULT),
                        s.text(ConfigKeys.NATIVES_CACHE_DIR, ConfigKeys.NATIVES_CACHE_DIR_DEFAULT)),
                spark);
    }

    /** The effective configuration as sorted {@code key=value} lines, secrets masked: logged and kept in {@code runs}. */
    public String describe() {
        Map<String, String> all = new TreeMap<>();
        all.put(ConfigKeys.INPUT, input);
        all.put(ConfigKeys.TABLES, tables);
        all.put(ConfigKeys.K, Integer.toString(k));
        all.put(ConfigKeys.ALGORITHMS, String.join(",", algorithms.stream().map(Algorithm::id).toList()));
        all.put(ConfigKeys.COLOR_SPACE, colorSpace.id());
        all.put(ConfigKeys.SAMPLE, Integer.toString(sample));
        all.put(ConfigKeys.MAX_SIDE, Integer.toString(maxSide));
        all.put(ConfigKeys.SEED, Long.toString(seed));
        all.put(ConfigKeys.ORDER, order.id());
        all.put(ConfigKeys.FULL, Boolean.toString(mode == RunMode.FULL));
        all.put(ConfigKeys.STILL_ENGINE, stillEngine.id());
        all.put(ConfigKeys.FILM_ENGINE, filmEngine.id());
        all.put(ConfigKeys.MAX_PIXELS, Long.toString(maxPixels));
        all.put(ConfigKeys.MAX_FILE_BYTES, Long.toString(maxFileBytes));
        all.put(ConfigKeys.DECODE_TIMEOUT_SECONDS, Integer.toString(decodeTimeoutSeconds));
        all.put(ConfigKeys.MAX_ITERATIONS, Integer.toString(maxIterations));
        all.put(ConfigKeys.PARALLELISM, Integer.toString(parallelism));
        all.put(ConfigKeys.BLANK_FRAMES, blankFrames.id());
        all.put(ConfigKeys.PALETTE_MODE, paletteMode.id());
        all.put(ConfigKeys.THUMBNAILS, thumbnails.id());
        all.put(ConfigKeys.NEIGHBORS, Integer.toString(neighbors));
        all.put(ConfigKeys.FPS, java.math.BigDecimal.valueOf(video.fps()).stripTrailingZeros().toPlainString());
        all.put(ConfigKeys.STILLS, video.stills().id());
        all.put(ConfigKeys.VIDEO_RANGE_SECONDS, Integer.toString(video.rangeSeconds()));
        all.put(ConfigKeys.NATIVES_CACHE_DIR, video.nativesCacheDir());
        sparkConf.forEach((key, value) -> all.put(key, masked(key, value)));
        StringBuilder text = new StringBuilder();
        all.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    /** {@code value}, or {@code ****} when the key names a secret (passwords, tokens, S3 keys). */
    public static String masked(String key, String value) {
        return SECRET.matcher(key).matches() ? "****" : value;
    }

    private static void requireRange(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("Invalid " + ConfigKeys.flag(key) + ": " + value
                    + " (must be between " + min + " and " + max + ")");
        }
    }

    /** Local paths become absolute {@code file:} URIs so that equal locations compare equal. */
    private static String qualify(String key, String location) {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("Missing " + ConfigKeys.flag(key) + " (a path or URI is required)");
        }
        String trimmed = location.strip();
        String qualified = SCHEME.matcher(trimmed).matches()
                ? trimmed
                : "file:" + Path.of(trimmed).toAbsolutePath().normalize();
        while (qualified.endsWith("/") && !qualified.endsWith(":/") && !qualified.endsWith("://")) {
            qualified = qualified.substring(0, qualified.length() - 1);
        }
        return qualified;
    }

    private static boolean isInside(String candidate, String root) {
        String a = candidate.toLowerCase(Locale.ROOT).replaceFirst("^file:///", "file:/");
        String b = root.toLowerCase(Locale.ROOT).replaceFirst("^file:///", "file:/");
        return a.equals(b) || a.startsWith(b + "/");
    }

    /** Typed reads of layered settings, each failing with the flag's name. */
    private record Settings(Map<String, String> values) {

        String text(String key, String fallback) {
            String value = values.get(key);
            return value == null ? fallback : value;
        }

        int integer(String key, int fallback) {
            long value = longValue(key, fallback);
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("Invalid " + ConfigKeys.flag(key) + ": " + value + " (out of range)");
            }
            return (int) value;
        }

        long longValue(String key, long fallback) {
            String value = values.get(key);
            if (value == null) {
                return fallback;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Invalid " + ConfigKeys.flag(key) + ": " + value + " (not a whole number)");
            }
        }

        boolean bool(String key, boolean fallback) {
            String value = values.get(key);
            if (value == null) {
                return fallback;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException(
                        "Invalid " + ConfigKeys.flag(key) + ": " + value + " (must be true or false)");
            };
        }

        <T> T parsed(String key, String fallback, java.util.function.Function<String, T> parser) {
            return parser.apply(text(key, fallback));
        }

        Set<Algorithm> algorithms() {
            Set<Algorithm> set = EnumSet.noneOf(Algorithm.class);
            for (String name : text(ConfigKeys.ALGORITHMS, ConfigKeys.ALGORITHMS_DEFAULT).split(",")) {
                if (!name.isBlank()) {
                    set.add(Algorithm.parse(name));
                }
            }
            return set;
        }
    }
}
