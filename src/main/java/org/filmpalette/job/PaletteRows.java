package org.filmpalette.job;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.TableSchemas;

/**
 * Writes palettes as the {@code colors} column ({@code array<struct<rank, hex, r, g, b, lab_*, share, role>>}), rows
 * carrying {@link TableSchemas#COLOR} so that {@link ColorRows} reads them back by name even before Spark encodes them.
 */
final class PaletteRows {

    private PaletteRows() {}

    /** The colors as rows; an array because Spark's row encoder takes arrays or Scala sequences, not lists. */
    static Row[] colors(Palette palette) {
        Row[] colors = new Row[palette.size()];
        for (Swatch swatch : palette.swatches()) {
            colors[swatch.rank() - 1] = new GenericRowWithSchema(new Object[] {swatch.rank(), swatch.hex(),
                    swatch.red(), swatch.green(), swatch.blue(), swatch.labL(), swatch.labA(), swatch.labB(),
                    swatch.share(), swatch.role().id()}, TableSchemas.COLOR);
        }
        return colors;
    }
}
