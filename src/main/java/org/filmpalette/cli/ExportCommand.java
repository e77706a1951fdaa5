package org.filmpalette.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.filmpalette.palette.Palette;
import org.filmpalette.query.ExportFormat;
import org.filmpalette.query.ExportPalette;
import org.filmpalette.query.Harmony;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filmpalette export}: a film's (or one still's) palette in a designer format, or a harmony of it. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a film's or a still's palette as hex, a Coolors URL, GIMP .gpl, Adobe .ase, CSS or JSON.")
final class ExportCommand implements Callable<Integer> {

    /** Where the binary .ase goes when no --out is given: stdout, which must then not be a terminal. */
    private final OutputStream stdout;

    @Spec
    private CommandSpec spec;

    @Mixin
    private TablesOptions tables;

    @Option(names = "--film", required = true, paramLabel = "ID", description = "The film")
    private String film;

    @Option(names = "--frame", paramLabel = "ID", description = "A still of the film instead of the film palette")
    private String frame;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "hex, coolors, gpl, ase, css or json")
    private String format;

    @Option(names = "--harmony", paramLabel = "KIND",
            description = "Export the dominant color and its complementary, analogous or triadic harmony instead")
    private String harmony;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of stdout")
    private Path out;

    ExportCommand() {
        this(System.out);
    }

    ExportCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        ExportFormat exportFormat = ExportFormat.parse(format);
        Harmony chosenHarmony = harmony == null ? null : Harmony.parse(harmony);
        PaletteReader.checkAlgorithm(algorithm);
        byte[] bytes;
        try (QuerySession session = tables.open()) {
            PaletteReader reader = new PaletteReader(session.spark());
            Palette palette = frame == null ? reader.filmPalette(film, algorithm)
                    : reader.stillPalette(film, frame, algorithm);
            String title = film + (frame == null ? "" : " " + frame) + " " + algorithm;
            String name = frame == null ? film : film + "-" + frame;
            ExportPalette export = chosenHarmony == null ? ExportPalette.of(title, name, palette)
                    : ExportPalette.of(title, name, palette, chosenHarmony);
            bytes = exportFormat.write(export);
        }
        write(bytes);
        return ExitCodes.DONE;
    }

    private void write(byte[] bytes) {
        if (out != null) {
            try {
                Path parent = out.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(out, bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write --out " + out, e);
            }
            spec.commandLine().getErr().println("filmpalette: wrote " + out + " (" + bytes.length + " bytes)");
            spec.commandLine().getErr().flush();
            return;
        }
        try {
            // Bytes, not text: the .ase is binary and the text formats are UTF-8 whatever the platform charset.
            spec.commandLine().getOut().flush();
            stdout.write(bytes);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to stdout", e);
        }
    }
}
