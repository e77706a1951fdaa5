package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.unsafe.types.UTF8String;
import org.filmpalette.cluster.WeightedColorFitter;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.JobConfig;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The two film engines fitted on the same stills: the task engine's capped film sample must cost (weighted squared
 * distance of all the film's still colors to their nearest palette color) at most 5 % more than MLlib's fit on all
 * the colors, and report the same number of stills. The cost is computed here, independently of either engine.
 */
class FilmEnginesTest {

    /** Column indexes of {@code film_palettes} rows (film_id is 0, algorithm 1). */
    private static final int COLORS = TableSchemas.FILM_PALETTES_SCHEMA.fieldIndex(TableSchemas.COLORS);
    private static final int FRAMES = TableSchemas.FILM_PALETTES_SCHEMA.fieldIndex(TableSchemas.FRAMES);
    private static final List<String> FILMS = List.of("big_buck_bunny", "synthetic-dusk", "synthetic-primaries");

    @TempDir
    static Path dir;
    private static Path tables;
    private static JobConfig config;

    @BeforeAll
    static void runTheTaskEngineOnDataSample() throws Exception {
        Path input = dir.resolve("frames");
        for (String film : FILMS) {
            Files.createDirectories(input.resolve(film));
            try (Stream<Path> files = Files.list(Path.of("data-sample", film))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, input.resolve(film).resolve(file.getFileName()));
                }
            }
        }
        tables = dir.resolve("tables");
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JobSettings.INPUT.key(), input.toString());
        settings.put(JobSettings.TABLES.key(), tables.toString());
        config = JobConfig.fromSettings(settings);
        new PalettePipeline(SharedSpark.session(), config).run();
    }

    @Test
    void taskEngineCostsAtMostFivePercentMoreThanMllibOnTheSameStills() {
        PaletteTables read = new PaletteTables(SharedSpark.session(), "file:" + tables);
        Dataset<Row> stills = read.read(Table.STILL_PALETTES);
        Dataset<Row> frames = read.read(Table.FRAMES);
        Map<String, Row> task = byFilmAndAlgorithm(read.read(Table.FILM_PALETTES).collectAsList());
        List<Row> fitted = new FilmPaletteFitter(SharedSpark.session(), config)
                .fit(stills, frames, FILMS, "mllib", Timestamp.from(Instant.now()));
        Map<String, Row> mllib = byFilmAndAlgorithm(SharedSpark.session()
                .createDataFrame(fitted, TableSchemas.FILM_PALETTES_SCHEMA).collectAsList());

        assertEquals(FILMS.size() * 2, task.size(), task.keySet().toString());
        assertEquals(task.keySet(), mllib.keySet());
        for (String key : task.keySet()) {
            String[] filmAndAlgorithm = key.split(" ");
            Colors colors = colorsOf(stills, frames, filmAndAlgorithm[0], filmAndAlgorithm[1]);
            assertFalse(colors.rgb.isEmpty(), key);
            double taskCost = cost(colors, task.get(key));
            double mllibCost = cost(colors, mllib.get(key));
            LoggerFactory.getLogger(FilmEnginesTest.class).info("{}: task engine cost {} / MLlib {} = {}", key,
                    taskCost, mllibCost, taskCost / mllibCost);
            assertTrue(taskCost <= 1.05 * mllibCost, key + ": task engine cost " + taskCost + " vs MLlib " + mllibCost);
            assertEquals(colors.stills, task.get(key).getInt(FRAMES), key);
            assertEquals(colors.stills, mllib.get(key).getInt(FRAMES), key);
            assertEquals(1.0, ColorRows.palette(task.get(key).getList(COLORS)).swatches().stream()
                    .mapToDouble(Swatch::share).sum(), 1e-9, key);
        }
    }

    @Test
    void mllibEngineWritesTheSameFilmRowsThroughThePipeline() {
        Path mllibTables = dir.resolve("tables-mllib");
        RunSummary summary = PipelineRuns.run(dir.resolve("frames"), mllibTables,
                JobSettings.FILM_ENGINE.key(), "mllib", JobSettings.ALGORITHMS.key(), "kmeans");

        assertEquals(FILMS, summary.touchedFilms());
        List<Row> films = PipelineRuns.rows(mllibTables, Table.FILM_PALETTES);
        assertEquals(FILMS.size(), films.size());
        Map<String, Row> task = byFilmAndAlgorithm(PipelineRuns.rows(tables, Table.FILM_PALETTES));
        for (Row film : films) {
            Row same = task.get(film.getString(0) + " kmeans");
            assertEquals(same.getInt(FRAMES), film.getInt(FRAMES), film.getString(0));
        }
    }

    private static Map<String, Row> byFilmAndAlgorithm(List<Row> rows) {
        Map<String, Row> map = new LinkedHashMap<>();
        for (Row row : rows) {
            map.put(row.getString(0) + " " + row.getString(1), row);
        }
        return map;
    }

    /** The film's still colors and shares, blank frames left out as both engines do (DESIGN: --blank-frames). */
    private record Colors(List<Integer> rgb, List<Double> weights, int stills) {}

    private static Colors colorsOf(Dataset<Row> stills, Dataset<Row> frames, String film, String algorithm) {
        Set<String> blank = new HashSet<>();
        for (Row row : frames.where(col(TableSchemas.FILM_ID).equalTo(film)
                .and(col(TableSchemas.BLANK).isNotNull())).select(TableSchemas.FRAME_ID).collectAsList()) {
            blank.add(row.getString(0));
        }
        List<Row> rows = new ArrayList<>(stills.where(col(TableSchemas.FILM_ID).equalTo(film)
                .and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.FRAME_ID, TableSchemas.COLORS).collectAsList());
        rows.sort(Comparator.comparing(row -> UTF8String.fromString(row.<String>getAs(TableSchemas.FRAME_ID))));
        List<Row> regular = rows.stream().filter(row -> !blank.contains(row.<String>getAs(TableSchemas.FRAME_ID)))
                .toList();
        List<Row> used = regular.isEmpty() ? rows : regular;
        List<Integer> rgb = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Row still : used) {
            for (Swatch swatch : ColorRows.palette(still.<Row>getList(still.fieldIndex(TableSchemas.COLORS))).swatches()) {
                rgb.add(swatch.rgb());
                weights.add(swatch.share());
            }
        }
        return new Colors(rgb, weights, used.size());
    }

    private static double cost(Colors colors, Row film) {
        Palette palette = ColorRows.palette(film.getList(COLORS));
        return WeightedColorFitter.cost(colors.rgb.stream().mapToInt(Integer::intValue).toArray(),
                colors.weights.stream().mapToDouble(Double::doubleValue).toArray(), colors.rgb.size(), palette,
                config.colorSpace());
    }
}
