package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JobConfigMaskingTest {

    private static final String SECRET_VALUE = "V3ry-Recognizable-Secret";

    @ParameterizedTest
    @ValueSource(strings = {
        "spark.hadoop.fs.s3a.access.key",
        "spark.hadoop.fs.s3a.secret.key",
        "spark.hadoop.fs.s3a.session.token",
        "spark.hadoop.fs.s3a.bucket.archive.access.key",
        "spark.hadoop.fs.s3a.bucket.archive.secret.key",
        "spark.hadoop.fs.s3a.encryption.key",
        "spark.hadoop.fs.s3a.server-side-encryption.key",
        "spark.hadoop.fs.azure.account.key.films.dfs.core.windows.net",
        "spark.hadoop.fs.azure.account.oauth2.client.secret",
        "spark.authenticate.secret",
        "spark.ssl.keyStorePassword",
        "spark.hadoop.dfs.web.authentication.kerberos.keytab.token"
    })
    void describeMasksSecretKeys(String key) {
        String described = configWith(key, SECRET_VALUE).describe();

        assertFalse(described.contains(SECRET_VALUE), described);
        assertTrue(described.contains(key + "=****\n"), described);
    }

    @Test
    void describeKeepsOrdinarySettings() {
        String described = configWith("spark.hadoop.fs.s3a.endpoint", "http://127.0.0.1:9000").describe();

        assertTrue(described.contains("spark.hadoop.fs.s3a.endpoint=http://127.0.0.1:9000\n"), described);
        assertEquals("true", JobConfig.masked("spark.hadoop.fs.s3a.path.style.access", "true"));
    }

    private static JobConfig configWith(String key, String value) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JobSettings.INPUT.key(), "/tmp/frames");
        settings.put(JobSettings.TABLES.key(), "/tmp/palettes");
        settings.put(key, value);
        return JobConfig.fromSettings(settings);
    }
}
