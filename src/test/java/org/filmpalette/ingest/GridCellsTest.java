package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.filmpalette.color.ColorSpace;
import org.junit.jupiter.api.Test;

class GridCellsTest {

    static final int[] QUADRANTS = {0xE01B24, 0x2060C0, 0x20A040, 0xF0D020};

    /** A 64×64 frame whose four 32×32 quadrants are {@link #QUADRANTS}: top left, top right, bottom left, right. */
    static DecodedFrame quadrants() {
        int[] argb = new int[64 * 64];
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                argb[y * 64 + x] = 0xFF000000 | QUADRANTS[(y / 32) * 2 + x / 32];
            }
        }
        return new DecodedFrame(640, 640, 64, 64, argb);
    }

    @Test
    void eachCellOfAQuadrantHasItsColorAndItsPixels() {
        GridCells cells = GridCells.of(quadrants(), ColorSpace.LAB);

        for (int row = 0; row < GridCells.SIDE; row++) {
            for (int column = 0; column < GridCells.SIDE; column++) {
                int cell = row * GridCells.SIDE + column;
                assertEquals(QUADRANTS[(row / 4) * 2 + column / 4], cells.rgb()[cell], "cell " + cell);
                assertEquals(64, cells.counts()[cell], "cell " + cell);
            }
        }
    }

    @Test
    void meansAreTakenInTheClusteringSpace() {
        // Half black, half white in every cell: the RGB mean is mid gray 0x808080, the CIELAB mean (L* 50) is 0x777777.
        int[] argb = new int[16 * 16];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 2 == 0 ? 0xFF000000 : 0xFFFFFFFF;
        }
        DecodedFrame frame = new DecodedFrame(16, 16, 16, 16, argb);

        assertEquals(0x808080, GridCells.of(frame, ColorSpace.RGB).rgb()[0]);
        assertEquals(0x777777, GridCells.of(frame, ColorSpace.LAB).rgb()[0]);
    }

    @Test
    void transparentPixelsAreLeftOut() {
        DecodedFrame frame = quadrants();
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                frame.argb()[y * 64 + x] = 0x00FFFFFF;
            }
        }
        frame.argb()[8] = 0x7FFFFFFF;

        GridCells cells = GridCells.of(frame, ColorSpace.LAB);

        assertEquals(0, cells.counts()[0]);
        assertEquals(63, cells.counts()[1]);
        assertEquals(QUADRANTS[0], cells.rgb()[1]);
    }

    @Test
    void packedCellsReadBack() {
        GridCells cells = GridCells.of(quadrants(), ColorSpace.HSV);

        assertEquals(cells, GridCells.fromArray(cells.toArray()));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> GridCells.fromArray(new int[3]));
        assertEquals("Invalid packed grid: length 3 (must be 128)", error.getMessage());
    }
}
