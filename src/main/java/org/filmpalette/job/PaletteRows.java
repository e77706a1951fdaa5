package org.filmpalette.job;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;

/**
 * Converts palettes to and from the {@code colors} column ({@code array<struct<rank, hex, r, g, b, lab_*, share,
 * role>>}).
 */
final class PaletteRows {

    private PaletteRows() {}

    /** The colors as rows; an array because Spark's row encoder takes arrays or Scala sequences, not lists. */
    static Row[] colors(Palette palette) {
        Row[] colors = new Row[palette.size()];
        for (Swatch swatch : palette.swatches()) {
            colors[swatch.rank() - 1] = RowFactory.create(swatch.rank(), swatch.hex(), swatch.red(), swatch.green(),
                    swatch.blue(), swatch.labL(), swatch.labA(), swatch.labB(), swatch.share(), swatch.role().id());
        }
        return colors;
    }

    /** The palette of rows written by {@link #colors}; roles missing in older rows are derived. */
    static Palette palette(List<Row> colors) {
        List<Swatch> swatches = new ArrayList<>(colors.size());
        boolean missingRole = false;
        for (Row color : colors) {
            int rgb = (color.getInt(2) << 16) | (color.getInt(3) << 8) | color.getInt(4);
            boolean hasRole = color.size() > 9 && !color.isNullAt(9);
            missingRole |= !hasRole;
            swatches.add(new Swatch(color.getInt(0), rgb, color.getDouble(5), color.getDouble(6), color.getDouble(7),
                    color.getDouble(8), hasRole ? Role.parse(color.getString(9)) : Role.DOMINANT));
        }
        return missingRole ? Palette.withDerivedRoles(swatches) : new Palette(swatches);
    }
}
