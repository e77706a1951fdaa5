package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Film palettes keep an accent at 1 % of the pixels in 30 % of a film's stills (issue 5, film level). */
class RecurringAccentTest {

    private static final int ACCENT = 0xD02090;
    // Sixteen muted colors; each frame shows eight of them as stripes, so a film has more colors than k.
    private static final int[] BASE = {0x1A2028, 0x3A4A55, 0x6F8A90, 0x4A4238, 0x2B3A3A, 0x8A6A4C, 0xB09070,
        0x5A6B52, 0x7A7A80, 0x9A8A78, 0x2A2A30, 0xC8C0B0, 0xE0DCD0, 0x705040, 0x405070, 0x909A60};

    @TempDir
    Path dir;

    @Test
    void accentInThreeOfTenStillsIsInBothFilmPalettes() {
        Path input = dir.resolve("frames");
        for (int i = 0; i < 10; i++) {
            TestImages.writePng(input.resolve("film/f" + i + ".png"), frame(i, i % 3 == 0 && i < 9));
        }
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables);

        List<Row> films = PipelineRuns.rows(tables, Table.FILM_PALETTES);
        assertEquals(2, films.size());
        for (Row film : films) {
            Palette palette = ColorRows.palette(film.getList(film.fieldIndex(TableSchemas.COLORS)));
            Swatch nearest = palette.swatches().stream()
                    .min((a, b) -> Double.compare(DeltaE2000.between(a.rgb(), ACCENT), DeltaE2000.between(b.rgb(), ACCENT)))
                    .orElseThrow();
            String algorithm = film.getAs(TableSchemas.ALGORITHM);
            assertTrue(DeltaE2000.between(nearest.rgb(), ACCENT) < 10, algorithm + ": " + palette.hexList());
            assertEquals(Role.ACCENT, nearest.role(), algorithm);
            // Three stills of ten hold it at about 1 %.
            assertEquals(0.003, nearest.share(), 0.001, algorithm);
            assertEquals(1.0, palette.swatches().stream().mapToDouble(Swatch::share).sum(), 1e-9, algorithm);
        }
    }

    /** 80×40 vertical stripes of eight of the base colors, and a 8×4 patch of the accent (1 %) when asked. */
    private static BufferedImage frame(int index, boolean accent) {
        int[] colors = new int[8];
        for (int i = 0; i < 8; i++) {
            colors[i] = BASE[(index * 3 + i) % BASE.length];
        }
        BufferedImage image = TestImages.stripes(80, 40, colors);
        return accent ? TestImages.paint(image, ACCENT, 2, 10, 8, 4) : image;
    }
}
