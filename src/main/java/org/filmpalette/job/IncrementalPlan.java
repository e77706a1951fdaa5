package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.MODIFIED_AT;
import static org.filmpalette.store.TableSchemas.PATH;
import static org.filmpalette.store.TableSchemas.SIZE_BYTES;

import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.RunMode;

/**
 * What a run has to do, from the listing and the {@code frames} committed before: which files are new or changed
 * (same path, size and modification time means unchanged), which films they touch, and which earlier rows of those
 * films are kept. A touched film's partitions are rewritten whole, so a removed frame disappears with its palettes.
 *
 * @param newFrames listed frames to decode ({@link StageSchemas#LISTED})
 * @param keptFrames earlier {@code frames} rows of touched films whose files are unchanged
 * @param touchedFilms films whose partitions this run rewrites, sorted
 */
record IncrementalPlan(Dataset<Row> newFrames, Dataset<Row> keptFrames, List<String> touchedFilms) {

    static IncrementalPlan of(SparkSession spark, Dataset<Row> listed, Dataset<Row> previousFrames, RunMode mode) {
        if (mode == RunMode.FULL) {
            List<String> films = listed.select(FILM_ID).union(previousFrames.select(FILM_ID)).distinct()
                    .orderBy(FILM_ID).as(Encoders.STRING()).collectAsList();
            return new IncrementalPlan(listed, previousFrames.limit(0), films);
        }
        Column sameFile = listed.col(PATH).equalTo(previousFrames.col(PATH))
                .and(listed.col(SIZE_BYTES).equalTo(previousFrames.col(SIZE_BYTES)))
                .and(listed.col(MODIFIED_AT).equalTo(previousFrames.col(MODIFIED_AT)));
        Dataset<Row> added = listed.join(previousFrames, sameFile, "left_anti");
        Dataset<Row> removed = previousFrames.join(listed, sameFile, "left_anti");
        List<String> touched = added.select(FILM_ID).union(removed.select(FILM_ID)).distinct().orderBy(FILM_ID)
                .as(Encoders.STRING()).collectAsList();
        Dataset<Row> touchedFilms = spark.createDataset(touched, Encoders.STRING())
                .toDF(FILM_ID);
        Dataset<Row> kept = previousFrames.join(listed, sameFile, "left_semi")
                .join(touchedFilms, JoinKeys.of(FILM_ID),
                        "left_semi");
        return new IncrementalPlan(added, kept, touched);
    }

    /** Earlier {@code still_palettes} rows of the kept frames, with roles filled in where older rows lack them. */
    Dataset<Row> keptStills(Dataset<Row> previousStills) {
        Dataset<Row> keptIds = keptFrames.select(col(FILM_ID), col(FRAME_ID));
        return previousStills.join(keptIds,
                JoinKeys.of(FILM_ID, FRAME_ID), "left_semi")
                .withColumn(COLORS, RoleBackfill.filled(col(COLORS)));
    }
}
