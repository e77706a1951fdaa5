package org.filmpalette.job;

import static org.filmpalette.job.SparkSessions.WHOLE_STAGE_CODEGEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.JobConfig;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A palette run's embedded session runs without whole-stage code generation; read-only sessions keep Spark's
 * default, and a run's own {@code spark.*} setting wins. (The sessions are the shared one: a JVM holds one Spark
 * context, and these settings are the runtime ones an existing session takes.)
 */
class SparkSessionsTest {

    @BeforeAll
    static void sharedSession() {
        SharedSpark.session();
    }

    @AfterEach
    void restoreDefault() {
        SharedSpark.session().conf().unset(WHOLE_STAGE_CODEGEN);
    }

    @Test
    void anEmbeddedRunGeneratesNoWholeStageCode() {
        SparkSession run = SparkSessions.create(JobConfig.fromSettings(Map.of()));
        assertEquals("false", run.conf().get(WHOLE_STAGE_CODEGEN));
    }

    @Test
    void aRunsOwnSettingWins() {
        SparkSession run = SparkSessions.create(JobConfig.fromSettings(Map.of(WHOLE_STAGE_CODEGEN, "true")));
        assertEquals("true", run.conf().get(WHOLE_STAGE_CODEGEN));
    }

    @Test
    void readOnlySessionsKeepSparksDefault() {
        SparkSession reader = SparkSessions.create(Map.of());
        assertEquals("true", reader.conf().get(WHOLE_STAGE_CODEGEN));
    }
}
