package org.filmpalette.ingest;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Valid frame files covering every decoding path, for the fuzz tests to mutate: baseline JPEG 4:2:0, 4:2:2, 4:4:4
 * and gray, restart intervals, progressive, CMYK and YCCK, an ICC-tagged JPEG, a real ffmpeg-written frame of
 * {@code data-sample/}; PNG 8- and 16-bit, palette, gray+alpha, Adam7-interlaced; BMP, GIF, TIFF (plain and LZW).
 */
public final class DecoderSeeds {

    /** One seed file; {@code maxSide} is chosen so JPEG seeds take the DCT-domain path where they can. */
    public record Seed(String name, String extension, int maxSide, byte[] bytes) {}

    private static final int WIDTH = 160;
    private static final int HEIGHT = 96;

    private DecoderSeeds() {}

    /** All seeds, in a fixed order. */
    public static List<Seed> all() {
        BufferedImage rgb = scene(BufferedImage.TYPE_INT_RGB);
        List<Seed> seeds = new ArrayList<>();
        seeds.add(new Seed("jpeg-420", "jpg", 32, jpeg(rgb, Jpeg.SUBSAMPLED_420)));
        seeds.add(new Seed("jpeg-422", "jpg", 32, jpeg(rgb, Jpeg.SUBSAMPLED_422)));
        seeds.add(new Seed("jpeg-444", "jpg", 32, jpeg(rgb, Jpeg.FULL_CHROMA)));
        seeds.add(new Seed("jpeg-gray", "jpg", 32, jpeg(scene(BufferedImage.TYPE_BYTE_GRAY), Jpeg.SUBSAMPLED_420)));
        seeds.add(new Seed("jpeg-restarts", "jpg", 32, jpeg(rgb, Jpeg.RESTARTS)));
        seeds.add(new Seed("jpeg-progressive", "jpg", 32, jpeg(rgb, Jpeg.PROGRESSIVE)));
        byte[] cmyk = FrameFixtures.cmykJpeg(WIDTH, HEIGHT, new int[] {0, 100, 100, 0}, new int[] {100, 0, 0, 20});
        seeds.add(new Seed("jpeg-cmyk", "jpg", 32, cmyk));
        seeds.add(new Seed("jpeg-ycck", "jpg", 32, withAdobeTransform(cmyk, 2)));
        seeds.add(new Seed("jpeg-icc", "jpg", 32, withIccProfile(jpeg(rgb, Jpeg.SUBSAMPLED_420))));
        seeds.add(new Seed("jpeg-ffmpeg-1080p", "jpg", 256, dataSampleFrame()));
        seeds.add(new Seed("png-rgb8", "png", 32, FrameFixtures.png(rgb)));
        seeds.add(new Seed("png-rgb16", "png", 32, FrameFixtures.png(
                FrameFixtures.rgb16(WIDTH, HEIGHT, new int[] {65535, 1000, 0}, new int[] {0, 30000, 65535}))));
        seeds.add(new Seed("png-palette", "png", 32, FrameFixtures.png(FrameFixtures.indexed(WIDTH, HEIGHT,
                new int[] {0xFFFF0000, 0xFF00FF00, 0xFF0000FF, 0xFFFFFFFF}))));
        seeds.add(new Seed("png-gray-alpha", "png", 32, FrameFixtures.png(
                FrameFixtures.grayAlpha(WIDTH, HEIGHT, new int[][] {{40, 255}, {200, 128}, {90, 0}}))));
        seeds.add(new Seed("png-interlaced", "png", 32, interlacedPng(rgb)));
        seeds.add(new Seed("bmp", "bmp", 32, encode(rgb, "bmp", null)));
        seeds.add(new Seed("gif", "gif", 32, encode(rgb, "gif", null)));
        seeds.add(new Seed("tiff", "tif", 32, encode(rgb, "tiff", null)));
        seeds.add(new Seed("tiff-lzw", "tif", 32, encode(rgb, "tiff", "LZW")));
        return seeds;
    }

