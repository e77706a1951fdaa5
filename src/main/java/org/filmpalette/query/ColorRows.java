package org.filmpalette.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.iceberg.data.Record;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.filmpalette.color.Srgb;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;
import org.filmpalette.store.TableSchemas;

/**
 * Reads the {@code colors} column ({@code array<struct<rank, hex, r, g, b, lab_l, lab_a, lab_b, share, role>>}) into
 * palettes, by field name so that a projection or a reordered struct still reads right. Rows without a role (written
 * before the field existed, or a projection without it) get the roles {@link Role} derives from colors and shares.
 */
public final class ColorRows {

    private static final String[] COLOR_FIELDS = TableSchemas.COLOR.fieldNames();

    private ColorRows() {}

    /** The palette of one {@code colors} value, in its stored (rank) order. */
    public static Palette palette(List<Row> colors) {
        List<Swatch> swatches = new ArrayList<>(colors.size());
        boolean missingRole = false;
        for (Row color : colors) {
            Swatch swatch = swatch(color);
            Role role = role(color);
            missingRole |= role == null;
            swatches.add(role == null ? swatch : swatch.withRole(role));
        }
        return missingRole ? Palette.withDerivedRoles(swatches) : new Palette(swatches);
    }

    /** The stored role, or null when the row has none. */
    private static Role role(Row color) {
        if (color.schema() == null || !Arrays.asList(color.schema().fieldNames()).contains(TableSchemas.ROLE)) {
            return null;
        }
        int index = color.fieldIndex(TableSchemas.ROLE);
        return color.isNullAt(index) ? null : Role.parse(color.getString(index));
    }

    /** The palette of one {@code colors} value as Spark hands it to a function: a Scala sequence of rows. */
    public static Palette palette(scala.collection.Seq<Row> colors) {
        return palette(scala.jdk.javaapi.CollectionConverters.asJava(colors));
    }

    /**
     * The palette of one {@code colors} value as Iceberg's Java readers return it ({@code store.DirectTables}): a
     * list of records with the fields of {@link TableSchemas#COLOR} (a record without {@code role} reads as null).
     */
    public static Palette fromRecords(List<?> colors) {
        List<Row> rows = new ArrayList<>(colors.size());
        for (Object color : colors) {
            Record record = (Record) color;
            rows.add(new GenericRowWithSchema(Arrays.stream(COLOR_FIELDS).map(record::getField).toArray(),
                    TableSchemas.COLOR));
        }
        return palette(rows);
    }

    static Swatch swatch(Row color) {
        int rgb = Srgb.pack(color.<Integer>getAs(TableSchemas.R), color.<Integer>getAs(TableSchemas.G),
                color.<Integer>getAs(TableSchemas.B));
        double share = color.<Double>getAs(TableSchemas.SHARE);
        return new Swatch(color.<Integer>getAs(TableSchemas.RANK), rgb, color.<Double>getAs(TableSchemas.LAB_L),
                color.<Double>getAs(TableSchemas.LAB_A), color.<Double>getAs(TableSchemas.LAB_B),
                Math.min(1.0, share));
    }
}
