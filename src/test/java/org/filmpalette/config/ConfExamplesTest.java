package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files in conf/ are valid {@code --config} files: the defaults file is the settings' declarations written out,
 * the storage examples set only Hadoop and catalog settings.
 */
class ConfExamplesTest {

    private static final Path DEFAULTS = Path.of("conf/filmpalette.properties");

    @Test
    void defaultsFileDocumentsEverySettingAsDeclared() throws Exception {
        String expected = SettingsReference.propertiesFile();
        String committed = Files.readString(DEFAULTS);
        assertEquals(expected, committed, DEFAULTS + " differs from config.JobSettings; "
                + SettingsReference.leaveExpected("filmpalette.properties", expected));
    }

    @Test
    void defaultsFileGivesTheDeclaredDefaults() {
        Map<String, String> settings = ConfigFile.read(DEFAULTS);

        assertEquals(JobSettings.ALL.stream().map(Setting::key).sorted().toList(),
                settings.keySet().stream().sorted().toList());
        assertEquals(JobConfig.fromSettings(Map.of()).describe(), JobConfig.fromSettings(settings).describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"conf/s3a.properties.example", "conf/hdfs.properties.example"})
    void exampleIsAcceptedAsConfigFileAndOnlySetsHadoopAndCatalogKeys(String file) {
        Map<String, String> settings = new LinkedHashMap<>(ConfigFile.read(Path.of(file)));
        assertFalse(settings.isEmpty(), file + " sets nothing");
        settings.keySet().forEach(key -> assertTrue(key.startsWith("spark.hadoop.")
                || key.startsWith("spark.sql.catalog.filmpalette"), file + ": " + key));
        settings.put(JobSettings.INPUT.key(), "/tmp/frames");
        settings.put(JobSettings.TABLES.key(), "/tmp/palettes");

        JobConfig config = JobConfig.fromSettings(settings);

        assertEquals(settings.size() - 2, config.sparkConf().size(), file);
    }
}
