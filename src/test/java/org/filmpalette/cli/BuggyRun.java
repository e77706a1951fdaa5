package org.filmpalette.cli;

import org.filmpalette.store.CommitObserver;

import picocli.CommandLine;

/**
 * A child JVM's {@code filmpalette} whose {@code run} throws an {@link IllegalArgumentException} once everything is
 * written on the run's branches, as a bug mid-run would; every other part is the production command line.
 * Arguments: those of {@code filmpalette}.
 */
public final class BuggyRun {

    static final String BUG = "a bug thrown mid-run";

    private BuggyRun() {}

    public static void main(String[] args) {
        System.exit(Main.commandLine(new BuggyRunFactory()).execute(args));
    }

    private static final class BuggyRunFactory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == RunCommand.class) {
                return type.cast(new RunCommand(new CommitObserver() {
                    @Override
                    public void written(String runId) {
                        throw new IllegalArgumentException(BUG);
                    }
                }));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
