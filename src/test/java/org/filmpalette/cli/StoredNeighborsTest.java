package org.filmpalette.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.job.FilmNeighborsStage;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.neighbors.NeighborSearch;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** {@code compare} and the report's nearest films read a {@code film_neighbors} view when the session has one. */
class StoredNeighborsTest {

    @Test
    void compareReadsTheFilmNeighborsViewAndItAgreesWithTheSelfJoin() {
        String tables = SampleTables.tables().toString();
        SparkSession spark = SharedSpark.session();
        Cli.Result joined = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "2");
        Dataset<Row> palettes = new PaletteTables(spark, "file:" + tables).read(Table.FILM_PALETTES);
        Dataset<Row> neighbors = new FilmNeighborsStage(spark, NeighborSearch.defaults()).compute(palettes, "run-1");
        try {
            neighbors.createOrReplaceTempView(FilmNeighbors.TABLE);
            Cli.Result stored = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "2");
            assertEquals(0, stored.exitCode(), stored.err());
            assertEquals(joined.out(), stored.out());

            // A doctored view proves the lists come from it, for compare and for the report.
            neighbors.withColumn(FilmNeighbors.DISTANCE, lit(99.5)).createOrReplaceTempView(FilmNeighbors.TABLE);
            Cli.Result doctored = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "2");
            assertTrue(doctored.out().contains("   99.50  "), doctored.out());
            Map<String, List<NearestFilms.Neighbor>> all = new NearestFilms(spark).all("kmeans", 1);
            assertEquals(99.5, all.get(SampleTables.PRIMARIES).get(0).distance());
            // A list shorter than asked for falls back to the self-join.
            neighbors.where(col(FilmNeighbors.RANK).equalTo(1)).withColumn(FilmNeighbors.DISTANCE, lit(99.5))
                    .createOrReplaceTempView(FilmNeighbors.TABLE);
            assertEquals(joined.out(),
                    Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "2").out());
        } finally {
            spark.catalog().dropTempView(FilmNeighbors.TABLE);
        }
    }
}
