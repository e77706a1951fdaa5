package org.filmpalette.ingest;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A still's thumbnail: the decoded frame (already in memory, so the file is not read twice) area-averaged to
 * {@value #WIDTH} pixels wide, its height in proportion, and encoded as a baseline JPEG at quality
 * {@value #QUALITY}. Transparent pixels are shown over white. Instances are immutable and thread-safe.
 */
public final class Thumbnail {

    /** Width of a thumbnail in pixels; a frame narrower than this keeps its own width. */
    public static final int WIDTH = 192;
    /** JPEG quality, 0–1: about 5 KB for a 192×108 film frame. */
    public static final float QUALITY = 0.8f;

    private static final ImageWriterSpi JPEG_WRITER = jpegWriter();

    private Thumbnail() {}

    /** The JPEG bytes of {@code frame}'s thumbnail. */
    public static byte[] jpeg(DecodedFrame frame) {
        int width = Math.min(WIDTH, frame.width());
        int height = Math.max(1, (int) Math.round(frame.height() * (double) width / frame.width()));
        int[] argb = width == frame.width() ? frame.argb()
                : AreaResampler.resample(frame.argb(), frame.width(), frame.height(), width, height);
        // Interleaved bytes are what the JPEG writer encodes from directly; packed ints go through a slow per-pixel
        // conversion that cost as much as the encoding.
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < argb.length; i++) {
            int rgb = overWhite(argb[i]);
            bgr[i * 3] = (byte) rgb;
            bgr[i * 3 + 1] = (byte) (rgb >> 8);
            bgr[i * 3 + 2] = (byte) (rgb >> 16);
        }
        return encode(image);
    }

    private static int overWhite(int argb) {
        int alpha = argb >>> 24;
        if (alpha == 255) {
            return argb & 0xFFFFFF;
        }
        int r = ((argb >> 16 & 0xFF) * alpha + 255 * (255 - alpha) + 127) / 255;
        int g = ((argb >> 8 & 0xFF) * alpha + 255 * (255 - alpha) + 127) / 255;
        int b = ((argb & 0xFF) * alpha + 255 * (255 - alpha) + 127) / 255;
        return r << 16 | g << 8 | b;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer;
        try {
            writer = JPEG_WRITER.createWriterInstance();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a JPEG writer", e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a thumbnail", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The provider of ImageIO's first JPEG writer, looked up once: the registry lookup costs more than a writer. */
    private static ImageWriterSpi jpegWriter() {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No JPEG writer in ImageIO");
        }
        ImageWriter writer = writers.next();
        ImageWriterSpi provider = writer.getOriginatingProvider();
        writer.dispose();
        return provider;
    }
}
