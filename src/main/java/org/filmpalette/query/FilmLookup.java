package org.filmpalette.query;

import static org.apache.iceberg.expressions.Expressions.and;
import static org.apache.iceberg.expressions.Expressions.equal;
import static org.apache.iceberg.expressions.Expressions.in;
import static org.apache.iceberg.expressions.Expressions.lessThanOrEqual;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.filmpalette.neighbors.FilmNeighbors;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.DirectTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * What {@code compare} asks of the tables, read through {@link DirectTables} (no Spark): a film's palette, and its
 * nearest films by {@code palette_distance} (ties by film id) from the {@code film_neighbors} table when it holds the
 * film's list to {@code top}, else computed exactly against every film palette of the algorithm, as
 * {@link NearestFilms} does in a Spark session. A one-film read touches one bucket of the film tables.
 */
public final class FilmLookup {

    private final DirectTables tables;

    public FilmLookup(DirectTables tables) {
        this.tables = tables;
    }

    /** The film palette of {@code film} fitted with {@code algorithm}; an unknown film or algorithm names the flag. */
    public Palette filmPalette(String film, String algorithm) {
        List<Record> rows = tables.read(Table.FILM_PALETTES, equal(TableSchemas.FILM_ID, film),
                TableSchemas.ALGORITHM, TableSchemas.COLORS);
        for (Record row : rows) {
            if (algorithm.equals(row.getField(TableSchemas.ALGORITHM))) {
                return palette(row);
            }
        }
        List<String> algorithms = rows.stream().map(row -> (String) row.getField(TableSchemas.ALGORITHM))
                .distinct().sorted().toList();
        List<String> firstFilms = algorithms.isEmpty() ? firstFilms() : List.of();
        throw PaletteReader.unknownFilmOrAlgorithm(film, algorithm, algorithms, firstFilms);
    }

    /** The {@code top} films nearest to {@code film}, whose palette is {@code own} ({@link #filmPalette}). */
    public List<NearestFilms.Neighbor> nearest(String film, Palette own, String algorithm, int top) {
        List<NearestFilms.Neighbor> stored = new ArrayList<>();
        tables.read(Table.FILM_NEIGHBORS, and(equal(FilmNeighbors.FILM_ID, film),
                        and(equal(FilmNeighbors.ALGORITHM, algorithm), lessThanOrEqual(FilmNeighbors.RANK, top))),
                        FilmNeighbors.RANK, FilmNeighbors.NEIGHBOR_FILM_ID, FilmNeighbors.DISTANCE).stream()
                .sorted(Comparator.comparingInt(row -> (Integer) row.getField(FilmNeighbors.RANK)))
                .forEach(row -> stored.add(new NearestFilms.Neighbor((String) row.getField(
                        FilmNeighbors.NEIGHBOR_FILM_ID), (Double) row.getField(FilmNeighbors.DISTANCE))));
        if (stored.size() >= top) {
            return stored;
        }
        return NearestFilms.exact(film, own, filmPalettes(algorithm, null), top);
    }

    /** The palettes of {@code films} (all films when null) for {@code algorithm}, by film id. */
    public Map<String, Palette> filmPalettes(String algorithm, Collection<String> films) {
        Map<String, Palette> palettes = new TreeMap<>();
        if (films != null && films.isEmpty()) {
            return palettes;
        }
        for (Record row : tables.read(Table.FILM_PALETTES, and(equal(TableSchemas.ALGORITHM, algorithm),
                films == null ? Expressions.alwaysTrue() : in(TableSchemas.FILM_ID, films.toArray())),
                TableSchemas.FILM_ID, TableSchemas.COLORS)) {
            palettes.put((String) row.getField(TableSchemas.FILM_ID), palette(row));
        }
        return palettes;
    }

    /** The first film ids in id order, one more than an error lists. */
    private List<String> firstFilms() {
        TreeSet<String> films = new TreeSet<>();
        for (Record row : tables.read(Table.FILM_PALETTES, Expressions.alwaysTrue(), TableSchemas.FILM_ID)) {
            films.add((String) row.getField(TableSchemas.FILM_ID));
        }
        return films.stream().limit(PaletteReader.KNOWN_FILMS + 1).toList();
    }

    private static Palette palette(Record row) {
        return ColorRows.fromRecords((List<?>) row.getField(TableSchemas.COLORS));
    }
}
