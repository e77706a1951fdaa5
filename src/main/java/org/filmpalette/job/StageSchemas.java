package org.filmpalette.job;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;
import static org.filmpalette.store.TableSchemas.ALGORITHM;
import static org.filmpalette.store.TableSchemas.BLANK;
import static org.filmpalette.store.TableSchemas.THUMBNAIL;
import static org.filmpalette.store.TableSchemas.COLORS;
import static org.filmpalette.store.TableSchemas.COLORS_TYPE;
import static org.filmpalette.store.TableSchemas.COST;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_RATE;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.HEIGHT;
import static org.filmpalette.store.TableSchemas.MODIFIED_AT;
import static org.filmpalette.store.TableSchemas.PATH;
import static org.filmpalette.store.TableSchemas.REASON;
import static org.filmpalette.store.TableSchemas.SAMPLED_PIXELS;
import static org.filmpalette.store.TableSchemas.SIZE_BYTES;
import static org.filmpalette.store.TableSchemas.STATUS;
import static org.filmpalette.store.TableSchemas.TIME_SECONDS;
import static org.filmpalette.store.TableSchemas.WIDTH;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Schemas of the rows passed between pipeline stages (the tables' own schemas are in {@code store}). */
final class StageSchemas {

    /** Column of a frame's color bins: each bin's mean color, packed sRGB ints 0xRRGGBB ({@code ingest.ColorBins}). */
    static final String BIN_COLORS = "bin_colors";
    /** Column of a frame's color bins: each bin's pixel count, in the order of {@link #BIN_COLORS}. */
    static final String BIN_COUNTS = "bin_counts";
    /** Column of a frame's accent regions ({@code ingest.AccentRegion#toArray}). */
    static final String REGIONS = "regions";
    /** Column of a frame's grid cells ({@code ingest.GridCells#toArray}), null unless an algorithm needs them. */
    static final String GRID = "grid";
    /** Column of the per-algorithm palettes of one still. */
    static final String PALETTES = "palettes";

    /** A file found under the input root. */
    static final StructType LISTED = createStructType(List.of(
            createStructField(FILM_ID, StringType, false),
            createStructField(FRAME_ID, StringType, false),
            createStructField(PATH, StringType, false),
            createStructField(SIZE_BYTES, LongType, false),
            createStructField(MODIFIED_AT, TimestampType, false)));

    /** A decoded frame: its outcome and, when ok, its whole-raster statistics ({@code ingest.StillStatistics}). */
    static final StructType SAMPLED = extend(LISTED,
            createStructField(WIDTH, IntegerType, true),
            createStructField(HEIGHT, IntegerType, true),
            createStructField(STATUS, StringType, false),
            createStructField(REASON, StringType, true),
            createStructField(BLANK, StringType, true),
            createStructField(THUMBNAIL, BinaryType, true),
            createStructField(TIME_SECONDS, DoubleType, true),
            createStructField(FRAME_RATE, DoubleType, true),
            createStructField(BIN_COLORS, createArrayType(IntegerType, false), true),
            createStructField(BIN_COUNTS, createArrayType(IntegerType, false), true),
            createStructField(REGIONS, createArrayType(DoubleType, false), true),
            createStructField(GRID, createArrayType(IntegerType, false), true));

    /** One palette of a still. */
    static final StructType STILL_PALETTE = createStructType(List.of(
            createStructField(ALGORITHM, StringType, false),
            createStructField(COLORS, COLORS_TYPE, false),
            createStructField(COST, DoubleType, false)));

    /** A frame's outcome with its still palettes, bins and regions dropped. */
    static final StructType CLUSTERED = extend(LISTED,
            createStructField(WIDTH, IntegerType, true),
            createStructField(HEIGHT, IntegerType, true),
            createStructField(STATUS, StringType, false),
            createStructField(REASON, StringType, true),
            createStructField(BLANK, StringType, true),
            createStructField(THUMBNAIL, BinaryType, true),
            createStructField(TIME_SECONDS, DoubleType, true),
            createStructField(FRAME_RATE, DoubleType, true),
            createStructField(SAMPLED_PIXELS, IntegerType, false),
            createStructField(PALETTES, createArrayType(STILL_PALETTE, false), false));

    private StageSchemas() {}

    /** Position of the field {@code name} in {@code schema}, for rows that travel between task functions unencoded. */
    static int index(StructType schema, String name) {
        return schema.fieldIndex(name);
    }

    /** The schema's fields as columns, to select a Dataset into that shape. */
    static Column[] columns(StructType schema) {
        return Arrays.stream(schema.fieldNames()).map(functions::col).toArray(Column[]::new);
    }

    private static StructType extend(StructType base, StructField... more) {
        List<StructField> fields = new ArrayList<>(List.of(base.fields()));
        fields.addAll(List.of(more));
        return createStructType(fields);
    }
}
