package org.filmpalette.neighbors;

import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.filmpalette.query.ColorRows;

/**
 * Spark columns over {@code still_palettes.embedding} ({@link StoredEmbedding}): the stored bytes of a {@code colors}
 * value, as a run writes them, and the squared embedding distance of each row to a query, read from the stored bytes
 * or, for rows written before the column existed, computed from the colors.
 */
public final class EmbeddingColumn {

    private static final UserDefinedFunction STORED = udf(
            (UDF1<scala.collection.Seq<Row>, byte[]>) colors -> colors == null || colors.isEmpty() ? null
                    : StoredEmbedding.encode(PaletteEmbedding.of(ColorRows.palette(colors))),
            DataTypes.BinaryType);

    private EmbeddingColumn() {}

    /** The stored embedding of {@code colors}: what a run writes in {@code still_palettes.embedding}. */
    public static Column of(Column colors) {
        return STORED.apply(colors);
    }

    /**
     * The squared distance from {@code query} to each row's embedding: from {@code stored} where it is not null (the
     * colors are then never converted), else from {@code colors}.
     */
    public static Column squaredDistance(double[] query, Column stored, Column colors) {
        UserDefinedFunction fromStored = udf(
                (UDF1<byte[], Double>) bytes -> StoredEmbedding.squaredDistance(query, bytes), DataTypes.DoubleType);
        UserDefinedFunction fromColors = udf((UDF1<scala.collection.Seq<Row>, Double>) list -> {
            double d = PaletteEmbedding.distance(query, PaletteEmbedding.of(ColorRows.palette(list)));
            return d * d;
        }, DataTypes.DoubleType);
        return when(stored.isNotNull(), fromStored.apply(stored)).otherwise(fromColors.apply(colors));
    }
}
