package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final long MAX_PIXELS = 200_000_000L;

    private final FrameDecoder decoder = new FrameDecoder(256, MAX_PIXELS);

    @Test
    void redBlueHalvesKeepRedLeftAndBlueRightWhenDownscaled() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.halves(1920, 800, 0xFF0000, 0x0000FF)));

        // 1920x800 → longer side 256, shorter side round(800·256/1920 = 106.67) = 107.
        assertEquals(1920, frame.sourceWidth());
        assertEquals(800, frame.sourceHeight());
        assertEquals(256, frame.width());
        assertEquals(107, frame.height());
        // Subsampled by 3 to 640 columns, then 2.5:1: column 127 ends exactly at source column 320.
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                assertEquals(x < 128 ? 0xFFFF0000 : 0xFF0000FF, frame.argbAt(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void portraitFrameGetsMaxSideAsHeight() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.halves(800, 1920, 0x00FF00, 0x00FF00)));

        assertEquals(107, frame.width());
        assertEquals(256, frame.height());
        assertTrue(Arrays.stream(frame.argb()).allMatch(p -> p == 0xFF00FF00));
    }

    @Test
    void frameWithinMaxSideIsKeptPixelForPixel() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.halves(100, 50, 0x123456, 0xABCDEF)));

        assertEquals(100, frame.width());
        assertEquals(50, frame.height());
        assertEquals(0xFF123456, frame.argbAt(49, 0));
        assertEquals(0xFFABCDEF, frame.argbAt(50, 49));
    }

    @Test
    void checkerAveragedTwoToOneIsMidGray() throws Exception {
        // 512 = 2·maxSide, so no decode-time subsampling (which would keep only black), then a 2:1 box filter:
        // every output pixel averages two black and two white pixels, 127.5, rounded half up to 128.
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.checker(512, 512)));

        assertEquals(256, frame.width());
        assertEquals(256, frame.height());
        assertTrue(Arrays.stream(frame.argb()).allMatch(p -> p == 0xFF808080),
                "first pixel " + Integer.toHexString(frame.argb()[0]));
    }

    @Test
    void subsamplingIsLargestFactorKeepingTwiceMaxSide() {
        assertEquals(1, FrameDecoder.subsampling(200, 256));
        assertEquals(1, FrameDecoder.subsampling(512, 256));
        assertEquals(1, FrameDecoder.subsampling(1022, 256)); // 2 would give 511
        assertEquals(2, FrameDecoder.subsampling(1023, 256)); // ceil(1023/2) = 512
        assertEquals(3, FrameDecoder.subsampling(1920, 256)); // 640; 4 would give 480
        assertEquals(23, FrameDecoder.subsampling(12000, 256)); // 522; 24 would give 500
        for (int side = 1; side < 5000; side += 7) {
            int s = FrameDecoder.subsampling(side, 100);
            if (side >= 200) {
                assertTrue(ceilDiv(side, s) >= 200 && ceilDiv(side, s + 1) < 200, "side " + side + " s " + s);
            }
        }
    }

    @Test
    void targetSizeKeepsAspectRoundingHalfUp() {
        assertArrayEquals(new int[] {256, 107}, FrameDecoder.targetSize(1920, 800, 256));
        assertArrayEquals(new int[] {256, 171}, FrameDecoder.targetSize(12000, 8000, 256));
        assertArrayEquals(new int[] {256, 256}, FrameDecoder.targetSize(1000, 1000, 256));
        assertArrayEquals(new int[] {256, 1}, FrameDecoder.targetSize(100_000, 10, 256));
        assertArrayEquals(new int[] {1, 256}, FrameDecoder.targetSize(1, 5000, 256));
        assertArrayEquals(new int[] {30, 20}, FrameDecoder.targetSize(30, 20, 256));
    }

    @Test
    void grayPngOfValue128StaysAt128() throws Exception {
        byte[] png8 = FrameFixtures.png(FrameFixtures.gray(40, 30, 8, 128));
        byte[] png16 = FrameFixtures.png(FrameFixtures.gray(40, 30, 16, 128 * 257));
        assertEquals(8, FrameFixtures.pngBitDepth(png8));
        assertEquals(16, FrameFixtures.pngBitDepth(png16));
        assertEquals(0, FrameFixtures.pngColorType(png16));

        for (byte[] png : new byte[][] {png8, png16}) {
            DecodedFrame frame = decode(png);
            assertTrue(Arrays.stream(frame.argb()).allMatch(p -> p == 0xFF808080),
                    "first pixel " + Integer.toHexString(frame.argb()[0]));
        }
    }

    @Test
    void downscaledSixteenBitGrayStaysAt128() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.gray(1000, 600, 16, 128 * 257)));

        assertEquals(256, frame.width());
        assertTrue(Arrays.stream(frame.argb()).allMatch(p -> p == 0xFF808080));
    }

    @Test
    void grayAlphaPngKeepsGrayAndAlpha() throws Exception {
        byte[] png = FrameFixtures.png(FrameFixtures.grayAlpha(4, 2, new int[][] {{128, 255}, {200, 0}, {10, 128}}));
        assertEquals(4, FrameFixtures.pngColorType(png));

        DecodedFrame frame = decode(png);

        assertArrayEquals(new int[] {0xFF808080, 0x00C8C8C8, 0x800A0A0A, 0xFF808080,
                0x00C8C8C8, 0x800A0A0A, 0xFF808080, 0x00C8C8C8}, frame.argb());
    }

    @Test
    void sixteenBitRgbPngScalesToEightBits() throws Exception {
        byte[] png = FrameFixtures.png(FrameFixtures.rgb16(10, 4,
                new int[] {65535, 128 * 257, 0}, new int[] {0, 0, 65535}));
        assertEquals(16, FrameFixtures.pngBitDepth(png));
        assertEquals(2, FrameFixtures.pngColorType(png));

        DecodedFrame frame = decode(png);

        assertEquals(0xFFFF8000, frame.argbAt(0, 0));
        assertEquals(0xFF0000FF, frame.argbAt(9, 3));
    }

    @Test
    void palettePngWithTransparencyDecodesEntries() throws Exception {
        int[] palette = {0xFFFF0000, 0x0000FF00, 0x800000FF, 0xFF102030};
        byte[] png = FrameFixtures.png(FrameFixtures.indexed(4, 3, palette));
        assertEquals(3, FrameFixtures.pngColorType(png));

        DecodedFrame frame = decode(png);

        for (int i = 0; i < 12; i++) {
            int expected = palette[i % palette.length];
            int actual = frame.argb()[i];
            // A fully transparent entry's color is irrelevant; its alpha must be 0.
            assertEquals(expected >>> 24 == 0 ? 0 : expected, expected >>> 24 == 0 ? actual >>> 24 : actual,
                    "pixel " + i + ": " + Integer.toHexString(actual));
        }
    }

    @Test
    void rgbaPngKeepsStraightAlpha() throws Exception {
        int[] pixels = {0xFFFF0000, 0xC800FF00, 0x7F0000FF, 0x00000000};
        byte[] png = FrameFixtures.png(FrameFixtures.argb(4, 1, pixels));
        assertEquals(6, FrameFixtures.pngColorType(png));

        assertArrayEquals(pixels, decode(png).argb());
    }

    @Test
    void ordinaryJpegDecodesCloseToItsColors() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.jpeg(FrameFixtures.halves(640, 480, 0xC86432, 0x3264C8), 0.95f));

        assertEquals(256, frame.width());
        assertEquals(192, frame.height());
        assertNear(0xC86432, frame.argbAt(10, 100), 6);
        assertNear(0x3264C8, frame.argbAt(245, 100), 6);
    }

    @Test
    void fullHdJpegIsDecodedFromItsCoefficientsToTheSameColors() throws Exception {
        byte[] jpeg = FrameFixtures.jpeg(FrameFixtures.halves(1920, 800, 0xC86432, 0x3264C8), 0.95f);

        DecodedFrame frame = decode(jpeg);

        // The reduced path: a quarter (480x200) from the DCT coefficients, then area-averaged to 256x107.
        assertEquals(1920, frame.sourceWidth());
        assertEquals(256, frame.width());
        assertEquals(107, frame.height());
        assertNear(0xC86432, frame.argbAt(10, 50), 2);
        assertNear(0xC86432, frame.argbAt(125, 50), 2);
        assertNear(0x3264C8, frame.argbAt(130, 50), 2);
        assertNear(0x3264C8, frame.argbAt(245, 100), 2);
    }

    @Test
    void truncatedFullHdJpegIsCorruptAsImageIoSaysIt() {
        byte[] jpeg = FrameFixtures.jpeg(FrameFixtures.checker(1920, 800), 0.9f);

        FrameRejectedException half = reject(Arrays.copyOf(jpeg, jpeg.length / 2));

        assertEquals(RejectReason.CORRUPT, half.reason());
        assertEquals("corrupt: Corrupt JPEG data: premature end of data segment", half.getMessage());
    }

    @Test
    void grayJpegOfValue128StaysNear128() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.jpeg(FrameFixtures.gray(64, 64, 8, 128), 0.95f));

        assertNear(0x808080, frame.argbAt(32, 32), 2);
    }

    @Test
    void cmykJpegIsConvertedToRoughlyTheRightColors() throws Exception {
        // C0 M100 Y100 K0 is a red, C100 M0 Y0 K0 a cyan, whatever the CMYK profile.
        byte[] jpeg = FrameFixtures.cmykJpeg(64, 32, new int[] {0, 100, 100, 0}, new int[] {100, 0, 0, 0});
        ImageReader jdkReader = ImageIO.getImageReadersByFormatName("jpeg").next();
        assertTrue(jdkReader.getClass().getName().startsWith("com.twelvemonkeys."),
                "first JPEG reader " + jdkReader.getClass().getName());

        DecodedFrame frame = decode(jpeg);

        int red = frame.argbAt(8, 16);
        int cyan = frame.argbAt(56, 16);
        assertEquals(0xFF, red >>> 24);
        assertTrue(r(red) > 200 && g(red) < 80 && b(red) < 80, "red came out " + Integer.toHexString(red));
        assertTrue(r(cyan) < 80 && g(cyan) > 150 && b(cyan) > 200, "cyan came out " + Integer.toHexString(cyan));
    }

    @Test
    void fullyTransparentPngDecodesAndSamplesToNothing() throws Exception {
        DecodedFrame frame = decode(FrameFixtures.png(FrameFixtures.argb(600, 300, 0x00FF0000, 0x7F00FF00)));

        assertEquals(256, frame.width());
        assertEquals(0, new PixelSampler(100).sample(frame, 1L).length);
    }

    @Test
    void zeroBytesAreAnEmptyFile() {
        FrameRejectedException e = reject(new byte[0]);

        assertEquals(RejectReason.EMPTY_FILE, e.reason());
        assertEquals("empty_file: file has 0 bytes", e.getMessage());
    }

    @Test
    void textIsNotAnImage() {
        FrameRejectedException e = reject("frame 42, see you tomorrow\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(RejectReason.NOT_AN_IMAGE, e.reason());
        assertEquals("not_an_image: no image reader recognises the bytes", e.getMessage());
    }

    @Test
    void hugePngHeaderIsTooLargeWithoutDecoding() {
        FrameRejectedException e = reject(FrameFixtures.pngHeader(100_000, 100_000));

        assertEquals(RejectReason.TOO_LARGE, e.reason());
        assertEquals("too_large: header says 100000x100000, limit 200000000 pixels", e.getMessage());
        assertEquals("header says 100000x100000, limit 200000000 pixels", e.detail());
    }

    @Test
    void pngWithMissingImageDataIsCorrupt() {
        FrameRejectedException e = reject(FrameFixtures.pngHeader(400, 300));

        assertEquals(RejectReason.CORRUPT, e.reason());
        assertTrue(e.getMessage().startsWith("corrupt: "), e.getMessage());
    }

    @Test
    void truncatedJpegIsCorrupt() {
        byte[] jpeg = FrameFixtures.jpeg(FrameFixtures.checker(640, 480), 0.9f);

        FrameRejectedException half = reject(Arrays.copyOf(jpeg, jpeg.length / 2));
        FrameRejectedException headerOnly = reject(Arrays.copyOf(jpeg, 300));

        assertEquals(RejectReason.CORRUPT, half.reason());
        assertEquals("corrupt: Corrupt JPEG data: premature end of data segment", half.getMessage());
        assertEquals(RejectReason.CORRUPT, headerOnly.reason());
        assertTrue(headerOnly.detail().startsWith("IIOException: "), headerOnly.detail());
    }

    @Test
    void failingStreamIsAReadError() {
        byte[] png = FrameFixtures.png(FrameFixtures.halves(300, 200, 0xFF0000, 0x0000FF));

        FrameRejectedException midway = assertThrows(FrameRejectedException.class,
                () -> decoder.decode(FrameFixtures.failingAfter(Arrays.copyOf(png, 100), "connection reset")));
        FrameRejectedException atOnce = assertThrows(FrameRejectedException.class,
                () -> decoder.decode(FrameFixtures.failingAfter(new byte[0], "no such block")));

        assertEquals(RejectReason.READ_ERROR, midway.reason());
        assertEquals("read_error: IOException: connection reset", midway.getMessage());
        assertEquals(RejectReason.READ_ERROR, atOnce.reason());
        assertEquals("read_error: IOException: no such block", atOnce.getMessage());
    }

    @Test
    void callerKeepsOwnershipOfTheStream() throws Exception {
        boolean[] closed = {false};
        ByteArrayInputStream png = new ByteArrayInputStream(FrameFixtures.png(FrameFixtures.gray(8, 8, 8, 1))) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        decoder.decode(png);
        assertThrows(FrameRejectedException.class, () -> decoder.decode(new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                closed[0] = true;
            }
        }));

        assertFalse(closed[0]);
    }

    @Test
    void invalidLimitsNameTheParameter() {
        IllegalArgumentException side = assertThrows(IllegalArgumentException.class, () -> new FrameDecoder(0, 10));
        IllegalArgumentException pixels = assertThrows(IllegalArgumentException.class,
                () -> new FrameDecoder(256, 0));

        assertEquals("Invalid maxSide: 0 (must be at least 1)", side.getMessage());
        assertEquals("Invalid maxPixels: 0 (must be at least 1)", pixels.getMessage());
    }

    private DecodedFrame decode(byte[] bytes) throws FrameRejectedException {
        return decoder.decode(new ByteArrayInputStream(bytes));
    }

    private FrameRejectedException reject(byte[] bytes) {
        return assertThrows(FrameRejectedException.class, () -> decode(bytes));
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static void assertNear(int expectedRgb, int actualArgb, int tolerance) {
        boolean near = Math.abs(r(expectedRgb) - r(actualArgb)) <= tolerance
                && Math.abs(g(expectedRgb) - g(actualArgb)) <= tolerance
                && Math.abs(b(expectedRgb) - b(actualArgb)) <= tolerance;
        assertTrue(near, "expected ~" + Integer.toHexString(expectedRgb) + " got " + Integer.toHexString(actualArgb));
    }

    private static int r(int rgb) {
        return (rgb >>> 16) & 0xFF;
    }

    private static int g(int rgb) {
        return (rgb >>> 8) & 0xFF;
    }

    private static int b(int rgb) {
        return rgb & 0xFF;
    }
}
