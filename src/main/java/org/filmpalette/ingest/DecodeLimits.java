package org.filmpalette.ingest;

import java.io.Serializable;
import java.time.Duration;

import org.filmpalette.config.JobSettings;

/**
 * What one file may cost the decoder: the bytes read ({@code maxFileBytes}, checked before reading and while
 * reading), the pixels its header may declare ({@code maxPixels}, checked before decoding) and the wall time
 * spent on it ({@code timeout}, checked while decoding). A file over a limit is rejected, never decoded further.
 *
 * @param maxPixels    the largest width × height a header may declare ({@link RejectReason#TOO_LARGE} above it)
 * @param maxFileBytes the largest file, in bytes ({@link RejectReason#FILE_TOO_LARGE} above it)
 * @param timeout      the longest a file may keep the decoder busy ({@link RejectReason#TIMEOUT} past it)
 */
public record DecodeLimits(long maxPixels, long maxFileBytes, Duration timeout) implements Serializable {

    public DecodeLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("Invalid maxPixels: " + maxPixels + " (must be at least 1)");
        }
        if (maxFileBytes < 1 || maxFileBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("Invalid maxFileBytes: " + maxFileBytes
                    + " (must be between 1 and " + (Integer.MAX_VALUE - 8) + ")");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Invalid timeout: " + timeout + " (must be positive)");
        }
    }

    /** {@code maxPixels} with the default file-size cap and timeout of {@link JobSettings}. */
    public static DecodeLimits ofPixels(long maxPixels) {
        return new DecodeLimits(maxPixels, JobSettings.MAX_FILE_BYTES.defaultValue(),
                Duration.ofSeconds(JobSettings.DECODE_TIMEOUT_SECONDS.defaultValue()));
    }

    /** Rejects a file whose listed size is over {@link #maxFileBytes}, before anything of it is read. */
    public void checkFileSize(long sizeBytes) throws FrameRejectedException {
        if (sizeBytes > maxFileBytes) {
            throw new FrameRejectedException(RejectReason.FILE_TOO_LARGE,
                    "file has " + sizeBytes + " bytes, limit " + maxFileBytes);
        }
    }
}
