package org.filmpalette.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;
import org.filmpalette.render.HtmlReport;
import org.filmpalette.serve.TablesView;

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

    @Option(names = "--max-films", paramLabel = "N",
            description = "Films in the report, the first by id (serve shows them all). Default: 200")
    private int maxFilms = 200;

    @Override
    public Integer call() {
        PaletteReader.checkAlgorithm(algorithm);
        if (top < 1) {
            throw new ConfigurationException("Invalid --top: " + top + " (must be at least 1)");
        }
        if (maxFilms < 1) {
            throw new ConfigurationException("Invalid --max-films: " + maxFilms + " (must be at least 1)");
        }
        Path index;
        int filmCount;
        int totalFilms;
        try (QuerySession session = tables.open()) {
            PaletteReader reader = new PaletteReader(session.spark());
            TablesView view = new TablesView(session.spark());
            Map<String, Palette> palettes = reader.filmPalettes(algorithm);
            totalFilms = palettes.size();
            boolean capped = totalFilms > maxFilms;
            // All pairs in one job while the archive is small; per shown film (or film_neighbors) once it is capped.
            Map<String, List<NearestFilms.Neighbor>> nearest = capped ? Map.of()
                    : new NearestFilms(session.spark()).all(algorithm, top);
            Map<String, List<PaletteReader.Still>> stills = capped ? Map.of() : reader.stillsByFilm(algorithm);
            List<HtmlReport.Film> films = new ArrayList<>();
            for (Map.Entry<String, Palette> film : palettes.entrySet()) {
                if (films.size() == maxFilms) {
                    break;
                }
                String id = film.getKey();
                List<PaletteReader.Still> filmStills = capped ? view.stills(id, algorithm)
                        : stills.getOrDefault(id, List.of());
                films.add(new HtmlReport.Film(id, film.getValue(), filmStills,
                        capped ? view.nearest(id, algorithm, top) : nearest.getOrDefault(id, List.of()),
                        view.thumbnails(id)));
            }
            filmCount = films.size();
            index = HtmlReport.write(out, "filmpalette report: " + session.root(), algorithm, films, totalFilms);
        }
        spec.commandLine().getOut().println("filmpalette report: " + filmCount + " films"
                + (totalFilms > filmCount ? " of " + totalFilms : "") + " -> " + index.toUri());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
