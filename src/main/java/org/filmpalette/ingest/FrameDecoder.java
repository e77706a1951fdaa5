package org.filmpalette.ingest;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

import org.filmpalette.ingest.jpeg.JpegFormatException;
import org.filmpalette.ingest.jpeg.ReducedJpegDecoder;

/**
 * Decodes one frame file into a small sRGB {@link DecodedFrame}, or says why it cannot with a
 * {@link FrameRejectedException}.
 *
 * <p>Common JPEGs at least four times {@code maxSide} long (HD frames and up) take the fast path: they are decoded
 * from their DCT coefficients straight to a quarter of their size ({@link ReducedJpegDecoder}, about twice as fast as
 * ImageIO's full decode), then area-averaged to {@code maxSide}. Everything else, and any JPEG that path refuses
 * (progressive, CMYK, ICC profile, damaged data), goes through ImageIO with the bytes already read.
 *
 * <p>Memory stays bounded by the output size, not the file's: the header is read first and anything over
 * {@code maxPixels} is rejected as {@link RejectReason#TOO_LARGE} without decoding; otherwise the reader subsamples
 * while decoding ({@link ImageReadParam#setSourceSubsampling}) by the largest integer factor that keeps the longer
 * side at least {@code 2·maxSide}, and an area-averaging filter brings the longer side to exactly {@code maxSide}.
 * Images whose longer side is already at most {@code maxSide} are returned as they are.
 *
 * <p>Colors: palette, RGB(A) and 16-bit images go through their color model to sRGB; gray images are read from the
 * raster and scaled by bit depth (gray 128 stays 128, unlike {@code getRGB} on the JDK's linear gray space); images
 * in other color spaces (ICC profiles) are converted with {@link ColorConvertOp}; CMYK/YCCK JPEGs are converted by
 * the TwelveMonkeys JPEG reader, which the class registers ahead of the JDK's.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class FrameDecoder {

    static {
        // Disk caching would write every frame to java.io.tmpdir; plugins on the task's class path (TwelveMonkeys)
        // must be registered so they win over the JDK's JPEG reader.
        ImageIO.setUseCache(false);
        ImageIO.scanForPlugins();
    }

    private static final int MAX_DETAIL_LENGTH = 200;

    private final int maxSide;
    private final long maxPixels;

    /**
     * A decoder producing frames whose longer side is at most {@code maxSide} pixels, rejecting files whose header
     * declares more than {@code maxPixels} pixels.
     */
    public FrameDecoder(int maxSide, long maxPixels) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("Invalid maxSide: " + maxSide + " (must be at least 1)");
        }
        if (maxPixels < 1) {
            throw new IllegalArgumentException("Invalid maxPixels: " + maxPixels + " (must be at least 1)");
        }
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /** The longest side, in pixels, of decoded frames. */
    public int maxSide() {
        return maxSide;
    }

    /** The largest width × height a file's header may declare. */
    public long maxPixels() {
        return maxPixels;
    }

    /**
     * Decodes the image in {@code in}. The stream is read, not closed: the caller owns it.
     *
     * @throws FrameRejectedException with the reason the frame cannot be used; I/O failures of {@code in} become
     *                                {@link RejectReason#READ_ERROR}
     */
    public DecodedFrame decode(InputStream in) throws FrameRejectedException {
        FailureRecordingStream source = new FailureRecordingStream(Objects.requireNonNull(in, "in"));
        PushbackInputStream bytes = new PushbackInputStream(source, 1);
        int first;
        try {
            first = bytes.read();
            if (first < 0) {
                throw new FrameRejectedException(RejectReason.EMPTY_FILE, "file has 0 bytes");
            }
            bytes.unread(first);
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(e));
        }
        InputStream complete = bytes;
        try {
            if (first == 0xFF) {
                Reduced reduced = decodeReduced(bytes);
                if (reduced.frame != null) {
                    return reduced.frame;
                }
                complete = reduced.replay(bytes);
            }
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR,
                    summary(source.failure != null ? source.failure : e));
        }
        ImageInputStream stream;
        try {
            stream = ImageIO.createImageInputStream(complete);
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(e));
        }
        if (stream == null) {
            throw new IllegalStateException("No ImageInputStream provider for InputStream");
        }
        try {
            ImageReader reader = findReader(stream, source);
            try {
                return decode(reader, stream, source);
            } finally {
                reader.dispose();
            }
        } finally {
            closeQuietly(stream);
        }
    }

    /**
     * Decodes the common JPEGs from their DCT coefficients at a quarter of their size ({@link ReducedJpegDecoder}),
     * when that quarter still has a longer side of at least {@code maxSide} (and at most 4·{@code maxSide}, which
     * bounds memory). Anything else, damaged data included, comes back as the bytes read so far, for ImageIO.
     */
    private Reduced decodeReduced(InputStream in) throws IOException, FrameRejectedException {
        ByteArrayOutputStream header = new ByteArrayOutputStream(4096);
        ReducedJpegDecoder.Prelude prelude;
        try {
            prelude = ReducedJpegDecoder.readPrelude(in, header);
        } catch (JpegFormatException | EOFException e) {
            return new Reduced(null, header.toByteArray(), null);
        }
        checkSize(prelude.width(), prelude.height());
        int longSide = ReducedJpegDecoder.reducedSide(Math.max(prelude.width(), prelude.height()));
        if (longSide < maxSide || longSide > 4L * maxSide) {
            return new Reduced(null, prelude.bytes(), null);
        }
        byte[] entropy = in.readAllBytes();
        int[] argb;
        try {
            argb = ReducedJpegDecoder.decode(prelude, entropy);
        } catch (JpegFormatException e) {
            return new Reduced(null, prelude.bytes(), entropy);
        }
        int width = ReducedJpegDecoder.reducedSide(prelude.width());
        int height = ReducedJpegDecoder.reducedSide(prelude.height());
        int[] size = targetSize(prelude.width(), prelude.height(), maxSide);
        argb = AreaResampler.resample(argb, width, height, size[0], size[1]);
        return new Reduced(new DecodedFrame(prelude.width(), prelude.height(), size[0], size[1], argb), null, null);
    }

    /** What {@link #decodeReduced} made of a file: the frame, or the bytes it read for the complete decoder. */
    private record Reduced(DecodedFrame frame, byte[] header, byte[] rest) {

        InputStream replay(InputStream unread) {
            InputStream read = new ByteArrayInputStream(header);
            return new SequenceInputStream(read, rest == null ? unread : new ByteArrayInputStream(rest));
        }
    }

    private DecodedFrame decode(ImageReader reader, ImageInputStream stream, FailureRecordingStream source)
            throws FrameRejectedException {
        DataLossWarnings warnings = new DataLossWarnings();
        int sourceWidth;
        int sourceHeight;
        BufferedImage image;
        try {
            reader.setInput(stream, true, true);
            reader.addIIOReadWarningListener(warnings);
            sourceWidth = reader.getWidth(0);
            sourceHeight = reader.getHeight(0);
            checkSize(sourceWidth, sourceHeight);
            ImageReadParam param = reader.getDefaultReadParam();
            int factor = subsampling(Math.max(sourceWidth, sourceHeight), maxSide);
            if (factor > 1) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw rejection(e, source);
        }
        if (source.failure != null) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(source.failure));
        }
        if (warnings.first != null) {
            throw new FrameRejectedException(RejectReason.CORRUPT, oneLine(warnings.first));
        }
        int[] argb;
        try {
            argb = toSrgb(image);
        } catch (RuntimeException e) {
            ColorModel model = image.getColorModel();
            throw new FrameRejectedException(RejectReason.UNSUPPORTED_IMAGE, "cannot convert "
                    + model.getClass().getSimpleName() + " with " + model.getNumComponents() + " components to sRGB: "
                    + summary(e));
        }
        int[] size = targetSize(sourceWidth, sourceHeight, maxSide);
        int width = image.getWidth();
        int height = image.getHeight();
        if (size[0] != width || size[1] != height) {
            argb = AreaResampler.resample(argb, width, height, size[0], size[1]);
        }
        return new DecodedFrame(sourceWidth, sourceHeight, size[0], size[1], argb);
    }

    private void checkSize(int width, int height) throws FrameRejectedException {
        if (width < 1 || height < 1) {
            throw new FrameRejectedException(RejectReason.CORRUPT, "header says " + width + "x" + height);
        }
        if ((long) width * height > maxPixels) {
            throw new FrameRejectedException(RejectReason.TOO_LARGE,
                    "header says " + width + "x" + height + ", limit " + maxPixels + " pixels");
        }
    }

    /** The first registered reader (in ImageIO's plugin order) whose provider accepts the stream. */
    private static ImageReader findReader(ImageInputStream stream, FailureRecordingStream source)
            throws FrameRejectedException {
        Iterator<ImageReaderSpi> providers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            boolean accepted;
            try {
                accepted = provider.canDecodeInput(stream);
            } catch (IOException e) {
                if (source.failure != null) {
                    throw new FrameRejectedException(RejectReason.READ_ERROR, summary(source.failure));
                }
                accepted = false;
            }
            if (accepted) {
                try {
                    return provider.createReaderInstance();
                } catch (IOException | RuntimeException e) {
                    throw new FrameRejectedException(RejectReason.UNSUPPORTED_IMAGE,
                            provider.getDescription(Locale.ROOT) + " unavailable: " + summary(e));
                }
            }
        }
        if (source.failure != null) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(source.failure));
        }
        throw new FrameRejectedException(RejectReason.NOT_AN_IMAGE, "no image reader recognises the bytes");
    }

    private static FrameRejectedException rejection(Exception e, FailureRecordingStream source) {
        if (source.failure != null) {
            return new FrameRejectedException(RejectReason.READ_ERROR, summary(source.failure));
        }
        if (isUnsupported(e)) {
            return new FrameRejectedException(RejectReason.UNSUPPORTED_IMAGE, summary(e));
        }
        return new FrameRejectedException(RejectReason.CORRUPT, summary(e));
    }

    /** Readers signal formats they know but cannot decode with "Unsupported ..." messages (JDK and TwelveMonkeys). */
    private static boolean isUnsupported(Exception e) {
        if (e instanceof UnsupportedOperationException) {
            return true;
        }
        String message = e.getMessage();
        return e instanceof IIOException && message != null
                && message.toLowerCase(Locale.ROOT).contains("unsupported");
    }

    /**
     * The largest integer subsampling factor {@code s ≥ 1} whose subsampled longer side, {@code ceil(longSide / s)},
     * is still at least {@code 2·maxSide}; 1 when the image is already smaller than that.
     */
    static int subsampling(int longSide, int maxSide) {
        long target = 2L * maxSide;
        if (longSide <= target) {
            return 1;
        }
        // ceil(L / s) >= T  <=>  s·(T - 1) < L  <=>  s <= (L - 1) / (T - 1)
        return (int) Math.max(1L, (longSide - 1L) / (target - 1L));
    }

    /**
     * The output size for a {@code width × height} source: unchanged when the longer side is at most
     * {@code maxSide}; otherwise the longer side becomes {@code maxSide} and the shorter one keeps the aspect ratio,
     * rounded half up, at least 1.
     */
    public static int[] targetSize(int width, int height, int maxSide) {
        if (Math.max(width, height) <= maxSide) {
            return new int[] {width, height};
        }
        if (width >= height) {
            return new int[] {maxSide, scaledSide(height, width, maxSide)};
        }
        return new int[] {scaledSide(width, height, maxSide), maxSide};
    }

    private static int scaledSide(int shortSide, int longSide, int maxSide) {
        long rounded = (2L * shortSide * maxSide + longSide) / (2L * longSide);
        return (int) Math.max(1L, rounded);
    }

    /** The image as packed non-premultiplied sRGB {@code 0xAARRGGBB}, row-major. */
    static int[] toSrgb(BufferedImage image) {
        ColorModel model = image.getColorModel();
        int width = image.getWidth();
        int height = image.getHeight();
        if (isGrayComponents(model)) {
            return grayToArgb(image.getRaster(), model);
        }
        if (model instanceof IndexColorModel || model.getColorSpace().isCS_sRGB()) {
            return image.getRGB(0, 0, width, height, null, 0, width);
        }
        BufferedImage srgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        new ColorConvertOp(null).filter(image, srgb);
        return ((DataBufferInt) srgb.getRaster().getDataBuffer()).getData();
    }

    private static boolean isGrayComponents(ColorModel model) {
        int type = model.getTransferType();
        return model instanceof ComponentColorModel
                && model.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_INT);
    }

    /**
     * Gray samples taken as sRGB-encoded gray (as browsers do), scaled from their bit depth to 0–255, instead of
     * {@code getRGB}, which treats the JDK's gray space as linear and brightens every mid-tone.
     */
    private static int[] grayToArgb(Raster raster, ColorModel model) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        long grayMax = (1L << model.getComponentSize(0)) - 1;
        boolean hasAlpha = model.hasAlpha();
        int alphaBand = model.getNumComponents() - 1;
        long alphaMax = hasAlpha ? (1L << model.getComponentSize(alphaBand)) - 1 : 1;
        boolean premultiplied = hasAlpha && model.isAlphaPremultiplied();
        int[] gray = new int[width];
        int[] alpha = new int[width];
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            raster.getSamples(0, y, width, 1, 0, gray);
            if (hasAlpha) {
                raster.getSamples(0, y, width, 1, alphaBand, alpha);
            }
            for (int x = 0; x < width; x++) {
                long a = hasAlpha ? alpha[x] & 0xFFFFFFFFL : alphaMax;
                long g = gray[x] & 0xFFFFFFFFL;
                if (premultiplied) {
                    g = a == 0 ? 0 : Math.min(grayMax, (g * alphaMax + a / 2) / a);
                }
                int a8 = scaleTo8Bits(a, alphaMax);
                int g8 = scaleTo8Bits(g, grayMax);
                out[y * width + x] = a8 << 24 | g8 * 0x010101;
            }
        }
        return out;
    }

    private static int scaleTo8Bits(long value, long max) {
        return (int) Math.min(255L, (value * 510 + max) / (2 * max));
    }

    private static String summary(Throwable e) {
        String text = e.getClass().getSimpleName();
        if (e.getMessage() != null) {
            text += ": " + e.getMessage();
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            text += " (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
        }
        return oneLine(text);
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_DETAIL_LENGTH ? line : line.substring(0, MAX_DETAIL_LENGTH - 3) + "...";
    }

    private static void closeQuietly(ImageInputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // Only the in-memory cache is released here; the caller closes the underlying stream.
        }
    }

    /**
     * Keeps the first reader warning that means image data is missing. libjpeg does not fail on a truncated JPEG:
     * it warns "Premature end of JPEG file" / "premature end of data segment" and paints the rest gray. Benign
     * warnings (extraneous bytes before a marker, a missing EOI after complete data, no ICC profile) are ignored.
     */
    private static final class DataLossWarnings implements IIOReadWarningListener {
        private String first;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            if (first == null && warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                first = warning;
            }
        }
    }

    /**
     * Remembers an {@link IOException} thrown by the caller's stream, so a failure of the storage is reported as
     * {@link RejectReason#READ_ERROR} even when a reader wraps or swallows it.
     */
    private static final class FailureRecordingStream extends FilterInputStream {
        private IOException failure;

        FailureRecordingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return super.available();
            } catch (IOException e) {
                throw recorded(e);
            }
        }

        @Override
        public void close() {
            // The caller owns the stream.
        }

        private IOException recorded(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
