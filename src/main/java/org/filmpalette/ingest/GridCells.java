package org.filmpalette.ingest;

import java.util.Arrays;

import org.filmpalette.color.ColorSpace;

/**
 * The mean color of each region of a {@value #SIDE}×{@value #SIDE} grid over a decoded (downscaled, letterbox-cropped)
 * frame: the input of the {@code grid} algorithm. Means are taken in a clustering space (the average of the encoded
 * pixels, decoded back to packed sRGB {@code 0xRRGGBB}) over the cell's pixels with alpha at least
 * {@value PixelSampler#MIN_ALPHA}; {@code counts[i]} is how many there were (0 for a cell with none, whose color is
 * then 0). Cells are numbered row by row: cell {@code row * SIDE + column} covers the columns
 * {@code [column·width/SIDE, (column+1)·width/SIDE)} and the rows likewise.
 *
 * @param rgb    mean color of each cell, {@code SIDE * SIDE} long
 * @param counts opaque pixels of each cell, {@code SIDE * SIDE} long
 */
public record GridCells(int[] rgb, int[] counts) {

    /** Cells per side of the grid. */
    public static final int SIDE = 8;
    /** Cells in the grid. */
    public static final int CELLS = SIDE * SIDE;

    public GridCells {
        if (rgb == null || counts == null || rgb.length != CELLS || counts.length != CELLS) {
            throw new IllegalArgumentException("Invalid grid: rgb and counts must have " + CELLS + " cells each");
        }
    }

    /** The grid of {@code frame} with means taken in {@code space}. */
    public static GridCells of(DecodedFrame frame, ColorSpace space) {
        double[] sums = new double[CELLS * 3];
        int[] counts = new int[CELLS];
        double[] point = new double[3];
        int width = frame.width();
        int height = frame.height();
        int[] argb = frame.argb();
        for (int y = 0; y < height; y++) {
            int row = (int) ((long) y * SIDE / height);
            for (int x = 0; x < width; x++) {
                int pixel = argb[y * width + x];
                if (pixel >>> 24 < PixelSampler.MIN_ALPHA) {
                    continue;
                }
                int cell = row * SIDE + (int) ((long) x * SIDE / width);
                space.encode(pixel & 0xFFFFFF, point, 0);
                sums[cell * 3] += point[0];
                sums[cell * 3 + 1] += point[1];
                sums[cell * 3 + 2] += point[2];
                counts[cell]++;
            }
        }
        int[] rgb = new int[CELLS];
        for (int cell = 0; cell < CELLS; cell++) {
            if (counts[cell] > 0) {
                for (int j = 0; j < 3; j++) {
                    point[j] = sums[cell * 3 + j] / counts[cell];
                }
                rgb[cell] = space.decode(point, 0);
            }
        }
        return new GridCells(rgb, counts);
    }

    /** The cells as one array, colors then counts: how a sampled frame row carries them. */
    public int[] toArray() {
        int[] packed = Arrays.copyOf(rgb, 2 * CELLS);
        System.arraycopy(counts, 0, packed, CELLS, CELLS);
        return packed;
    }

    /** The cells {@link #toArray} packed. */
    public static GridCells fromArray(int[] packed) {
        if (packed == null || packed.length != 2 * CELLS) {
            throw new IllegalArgumentException("Invalid packed grid: length "
                    + (packed == null ? "null" : packed.length) + " (must be " + 2 * CELLS + ")");
        }
        return new GridCells(Arrays.copyOf(packed, CELLS), Arrays.copyOfRange(packed, CELLS, 2 * CELLS));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GridCells that && Arrays.equals(rgb, that.rgb) && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rgb) + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "GridCells[rgb=" + Arrays.toString(rgb) + ", counts=" + Arrays.toString(counts) + "]";
    }
}
