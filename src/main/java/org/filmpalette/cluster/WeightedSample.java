package org.filmpalette.cluster;

import java.util.SplittableRandom;

/**
 * Systematic weighted sampling: picks a fixed number of items from a weighted list so that each item is picked in
 * proportion to its weight, deterministically from a seed. This is how a film's sample is drawn from its stills'
 * palette colors (weight = a color's share of its still): the film's fit then costs the same however many stills the
 * film has.
 *
 * <p>The items are laid end to end on a line, each as long as its weight; {@code size} equally spaced positions,
 * {@code W / size} apart and starting at a seeded offset in {@code [0, W / size)}, each pick the item under them.
 * An item of weight {@code w} is therefore picked {@code floor} or {@code ceil} of {@code size · w / W} times — the
 * lowest-variance unbiased proportional sample — and the picks come out in item order.
 */
public final class WeightedSample {

    private WeightedSample() {}

    /**
     * Indices of {@code size} picks from {@code weights} (each finite and ≥ 0, at least one positive), in increasing
     * order, with repeats when an item's weight covers more than one spacing.
     *
     * @param weights item weights, e.g. shares in [0, 1]; zero-weight items are never picked
     * @param size    number of picks, at least 1
     * @param seed    seed of the start offset
     */
    public static int[] systematic(double[] weights, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("Invalid size: " + size + " (must be at least 1)");
        }
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("Invalid weights[" + i + "]: " + weights[i]
                        + " (must be finite and non-negative)");
            }
            total += weights[i];
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("Invalid weights: " + weights.length
                    + " item(s) with total weight 0 (at least one must be positive)");
        }
        double step = total / size;
        double offset = new SplittableRandom(seed).nextDouble() * step;
        int[] picks = new int[size];
        int item = 0;
        double end = weights[0];
        for (int i = 0; i < size; i++) {
            double position = offset + i * step;
            while (position >= end && item < weights.length - 1) {
                item++;
                end += weights[item];
            }
            while (weights[item] == 0) {
                // Rounding at the very end of the line can land past the last positive item: step back to it.
                item--;
            }
            picks[i] = item;
        }
        return picks;
    }
}
