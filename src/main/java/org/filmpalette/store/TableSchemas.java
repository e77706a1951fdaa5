package org.filmpalette.store;

import static org.apache.spark.sql.types.DataTypes.BinaryType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructType;

/**
 * Column names and Spark schemas of the tables in docs/design.md §5. Every column name used in code or in the README's
 * SQL is one of these constants.
 */
public final class TableSchemas {

    public static final String FILM_ID = "film_id";
    public static final String FRAME_ID = "frame_id";
    public static final String PATH = "path";
    public static final String SIZE_BYTES = "size_bytes";
    public static final String MODIFIED_AT = "modified_at";
    public static final String WIDTH = "width";
    public static final String HEIGHT = "height";
    public static final String STATUS = "status";
    public static final String REASON = "reason";
    public static final String BLANK = "blank";
    /** A still's JPEG thumbnail, 192 px wide ({@code ingest.Thumbnail}); null for rejected frames or when turned off. */
    public static final String THUMBNAIL = "thumbnail";
    /**
     * A video still's time: when the frame it is was presented, in seconds from the stream's first frame (the frame id
     * holds the sampled time); null for image files and for stills that were not decoded.
     */
    public static final String TIME_SECONDS = "time_seconds";
    /** A video still's stream frame rate, frames per second as the container states it; null for image files. */
    public static final String FRAME_RATE = "frame_rate";
    public static final String RUN_ID = "run_id";
    public static final String ALGORITHM = "algorithm";
    public static final String COLOR_SPACE = "color_space";
    public static final String K = "k";
    public static final String SEED = "seed";
    public static final String COLORS = "colors";
    public static final String SAMPLED_PIXELS = "sampled_pixels";
    public static final String COST = "cost";
    public static final String FRAMES = "frames";
    public static final String COMPUTED_AT = "computed_at";
    public static final String STARTED_AT = "started_at";
    public static final String FINISHED_AT = "finished_at";
    public static final String FRAMES_SEEN = "frames_seen";
    public static final String FRAMES_NEW = "frames_new";
    public static final String FRAMES_REJECTED = "frames_rejected";
    public static final String FILMS_TOUCHED = "films_touched";
    public static final String CONFIG = "config";
    public static final String VERSION = "version";
    /** {@code runs}: the snapshot id each film table had once the run committed it (null for a failed run). */
    public static final String FRAMES_SNAPSHOT = "frames_snapshot";
    public static final String STILL_PALETTES_SNAPSHOT = "still_palettes_snapshot";
    public static final String FILM_PALETTES_SNAPSHOT = "film_palettes_snapshot";
    /** {@code runs}: the snapshot id of {@code film_neighbors} once the run committed it (null before it existed). */
    public static final String FILM_NEIGHBORS_SNAPSHOT = "film_neighbors_snapshot";
    /** {@code still_palettes}: the palette's embedding ({@code neighbors.StoredEmbedding}); null in older rows. */
    public static final String EMBEDDING = "embedding";
    /** {@code film_neighbors}: a neighbor's film id and its {@code palette_distance} (ΔE00 units). */
    public static final String NEIGHBOR_FILM_ID = "neighbor_film_id";
    public static final String DISTANCE = "distance";

    /** Fields of one element of {@code colors}. */
    public static final String RANK = "rank";
    public static final String HEX = "hex";
    public static final String R = "r";
    public static final String G = "g";
    public static final String B = "b";
    public static final String LAB_L = "lab_l";
    public static final String LAB_A = "lab_a";
    public static final String LAB_B = "lab_b";
    public static final String SHARE = "share";
    /**
     * {@code dominant} or {@code accent} ({@code palette.Role}); null in rows written before the field existed, whose
     * readers derive it from the colors and shares.
     */
    public static final String ROLE = "role";

    /** {@code frames.status} of a frame that got palettes. */
    public static final String STATUS_OK = "ok";
    /** {@code frames.status} of a frame that could not be used; {@code reason} says why. */
    public static final String STATUS_REJECTED = "rejected";

