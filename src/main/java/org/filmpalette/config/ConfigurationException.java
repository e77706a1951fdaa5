package org.filmpalette.config;

/**
 * Bad usage or configuration found before anything is written: an unknown key, a bad value, a missing file or
 * table root named on the command line. The CLI reports its message as one line and exits with code 2; every other
 * exception is a failed run (exit 1, stack trace in the log).
 */
public class ConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** {@code message} names the flag or key and the bad value: {@code Invalid --k: 1 (must be between 2 and 64)}. */
    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
