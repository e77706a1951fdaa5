package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented storage examples in conf/ are valid {@code --config} files: only Hadoop settings, all accepted. */
class ConfExamplesTest {

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
