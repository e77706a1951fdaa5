package org.filmpalette.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.FilmLookup;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.render.TerminalSwatches;
import org.filmpalette.store.DirectTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code filmpalette compare}: the films whose palettes are nearest to one film's, by palette_distance; read without
 * Spark ({@link FilmLookup}), so it answers in seconds on any archive size.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the films nearest to --film by palette_distance (EMD over CIEDE2000), with both palettes.")
final class CompareCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--film", required = true, paramLabel = "ID", description = "The film to compare")
    private String film;

    @Option(names = "--top", paramLabel = "N", description = "How many films. Default: 10")
    private int top = 10;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Option(names = "--color", paramLabel = "WHEN",
            description = "auto (default: 24-bit color blocks when stdout is a terminal), always or never (hex codes)")
    private String color = "auto";

    @Override
    public Integer call() {
        if (top < 1) {
            throw new ConfigurationException("Invalid --top: " + top + " (must be at least 1)");
        }
        PaletteReader.checkAlgorithm(algorithm);
        boolean ansi = TerminalSwatches.wanted(color);
        try (DirectTables direct = tables.openDirect()) {
            FilmLookup lookup = new FilmLookup(direct);
            Palette own = lookup.filmPalette(film, algorithm);
            List<NearestFilms.Neighbor> neighbors = lookup.nearest(film, own, algorithm, top);
            Map<String, Palette> others = lookup.filmPalettes(algorithm,
                    neighbors.stream().map(NearestFilms.Neighbor::filmId).toList());
            int width = Math.max(film.length(), neighbors.stream().mapToInt(n -> n.filmId().length()).max().orElse(0));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s (%s)  %s%n", film, algorithm, show(own, ansi));
            if (neighbors.isEmpty()) {
                out.println("  no other film has a " + algorithm + " palette");
            }
            for (NearestFilms.Neighbor neighbor : neighbors) {
                Palette other = others.get(neighbor.filmId());
                out.printf(Locale.ROOT, "%8.2f  %-" + width + "s  %s  vs  %s%n", neighbor.distance(), neighbor.filmId(),
                        show(own, ansi), show(other, ansi));
            }
            out.flush();
            return ExitCodes.DONE;
        }
    }

    private static String show(Palette palette, boolean ansi) {
        return ansi ? TerminalSwatches.ansi(palette) : TerminalSwatches.hex(palette);
    }
}
