package org.filmpalette.cli;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code bin/filmpalette} and of {@code spark-submit --class org.filmpalette.cli.Main}. Exit codes:
 * 0 done (rejected frames are not failures), 1 the job failed (its stack trace in the log), 2 bad usage or
 * configuration (one line, nothing written).
 */
@Command(name = "filmpalette", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Turns film frame archives into color palettes.",
        subcommands = {RunCommand.class, SqlCommand.class, CompareCommand.class, ExportCommand.class,
            ReportCommand.class, MaintainCommand.class, EvaluateCommand.class, PaletteCommand.class, ServeCommand.class,
            SearchCommand.class})
public final class Main implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return commandLine(CommandLine.defaultFactory());
    }

    /** The configured command line whose commands {@code factory} creates: the seam for a command's collaborators. */
    public static CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(new Main(), factory)
                .setExitCodeExceptionMapper(ExitCodes::of)
                .setExecutionExceptionHandler((error, commandLine, parsed) -> {
                    report(error, commandLine);
                    return ExitCodes.of(error);
                });
    }

    /** Bad usage is its message alone; a failure is logged with its stack trace and named in one line on stderr. */
    private static void report(Exception error, CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        if (ExitCodes.isBadUsage(error)) {
            err.println("filmpalette: " + error.getMessage());
        } else {
            LOG.error("filmpalette {} failed", commandLine.getCommandName(), error);
            err.println("filmpalette: " + (error.getMessage() == null ? error.toString() : error.getMessage())
                    + " (" + error.getClass().getName() + "; stack trace in the log)");
        }
        err.flush();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing command: run, sql, compare, export, report, maintain, evaluate, palette, serve or search");
    }
}
