package org.filmpalette.job;

import static org.filmpalette.job.PalettePipelineTest.assertSwatch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --algorithms grid} in the job: grid cells taken at decode time, still and film palettes written. */
class GridAlgorithmTest {

    @TempDir
    Path dir;

    @Test
    void quadrantsGiveFourColorsOfAQuarterInStillAndFilmPalettes() {
        Path input = dir.resolve("frames");
        java.awt.image.BufferedImage image = TestImages.solid(64, 64, 0xE01B24);
        TestImages.paint(image, 0x2060C0, 32, 0, 32, 32);
        TestImages.paint(image, 0x20A040, 0, 32, 32, 32);
        TestImages.paint(image, 0xF0D020, 32, 32, 32, 32);
        TestImages.writePng(input.resolve("film/a.png"), image);
        TestImages.writePng(input.resolve("film/b.png"), image);
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables, "filmpalette.algorithms", "grid,kmeans");

        for (String frame : List.of("a", "b")) {
            Palette still = PipelineRuns.stillPalette(tables, "film", frame, "grid");
            assertEquals(4, still.size(), still.hexList());
            for (int color : new int[] {0xE01B24, 0x2060C0, 0x20A040, 0xF0D020}) {
                assertSwatch(still, color, 0.25, 1e-12);
            }
        }
        Row film = PipelineRuns.rows(tables, Table.FILM_PALETTES).stream()
                .filter(row -> row.getAs(TableSchemas.ALGORITHM).equals("grid")).findFirst().orElseThrow();
        Palette filmPalette = ColorRows.palette(film.getList(film.fieldIndex(TableSchemas.COLORS)));
        assertEquals(4, filmPalette.size(), filmPalette.hexList());
        assertSwatch(filmPalette, 0xF0D020, 0.25, 1e-9);
        assertEquals(2, (int) film.getAs(TableSchemas.FRAMES));
    }
}
