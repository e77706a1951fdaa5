package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class WeightedSampleTest {

    @Test
    void eachItemIsPickedInProportionToItsWeight() {
        double[] weights = new double[200];
        SplittableRandom random = new SplittableRandom(7);
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = i % 17 == 0 ? 0 : random.nextDouble();
            total += weights[i];
        }
        int size = 4096;

        int[] picks = WeightedSample.systematic(weights, size, 3);

        int[] counts = new int[weights.length];
        for (int pick : picks) {
            counts[pick]++;
        }
        for (int i = 0; i < weights.length; i++) {
            double expected = size * weights[i] / total;
            assertTrue(counts[i] >= Math.floor(expected) - 1e-9 && counts[i] <= Math.ceil(expected) + 1e-9,
                    "item " + i + ": " + counts[i] + " picks, expected " + expected);
        }
    }

    @Test
    void zeroWeightsAreNeverPickedEvenAtTheEnds() {
        double[] weights = {0, 0, 0.3, 0, 0.7, 0, 0};
        for (long seed = 0; seed < 50; seed++) {
            for (int pick : WeightedSample.systematic(weights, 10, seed)) {
                assertTrue(pick == 2 || pick == 4, "seed " + seed + " picked " + pick);
            }
        }
    }

    @Test
    void picksComeInItemOrderAndDependOnlyOnTheSeed() {
        double[] weights = {0.1, 0.2, 0.05, 0.3, 0.35};

        int[] first = WeightedSample.systematic(weights, 7, 11);

        assertArrayEquals(first, WeightedSample.systematic(weights, 7, 11));
        int[] sorted = first.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, first);
        boolean anyDiffers = false;
        for (long seed = 0; seed < 20 && !anyDiffers; seed++) {
            anyDiffers = !Arrays.equals(first, WeightedSample.systematic(weights, 7, seed));
        }
        assertTrue(anyDiffers, "the start offset must depend on the seed");
    }

    @Test
    void sampleSizeIsCappedWhateverTheNumberOfItems() {
        double[] many = new double[100_000];
        Arrays.fill(many, 0.125);

        int[] picks = WeightedSample.systematic(many, 4096, 1);

        assertEquals(4096, picks.length);
        assertEquals(4096, Arrays.stream(picks).distinct().count(), "equal weights: no item picked twice");
        assertEquals(4096, WeightedSample.systematic(new double[] {1}, 4096, 1).length);
        assertFalse(Arrays.stream(WeightedSample.systematic(new double[] {1}, 4096, 1)).anyMatch(p -> p != 0));
    }

    @Test
    void invalidInputIsRejectedWithTheReason() {
        assertEquals("Invalid size: 0 (must be at least 1)", assertThrows(IllegalArgumentException.class,
                () -> WeightedSample.systematic(new double[] {1}, 0, 1)).getMessage());
        assertEquals("Invalid weights[1]: -1.0 (must be finite and non-negative)",
                assertThrows(IllegalArgumentException.class,
                        () -> WeightedSample.systematic(new double[] {1, -1}, 3, 1)).getMessage());
        assertEquals("Invalid weights: 2 item(s) with total weight 0 (at least one must be positive)",
                assertThrows(IllegalArgumentException.class,
                        () -> WeightedSample.systematic(new double[] {0, 0}, 3, 1)).getMessage());
    }
}
