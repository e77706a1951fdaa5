package org.filmpalette.store;

import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.types.StructType;

/** The tables a run writes, each an Iceberg table in the tables' catalog; the film tables are bucketed by film. */
public enum Table {
    FRAMES(TableSchemas.FRAMES_SCHEMA, List.of(TableSchemas.FILM_ID, TableSchemas.FRAME_ID, TableSchemas.PATH)),
    STILL_PALETTES(TableSchemas.STILL_PALETTES_SCHEMA,
            List.of(TableSchemas.FILM_ID, TableSchemas.FRAME_ID, TableSchemas.ALGORITHM)),
    FILM_PALETTES(TableSchemas.FILM_PALETTES_SCHEMA, List.of(TableSchemas.FILM_ID, TableSchemas.ALGORITHM)),
    FILM_NEIGHBORS(TableSchemas.FILM_NEIGHBORS_SCHEMA,
            List.of(TableSchemas.FILM_ID, TableSchemas.ALGORITHM, TableSchemas.RANK)),
    RUNS(TableSchemas.RUNS_SCHEMA, List.of());

    /** The film tables, in the order a run commits them ({@link #RUNS} comes last). */
    public static final List<Table> FILM_TABLES = List.of(FRAMES, STILL_PALETTES, FILM_PALETTES, FILM_NEIGHBORS);

    private final StructType schema;
    private final List<String> sortColumns;

    Table(StructType schema, List<String> sortColumns) {
        this.schema = schema;
        this.sortColumns = sortColumns;
    }

    /** The table name in the catalog, also the name the read-only commands query it by: {@code still_palettes}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public StructType schema() {
        return schema;
    }

    /** Whether the table holds rows per film: bucketed on {@code film_id}, replaced film by film. */
    public boolean partitionedByFilm() {
        return !sortColumns.isEmpty();
    }

    /** The table's write order, film first. */
    public List<String> sortColumns() {
        return sortColumns;
    }
}
