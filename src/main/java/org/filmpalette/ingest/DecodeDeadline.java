package org.filmpalette.ingest;

import java.io.IOException;
import java.time.Duration;

/**
 * The moment by which one file's decoding must be done. The decoders poll it (per JPEG MCU row, per ImageIO
 * progress report, per read of the file's bytes), so a file that keeps them busy ends as
 * {@link RejectReason#TIMEOUT} instead of holding a task.
 */
final class DecodeDeadline {

    private final long startNanos = System.nanoTime();
    private final long budgetNanos;

    DecodeDeadline(Duration budget) {
        this.budgetNanos = budget.toNanos();
    }

    boolean passed() {
        return System.nanoTime() - startNanos > budgetNanos;
    }

    /** Throws {@link Passed} once the deadline has passed: readers stop at the next byte they ask for. */
    void check() throws Passed {
        if (passed()) {
            throw new Passed();
        }
    }

    FrameRejectedException rejection() {
        return new FrameRejectedException(RejectReason.TIMEOUT,
                "decoding took over " + Duration.ofNanos(budgetNanos).toMillis() + " ms");
    }

    /** Thrown into a reader by the file's stream once the deadline has passed. */
    static final class Passed extends IOException {
        private static final long serialVersionUID = 1L;

        Passed() {
            super("decode deadline passed", null);
        }
    }
}
