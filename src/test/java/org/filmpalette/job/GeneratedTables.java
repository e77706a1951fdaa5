package org.filmpalette.job;

import java.sql.Timestamp;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.neighbors.PaletteEmbedding;
import org.filmpalette.neighbors.StoredEmbedding;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.GeneratedPalettes;

/** Table rows written straight from generated palettes, for neighbor tests and benchmarks (no frames decoded). */
public final class GeneratedTables {

    private static final Timestamp COMPUTED_AT = Timestamp.valueOf("2026-01-01 00:00:00");

    private GeneratedTables() {}

    /** {@code film_palettes} rows of films {@code first}..{@code first + count - 1}, one algorithm, in the table's schema. */
    public static Dataset<Row> filmPalettes(SparkSession spark, GeneratedPalettes generator, long first, int count,
            String algorithm, int partitions) {
        return spark.createDataFrame(spark.range(first, first + count, 1, partitions).javaRDD().map(film -> filmRow(GeneratedPalettes.filmId(film), algorithm,
                        generator.film(film))), TableSchemas.FILM_PALETTES_SCHEMA);
    }

    /** One {@code film_palettes} row. */
    public static Row filmRow(String filmId, String algorithm, Palette palette) {
        return RowFactory.create(filmId, algorithm, "lab", palette.size(), PaletteRows.colors(palette), 10, "generated",
                COMPUTED_AT);
    }

    /**
     * {@code still_palettes} rows (algorithm kmeans): {@code films} films of {@code stillsPerFilm} stills, still
     * number n having the generator's palette n, with the embedding a run stores.
     */
    public static Dataset<Row> stillPalettes(SparkSession spark, GeneratedPalettes generator, int films,
            int stillsPerFilm, int partitions) {
        return spark.createDataFrame(spark.range(0, (long) films * stillsPerFilm, 1, partitions).javaRDD()
                .map(still -> {
                    Palette palette = generator.film(still);
                    return RowFactory.create(GeneratedPalettes.filmId(still / stillsPerFilm),
                            String.format("frame_%05d", still % stillsPerFilm), "kmeans", "lab", palette.size(), 42L,
                            PaletteRows.colors(palette), 4096, 1.0, "generated",
                            StoredEmbedding.encode(PaletteEmbedding.of(palette)));
                }), TableSchemas.STILL_PALETTES_SCHEMA);
    }
}
