package org.filmpalette.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.filmpalette.config.Algorithm;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.JobSettings;
import org.filmpalette.config.Setting;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ExportFormat;
import org.filmpalette.query.ExportPalette;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.render.TerminalSwatches;
import org.filmpalette.serve.OneImagePalette;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code filmpalette palette FILE...}: the still palette of any image, fitted in-process as the job fits stills. */
@Command(name = "palette", mixinStandardHelpOptions = true, sortOptions = false,
        modelTransformer = PaletteCommand.Settings.class,
        description = "Print the palette of each image FILE (a path or any Hadoop file system URI), with the job's engine and defaults; no tables, no Spark.")
final class PaletteCommand implements Callable<Integer> {

    /** Where the binary .ase goes (text formats go to the command line's writer): stdout, as for {@code export}. */
    private final OutputStream stdout;

    /** The job settings a single image's palette takes, as options of the same names. */
    static final class Settings extends SettingOptions {
        @Override
        List<Setting<?>> settings() {
            return List.of(JobSettings.K);
        }
    }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Image files: paths, file:, hdfs:// or s3a:// URIs")
    private List<String> files;

    @Option(names = "--algorithm", paramLabel = "NAME", description = "kmeans (default), bisecting or grid")
    private String algorithm = "kmeans";

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "hex, coolors, gpl, ase, css or json, as export writes them. Default: a listing with shares and roles")
    private String format;

    @Option(names = "--color", paramLabel = "WHEN",
            description = "auto (default: 24-bit color blocks when stdout is a terminal), always or never")
    private String color = "auto";

    PaletteCommand() {
        this(System.out);
    }

    PaletteCommand(OutputStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() {
        JobConfig config = JobConfig.fromSettings(SettingOptions.given(spec, new Settings().settings()));
        OneImagePalette engine = new OneImagePalette(config);
        Algorithm chosen = Algorithm.parse(PaletteReader.checkAlgorithm(algorithm));
        ExportFormat exportFormat = format == null ? null : ExportFormat.parse(format);
        if (exportFormat == ExportFormat.ASE && files.size() > 1) {
            throw new ConfigurationException("Invalid --format: ase (one FILE per .ase file, got " + files.size()
                    + ")");
        }
        boolean ansi = TerminalSwatches.wanted(color);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        for (String file : files) {
            Palette palette;
            try {
                palette = engine.of(file, chosen);
            } catch (FrameRejectedException e) {
                err.println("filmpalette palette: " + file + ": " + e.getMessage());
                err.flush();
                failed++;
                continue;
            }
            if (exportFormat == null) {
                out.print(listing(file, palette, chosen, config.k(), ansi));
                out.flush();
            } else {
                byte[] bytes = exportFormat.write(ExportPalette.of(file + " " + chosen.id(), "color", palette));
                if (exportFormat == ExportFormat.ASE) {
                    write(bytes);
                } else {
                    out.print(new String(bytes, StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        }
        return failed == 0 ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    private static String listing(String file, Palette palette, Algorithm chosen, int k, boolean ansi) {
        StringBuilder text = new StringBuilder(file).append("  (").append(chosen.id()).append(", k=")
                .append(k).append(")\n");
        for (Swatch swatch : palette.swatches()) {
            text.append("  ");
            if (ansi) {
                text.append(TerminalSwatches.ansi(swatch)).append(' ');
            }
            text.append(swatch.hex()).append(String.format(Locale.ROOT, "  %5.1f%%  ", 100 * swatch.share()))
                    .append(swatch.role() == null ? "" : swatch.role().id()).append('\n');
        }
        return text.toString();
    }

    private void write(byte[] bytes) {
        try {
            spec.commandLine().getOut().flush();
            stdout.write(bytes);
            stdout.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to stdout", e);
        }
    }
}
