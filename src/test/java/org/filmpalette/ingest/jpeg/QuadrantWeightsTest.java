package org.filmpalette.ingest.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class QuadrantWeightsTest {

    @Test
    void quadrantMeansEqualThoseOfTheInverseDct() {
        SplittableRandom random = new SplittableRandom(7);
        int[] quantization = new int[64];
        for (int k = 0; k < 64; k++) {
            quantization[k] = 1 + random.nextInt(40);
        }
        QuadrantWeights weights = new QuadrantWeights(quantization);
        for (int trial = 0; trial < 200; trial++) {
            int[] zigzag = new int[64];
            for (int k = 0; k < 64; k++) {
                zigzag[k] = random.nextInt(5) == 0 ? random.nextInt(-30, 31) : 0;
            }
            double[] expected = quadrantMeansByInverseDct(zigzag, quantization);
            float horizontal = 0;
            float vertical = 0;
            float diagonal = 0;
            for (int k = 1; k < 64; k++) {
                horizontal += zigzag[k] * weights.horizontal[k];
                vertical += zigzag[k] * weights.vertical[k];
                diagonal += zigzag[k] * weights.diagonal[k];
            }
            float mean = zigzag[0] * weights.dc;
            double[] actual = {mean + horizontal + vertical + diagonal, mean - horizontal + vertical - diagonal,
                    mean + horizontal - vertical - diagonal, mean - horizontal - vertical + diagonal};
            for (int q = 0; q < 4; q++) {
                assertEquals(expected[q], actual[q], 1e-3, "quadrant " + q + " of " + Arrays.toString(zigzag));
            }
        }
    }

    @Test
    void evenNonZeroFrequenciesAverageOutOverHalfABlock() {
        assertEquals(0, QuadrantWeights.halfMean(2), 1e-12);
        assertEquals(0, QuadrantWeights.halfMean(4), 1e-12);
        assertEquals(0, QuadrantWeights.halfMean(6), 1e-12);
        assertEquals(1, QuadrantWeights.halfMean(0), 1e-12);
    }

    /** Top-left, top-right, bottom-left, bottom-right means of the block's inverse DCT (ITU T.81 A.3.3). */
    private static double[] quadrantMeansByInverseDct(int[] zigzag, int[] quantization) {
        double[] natural = new double[64];
        for (int k = 0; k < 64; k++) {
            natural[QuadrantWeights.ZIGZAG[k]] = zigzag[k] * (double) quantization[k];
        }
        double[] means = new double[4];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                double sum = 0;
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        sum += c(u) * c(v) * natural[v * 8 + u] * Math.cos((2 * x + 1) * u * Math.PI / 16)
                                * Math.cos((2 * y + 1) * v * Math.PI / 16);
                    }
                }
                means[(y / 4) * 2 + x / 4] += sum / 4 / 16;
            }
        }
        return means;
    }

    private static double c(int frequency) {
        return frequency == 0 ? Math.sqrt(0.5) : 1;
    }
}
