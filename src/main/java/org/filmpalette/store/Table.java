package org.filmpalette.store;

import java.util.Locale;

import org.apache.spark.sql.types.StructType;

/** The tables a run writes, each a folder of Parquet files under the tables root. */
public enum Table {
    FRAMES(TableSchemas.FRAMES_SCHEMA, true),
    STILL_PALETTES(TableSchemas.STILL_PALETTES_SCHEMA, true),
    FILM_PALETTES(TableSchemas.FILM_PALETTES_SCHEMA, true),
    RUNS(TableSchemas.RUNS_SCHEMA, false);

    private final StructType schema;
    private final boolean partitionedByFilm;

    Table(StructType schema, boolean partitionedByFilm) {
        this.schema = schema;
        this.partitionedByFilm = partitionedByFilm;
    }

    /** The folder name under the tables root, also the SQL view name: {@code still_palettes}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public StructType schema() {
        return schema;
    }

    public boolean partitionedByFilm() {
        return partitionedByFilm;
    }
}
