package org.filmpalette.query;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * Reads palettes from the views a {@link QuerySession} registers. Unknown films, frames or algorithms are
 * {@link ConfigurationException}s naming the flag and the value, listing what exists when that list is short.
 */
public final class PaletteReader {

    /** How many film ids an error about an unknown film lists. */
    static final int KNOWN_FILMS = 20;

    private final SparkSession spark;

    public PaletteReader(SparkSession spark) {
        this.spark = spark;
    }

    /** The film palette of {@code film} fitted with {@code algorithm}. */
    public Palette filmPalette(String film, String algorithm) {
        List<Row> rows = filmPalettes().where(col(TableSchemas.FILM_ID).equalTo(film)
                .and(col(TableSchemas.ALGORITHM).equalTo(algorithm))).select(TableSchemas.COLORS).collectAsList();
        if (rows.isEmpty()) {
            throw unknownFilmOrAlgorithm(film, algorithm);
        }
        return ColorRows.palette(rows.get(0).<Row>getList(0));
    }

    /** The still palette of one frame of {@code film}. */
    public Palette stillPalette(String film, String frame, String algorithm) {
        List<Row> rows = view(Table.STILL_PALETTES).where(col(TableSchemas.FILM_ID).equalTo(film)
                .and(col(TableSchemas.FRAME_ID).equalTo(frame)).and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.COLORS).collectAsList();
        if (rows.isEmpty()) {
            filmPalette(film, algorithm);
            throw new ConfigurationException("Invalid --frame: " + frame + " (film " + film
                    + " has no still palette of that frame for --algorithm " + algorithm + ")");
        }
        return ColorRows.palette(rows.get(0).<Row>getList(0));
    }

    /** Every film's palette for {@code algorithm}, by film id. */
    public Map<String, Palette> filmPalettes(String algorithm) {
        Map<String, Palette> palettes = new TreeMap<>();
        for (Row row : filmPalettes().where(col(TableSchemas.ALGORITHM).equalTo(algorithm))
                .select(TableSchemas.FILM_ID, TableSchemas.COLORS).collectAsList()) {
            palettes.put(row.getAs(TableSchemas.FILM_ID), colors(row));
        }
        return palettes;
    }

    /** The palettes of {@code films} for {@code algorithm}, by film id, in one query filtered on film id. */
    public Map<String, Palette> filmPalettes(String algorithm, Collection<String> films) {
        Map<String, Palette> palettes = new TreeMap<>();
        if (films.isEmpty()) {
            return palettes;
        }
        for (Row row : filmPalettes().where(col(TableSchemas.FILM_ID).isin(films.toArray())
                        .and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.FILM_ID, TableSchemas.COLORS).collectAsList()) {
            palettes.put(row.getAs(TableSchemas.FILM_ID), colors(row));
        }
        return palettes;
    }

    /** The still palettes of every film for {@code algorithm}, in one query: film id → stills in frame id order. */
    public Map<String, List<Still>> stillsByFilm(String algorithm) {
        Map<String, List<Still>> stills = new TreeMap<>();
        Iterator<Row> rows = view(Table.STILL_PALETTES).where(col(TableSchemas.ALGORITHM).equalTo(algorithm))
                .select(TableSchemas.FILM_ID, TableSchemas.FRAME_ID, TableSchemas.COLORS)
                .orderBy(TableSchemas.FILM_ID, TableSchemas.FRAME_ID).toLocalIterator();
        while (rows.hasNext()) {
            Row row = rows.next();
            stills.computeIfAbsent(row.getAs(TableSchemas.FILM_ID), film -> new ArrayList<>())
                    .add(new Still(row.getAs(TableSchemas.FRAME_ID),
                            ColorRows.palette(row.<Row>getList(row.fieldIndex(TableSchemas.COLORS)))));
        }
        return stills;
    }

    /** One still's palette. */
    public record Still(String frameId, Palette palette) {}

    /** {@code --algorithm} values are table values; any other value can match no row. */
    public static String checkAlgorithm(String algorithm) {
        for (org.filmpalette.config.Algorithm known : org.filmpalette.config.Algorithm.values()) {
            if (known.id().equals(algorithm)) {
                return algorithm;
            }
        }
        throw new ConfigurationException("Invalid --algorithm: " + algorithm
                + " (must be kmeans, bisecting or grid)");
    }

    ConfigurationException unknownFilmOrAlgorithm(String film, String algorithm) {
        List<String> algorithms = filmPalettes().where(col(TableSchemas.FILM_ID).equalTo(film))
                .select(TableSchemas.ALGORITHM).distinct().orderBy(TableSchemas.ALGORITHM).as(
                        org.apache.spark.sql.Encoders.STRING()).collectAsList();
        List<String> films = algorithms.isEmpty() ? filmPalettes().select(TableSchemas.FILM_ID).distinct()
                .orderBy(TableSchemas.FILM_ID).limit(KNOWN_FILMS + 1).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList() : List.of();
        return unknownFilmOrAlgorithm(film, algorithm, algorithms, films);
    }

    /**
     * The error for a film without a palette of {@code algorithm}: naming the film's algorithms when it has some,
     * else the first known films ({@code firstFilms}: in id order, up to {@value #KNOWN_FILMS} and one more).
     */
    static ConfigurationException unknownFilmOrAlgorithm(String film, String algorithm, List<String> algorithms,
            List<String> firstFilms) {
        if (!algorithms.isEmpty()) {
            return new ConfigurationException("Invalid --algorithm: " + algorithm + " (film " + film
                    + " has palettes for " + String.join(", ", algorithms) + ")");
        }
        String known = firstFilms.isEmpty() ? "the film_palettes table is empty"
                : "known films: " + String.join(", ", firstFilms.subList(0, Math.min(KNOWN_FILMS, firstFilms.size())))
                        + (firstFilms.size() > KNOWN_FILMS ? ", …" : "");
        return new ConfigurationException("Invalid --film: " + film + " (not in film_palettes; " + known + ")");
    }

    private static Palette colors(Row row) {
        return ColorRows.palette(row.<Row>getList(row.fieldIndex(TableSchemas.COLORS)));
    }

    private Dataset<Row> filmPalettes() {
        return view(Table.FILM_PALETTES);
    }

    private Dataset<Row> view(Table table) {
        return spark.table(table.id());
    }
}
