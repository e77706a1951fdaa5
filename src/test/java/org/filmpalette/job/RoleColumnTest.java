package org.filmpalette.job;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.query.ColorRows;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SharedSpark;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code role} field of {@code colors}: written by the job, and derived for tables written before it existed. */
class RoleColumnTest {

    @TempDir
    Path dir;

    @Test
    void plantedLampIsAnAccentInStillAndFilmPalettes() {
        Path input = dir.resolve("frames");
        writeLampFrames(input, "film", 2);
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans");

        Palette still = PipelineRuns.stillPalette(tables, "film", "f1", "kmeans");
        assertEquals(List.of(Role.ACCENT), roles(still, 0xE01B24));
        assertEquals(List.of(Role.DOMINANT), roles(still, 0x808080));
        Row film = PipelineRuns.rows(tables, Table.FILM_PALETTES).get(0);
        Palette filmPalette = ColorRows.palette(film.getList(film.fieldIndex(TableSchemas.COLORS)));
        assertEquals(List.of(Role.ACCENT), roles(filmPalette, 0xE01B24));
    }

    @Test
    void tablesWithoutTheFieldStillReadAndARerunFillsTheFilmItRewrites() {
        Path input = dir.resolve("frames");
        writeLampFrames(input, "lamp", 2);
        writeLampFrames(input, "other", 1);
        Path tables = dir.resolve("tables");
        PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans");
        PaletteTables store = new PaletteTables(SharedSpark.session(), "file:" + tables);
        dropRoleField(store);
        assertEquals(0, store.read(Table.STILL_PALETTES)
                .where(functions.exists(col(TableSchemas.COLORS), c -> c.getField(TableSchemas.ROLE).isNotNull()))
                .count(), "the old table has no roles");

        // Readers derive the roles.
        Row old = store.read(Table.STILL_PALETTES).where(col(TableSchemas.FRAME_ID).equalTo("f1")
                .and(col(TableSchemas.FILM_ID).equalTo("lamp"))).select(TableSchemas.COLORS).first();
        assertEquals(List.of(Role.ACCENT), roles(ColorRows.palette(old.<Row>getList(0)), 0xE01B24));

        // A new frame in "lamp": its partitions are rewritten, the carried-over still gets its roles stored.
        TestImages.writePng(input.resolve("lamp/f9.png"), lampFrame());
        RunSummary second = PipelineRuns.run(input, tables, "filmpalette.algorithms", "kmeans");

        assertTrue(second.touchedFilms().contains("lamp"), second.touchedFilms().toString());
        List<Row> lampStills = store.read(Table.STILL_PALETTES).where(col(TableSchemas.FILM_ID).equalTo("lamp"))
                .select(TableSchemas.FRAME_ID, TableSchemas.COLORS).orderBy(TableSchemas.FRAME_ID).collectAsList();
        assertEquals(3, lampStills.size());
        for (Row still : lampStills) {
            for (Row color : still.<Row>getList(1)) {
                assertTrue(!color.isNullAt(color.fieldIndex(TableSchemas.ROLE)), still.toString());
            }
            assertEquals("accent", still.<Row>getList(1).stream()
                    .filter(c -> c.<String>getAs(TableSchemas.HEX).equals("#e01b24")).findFirst().orElseThrow()
                    .getAs(TableSchemas.ROLE), still.toString());
        }
        // The untouched film keeps its old rows, without roles.
        Row other = store.read(Table.STILL_PALETTES).where(col(TableSchemas.FILM_ID).equalTo("other"))
                .select(TableSchemas.COLORS).first();
        assertTrue(other.<Row>getList(0).stream().allMatch(c -> c.isNullAt(c.fieldIndex(TableSchemas.ROLE))));
    }

    private static List<Role> roles(Palette palette, int rgb) {
        return palette.swatches().stream().filter(s -> s.rgb() == rgb).map(s -> s.role()).toList();
    }

    /** Frames of a gray wall and a blue coat with a red lamp of about 2 %: exact colors, PNG. */
    private static void writeLampFrames(Path input, String film, int count) {
        for (int i = 1; i <= count; i++) {
            TestImages.writePng(input.resolve(film + "/f" + i + ".png"), lampFrame());
        }
    }

    private static java.awt.image.BufferedImage lampFrame() {
        java.awt.image.BufferedImage image = TestImages.stripes(100, 50, 0x808080, 0x3050A0);
        return TestImages.paint(image, 0xE01B24, 10, 10, 10, 10);
    }

    /**
     * Makes the color tables what an older version wrote (the struct without {@code role}), then opens them as a run
     * does: Iceberg schema evolution adds the field back, and the rows written before read it as null.
     */
    private static void dropRoleField(PaletteTables store) {
        for (Table table : List.of(Table.STILL_PALETTES, Table.FILM_PALETTES)) {
            store.load(table).updateSchema().deleteColumn(TableSchemas.COLORS + ".element." + TableSchemas.ROLE)
                    .commit();
            assertTrue(store.load(table).schema().findField(TableSchemas.COLORS + ".element." + TableSchemas.ROLE)
                    == null);
        }
        store.createOrEvolve();
    }
}
