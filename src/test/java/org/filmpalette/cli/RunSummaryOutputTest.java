package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.filmpalette.job.RunSummary;
import org.junit.jupiter.api.Test;

/** {@code run}'s summary stays short on a big archive: counts, a capped list, and where the rest is. */
class RunSummaryOutputTest {

    @Test
    void manyFilmsPrintTwentyPaletteLinesAndWhereTheRestIs() {
        List<String> lines = new ArrayList<>();
        for (int film = 0; film < 10_000; film++) {
            lines.add(String.format("film-%05d kmeans: #000000", film));
        }
        String out = print(new RunSummary("r1", "file:/t", 50_000, 50_000, 3, Map.of("corrupt", 3L),
                List.of("film-00000"), 10_000, lines, 12.5));
        List<String> printed = out.lines().toList();
        assertEquals(6 + RunCommand.SUMMARY_PALETTES, printed.size(), out);
        assertEquals("  film palettes: (first 20 of 10000)", printed.get(3));
        assertEquals("    film-00019 kmeans: #000000", printed.get(3 + RunCommand.SUMMARY_PALETTES));
        assertEquals("    … the rest: bin/filmpalette serve --tables file:/t, or sql \"SELECT * FROM film_palettes\"",
                printed.get(4 + RunCommand.SUMMARY_PALETTES));
    }

    @Test
    void aFewFilmsAreAllListed() {
        String out = print(new RunSummary("r1", "file:/t", 2, 2, 0, Map.of(), List.of("a", "b"), 2,
                List.of("a kmeans: #111111", "b kmeans: #222222"), 1.0));
        assertEquals(List.of("filmpalette run r1 done in 1.0 s", "  films: 2 in the tables, 2 recomputed",
                "  frames: 2 seen, 2 new, 0 rejected", "  film palettes:", "    a kmeans: #111111",
                "    b kmeans: #222222", "  tables: file:/t"), out.lines().toList());
    }

    private static String print(RunSummary summary) {
        StringWriter out = new StringWriter();
        RunCommand.print(summary, new PrintWriter(out));
        return out.toString();
    }
}
