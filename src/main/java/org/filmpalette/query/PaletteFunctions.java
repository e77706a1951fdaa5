package org.filmpalette.query;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Srgb;
import org.filmpalette.neighbors.PaletteEmbedding;
import org.filmpalette.palette.Palette;

/**
 * The SQL functions over the tables:
 * <ul>
 * <li>{@code palette_distance(colors_a, colors_b)}: {@link PaletteDistance} between two {@code colors} arrays, a
 * double in ΔE00 units; null when either is null or empty.</li>
 * <li>{@code delta_e(hex_a, hex_b)}: CIEDE2000 between two {@code #rrggbb} colors; null when either is null, an
 * error naming the value when one is not a hex color.</li>
 * <li>{@code palette_embedding(colors)}: the {@link PaletteEmbedding} of a {@code colors} array, an
 * {@code array<double>} of {@value PaletteEmbedding#DIMENSIONS} whose Euclidean distances track
 * {@code palette_distance}; null when colors is null or empty.</li>
 * </ul>
 * {@link #register} adds them to a session; {@link PaletteSqlExtensions} injects them into sessions that
 * {@code spark-sql} or {@code spark-submit} create.
 */
public final class PaletteFunctions {

    public static final String PALETTE_DISTANCE = "palette_distance";
    public static final String DELTA_E = "delta_e";
    public static final String PALETTE_EMBEDDING = "palette_embedding";

    /** The SQL type of {@code palette_embedding}'s result. */
    public static final DataType EMBEDDING_TYPE = DataTypes.createArrayType(DataTypes.DoubleType, false);

    private PaletteFunctions() {}

    /** Registers both functions as temporary functions of {@code spark}; registering again replaces them. */
    public static void register(SparkSession spark) {
        spark.udf().register(PALETTE_DISTANCE,
                (UDF2<scala.collection.Seq<Row>, scala.collection.Seq<Row>, Double>) PaletteFunctions::paletteDistance,
                DataTypes.DoubleType);
        spark.udf().register(DELTA_E, (UDF2<String, String, Double>) PaletteFunctions::deltaE, DataTypes.DoubleType);
        spark.udf().register(PALETTE_EMBEDDING,
                (UDF1<scala.collection.Seq<Row>, double[]>) PaletteFunctions::paletteEmbedding, EMBEDDING_TYPE);
    }

    /** {@code palette_distance} on Spark's representation of two {@code colors} values. */
    static Double paletteDistance(scala.collection.Seq<Row> a, scala.collection.Seq<Row> b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return null;
        }
        Palette x = ColorRows.palette(a);
        Palette y = ColorRows.palette(b);
        return PaletteDistance.between(x, y);
    }

    /** {@code palette_embedding} of one {@code colors} value. */
    static double[] paletteEmbedding(scala.collection.Seq<Row> colors) {
        if (colors == null || colors.isEmpty()) {
            return null;
        }
        return PaletteEmbedding.of(ColorRows.palette(colors));
    }

    /** {@code delta_e} of two hex colors. */
    static Double deltaE(String a, String b) {
        if (a == null || b == null) {
            return null;
        }
        return DeltaE2000.between(Srgb.parseHex(a.strip()), Srgb.parseHex(b.strip()));
    }
}
