package org.filmpalette.ingest.jpeg;

/**
 * Turns an 8×8 block's quantized DCT coefficients into the mean of each of its four 4×4 quadrants, without an
 * inverse DCT. A quadrant's mean is linear in the coefficients, and only those with a zero or odd frequency on
 * each axis contribute (an even non-zero frequency sums to zero over half a block), so the four means are
 * {@code dc ± h ± v ± hv}: four sums over the coefficients whose horizontal, vertical or both frequencies are odd.
 */
final class QuadrantWeights {


    /** Natural (row-major) index of each zig-zag position. */
    static final int[] ZIGZAG = {
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7,
            14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39,
            46, 53, 60, 61, 54, 47, 55, 62, 63};

    static final int NONE = 0;
    /** Odd horizontal frequency, zero vertical: adds to the left quadrants, subtracts from the right ones. */
    static final int HORIZONTAL = 1;
    /** Zero horizontal, odd vertical frequency: adds to the top quadrants, subtracts from the bottom ones. */
    static final int VERTICAL = 2;
    /** Both odd: adds to top-left and bottom-right, subtracts from the other two. */
    static final int DIAGONAL = 3;

    /** For each zig-zag position, which sum it belongs to. */
    static final int[] KIND = new int[64];
    private static final double[] UNSCALED = new double[64];

    static {
        for (int k = 0; k < 64; k++) {
            int u = ZIGZAG[k] % 8;
            int v = ZIGZAG[k] / 8;
            boolean uCounts = u == 0 || u % 2 == 1;
            boolean vCounts = v == 0 || v % 2 == 1;
            if (k == 0 || !uCounts || !vCounts) {
                KIND[k] = NONE;
            } else {
                KIND[k] = u > 0 && v > 0 ? DIAGONAL : u > 0 ? HORIZONTAL : VERTICAL;
            }
            // f(x, y) = 1/4 Σ C(u) C(v) F(v, u) cos((2x+1)uπ/16) cos((2y+1)vπ/16); the mean over x, y in 0..3
            // separates into halfMean(u) · halfMean(v).
            UNSCALED[k] = 0.25 * c(u) * c(v) * halfMean(u) * halfMean(v);
        }
    }

    /** Weight of the DC coefficient in every quadrant's mean. */
    final float dc;
    /** Weight of each zig-zag coefficient in the horizontal sum (0 for the other kinds), dequantized. */
    final float[] horizontal = new float[64];
    final float[] vertical = new float[64];
    final float[] diagonal = new float[64];

    /** The weights for blocks quantized with {@code quantization} (zig-zag order). */
    QuadrantWeights(int[] quantization) {
        dc = (float) (UNSCALED[0] * quantization[0]);
        for (int k = 1; k < 64; k++) {
            float weight = (float) (UNSCALED[k] * quantization[k]);
            switch (KIND[k]) {
                case HORIZONTAL -> horizontal[k] = weight;
                case VERTICAL -> vertical[k] = weight;
                case DIAGONAL -> diagonal[k] = weight;
                default -> { }
            }
        }
    }

    private static double c(int frequency) {
        return frequency == 0 ? Math.sqrt(0.5) : 1;
    }

    /** Mean of {@code cos((2x+1)uπ/16)} over x in 0..3. */
    static double halfMean(int u) {
        double sum = 0;
        for (int x = 0; x < 4; x++) {
            sum += Math.cos((2 * x + 1) * u * Math.PI / 16);
        }
        return sum / 4;
    }
}
