package org.filmpalette.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.filmpalette.testing.SharedSpark;

import picocli.CommandLine;

/** Runs the CLI in-process, as {@code bin/filmpalette} would, on the shared test session. */
final class Cli {

    private Cli() {}

    /** Exit code and captured stdout and stderr of one invocation. */
    record Result(int exitCode, String out, String err) {}

    static Result run(String... args) {
        SharedSpark.session();
        CommandLine commandLine = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
