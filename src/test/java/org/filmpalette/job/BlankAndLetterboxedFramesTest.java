package org.filmpalette.job;

import static org.filmpalette.job.PalettePipelineTest.assertSwatch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlankAndLetterboxedFramesTest {

    @TempDir
    Path dir;

    @Test
    void barsAreCroppedAndBlackFramesAreFlaggedAndLeftOutOfTheFilmPalette() {
        Path input = dir.resolve("in");
        BufferedImage letterboxed = TestImages.stripes(120, 80, 0xFF0000, 0x0000FF);
        TestImages.paint(letterboxed, 0x000000, 0, 0, 120, 12);
        TestImages.paint(letterboxed, 0x000000, 0, 68, 120, 12);
        TestImages.writePng(input.resolve("film/a-letterboxed.png"), letterboxed);
        TestImages.writePng(input.resolve("film/b-black.png"), TestImages.solid(120, 80, 0x020202));
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables);

        Palette still = PipelineRuns.stillPalette(tables, "film", "a-letterboxed", "kmeans");
        assertEquals(2, still.size(), still.hexList());
        assertSwatch(still, 0xFF0000, 0.5, 0.01);
        List<Row> frames = PipelineRuns.rows(tables, Table.FRAMES);
        for (Row frame : frames) {
            if (frame.getAs(TableSchemas.FRAME_ID).equals("b-black")) {
                assertEquals("black", frame.getAs(TableSchemas.BLANK));
            } else {
                assertNull(frame.getAs(TableSchemas.BLANK));
            }
        }
        assertEquals(1, PipelineRuns.stillPalette(tables, "film", "b-black", "kmeans").size(),
                "a blank frame keeps its still palette");
        for (Row film : PipelineRuns.rows(tables, Table.FILM_PALETTES)) {
            assertEquals(1, (int) film.getAs(TableSchemas.FRAMES));
            Palette palette = ColorRows.palette(film.getList(film.fieldIndex(TableSchemas.COLORS)));
            assertTrue(palette.swatches().stream().allMatch(s -> DeltaE2000.between(s.rgb(), 0x020202) > 20),
                    palette.hexList());
        }
    }
}
