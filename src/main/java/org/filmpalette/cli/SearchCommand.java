package org.filmpalette.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.filmpalette.color.Srgb;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobConfig;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.neighbors.PaletteSearch;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.render.TerminalSwatches;
import org.filmpalette.serve.OneImagePalette;
import org.filmpalette.store.DirectTables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette search}: the stills nearest to an image's palette, or the films and stills holding a color. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find the stills (or films) whose palettes are nearest to an image's, or that hold a color near --color.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--like", paramLabel = "FILE", description = "An image file: its palette is fitted with the job's defaults")
    private Path like;

    @Option(names = "--color", paramLabel = "HEX", description = "A color, #rrggbb")
    private String color;

    @Option(names = "--top", paramLabel = "N", description = "How many results. Default: 20")
    private int top = 20;

    @Option(names = "--level", paramLabel = "LEVEL", description = "With --like: still (default) or film")
    private String level = "still";

    @Option(names = "--min-share", paramLabel = "SHARE",
            description = "With --color: the least share of the matching color, in [0,1]. Default: 0.01")
    private double minShare = 0.01;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Override
    public Integer call() {
        if ((like == null) == (color == null)) {
            throw new ConfigurationException("Invalid search: give exactly one of --like FILE or --color '#rrggbb'");
        }
        if (top < 1) {
            throw new ConfigurationException("Invalid --top: " + top + " (must be at least 1)");
        }
        if (!(minShare >= 0 && minShare <= 1)) {
            throw new ConfigurationException("Invalid --min-share: " + minShare + " (must be in [0,1])");
        }
        PaletteReader.checkAlgorithm(algorithm);
        PaletteSearch.Level searched = PaletteSearch.Level.parse(level);
        Palette query = like == null ? null : likePalette(Algorithm.parse(algorithm));
        Integer rgb = color == null ? null : parseColor(color);
        PrintWriter out = spec.commandLine().getOut();
        try (DirectTables direct = tables.openDirect()) {
            PaletteSearch search = new PaletteSearch(direct);
            if (query != null) {
                printLike(out, query, search.like(query, searched, algorithm, top));
            } else {
                for (PaletteSearch.Level each : List.of(PaletteSearch.Level.FILM, PaletteSearch.Level.STILL)) {
                    printColor(out, each, search.color(rgb, minShare, each, algorithm, top));
                }
            }
        }
        out.flush();
        return ExitCodes.DONE;
    }

    private void printLike(PrintWriter out, Palette query, List<PaletteSearch.Hit> hits) {
        out.printf("%s (%s)  %s%n", like, algorithm, TerminalSwatches.hex(query));
        int width = hits.stream().mapToInt(hit -> hit.filmId().length()).max().orElse(0);
        for (PaletteSearch.Hit hit : hits) {
            out.printf(Locale.ROOT, "%8.2f  %-" + width + "s  %s%s%n", hit.distance(), hit.filmId(),
                    hit.frameId() == null ? "" : hit.frameId() + "  ", TerminalSwatches.hex(hit.palette()));
        }
        if (hits.isEmpty()) {
            out.println("  no " + level + " palette for --algorithm " + algorithm);
        }
    }

    private void printColor(PrintWriter out, PaletteSearch.Level each, List<PaletteSearch.ColorHit> hits) {
        out.printf(Locale.ROOT, "%s with a color near %s (%s, share >= %s):%n",
                each == PaletteSearch.Level.FILM ? "films" : "stills", Srgb.hex(parseColor(color)), algorithm,
                minShare);
        int width = hits.stream().mapToInt(hit -> hit.filmId().length()).max().orElse(0);
        for (PaletteSearch.ColorHit hit : hits) {
            out.printf(Locale.ROOT, "%8.2f  %-" + width + "s  %s%s  %.4f%n", hit.deltaE(), hit.filmId(),
                    hit.frameId() == null ? "" : hit.frameId() + "  ", hit.hex(), hit.share());
        }
    }

    private static int parseColor(String hex) {
        if (!hex.strip().matches("#?[0-9a-fA-F]{6}")) {
            throw new ConfigurationException("Invalid --color: " + hex + " (must be #rrggbb)");
        }
        return Srgb.parseHex(hex.strip());
    }

    /** The palette of {@code --like}, fitted with the job's engine and defaults as {@code palette FILE} fits it. */
    private Palette likePalette(Algorithm algorithmToFit) {
        try {
            return new OneImagePalette(JobConfig.fromSettings(Map.of())).of(like.toString(), algorithmToFit);
        } catch (FrameRejectedException e) {
            throw new ConfigurationException("Invalid --like: " + like + " (" + e.getMessage() + ")");
        }
    }
}
