package org.filmpalette.ingest;

/**
 * Finds letterbox (top and bottom) and pillarbox (left and right) bars, the near-black borders a frame was matted
 * with, and crops them off before sampling so that they don't become a palette color. A frame that is dark all over
 * is not cropped: bars must leave at least half of the frame's area.
 */
public final class Letterbox {

    /** Brightest channel value (0–255) a bar pixel may have: black plus compression noise. */
    static final int BAR_MAX_CHANNEL = 28;
    /** Fraction of a row or column that must be bar pixels for it to count as bar. */
    static final double BAR_FRACTION = 0.98;
    /** Crops leaving less than this fraction of the area mean a dark frame, not bars. */
    static final double MIN_CONTENT_AREA = 0.5;

    private Letterbox() {}

    /** The frame without its bars, or the frame itself when it has none. */
    public static DecodedFrame crop(DecodedFrame frame) {
        int top = 0;
        while (top < frame.height() && isBarRow(frame, top)) {
            top++;
        }
        int bottom = frame.height();
        while (bottom > top && isBarRow(frame, bottom - 1)) {
            bottom--;
        }
        int left = 0;
        while (left < frame.width() && isBarColumn(frame, left, top, bottom)) {
            left++;
        }
        int right = frame.width();
        while (right > left && isBarColumn(frame, right - 1, top, bottom)) {
            right--;
        }
        int width = right - left;
        int height = bottom - top;
        boolean uncropped = width == frame.width() && height == frame.height();
        if (uncropped || width < 1 || height < 1
                || (long) width * height < MIN_CONTENT_AREA * frame.width() * frame.height()) {
            return frame;
        }
        int[] cropped = new int[width * height];
        for (int y = 0; y < height; y++) {
            System.arraycopy(frame.argb(), (top + y) * frame.width() + left, cropped, y * width, width);
        }
        return new DecodedFrame(frame.sourceWidth(), frame.sourceHeight(), width, height, cropped);
    }

    private static boolean isBarRow(DecodedFrame frame, int y) {
        int bars = 0;
        int offset = y * frame.width();
        for (int x = 0; x < frame.width(); x++) {
            bars += isBar(frame.argb()[offset + x]) ? 1 : 0;
        }
        return bars >= BAR_FRACTION * frame.width();
    }

    private static boolean isBarColumn(DecodedFrame frame, int x, int top, int bottom) {
        int bars = 0;
        for (int y = top; y < bottom; y++) {
            bars += isBar(frame.argb()[y * frame.width() + x]) ? 1 : 0;
        }
        return bars >= BAR_FRACTION * (bottom - top);
    }

    private static boolean isBar(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return Math.max(r, Math.max(g, b)) <= BAR_MAX_CHANNEL;
    }
}
