package org.filmpalette.job;

import static org.apache.spark.sql.functions.base64;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.JobConfig;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;

/** Runs the pipeline in the shared test session and reads its tables back. */
final class PipelineRuns {

    private PipelineRuns() {}

    /** Runs on {@code input} into {@code tables}; {@code settings} are extra key, value pairs. */
    static RunSummary run(Path input, Path tables, String... settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(JobSettings.INPUT.key(), input.toString());
        all.put(JobSettings.TABLES.key(), tables.toString());
        for (int i = 0; i < settings.length; i += 2) {
            all.put(settings[i], settings[i + 1]);
        }
        return new PalettePipeline(SharedSpark.session(), JobConfig.fromSettings(all)).run();
    }

    static List<Row> rows(Path tables, Table table) {
        return new PaletteTables(SharedSpark.session(), "file:" + tables).read(table).collectAsList();
    }

    /** The still palette of one frame and algorithm, read back from the table. */
    static Palette stillPalette(Path tables, String film, String frame, String algorithm) {
        List<Row> rows = new PaletteTables(SharedSpark.session(), "file:" + tables).read(Table.STILL_PALETTES)
                .where(col(TableSchemas.FILM_ID).equalTo(film).and(col(TableSchemas.FRAME_ID).equalTo(frame))
                        .and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.COLORS).collectAsList();
        if (rows.size() != 1) {
            throw new AssertionError("Expected one still palette for " + film + "/" + frame + " " + algorithm
                    + ", found " + rows.size());
        }
        return ColorRows.palette(rows.get(0).<Row>getList(rows.get(0).fieldIndex(TableSchemas.COLORS)));
    }

    /**
     * All rows of a table as sorted strings without run ids and timestamps, binary columns as Base64: equal tables give
     * equal lists.
     */
    static List<String> content(Path tables, Table table) {
        return strings(new PaletteTables(SharedSpark.session(), "file:" + tables).read(table));
    }

    /** {@link #content} of each of {@code tables}, by table. */
    static Map<Table, List<String>> contents(Path root, List<Table> tables) {
        Map<Table, List<String>> contents = new EnumMap<>(Table.class);
        for (Table table : tables) {
            contents.put(table, content(root, table));
        }
        return contents;
    }

    /** {@link #content} of one film's rows. */
    static List<String> content(Path tables, Table table, String film) {
        return strings(new PaletteTables(SharedSpark.session(), "file:" + tables).read(table)
                .where(col(TableSchemas.FILM_ID).equalTo(film)));
    }

    private static List<String> strings(Dataset<Row> rows) {
        Dataset<Row> comparable = rows.drop(TableSchemas.RUN_ID, TableSchemas.COMPUTED_AT);
        for (String binary : List.of(TableSchemas.THUMBNAIL, TableSchemas.EMBEDDING)) {
            if (List.of(comparable.columns()).contains(binary)) {
                comparable = comparable.withColumn(binary, base64(col(binary)));
            }
        }
        return comparable.collectAsList().stream().map(Row::toString).sorted(Comparator.naturalOrder()).toList();
    }
}
