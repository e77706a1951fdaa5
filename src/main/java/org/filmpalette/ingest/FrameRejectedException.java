package org.filmpalette.ingest;

import java.util.Objects;

/**
 * A frame that cannot be turned into pixels, with the {@link RejectReason} and a short one-line detail. The message
 * is {@code code + ": " + detail} (e.g. {@code too_large: header says 100000x100000, limit 200000000 pixels}) and is
 * what lands in the {@code frames} table. Rejections are expected outcomes, not bugs, so no stack trace is captured.
 */
public final class FrameRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String detail;

    /** A rejection for {@code reason}; {@code detail} should be one short line without a stack trace. */
    public FrameRejectedException(RejectReason reason, String detail) {
        super(Objects.requireNonNull(reason, "reason").code() + ": " + Objects.requireNonNull(detail, "detail"),
                null, false, false);
        this.reason = reason;
        this.detail = detail;
    }

    /** Why the frame was rejected. */
    public RejectReason reason() {
        return reason;
    }

    /** The one-line detail, without the reason code. */
    public String detail() {
        return detail;
    }
}
