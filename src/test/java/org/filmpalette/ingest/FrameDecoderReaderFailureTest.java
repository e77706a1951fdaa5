package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.IIOException;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How failures thrown by an ImageIO reader become reject reasons. A stub reader, registered for files starting with
 * {@code FPSTUB} + one letter, throws on demand, as readers do on broken files.
 */
class FrameDecoderReaderFailureTest {

    private static final String MAGIC = "FPSTUB";
    private static final StubReaderSpi SPI = new StubReaderSpi();
    private static final AtomicInteger DISPOSED = new AtomicInteger();

    private final FrameDecoder decoder = new FrameDecoder(256, 1_000_000);

    @BeforeAll
    static void registerStub() {
        new FrameDecoder(1, 1); // runs the decoder's plugin scan first, so the stub stays registered
        IIORegistry.getDefaultInstance().registerServiceProvider(SPI, ImageReaderSpi.class);
    }

    @AfterAll
    static void deregisterStub() {
        IIORegistry.getDefaultInstance().deregisterServiceProvider(SPI, ImageReaderSpi.class);
    }

    @BeforeEach
    void resetCount() {
        DISPOSED.set(0);
    }

    @Test
    void runtimeExceptionFromReaderIsCorrupt() {
        FrameRejectedException e = reject('A');

        assertEquals(RejectReason.CORRUPT, e.reason());
        assertEquals("corrupt: ArrayIndexOutOfBoundsException: Index 4096 out of bounds for length 4096",
                e.getMessage());
        assertEquals(1, DISPOSED.get());
    }

    @Test
    void runtimeExceptionWhileReadingHeaderIsCorrupt() {
        FrameRejectedException e = reject('H');

        assertEquals(RejectReason.CORRUPT, e.reason());
        assertEquals("corrupt: NegativeArraySizeException: -3", e.getMessage());
        assertEquals(1, DISPOSED.get());
    }

    @Test
    void unsupportedImageTypeIsUnsupported() {
        FrameRejectedException e = reject('U');

        assertEquals(RejectReason.UNSUPPORTED_IMAGE, e.reason());
        assertEquals("unsupported_image: IIOException: Unsupported Image Type", e.getMessage());
    }

    @Test
    void ioExceptionInsideReaderIsCorruptWhenTheFileReadFine() {
        FrameRejectedException e = reject('E');

        assertEquals(RejectReason.CORRUPT, e.reason());
        assertEquals("corrupt: IIOException: Error reading image data (EOFException)", e.getMessage());
    }

    @Test
    void outOfMemoryErrorIsNotCaught() {
        assertThrows(OutOfMemoryError.class, () -> decoder.decode(stubFile('O')));
        assertEquals(1, DISPOSED.get());
    }

    @Test
    void multiLineMessagesBecomeOneShortLine() {
        FrameRejectedException e = reject('L');

        assertTrue(e.detail().startsWith("IllegalStateException: first line second line xxx"), e.detail());
        assertEquals(200, e.detail().length());
        assertTrue(e.detail().endsWith("..."));
    }

    private FrameRejectedException reject(char behavior) {
        return assertThrows(FrameRejectedException.class, () -> decoder.decode(stubFile(behavior)));
    }

    private static ByteArrayInputStream stubFile(char behavior) {
        return new ByteArrayInputStream((MAGIC + behavior + "padding").getBytes(StandardCharsets.US_ASCII));
    }

    private static final class StubReaderSpi extends ImageReaderSpi {
        StubReaderSpi() {
            inputTypes = STANDARD_INPUT_TYPE;
            pluginClassName = StubReader.class.getName();
            names = new String[] {"fpstub"};
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            ImageInputStream stream = (ImageInputStream) source;
            byte[] head = new byte[MAGIC.length()];
            stream.mark();
            try {
                stream.readFully(head);
            } catch (IOException e) {
                return false;
            } finally {
                stream.reset();
            }
            return MAGIC.equals(new String(head, StandardCharsets.US_ASCII));
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            return new StubReader(this);
        }

        @Override
        public String getDescription(Locale locale) {
            return "filmpalette test stub";
        }
    }

    private static final class StubReader extends ImageReader {
        StubReader(ImageReaderSpi spi) {
            super(spi);
        }

        private char behavior() throws IOException {
            ImageInputStream stream = (ImageInputStream) getInput();
            stream.seek(MAGIC.length());
            return (char) stream.read();
        }

        @Override
        public int getNumImages(boolean allowSearch) {
            return 1;
        }

        @Override
        public int getWidth(int imageIndex) throws IOException {
            if (behavior() == 'H') {
                throw new NegativeArraySizeException("-3");
            }
            return 10;
        }

        @Override
        public int getHeight(int imageIndex) {
            return 10;
        }

        @Override
        public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
            return java.util.List.of(ImageTypeSpecifier.createFromRenderedImage(
                    new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB))).iterator();
        }

        @Override
        public IIOMetadata getStreamMetadata() {
            return null;
        }

        @Override
        public IIOMetadata getImageMetadata(int imageIndex) {
            return null;
        }

        @Override
        public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
            switch (behavior()) {
                case 'A' -> throw new ArrayIndexOutOfBoundsException("Index 4096 out of bounds for length 4096");
                case 'U' -> throw new IIOException("Unsupported Image Type");
                case 'E' -> throw new IIOException("Error reading image data", new java.io.EOFException());
                case 'O' -> throw new OutOfMemoryError("Java heap space");
                case 'L' -> throw new IllegalStateException("first line\nsecond line " + "x".repeat(500));
                default -> {
                    return new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
                }
            }
        }

        @Override
        public void dispose() {
            DISPOSED.incrementAndGet();
        }
    }
}
