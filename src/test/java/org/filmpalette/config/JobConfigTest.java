package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.palette.Order;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    @Test
    void defaultsMatchTheDocumentedOnes() {
        JobConfig config = JobConfig.fromSettings(Map.of());

        assertEquals("file:" + Path.of("data-sample").toAbsolutePath(), config.input());
        assertEquals("file:" + Path.of("palettes").toAbsolutePath(), config.tables());
        assertEquals(8, config.k());
        assertEquals(ColorSpace.LAB, config.colorSpace());
        assertEquals(4096, config.sample());
        assertEquals(480, config.maxSide());
        assertEquals(42L, config.seed());
        assertEquals(Order.DOMINANCE, config.order());
        assertEquals(RunMode.INCREMENTAL, config.mode());
        assertEquals(StillEngine.TASK, config.stillEngine());
        assertEquals(FilmEngine.TASK, config.filmEngine());
        assertEquals(java.util.EnumSet.of(Algorithm.KMEANS, Algorithm.BISECTING), config.algorithms());
        assertEquals(PaletteMode.ACCENTS, config.paletteMode());
    }

    @Test
    void filmEngineIsParsedAndDescribed() {
        JobConfig config = JobConfig.fromSettings(Map.of(JobSettings.FILM_ENGINE.key(), " MLlib "));
        assertEquals(FilmEngine.MLLIB, config.filmEngine());
        assertTrue(config.describe().contains("filmpalette.film-engine=mllib\n"), config.describe());
    }

    @Test
    void gridNeedsTheTaskEngine() {
        assertEquals(java.util.EnumSet.of(Algorithm.GRID),
                JobConfig.fromSettings(Map.of(JobSettings.ALGORITHMS.key(), "grid")).algorithms());
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> JobConfig.fromSettings(
                Map.of(JobSettings.ALGORITHMS.key(), "kmeans,grid", JobSettings.STILL_ENGINE.key(), "mllib")));
        assertEquals("Invalid --algorithms: grid (needs --still-engine task, not mllib)", error.getMessage());
    }

    @Test
    void paletteModeIsParsedForEitherEngine() {
        assertEquals(PaletteMode.PLAIN,
                JobConfig.fromSettings(Map.of(JobSettings.PALETTE_MODE.key(), "Plain")).paletteMode());
        assertMessage("Invalid --palette-mode: vivid (must be plain or accents)", JobSettings.PALETTE_MODE.key(), "vivid");
        assertEquals(PaletteMode.ACCENTS, JobConfig.fromSettings(
                Map.of(JobSettings.PALETTE_MODE.key(), "accents", JobSettings.STILL_ENGINE.key(), "mllib")).paletteMode());
    }

    @Test
    void badValuesNameTheFlagAndTheValue() {
        assertMessage("Invalid --k: 1 (must be between 2 and 64)", JobSettings.K.key(), "1");
        assertMessage("Invalid --k: 1000 (must be between 2 and 64)", JobSettings.K.key(), "1000");
        assertMessage("Invalid --k: eight (not a whole number)", JobSettings.K.key(), "eight");
        assertMessage("Invalid --sample: 0 (must be between 16 and 1000000)", JobSettings.SAMPLE.key(), "0");
        assertMessage("Invalid --color-space: xyz (must be lab, rgb or hsv)", JobSettings.COLOR_SPACE.key(), "xyz");
        assertMessage("Invalid --still-engine: gpu (must be task or mllib)", JobSettings.STILL_ENGINE.key(), "gpu");
        assertMessage("Invalid --film-engine: driver (must be task or mllib)", JobSettings.FILM_ENGINE.key(), "driver");
        assertMessage("Invalid --algorithms: dbscan (must be kmeans, bisecting or grid)", JobSettings.ALGORITHMS.key(), "dbscan");
        assertMessage("Invalid --full: yes (must be true or false)", JobSettings.FULL.key(), "yes");
        assertMessage("Invalid --algorithms: \"\" (must be kmeans, bisecting or grid, comma-separated)",
                JobSettings.ALGORITHMS.key(), "");
        assertMessage("Invalid --input: \"\" (must be a path or a hdfs://, s3a://, file: URI)",
                JobSettings.INPUT.key(), "");
    }

    @Test
    void fileOnlySettingsAreNamedByTheirKey() {
        assertMessage("Invalid filmpalette.max-iterations: 0 (must be between 1 and 1000)",
                JobSettings.MAX_ITERATIONS.key(), "0");
        assertMessage("Invalid filmpalette.parallelism: many (not a whole number)", JobSettings.PARALLELISM.key(),
                "many");
        assertMessage("Invalid filmpalette.max-pixels: 0 (must be at least 1)", JobSettings.MAX_PIXELS.key(), "0");
        assertMessage("Invalid filmpalette.thumbnails: some (must be keep or none)", JobSettings.THUMBNAILS.key(),
                "some");
    }

    @Test
    void theSampleMustCoverK() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> JobConfig.fromSettings(
                Map.of(JobSettings.K.key(), "32", JobSettings.SAMPLE.key(), "20")));
        assertEquals("Invalid --sample: 20 (must be at least --k, 32)", error.getMessage());
    }

    @Test
    void unknownKeysFail() {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JobConfig.fromSettings(Map.of("filmpalette.colour-space", "lab")));
        assertTrue(error.getMessage().startsWith("Unknown configuration key: filmpalette.colour-space"),
                error.getMessage());
        assertThrows(ConfigurationException.class, () -> JobConfig.fromSettings(Map.of("hadoop.x", "1")));
    }

    @Test
    void tablesInsideTheInputAreRefused() {
        Map<String, String> settings = new HashMap<>();
        settings.put(JobSettings.INPUT.key(), "/archive/frames");
        settings.put(JobSettings.TABLES.key(), "/archive/frames/palettes");
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JobConfig.fromSettings(settings));
        assertEquals("Invalid --tables: file:/archive/frames/palettes (must not be inside --input file:/archive/frames:"
                + " the tables would be read as frames)", error.getMessage());

        settings.put(JobSettings.TABLES.key(), "/archive/frames-palettes");
        assertEquals("file:/archive/frames-palettes", JobConfig.fromSettings(settings).tables());
    }

    @Test
    void sparkKeysPassThroughAndSecretsAreMaskedInTheDescription() {
        JobConfig config = JobConfig.fromSettings(Map.of(
                "spark.hadoop.fs.s3a.secret.key", "SECRETVALUE",
                "spark.hadoop.fs.s3a.access.key", "ACCESSVALUE",
                "spark.sql.shuffle.partitions", "3"));

        assertEquals("SECRETVALUE", config.sparkConf().get("spark.hadoop.fs.s3a.secret.key"));
        String description = config.describe();
        assertFalse(description.contains("SECRETVALUE"), description);
        assertFalse(description.contains("ACCESSVALUE"), description);
        assertTrue(description.contains("spark.sql.shuffle.partitions=3\n"), description);
        assertTrue(description.contains("filmpalette.k=8\n"), description);
    }

    private static void assertMessage(String expected, String key, String value) {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JobConfig.fromSettings(Map.of(key, value)));
        assertEquals(expected, error.getMessage());
    }
}