    /** A film-like picture: gradient sky, a dark ground with noise, a bright disc and a small saturated accent. */
    static BufferedImage scene(int type) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
        Random random = new Random(7);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int r;
                int g;
                int b;
                if (y < HEIGHT * 2 / 3) {
                    r = 40 + x / 2;
                    g = 90 + y;
                    b = 200 - y;
                } else {
                    int grain = random.nextInt(40);
                    r = 30 + grain;
                    g = 60 + grain;
                    b = 20 + grain / 2;
                }
                image.setRGB(x, y, r << 16 | g << 8 | b);
            }
        }
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(250, 230, 160));
        graphics.fillOval(100, 10, 30, 30);
        graphics.setColor(new Color(230, 30, 40));
        graphics.fillRect(20, 70, 6, 5);
        graphics.dispose();
        return image;
    }

    /** The JPEG variants the JDK's writer makes: chroma subsampling, a restart interval, progressive. */
    public enum Jpeg { SUBSAMPLED_420, SUBSAMPLED_422, FULL_CHROMA, RESTARTS, PROGRESSIVE }

    /** {@code image} as a JPEG of quality 0.85 in {@code variant} (restart interval: 7 MCUs). */
    public static byte[] jpeg(BufferedImage image, Jpeg variant) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            if (variant == Jpeg.PROGRESSIVE) {
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
            String format = "javax_imageio_jpeg_image_1.0";
            Element root = (Element) metadata.getAsTree(format);
            NodeList specs = root.getElementsByTagName("componentSpec");
            if (variant == Jpeg.FULL_CHROMA || variant == Jpeg.SUBSAMPLED_422) {
                for (int i = 0; i < specs.getLength(); i++) {
                    Element spec = (Element) specs.item(i);
                    boolean luma = i == 0 && variant == Jpeg.SUBSAMPLED_422;
                    spec.setAttribute("HsamplingFactor", luma ? "2" : "1");
                    spec.setAttribute("VsamplingFactor", "1");
                }
            }
            if (variant == Jpeg.RESTARTS) {
                IIOMetadataNode restart = new IIOMetadataNode("dri");
                restart.setAttribute("interval", "7");
                Element markers = (Element) root.getElementsByTagName("markerSequence").item(0);
                markers.insertBefore(restart, markers.getFirstChild());
            }
            metadata.setFromTree(format, root);
            writer.write(null, new IIOImage(image, null, metadata), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** The JPEG with its Adobe APP14 transform byte set: 0 CMYK, 2 YCCK. */
    private static byte[] withAdobeTransform(byte[] adobeJpeg, int transform) {
        byte[] copy = adobeJpeg.clone();
        // FrameFixtures.cmykJpeg puts the 16-byte APP14 segment right after SOI; its transform is the last byte.
        copy[2 + 15] = (byte) transform;
        return copy;
    }

    /** The JPEG with the JDK's sRGB ICC profile in an APP2 segment after SOI, as cameras and editors embed it. */
    private static byte[] withIccProfile(byte[] jpeg) {
        byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + id.length + 2 + profile.length;
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(id)
                .put((byte) 1).put((byte) 1).put(profile).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    private static byte[] dataSampleFrame() {
        try {
            return Files.readAllBytes(Path.of("data-sample/big_buck_bunny/frame_00017.jpg"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(BufferedImage image, String format, String compression) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BufferedImage source = image;
        if (format.equals("gif")) {
            source = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_INDEXED);
            source.getGraphics().drawImage(image, 0, 0, null);
        }
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (compression != null) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionType(compression);
            }
            writer.write(null, new IIOImage(source, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** An 8-bit RGB PNG with Adam7 interlacing (the JDK's writer cannot write one), filter type 0 on every row. */
    static byte[] interlacedPng(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[][] passes = {{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2},
            {0, 1, 1, 2}};
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        for (int[] pass : passes) {
            for (int y = pass[1]; y < height; y += pass[3]) {
                if (pass[0] >= width) {
                    continue;
                }
                raw.write(0);
                for (int x = pass[0]; x < width; x += pass[2]) {
                    int rgb = image.getRGB(x, y);
                    raw.write(rgb >> 16 & 255);
                    raw.write(rgb >> 8 & 255);
                    raw.write(rgb & 255);
                }
            }
        }
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(compressed)) {
            raw.writeTo(deflater);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            FrameFixtures.chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 1).array());
            FrameFixtures.chunk(out, "IDAT", compressed.toByteArray());
            FrameFixtures.chunk(out, "IEND", new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
