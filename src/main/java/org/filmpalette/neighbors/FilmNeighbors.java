package org.filmpalette.neighbors;

import org.apache.spark.sql.types.StructType;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * The {@code film_neighbors} table: one row per film × algorithm × rank, the film's nearest films by exact
 * {@code palette_distance} (ΔE00 units), nearest first, ties by neighbor id. {@code run_id} is the run that last
 * changed the film's list.
 */
public final class FilmNeighbors {

    public static final String TABLE = Table.FILM_NEIGHBORS.id();
    public static final String FILM_ID = TableSchemas.FILM_ID;
    public static final String ALGORITHM = TableSchemas.ALGORITHM;
    public static final String RANK = TableSchemas.RANK;
    public static final String NEIGHBOR_FILM_ID = TableSchemas.NEIGHBOR_FILM_ID;
    public static final String DISTANCE = TableSchemas.DISTANCE;
    public static final String RUN_ID = TableSchemas.RUN_ID;
    /** The table's schema; the columns above in this order. */
    public static final StructType SCHEMA = TableSchemas.FILM_NEIGHBORS_SCHEMA;

    private FilmNeighbors() {}
}
