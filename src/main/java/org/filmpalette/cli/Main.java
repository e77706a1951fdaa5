package org.filmpalette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/filmpalette} and of {@code spark-submit --class org.filmpalette.cli.Main}. Exit codes:
 * 0 done (rejected frames are not failures), 1 the job failed, 2 bad usage or configuration (nothing written).
 */
@Command(name = "filmpalette", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns film frame archives into color palettes.",
        subcommands = {RunCommand.class, SqlCommand.class, CompareCommand.class, ExportCommand.class,
            ReportCommand.class, MaintainCommand.class, EvaluateCommand.class, PaletteCommand.class, ServeCommand.class,
            SearchCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExitCodeExceptionMapper(ExitCodes::of)
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    commandLine.getErr().println("filmpalette: " + error.getMessage());
                    if (!(error instanceof IllegalArgumentException)) {
                        error.printStackTrace(commandLine.getErr());
                    }
                    commandLine.getErr().flush();
                    return ExitCodes.of(error);
                });
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: run, sql, compare, export, report, maintain, evaluate, palette, serve or search");
    }
}
