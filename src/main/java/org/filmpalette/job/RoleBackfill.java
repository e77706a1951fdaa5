package org.filmpalette.job;

import static org.apache.spark.sql.functions.exists;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.TableSchemas;

/**
 * Gives {@code colors} written before the {@code role} field existed (read back with a null role) the roles that
 * {@link org.filmpalette.palette.Role} derives from their colors and shares, so that a film rewritten by an
 * incremental run holds roles in every row, including the stills it carries over.
 */
final class RoleBackfill {

    private static final UserDefinedFunction DERIVE = udf(
            (UDF1<scala.collection.Seq<Row>, Row[]>) colors -> PaletteRows.colors(
                    ColorRows.palette(colors)),
            TableSchemas.COLORS_TYPE).asNonNullable();

    private RoleBackfill() {}

    /** {@code colors} itself when every color has a role, otherwise the colors with derived roles. */
    static Column filled(Column colors) {
        return when(exists(colors, color -> color.getField(TableSchemas.ROLE).isNull()), DERIVE.apply(colors))
                .otherwise(colors);
    }
}