    /** One palette color: sRGB 0–255, CIELAB D65, share in [0,1], role. */
    public static final StructType COLOR = createStructType(List.of(
            createStructField(RANK, IntegerType, false),
            createStructField(HEX, StringType, false),
            createStructField(R, IntegerType, false),
            createStructField(G, IntegerType, false),
            createStructField(B, IntegerType, false),
            createStructField(LAB_L, DoubleType, false),
            createStructField(LAB_A, DoubleType, false),
            createStructField(LAB_B, DoubleType, false),
            createStructField(SHARE, DoubleType, false),
            createStructField(ROLE, StringType, true)));

    public static final ArrayType COLORS_TYPE = createArrayType(COLOR, false);

    public static final StructType FRAMES_SCHEMA = createStructType(List.of(
            createStructField(FILM_ID, StringType, false),
            createStructField(FRAME_ID, StringType, false),
            createStructField(PATH, StringType, false),
            createStructField(SIZE_BYTES, LongType, false),
            createStructField(MODIFIED_AT, TimestampType, false),
            createStructField(WIDTH, IntegerType, true),
            createStructField(HEIGHT, IntegerType, true),
            createStructField(STATUS, StringType, false),
            createStructField(REASON, StringType, true),
            createStructField(BLANK, StringType, true),
            createStructField(THUMBNAIL, BinaryType, true),
            createStructField(TIME_SECONDS, DoubleType, true),
            createStructField(FRAME_RATE, DoubleType, true),
            createStructField(RUN_ID, StringType, false)));

    public static final StructType STILL_PALETTES_SCHEMA = createStructType(List.of(
            createStructField(FILM_ID, StringType, false),
            createStructField(FRAME_ID, StringType, false),
            createStructField(ALGORITHM, StringType, false),
            createStructField(COLOR_SPACE, StringType, false),
            createStructField(K, IntegerType, false),
            createStructField(SEED, LongType, false),
            createStructField(COLORS, COLORS_TYPE, false),
            createStructField(SAMPLED_PIXELS, IntegerType, false),
            createStructField(COST, DoubleType, false),
            createStructField(RUN_ID, StringType, false),
            createStructField(EMBEDDING, BinaryType, true)));

    public static final StructType FILM_PALETTES_SCHEMA = createStructType(List.of(
            createStructField(FILM_ID, StringType, false),
            createStructField(ALGORITHM, StringType, false),
            createStructField(COLOR_SPACE, StringType, false),
            createStructField(K, IntegerType, false),
            createStructField(COLORS, COLORS_TYPE, false),
            createStructField(FRAMES, IntegerType, false),
            createStructField(RUN_ID, StringType, false),
            createStructField(COMPUTED_AT, TimestampType, false)));

    public static final StructType RUNS_SCHEMA = createStructType(List.of(
            createStructField(RUN_ID, StringType, false),
            createStructField(STARTED_AT, TimestampType, false),
            createStructField(FINISHED_AT, TimestampType, true),
            createStructField(STATUS, StringType, false),
            createStructField(FRAMES_SEEN, LongType, false),
            createStructField(FRAMES_NEW, LongType, false),
            createStructField(FRAMES_REJECTED, LongType, false),
            createStructField(FILMS_TOUCHED, LongType, false),
            createStructField(CONFIG, StringType, false),
            createStructField(VERSION, StringType, false),
            createStructField(FRAMES_SNAPSHOT, LongType, true),
            createStructField(STILL_PALETTES_SNAPSHOT, LongType, true),
            createStructField(FILM_PALETTES_SNAPSHOT, LongType, true),
            createStructField(FILM_NEIGHBORS_SNAPSHOT, LongType, true)));

    /** One row per film × algorithm × rank: the film's nearest films, nearest first ({@code neighbors.FilmNeighbors}). */
    public static final StructType FILM_NEIGHBORS_SCHEMA = createStructType(List.of(
            createStructField(FILM_ID, StringType, false),
            createStructField(ALGORITHM, StringType, false),
            createStructField(RANK, IntegerType, false),
            createStructField(NEIGHBOR_FILM_ID, StringType, false),
            createStructField(DISTANCE, DoubleType, false),
            createStructField(RUN_ID, StringType, false)));

    private TableSchemas() {}

    /** The columns of {@code schema}, by name and in its order, for a {@code select}. */
    public static org.apache.spark.sql.Column[] columns(StructType schema) {
        return java.util.Arrays.stream(schema.fieldNames()).map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new);
    }
}
