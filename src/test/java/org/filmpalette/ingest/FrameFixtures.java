package org.filmpalette.ingest;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Frames painted in code and encoded to bytes, for the ingest tests. */
public final class FrameFixtures {

    private FrameFixtures() {}

    /** A {@code TYPE_INT_RGB} image, left half {@code left}, right half {@code right} (0xRRGGBB). */
    public static BufferedImage halves(int width, int height, int left, int right) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x < width / 2 ? left : right);
            }
        }
        return image;
    }

    /** A one-pixel black/white checkerboard, black at (0, 0). */
    public static BufferedImage checker(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0x000000 : 0xFFFFFF);
            }
        }
        return image;
    }

    /** An 8-bit ({@code TYPE_BYTE_GRAY}) or 16-bit ({@code TYPE_USHORT_GRAY}) gray image of one sample value. */
    public static BufferedImage gray(int width, int height, int bits, int value) {
        BufferedImage image = new BufferedImage(width, height,
                bits == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        fill(image.getRaster(), value);
        return image;
    }

    /** An 8-bit gray + alpha image; each pixel gets {@code grayAlpha[(y * width + x) % length]} = {gray, alpha}. */
    public static BufferedImage grayAlpha(int width, int height, int[][] grayAlpha) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), new int[] {8, 8},
                true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, grayAlpha[(y * width + x) % grayAlpha.length]);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** A 16-bit-per-sample sRGB image, left half {@code left}, right half {@code right} as {r, g, b} 0–65535. */
    public static BufferedImage rgb16(int width, int height, int[] left, int[] right) {
        ColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? left : right);
            }
        }
        return new BufferedImage(model, raster, false, null);
    }

    /** An indexed image over {@code palette} (0xAARRGGBB entries), pixel i taking entry {@code i % length}. */
    public static BufferedImage indexed(int width, int height, int[] palette) {
        IndexColorModel model = new IndexColorModel(8, palette.length, palette, 0, true, -1, DataBuffer.TYPE_BYTE);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, model);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, (y * width + x) % palette.length);
            }
        }
        return image;
    }

    /** A {@code TYPE_INT_ARGB} image, pixel i taking {@code argb[i % length]}. */
    public static BufferedImage argb(int width, int height, int... argb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, argb[(y * width + x) % argb.length]);
            }
        }
        return image;
    }

    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("No PNG writer for " + image);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] jpeg(BufferedImage image, float quality) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeJpeg(new IIOImage(image, null, null), quality, bytes);
        return bytes.toByteArray();
    }

    /** Writes {@code image} as a JPEG at {@code quality} (0–1) to {@code out}. */
    public static void writeJpeg(IIOImage image, float quality, OutputStream out) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, image, param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
    }

    /**
     * A CMYK JPEG as Photoshop writes them: the four channels stored inverted (255 = no ink) with an Adobe APP14
     * marker, transform 0, that tells readers they are CMYK. Left half {@code left}, right half {@code right}, each
     * {c, m, y, k} in percent.
     */
    public static byte[] cmykJpeg(int width, int height, int[] left, int[] right) {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] leftSamples = invertedInk(left);
        int[] rightSamples = invertedInk(right);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, x < width / 2 ? leftSamples : rightSamples);
            }
        }
        // The JDK writer stores a 4-band raster untransformed but without any color-space marker.
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        writeJpeg(new IIOImage(raster, null, null), 0.95f, plain);
        byte[] jpeg = plain.toByteArray();
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] out = new byte[jpeg.length + adobe.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(adobe, 0, out, 2, adobe.length);
        System.arraycopy(jpeg, 2, out, 2 + adobe.length, jpeg.length - 2);
        return out;
    }

    private static int[] invertedInk(int[] cmykPercent) {
        int[] samples = new int[4];
        for (int i = 0; i < 4; i++) {
            samples[i] = 255 - Math.round(cmykPercent[i] * 2.55f);
        }
        return samples;
    }

    /**
     * A PNG with a valid IHDR declaring {@code width × height} 8-bit RGB, a tiny IDAT (one compressed zero row) and
     * IEND: far too little data for the declared size.
     */
    public static byte[] pngHeader(int width, int height) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array();
            chunk(out, "IHDR", ihdr);
            chunk(out, "IDAT", deflate(new byte[16]));
            chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The bit depth byte of a PNG's IHDR. */
    public static int pngBitDepth(byte[] png) {
        return png[24] & 0xFF;
    }

    /** The color type byte of a PNG's IHDR (0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA). */
    public static int pngColorType(byte[] png) {
        return png[25] & 0xFF;
    }

    /** Writes one PNG chunk: length, type, data and CRC. */
    static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[64];
        int length = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, length);
    }

    private static void fill(WritableRaster raster, int value) {
        for (int y = 0; y < raster.getHeight(); y++) {
            for (int x = 0; x < raster.getWidth(); x++) {
                raster.setSample(x, y, 0, value);
            }
        }
    }

    /** A stream that yields {@code prefix} and then fails, as a dropped connection to the storage does. */
    public static InputStream failingAfter(byte[] prefix, String message) {
        return new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position < prefix.length) {
                    return prefix[position++] & 0xFF;
                }
                throw new IOException(message);
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                if (position >= prefix.length) {
                    throw new IOException(message);
                }
                int count = Math.min(length, prefix.length - position);
                System.arraycopy(prefix, position, buffer, offset, count);
                position += count;
                return count;
            }
        };
    }
}
