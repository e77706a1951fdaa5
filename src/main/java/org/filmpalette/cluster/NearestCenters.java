package org.filmpalette.cluster;

import java.util.Arrays;

/**
 * The nearest center of every 3-D point across Lloyd iterations, found with Hamerly's bounds ("Making k-means even
 * faster", SDM 2010) instead of a distance to every center each time.
 *
 * <p>Each point keeps an upper bound on the distance to its center and a lower bound on the distance to any other
 * center; when the centers move, the bounds widen by how far they moved. A point whose upper bound is below both its
 * lower bound and half the gap from its center to the nearest other center cannot have changed center and is
 * skipped. Only points that fail the test are searched, exactly as the plain loop searches every point: squared
 * distances summed in the same order, ties to the lower index. A point within {@link #SLACK} of a tie is always
 * searched, so rounding in the bounds never changes an assignment: {@link #assign} returns what the plain search would,
 * bit for bit. Colors converge in a few iterations, after which most points are skipped.
 *
 * <p>Scratch arrays grow to the largest input seen and are reused: one instance per kernel, not thread-safe.
 */
final class NearestCenters {

    /** Distance margin (clustering units) under which a bound test counts as a tie and the point is searched. */
    private static final double SLACK = 1e-9;

    private int[] nearest = new int[0];
    private double[] upper = new double[0];
    private double[] lower = new double[0];
    private double[] halfGap = new double[0];
    private double[] drift = new double[0];
    private double largestDrift;
    private double secondDrift;
    private int mostMoved = -1;
    private boolean bounded;

    /** Forgets the bounds: the next {@link #assign} searches every point (new points or unrelated centers). */
    void reset() {
        bounded = false;
    }

    /**
     * The index of the nearest of {@code centerCount} centers for each of {@code count} points, in the returned array
     * (owned by this instance, valid until the next call). Uses the bounds kept since the last {@link #reset} when the
     * points are the same and the centers have only been moved through {@link #moved}.
     */
    int[] assign(double[] points, int count, double[] centers, int centerCount) {
        reserve(count, centerCount);
        if (!bounded) {
            for (int p = 0; p < count; p++) {
                search(points, p, centers, centerCount);
            }
            bounded = true;
            clearDrift(centerCount);
            return nearest;
        }
        halfGaps(centers, centerCount);
        for (int p = 0; p < count; p++) {
            int center = nearest[p];
            double up = upper[p] + drift[center];
            double low = lower[p] - (center == mostMoved ? secondDrift : largestDrift);
            upper[p] = up;
            lower[p] = low;
            double bound = Math.max(halfGap[center], low);
            if (up + SLACK < bound) {
                continue;
            }
            up = Math.sqrt(Points.squaredDistance(points, p * 3, centers, center * 3, 3));
            upper[p] = up;
            if (up + SLACK < bound) {
                continue;
            }
            search(points, p, centers, centerCount);
        }
        clearDrift(centerCount);
        return nearest;
    }

    /** The bounds now hold the moves so far: a next {@link #assign} without a move widens them no further. */
    private void clearDrift(int centerCount) {
        Arrays.fill(drift, 0, centerCount, 0.0);
        largestDrift = 0;
        secondDrift = 0;
    }

    /** Widens the bounds by how far each center moved from {@code before} to {@code after}. */
    void moved(double[] before, double[] after, int centerCount) {
        largestDrift = 0;
        secondDrift = 0;
        mostMoved = -1;
        for (int c = 0; c < centerCount; c++) {
            double distance = Math.sqrt(Points.squaredDistance(before, c * 3, after, c * 3, 3));
            drift[c] = distance;
            if (distance > largestDrift) {
                secondDrift = largestDrift;
                largestDrift = distance;
                mostMoved = c;
            } else if (distance > secondDrift) {
                secondDrift = distance;
            }
        }
    }

    /** Point {@code p}'s nearest center (the plain loop's) and its exact bounds. */
    private void search(double[] points, int p, double[] c, int centerCount) {
        int o = p * 3;
        double x0 = points[o];
        double x1 = points[o + 1];
        double x2 = points[o + 2];
        int best = 0;
        double d0 = x0 - c[0];
        double d1 = x1 - c[1];
        double d2 = x2 - c[2];
        double bestDistance = d0 * d0 + d1 * d1 + d2 * d2;
        double secondDistance = Double.POSITIVE_INFINITY;
        for (int i = 1, offset = 3; i < centerCount; i++, offset += 3) {
            d0 = x0 - c[offset];
            d1 = x1 - c[offset + 1];
            d2 = x2 - c[offset + 2];
            double distance = d0 * d0 + d1 * d1 + d2 * d2;
            if (distance < bestDistance) {
                secondDistance = bestDistance;
                bestDistance = distance;
                best = i;
            } else if (distance < secondDistance) {
                secondDistance = distance;
            }
        }
        nearest[p] = best;
        upper[p] = Math.sqrt(bestDistance);
        lower[p] = Math.sqrt(secondDistance);
    }

    /** Half the distance from each center to the nearest other one. */
    private void halfGaps(double[] centers, int centerCount) {
        Arrays.fill(halfGap, 0, centerCount, Double.POSITIVE_INFINITY);
        for (int a = 0; a < centerCount; a++) {
            for (int b = a + 1; b < centerCount; b++) {
                double half = 0.5 * Math.sqrt(Points.squaredDistance(centers, a * 3, centers, b * 3, 3));
                halfGap[a] = Math.min(halfGap[a], half);
                halfGap[b] = Math.min(halfGap[b], half);
            }
        }
    }

    private void reserve(int count, int centerCount) {
        if (nearest.length < count) {
            nearest = new int[count];
            upper = new double[count];
            lower = new double[count];
            bounded = false;
        }
        if (halfGap.length < centerCount) {
            halfGap = new double[centerCount];
            drift = Arrays.copyOf(drift, centerCount);
        }
    }
}
