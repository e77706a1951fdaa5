package org.filmpalette.cluster;

import java.util.List;

/**
 * Frees a palette slot the cheapest way: merges the two centers whose merge adds the least to the weighted sum of
 * squared distances (Ward's criterion, {@code wa·wb/(wa+wb)·|a−b|²}) into their weighted mean. The accent passes of
 * stills and films use it to make room for an accent.
 */
final class WardMerge {

    private WardMerge() {}

    /** Merges the cheapest pair of {@code centers} (3-D, at least two) in place; {@code weights} follow. */
    static void mergeCheapestPair(List<double[]> centers, List<Double> weights) {
        int bestA = 0;
        int bestB = 1;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int a = 0; a < centers.size(); a++) {
            for (int b = a + 1; b < centers.size(); b++) {
                double wa = weights.get(a);
                double wb = weights.get(b);
                double cost = wa + wb == 0 ? 0
                        : wa * wb / (wa + wb) * Points.squaredDistance(centers.get(a), 0, centers.get(b), 0, 3);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestA = a;
                    bestB = b;
                }
            }
        }
        double wa = weights.get(bestA);
        double wb = weights.get(bestB);
        double[] merged = new double[3];
        for (int j = 0; j < 3; j++) {
            merged[j] = wa + wb == 0 ? centers.get(bestA)[j]
                    : (wa * centers.get(bestA)[j] + wb * centers.get(bestB)[j]) / (wa + wb);
        }
        centers.set(bestA, merged);
        weights.set(bestA, wa + wb);
        centers.remove(bestB);
        weights.remove(bestB);
    }
}
