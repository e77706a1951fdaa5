package org.filmpalette.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/** Palettes drawn as images: proportional bands for one palette, and the movie barcode of a film's stills. */
public final class PaletteImages {

    private PaletteImages() {}

    /**
     * The palette as vertical bands left to right in rank order, each as wide as its share of {@code width}
     * (band edges from cumulative shares, so the widths always add up to {@code width}).
     */
    public static BufferedImage bands(Palette palette, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] colorAt = split(palette, width);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, colorAt[x]);
            }
        }
        return image;
    }

    /**
     * The movie barcode: one column of {@code columnWidth} pixels per still, in the given (time) order, each column
     * the still's palette stacked top to bottom in proportion to its shares.
     */
    public static BufferedImage barcode(List<Palette> stills, int columnWidth, int height) {
        if (stills.isEmpty()) {
            throw new IllegalArgumentException("A barcode needs at least one still");
        }
        BufferedImage image = new BufferedImage(stills.size() * columnWidth, height, BufferedImage.TYPE_INT_RGB);
        for (int s = 0; s < stills.size(); s++) {
            int[] colorAt = split(stills.get(s), height);
            for (int y = 0; y < height; y++) {
                for (int x = s * columnWidth; x < (s + 1) * columnWidth; x++) {
                    image.setRGB(x, y, colorAt[y]);
                }
            }
        }
        return image;
    }

    /** PNG bytes of an image. */
    public static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("No PNG writer in ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a PNG in memory", e);
        }
        return bytes.toByteArray();
    }

    /** The image as a {@code data:image/png;base64,…} URI, for inlining in HTML. */
    public static String dataUri(BufferedImage image) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(image));
    }

    /** The color of each of {@code length} pixels along one axis. */
    private static int[] split(Palette palette, int length) {
        if (palette.size() == 0) {
            throw new IllegalArgumentException("Cannot draw an empty palette");
        }
        double total = palette.swatches().stream().mapToDouble(Swatch::share).sum();
        int[] colorAt = new int[length];
        double cumulative = 0.0;
        int start = 0;
        for (int i = 0; i < palette.size(); i++) {
            Swatch swatch = palette.get(i);
            cumulative += swatch.share();
            int end = i == palette.size() - 1 ? length : (int) Math.round(cumulative / total * length);
            for (int p = start; p < end; p++) {
                colorAt[p] = swatch.rgb();
            }
            start = Math.max(start, end);
        }
        return colorAt;
    }
}
