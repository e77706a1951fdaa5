package org.filmpalette.store;

/** Another run holds the lock of the tables root; this run stops before touching anything (exit code 1). */
public final class TablesLockedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public TablesLockedException(String message) {
        super(message);
    }
}
