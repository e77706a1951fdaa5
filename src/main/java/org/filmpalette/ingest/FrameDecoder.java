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
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
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
 * <p>Each file is bounded ({@link DecodeLimits}): it is read whole into memory, at most {@code maxFileBytes}
 * ({@link RejectReason#FILE_TOO_LARGE} past that); its header is read next and anything over {@code maxPixels} is
 * rejected as {@link RejectReason#TOO_LARGE} without decoding; and decoding stops at the file's deadline
 * ({@link RejectReason#TIMEOUT}). Memory per decode is thus the file plus the output: the reader subsamples while
 * decoding ({@link ImageReadParam#setSourceSubsampling}) by the largest integer factor that keeps the longer side at
 * least {@code 2·maxSide}, and an area-averaging filter brings the longer side to exactly {@code maxSide}. Images
 * whose longer side is already at most {@code maxSide} are returned as they are.
 *
 * <p>The file is the unit of failure: every exception from this class's own JPEG path sends the file to ImageIO,
 * every exception from a reader becomes {@link RejectReason#CORRUPT} or {@link RejectReason#UNSUPPORTED_IMAGE}, and
 * anything else {@link RejectReason#INTERNAL_ERROR} (see {@link #unexpected}).
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
    private static final int READ_CHUNK = 1 << 16;

    private final int maxSide;
    private final DecodeLimits limits;

    /**
     * A decoder producing frames whose longer side is at most {@code maxSide} pixels, rejecting files whose header
     * declares more than {@code maxPixels} pixels, with the default file-size cap and deadline of
     * {@link DecodeLimits}.
     */
    public FrameDecoder(int maxSide, long maxPixels) {
        this(maxSide, DecodeLimits.ofPixels(maxPixels));
    }

    /** A decoder producing frames whose longer side is at most {@code maxSide} pixels, within {@code limits}. */
    public FrameDecoder(int maxSide, DecodeLimits limits) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("Invalid maxSide: " + maxSide + " (must be at least 1)");
        }
        this.maxSide = maxSide;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The longest side, in pixels, of decoded frames. */
    public int maxSide() {
        return maxSide;
    }

    /** What one file may cost. */
    public DecodeLimits limits() {
        return limits;
    }

    /**
     * Decodes the image in {@code in}. The stream is read, not closed: the caller owns it. Whatever the bytes,
     * this returns a frame or throws {@link FrameRejectedException}; only errors of the JVM itself
     * ({@link VirtualMachineError}, {@link LinkageError}) pass through.
     *
     * @throws FrameRejectedException with the reason the frame cannot be used; I/O failures of {@code in} become
     *                                {@link RejectReason#READ_ERROR}
     */
    public DecodedFrame decode(InputStream in) throws FrameRejectedException {
        DecodeDeadline deadline = new DecodeDeadline(limits.timeout());
        byte[] file = readFile(Objects.requireNonNull(in, "in"), deadline);
        if (file.length == 0) {
            throw new FrameRejectedException(RejectReason.EMPTY_FILE, "file has 0 bytes");
        }
        try {
            DecodedFrame reduced = (file[0] & 0xFF) == 0xFF ? decodeReduced(file, deadline) : null;
            return reduced != null ? reduced : decodeWithImageIO(file, deadline);
        } catch (RuntimeException | Error e) {
            throw deadline.passed() ? deadline.rejection() : unexpected(e);
        }
    }

    /**
     * A failure no decoder turned into a reason: {@link RejectReason#INTERNAL_ERROR} naming the exception and where
     * it was thrown. Errors of the JVM itself are rethrown: they are prevented by the limits, not survived.
     */
    public static FrameRejectedException unexpected(Throwable failure) {
        if (failure instanceof VirtualMachineError error) {
            throw error;
        }
        if (failure instanceof LinkageError error) {
            throw error;
        }
        StackTraceElement[] trace = failure.getStackTrace();
        String where = trace.length == 0 ? "" : " at " + trace[0].getClassName()
                .substring(trace[0].getClassName().lastIndexOf('.') + 1) + "." + trace[0].getMethodName()
                + "(" + trace[0].getFileName() + ":" + trace[0].getLineNumber() + ")";
        return new FrameRejectedException(RejectReason.INTERNAL_ERROR, oneLine(summary(failure) + where));
    }

    /** The whole file, read in chunks: over {@code maxFileBytes} or past the deadline it is rejected as it reads. */
    private byte[] readFile(InputStream in, DecodeDeadline deadline) throws FrameRejectedException {
        long cap = limits.maxFileBytes();
        byte[] buffer = new byte[READ_CHUNK];
        int size = 0;
        try {
            while (true) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, (int) Math.min(cap + 1, 2L * buffer.length));
                }
                int read = in.read(buffer, size, buffer.length - size);
                if (read < 0) {
                    break;
                }
                size += read;
                if (size > cap) {
                    throw new FrameRejectedException(RejectReason.FILE_TOO_LARGE,
                            "file has more than " + cap + " bytes");
                }
                if (deadline.passed()) {
                    throw deadline.rejection();
                }
            }
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(e));
        } catch (RuntimeException e) {
            // A storage client that fails with an unchecked exception (some do on a dropped connection).
            throw new FrameRejectedException(RejectReason.READ_ERROR, summary(e));
        }
        return size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
    }

    /**
     * Decodes the common JPEGs from their DCT coefficients at a quarter of their size ({@link ReducedJpegDecoder}),
     * when that quarter still has a longer side of at least {@code maxSide} (and at most 4·{@code maxSide}, which
     * bounds memory). Anything else, damaged data and any failure of that path included, returns null, for ImageIO.
     */
    private DecodedFrame decodeReduced(byte[] file, DecodeDeadline deadline) throws FrameRejectedException {
        ReducedJpegDecoder.Prelude prelude;
        try {
            prelude = ReducedJpegDecoder.readPrelude(file);
        } catch (JpegFormatException | RuntimeException e) {
            return null;
        }
        checkSize(prelude.width(), prelude.height());
        int longSide = ReducedJpegDecoder.reducedSide(Math.max(prelude.width(), prelude.height()));
        if (longSide < maxSide || longSide > 4L * maxSide) {
            return null;
        }
        int[] argb;
        try {
            argb = ReducedJpegDecoder.decode(prelude, file, deadline::passed);
        } catch (JpegFormatException | RuntimeException e) {
            if (deadline.passed()) {
                throw deadline.rejection();
            }
            return null;
        }
        int width = ReducedJpegDecoder.reducedSide(prelude.width());
        int height = ReducedJpegDecoder.reducedSide(prelude.height());
        int[] size = targetSize(prelude.width(), prelude.height(), maxSide);
        argb = AreaResampler.resample(argb, width, height, size[0], size[1]);
        return new DecodedFrame(prelude.width(), prelude.height(), size[0], size[1], argb);
    }

    private DecodedFrame decodeWithImageIO(byte[] file, DecodeDeadline deadline) throws FrameRejectedException {
        ImageInputStream stream = new FileBytesImageInputStream(file, deadline);
        try {
            ImageReader reader = findReader(stream, deadline);
            try {
                return decode(reader, stream, deadline);
            } finally {
                reader.dispose();
            }
        } finally {
            closeQuietly(stream);
        }
    }

    private DecodedFrame decode(ImageReader reader, ImageInputStream stream, DecodeDeadline deadline)
            throws FrameRejectedException {
        DataLossWarnings warnings = new DataLossWarnings();
        int sourceWidth;
        int sourceHeight;
        BufferedImage image;
        try {
            reader.setInput(stream, true, true);
            reader.addIIOReadWarningListener(warnings);
            reader.addIIOReadProgressListener(new AbortPastDeadline(deadline));
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
            throw deadline.passed() ? deadline.rejection() : rejection(e);
        }
        if (deadline.passed()) {
            throw deadline.rejection();
        }
        if (warnings.first != null) {
            throw new FrameRejectedException(RejectReason.CORRUPT, oneLine(warnings.first));
        }
        if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
            throw new FrameRejectedException(RejectReason.CORRUPT, "the reader returned no pixels");
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
        if ((long) width * height > limits.maxPixels()) {
            throw new FrameRejectedException(RejectReason.TOO_LARGE,
                    "header says " + width + "x" + height + ", limit " + limits.maxPixels() + " pixels");
        }
    }

    /**
     * The first registered reader (in ImageIO's plugin order) whose provider accepts the stream; a provider that
     * fails on the bytes does not accept them.
     */
    private static ImageReader findReader(ImageInputStream stream, DecodeDeadline deadline)
            throws FrameRejectedException {
        Iterator<ImageReaderSpi> providers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi provider = providers.next();
            boolean accepted;
            try {
                stream.seek(0);
                accepted = provider.canDecodeInput(stream);
            } catch (IOException | RuntimeException e) {
                accepted = false;
            }
            if (deadline.passed()) {
                throw deadline.rejection();
            }
            if (accepted) {
                try {
                    stream.seek(0);
                    return provider.createReaderInstance();
                } catch (IOException | RuntimeException e) {
                    throw new FrameRejectedException(RejectReason.UNSUPPORTED_IMAGE,
                            provider.getDescription(Locale.ROOT) + " unavailable: " + summary(e));
                }
            }
        }
        throw new FrameRejectedException(RejectReason.NOT_AN_IMAGE, "no image reader recognises the bytes");
    }

    private static FrameRejectedException rejection(Exception e) {
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
    static int[] targetSize(int width, int height, int maxSide) {
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

    /** Aborts the reader at its next progress report once the deadline has passed. */
    private static final class AbortPastDeadline implements IIOReadProgressListener {
        private final DecodeDeadline deadline;

        AbortPastDeadline(DecodeDeadline deadline) {
            this.deadline = deadline;
        }

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (deadline.passed()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {}

        @Override
        public void sequenceComplete(ImageReader source) {}

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {}

        @Override
        public void imageComplete(ImageReader source) {}

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {}

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {}

        @Override
        public void thumbnailComplete(ImageReader source) {}

        @Override
        public void readAborted(ImageReader source) {}
    }
}
