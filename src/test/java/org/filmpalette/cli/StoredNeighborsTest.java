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
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.QuerySession;
import org.filmpalette.testing.SampleTables;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** {@code compare} and the report's nearest films read the {@code film_neighbors} table the run wrote. */
class StoredNeighborsTest {

    @Test
    void compareReadsTheRunsFilmNeighborsAndItAgreesWithTheSelfJoin() {
        String tables = SampleTables.tables().toString();
        // The sample tables hold 3 films: stored lists hold 2, so --top 3 takes the self-join, --top 2 the table.
        Cli.Result joined = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "3");
        Cli.Result stored = Cli.run("compare", "--tables", tables, "--film", SampleTables.DUSK, "--top", "2");
        assertEquals(0, stored.exitCode(), stored.err());
        assertEquals(3, stored.out().split("\n").length, stored.out());
        assertEquals(joined.out(), stored.out());
    }

    @Test
    void listsComeFromTheTableAndAShortListFallsBackToTheSelfJoin() {
        SparkSession spark = SharedSpark.session();
        try (QuerySession session = QuerySession.open(SampleTables.tables().toString(), Map.of())) {
            Dataset<Row> neighbors = spark.table(FilmNeighbors.TABLE);
            assertEquals(3 * 2, neighbors.count(), "2 neighbors for each of 3 films");
            double joined = new NearestFilms(spark).of(SampleTables.DUSK, "kmeans", 3).get(0).distance();
            try {
                // A doctored view (it hides the table of the same name) proves the lists come from the table.
                neighbors.withColumn(FilmNeighbors.DISTANCE, lit(99.5)).createOrReplaceTempView(FilmNeighbors.TABLE);
                assertEquals(99.5, new NearestFilms(spark).of(SampleTables.DUSK, "kmeans", 2).get(0).distance());
                Map<String, List<NearestFilms.Neighbor>> all = new NearestFilms(spark).all("kmeans", 1);
                assertEquals(99.5, all.get(SampleTables.PRIMARIES).get(0).distance());
                // A list shorter than asked for falls back to the self-join.
                neighbors.where(col(FilmNeighbors.RANK).equalTo(1)).withColumn(FilmNeighbors.DISTANCE, lit(99.5))
                        .createOrReplaceTempView(FilmNeighbors.TABLE);
                assertEquals(joined, new NearestFilms(spark).of(SampleTables.DUSK, "kmeans", 2).get(0).distance());
                assertTrue(joined < 99.5);
            } finally {
                spark.catalog().dropTempView(FilmNeighbors.TABLE);
            }
        }
    }
}
