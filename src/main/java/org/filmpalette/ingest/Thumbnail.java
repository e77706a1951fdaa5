package org.filmpalette.ingest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

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

    private Thumbnail() {}

    /** The JPEG bytes of {@code frame}'s thumbnail. */
    public static byte[] jpeg(DecodedFrame frame) {
        int width = Math.min(WIDTH, frame.width());
        int height = Math.max(1, (int) Math.round(frame.height() * (double) width / frame.width()));
        int[] argb = width == frame.width() ? frame.argb()
                : AreaResampler.resample(frame.argb(), frame.width(), frame.height(), width, height);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            rgb[i] = overWhite(argb[i]);
        }
        image.setRGB(0, 0, width, height, rgb, 0, width);
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
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IllegalStateException("No JPEG writer in ImageIO");
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
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
}
