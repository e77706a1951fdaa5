package org.filmpalette.store;

/**
 * Notified at the points of a run's commit where a crash matters; the test seam for killing a run there.
 * Production runs use {@link #NONE}.
 */
public interface CommitObserver {

    /** Does nothing. */
    CommitObserver NONE = new CommitObserver() {};

    /** Everything is written on the run's branches and nothing is published yet. */
    default void written(String runId) {}

    /** {@code table}'s main branch now holds this run's rows; the tables after it do not yet. */
    default void published(String runId, Table table) {}
}
