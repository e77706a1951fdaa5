package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Each file is bounded: bytes read, pixels declared, and time spent decoding it. */
class FrameDecoderLimitsTest {

    private static final long PIXELS = 100_000_000L;

    @Test
    void fileOverTheSizeCapIsRejectedBeforeItIsRead() {
        DecodeLimits limits = new DecodeLimits(PIXELS, 1000, Duration.ofSeconds(30));
        FrameRejectedException e = assertThrows(FrameRejectedException.class, () -> limits.checkFileSize(1001));
        assertEquals("file_too_large: file has 1001 bytes, limit 1000", e.getMessage());
    }

    @Test
    void streamLongerThanTheCapIsRejectedAsItReads() {
        FrameDecoder decoder = new FrameDecoder(64, new DecodeLimits(PIXELS, 100_000, Duration.ofSeconds(30)));
        byte[] png = FrameFixtures.png(noise(400, 300, 1));
        assertTrue(png.length > 100_000, "fixture is " + png.length + " bytes");

        FrameRejectedException e = assertThrows(FrameRejectedException.class,
                () -> decoder.decode(new ByteArrayInputStream(png)));
        assertEquals("file_too_large: file has more than 100000 bytes", e.getMessage());
    }

    @Test
    void slowImageIoDecodeIsStoppedAtItsDeadline() {
        // 12 Mpx: inflating and unfiltering it alone takes far longer than 20 ms.
        byte[] png = FrameFixtures.png(gradient(4000, 3000));
        FrameDecoder decoder = new FrameDecoder(256, new DecodeLimits(PIXELS, 512L << 20, Duration.ofMillis(20)));

        FrameRejectedException e = assertThrows(FrameRejectedException.class,
                () -> decoder.decode(new ByteArrayInputStream(png)));
        assertEquals(RejectReason.TIMEOUT, e.reason());
        assertEquals("timeout: decoding took over 20 ms", e.getMessage());
    }

    @Test
    void slowJpegDecodeIsStoppedAtItsDeadline() {
        // 4096x4096 takes the DCT-domain path at maxSide 1024, which polls the deadline per MCU row.
        byte[] jpeg = FrameFixtures.jpeg(noise(4096, 4096, 3), 0.95f);
        FrameDecoder decoder = new FrameDecoder(1024, new DecodeLimits(PIXELS, 512L << 20, Duration.ofMillis(5)));

        FrameRejectedException e = assertThrows(FrameRejectedException.class,
                () -> decoder.decode(new ByteArrayInputStream(jpeg)));
        assertEquals(RejectReason.TIMEOUT, e.reason());
    }

    @Test
    void storageClientFailingUncheckedIsAReadError() {
        FrameDecoder decoder = new FrameDecoder(64, PIXELS);
        InputStream broken = new InputStream() {
            @Override
            public int read() {
                throw new IllegalStateException("connection pool shut down");
            }
        };
        FrameRejectedException e = assertThrows(FrameRejectedException.class, () -> decoder.decode(broken));
        assertEquals("read_error: IllegalStateException: connection pool shut down", e.getMessage());
    }

    @Test
    void unexpectedFailureNamesTheExceptionAndWhereItWasThrown() {
        FrameRejectedException e = FrameDecoder.unexpected(new IllegalStateException("broken invariant"));
        assertEquals(RejectReason.INTERNAL_ERROR, e.reason());
        assertTrue(e.detail().startsWith("IllegalStateException: broken invariant at FrameDecoderLimitsTest."
                + "unexpectedFailureNamesTheExceptionAndWhereItWasThrown(FrameDecoderLimitsTest.java:"), e.detail());
    }

    @Test
    void errorsOfTheJvmAreNotTurnedIntoRejects() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertEquals(oom, assertThrows(OutOfMemoryError.class, () -> FrameDecoder.unexpected(oom)));
        NoClassDefFoundError missing = new NoClassDefFoundError("com/example/Plugin");
        assertEquals(missing, assertThrows(NoClassDefFoundError.class, () -> FrameDecoder.unexpected(missing)));
    }

    private static BufferedImage gradient(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = (x & 255) << 16 | (y & 255) << 8 | (x + y) & 255;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    private static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = random.nextInt(1 << 24);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }
}
