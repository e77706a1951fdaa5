package org.filmpalette.ingest;

/**
 * A decoded, downscaled frame.
 *
 * @param sourceWidth  the file's real width in pixels, as stated by its header
 * @param sourceHeight the file's real height in pixels
 * @param width        width of {@code argb} in pixels (at most the decoder's {@code maxSide})
 * @param height       height of {@code argb} in pixels
 * @param argb         sRGB pixels packed {@code 0xAARRGGBB} (alpha not premultiplied), row-major,
 *                     {@code width * height} long; owned by the record, not copied
 */
public record DecodedFrame(int sourceWidth, int sourceHeight, int width, int height, int[] argb) {

    public DecodedFrame {
        if (sourceWidth < 1 || sourceHeight < 1) {
            throw new IllegalArgumentException(
                    "Invalid source size: " + sourceWidth + "x" + sourceHeight + " (must be at least 1x1)");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("Invalid size: " + width + "x" + height + " (must be at least 1x1)");
        }
        if (argb == null || argb.length != (long) width * height) {
            throw new IllegalArgumentException("Invalid argb: length " + (argb == null ? "null" : argb.length)
                    + " (must be width*height = " + (long) width * height + ")");
        }
    }

    /** The packed {@code 0xAARRGGBB} pixel at column {@code x}, row {@code y}. */
    public int argbAt(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("Pixel (" + x + ", " + y + ") outside " + width + "x" + height);
        }
        return argb[y * width + x];
    }
}
