package org.filmpalette.ingest;

/**
 * Why a frame got no palette. The {@link #code()} is written to the {@code reason} column of the {@code frames}
 * table, so codes are stable snake_case strings: rename a constant if you must, never its code.
 */
public enum RejectReason {

    /** The file has zero bytes. */
    EMPTY_FILE("empty_file"),
    /** No ImageIO reader recognises the bytes. */
    NOT_AN_IMAGE("not_an_image"),
    /** A reader recognises the format but cannot decode this color model or variant. */
    UNSUPPORTED_IMAGE("unsupported_image"),
    /** The header's width × height exceeds the pixel limit; the pixels were never decoded. */
    TOO_LARGE("too_large"),
    /** Decoding failed: broken header or data, truncated file. */
    CORRUPT("corrupt"),
    /** The frame decoded but has no pixel with alpha of at least 50 %. */
    TRANSPARENT("transparent"),
    /** Reading the file's bytes failed (the storage, not the image, is at fault). */
    READ_ERROR("read_error"),
    /** The file is bigger than the file-size limit ({@code filmpalette.max-file-bytes}); it was never read. */
    FILE_TOO_LARGE("file_too_large"),
    /** Decoding kept going past the per-file deadline ({@code filmpalette.decode-timeout-seconds}) and was stopped. */
    TIMEOUT("timeout"),
    /**
     * Something failed on this file that no reason above describes: a defect in a decoder or in filmpalette, not
     * necessarily in the file. The detail names the exception and where it was thrown.
     */
    INTERNAL_ERROR("internal_error");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable snake_case code stored in tables, e.g. {@code too_large}. */
    public String code() {
        return code;
    }
}
