package org.filmpalette.ingest.jpeg;

/**
 * A JPEG this package does not decode: an unsupported variant or damaged data. The caller falls back to a complete
 * decoder, which decodes the file or says precisely what is wrong with it.
 */
public final class JpegFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public JpegFormatException(String message) {
        super(message);
    }
}
