package org.filmpalette.store;

/** Another run committed to the tables while this one ran; this run publishes nothing more (exit code 1). */
public final class ConcurrentRunException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public ConcurrentRunException(String message, Throwable cause) {
        super(message, cause);
    }
}
