package org.filmpalette.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.filmpalette.palette.Palette;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;
import org.filmpalette.render.HtmlReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette report}: a static HTML report of every film's palettes, readable from file://. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a self-contained HTML report (DIR/index.html): palettes, barcodes, stills, harmonies, nearest films.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write index.html into")
    private Path out;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Option(names = "--top", paramLabel = "N", description = "Nearest films listed per film. Default: 3")
    private int top = 3;

    @Override
    public Integer call() {
        PaletteReader.checkAlgorithm(algorithm);
        if (top < 1) {
            throw new IllegalArgumentException("Invalid --top: " + top + " (must be at least 1)");
        }
        Path index;
        int filmCount;
        try (QuerySession session = tables.open()) {
            PaletteReader reader = new PaletteReader(session.spark());
            Map<String, Palette> palettes = reader.filmPalettes(algorithm);
            Map<String, List<NearestFilms.Neighbor>> nearest = new NearestFilms(session.spark()).all(algorithm, top);
            Map<String, List<PaletteReader.Still>> stills = reader.stillsByFilm(algorithm);
            List<HtmlReport.Film> films = new ArrayList<>();
            for (Map.Entry<String, Palette> film : palettes.entrySet()) {
                films.add(new HtmlReport.Film(film.getKey(), film.getValue(),
                        stills.getOrDefault(film.getKey(), List.of()), nearest.getOrDefault(film.getKey(), List.of())));
            }
            filmCount = films.size();
            index = HtmlReport.write(out, "filmpalette report: " + session.root(), algorithm, films);
        }
        spec.commandLine().getOut().println("filmpalette report: " + filmCount + " films -> " + index.toUri());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
