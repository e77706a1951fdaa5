package org.filmpalette.cli;

import picocli.CommandLine;

/** The process exit codes of the CLI contract (docs/design.md §6). */
final class ExitCodes {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_CONFIGURATION = 2;

    private ExitCodes() {}

    /** Bad input found before anything ran is a usage error; anything else thrown is a failed job. */
    static int of(Throwable error) {
        boolean badUsage = error instanceof IllegalArgumentException || error instanceof CommandLine.ParameterException;
        return badUsage ? BAD_CONFIGURATION : FAILED;
    }
}
