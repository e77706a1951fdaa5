package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalRunTest {

    @TempDir
    Path dir;

    @Test
    void rerunOnAnUnchangedArchiveDecodesNothingAndKeepsTheTables() {
        Path input = archive();
        Path tables = dir.resolve("tables");
        RunSummary first = PipelineRuns.run(input, tables);
        List<String> stills = PipelineRuns.content(tables, Table.STILL_PALETTES);
        List<String> films = PipelineRuns.content(tables, Table.FILM_PALETTES);

        RunSummary second = PipelineRuns.run(input, tables);

        assertEquals(4, second.framesSeen());
        assertEquals(0, second.framesNew());
        assertEquals(List.of(), second.touchedFilms());
        assertEquals(2, second.films());
        assertEquals(first.filmPalettes(), second.filmPalettes(), "the summary still lists every film palette");
        assertEquals(stills, PipelineRuns.content(tables, Table.STILL_PALETTES));
        assertEquals(films, PipelineRuns.content(tables, Table.FILM_PALETTES));
        List<Long> framesNew = PipelineRuns.rows(tables, Table.RUNS).stream()
                .map(row -> (Long) row.getAs(TableSchemas.FRAMES_NEW)).sorted().toList();
        assertEquals(List.of(0L, 4L), framesNew);
    }

    @Test
    void aRemovedFrameLeavesStillPalettesAndOnlyItsFilmIsRecomputed() throws Exception {
        Path input = archive();
        Path tables = dir.resolve("tables");
        PipelineRuns.run(input, tables);
        List<String> untouched = PipelineRuns.content(tables, Table.FILM_PALETTES).stream()
                .filter(row -> row.startsWith("[blue-film")).toList();

        Files.delete(input.resolve("red-film/b.png"));
        RunSummary second = PipelineRuns.run(input, tables);

        assertEquals(List.of("red-film"), second.touchedFilms());
        List<Row> stills = PipelineRuns.rows(tables, Table.STILL_PALETTES);
        assertEquals(6, stills.size());
        assertTrue(stills.stream().noneMatch(r -> r.getAs(TableSchemas.FILM_ID).equals("red-film")
                && r.getAs(TableSchemas.FRAME_ID).equals("b")));
        assertEquals(3, PipelineRuns.rows(tables, Table.FRAMES).size());
        assertEquals(untouched, PipelineRuns.content(tables, Table.FILM_PALETTES).stream()
                .filter(row -> row.startsWith("[blue-film")).toList());
        Row redFilm = PipelineRuns.rows(tables, Table.FILM_PALETTES).stream()
                .filter(r -> r.getAs(TableSchemas.FILM_ID).equals("red-film")).findFirst().orElseThrow();
        assertEquals(1, (int) redFilm.getAs(TableSchemas.FRAMES));
    }

    @Test
    void fullRecomputesEveryFrame() {
        Path input = archive();
        Path tables = dir.resolve("tables");
        PipelineRuns.run(input, tables);

        RunSummary full = PipelineRuns.run(input, tables, "filmpalette.full", "true");

        assertEquals(4, full.framesNew());
        assertEquals(List.of("blue-film", "red-film"), full.touchedFilms());
        assertEquals(8, PipelineRuns.rows(tables, Table.STILL_PALETTES).size());
    }

    @Test
    void missingInputIsABadConfigurationAndWritesNothing() {
        Path missing = dir.resolve("no-such-archive");
        Path tables = dir.resolve("tables");

        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> PipelineRuns.run(missing, tables));

        assertEquals("Invalid --input: file:" + missing + " (not an existing folder)", error.getMessage());
        assertTrue(!Files.exists(tables), "nothing may be written");
    }

    private Path archive() {
        Path input = dir.resolve("frames");
        TestImages.writePng(input.resolve("red-film/a.png"), TestImages.stripes(40, 20, 0xFF0000, 0x000000));
        TestImages.writePng(input.resolve("red-film/b.png"), TestImages.stripes(40, 20, 0xC00000, 0xFFFFFF));
        TestImages.writePng(input.resolve("blue-film/a.png"), TestImages.stripes(40, 20, 0x0000FF, 0x000000));
        TestImages.writePng(input.resolve("blue-film/b.png"), TestImages.stripes(40, 20, 0x0000C0, 0xFFFFFF));
        return input;
    }
}
