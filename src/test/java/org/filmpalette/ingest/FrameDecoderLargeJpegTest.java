package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.IIOImage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 96-megapixel JPEG decodes to a 256-pixel frame without a full-size raster: the heap the decode allocates is
 * measured and must stay far below the 288 MB a full 8-bit RGB raster of the file would take.
 */
class FrameDecoderLargeJpegTest {

    private static final int WIDTH = 12_000;
    private static final int HEIGHT = 8_000;
    private static final long FULL_RASTER_BYTES = 3L * WIDTH * HEIGHT;
    private static final long ALLOCATION_LIMIT = 64L << 20;

    @TempDir
    Path dir;

    @Test
    void hugeJpegDecodesSubsampledInLittleHeap() throws IOException, FrameRejectedException {
        Path file = dir.resolve("frame_12000x8000.jpg");
        writeQuadrantJpeg(file);
        FrameDecoder decoder = new FrameDecoder(256, 200_000_000L);
        System.gc();

        HeapProbe probe = new HeapProbe();
        long started = System.nanoTime();
        DecodedFrame frame;
        try (InputStream in = Files.newInputStream(file)) {
            frame = decoder.decode(in);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocated = probe.allocatedBytes();
        System.out.printf("12000x8000 JPEG (%d bytes) decoded to %dx%d in %d ms, allocating %.1f MB of heap"
                        + " (a full raster would be %.0f MB)%n",
                Files.size(file), frame.width(), frame.height(), millis, mb(allocated), mb(FULL_RASTER_BYTES));

        assertEquals(WIDTH, frame.sourceWidth());
        assertEquals(HEIGHT, frame.sourceHeight());
        assertEquals(256, frame.width());
        assertEquals(171, frame.height()); // round(8000·256/12000 = 170.67)
        assertNear(0xE03020, frame.argbAt(40, 40));
        assertNear(0x20A040, frame.argbAt(215, 40));
        assertNear(0x3050D0, frame.argbAt(40, 130));
        assertNear(0xF0F0F0, frame.argbAt(215, 130));
        assertTrue(allocated < ALLOCATION_LIMIT,
                "decode allocated " + mb(allocated) + " MB, limit " + mb(ALLOCATION_LIMIT) + " MB");
    }

    /** Four solid quadrants (red, green, blue, white) with a faint diagonal ramp, written at quality 0.8. */
    private void writeQuadrantJpeg(Path file) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int[] quadrants = {0xE03020, 0x20A040, 0x3050D0, 0xF0F0F0};
        for (int y = 0; y < HEIGHT; y++) {
            int row = y < HEIGHT / 2 ? 0 : 2;
            for (int x = 0; x < WIDTH; x++) {
                int rgb = quadrants[row + (x < WIDTH / 2 ? 0 : 1)];
                int ramp = ((x + y) >> 6) % 8 - 4;
                int i = 3 * (y * WIDTH + x);
                bgr[i] = (byte) clamp((rgb & 0xFF) + ramp);
                bgr[i + 1] = (byte) clamp(((rgb >> 8) & 0xFF) + ramp);
                bgr[i + 2] = (byte) clamp(((rgb >> 16) & 0xFF) + ramp);
            }
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            FrameFixtures.writeJpeg(new IIOImage(image, null, null), 0.8f, out);
        }
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    private static void assertNear(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int difference = Math.abs(((expected >> shift) & 0xFF) - ((actual >> shift) & 0xFF));
            assertTrue(difference <= 8,
                    "expected ~" + Integer.toHexString(expected) + " got " + Integer.toHexString(actual));
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    /**
     * Heap bytes the current thread allocates from construction on. ImageIO decodes on the calling thread, so this
     * bounds the heap the decode can have held at its peak, independently of when the collector runs (G1's pool
     * peaks are only updated at collections and miss short-lived arrays).
     */
    private static final class HeapProbe {
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final long threadId = Thread.currentThread().getId();
        private final long allocatedAtStart = threads.getThreadAllocatedBytes(threadId);

        long allocatedBytes() {
            return threads.getThreadAllocatedBytes(threadId) - allocatedAtStart;
        }
    }
}
