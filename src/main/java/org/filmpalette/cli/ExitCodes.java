package org.filmpalette.cli;

import org.filmpalette.config.ConfigurationException;

import picocli.CommandLine;

/** The process exit codes of the CLI contract (docs/design.md §6). */
final class ExitCodes {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int BAD_CONFIGURATION = 2;

    private ExitCodes() {}

    /**
     * Bad configuration (a {@link ConfigurationException}, found before anything is written) and picocli's own
     * parameter errors are usage errors; anything else thrown, an {@code IllegalArgumentException} included, is a
     * failed job.
     */
    static int of(Throwable error) {
        return isBadUsage(error) ? BAD_CONFIGURATION : FAILED;
    }

    static boolean isBadUsage(Throwable error) {
        return error instanceof ConfigurationException || error instanceof CommandLine.ParameterException;
    }
}
