package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Behavior both in-task kernels share, checked against point sets whose answer is known. */
class ClusteringKernelsTest {

    /** A kernel under test, built for a given k with MLlib's default iterations. */
    interface Kernel {
        Clustering fit(int k, double[] points, int count, long seed);
    }

    static Stream<Arguments> kernels() {
        Kernel kMeans = (k, points, count, seed) -> new TaskKMeans(k, 20, 1e-4).fit(points, 3, count, seed);
        Kernel bisecting = (k, points, count, seed) -> new TaskBisectingKMeans(k, 20).fit(points, 3, count, seed);
        return Stream.of(Arguments.of(Named.of("kmeans", kMeans)), Arguments.of(Named.of("bisecting", bisecting)));
    }

    private static final double[][] BLOB_CENTERS = {{20, 10, -30}, {60, -40, 20}, {85, 30, 50}};
    private static final int[] BLOB_SIZES = {250, 200, 150};

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void threeTightBlobsGiveThreeCentersNearTheTruthWithTheirSizes(Kernel kernel) {
        double[] points = SyntheticPixels.blobs(7, BLOB_CENTERS, BLOB_SIZES, 1.0);

        Clustering clustering = kernel.fit(3, points, 600, 42);

        assertBlobsFound(clustering);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void differentSeedsStillFindTheBlobs(Kernel kernel) {
        double[] points = SyntheticPixels.blobs(7, BLOB_CENTERS, BLOB_SIZES, 1.0);

        for (long seed = 1; seed <= 10; seed++) {
            assertBlobsFound(kernel.fit(3, points, 600, seed));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void twoDistinctPointsWithKEightGiveExactlyTwoCenters(Kernel kernel) {
        double[] points = {10, 0, 0, 50, 20, -20, 10, 0, 0, 10, 0, 0, 50, 20, -20};

        Clustering clustering = kernel.fit(8, points, 5, 42);

        assertEquals(2, clustering.count());
        long[] sizes = clustering.sizes();
        int first = clustering.center(0)[0] == 10 ? 0 : 1;
        assertArrayEquals(new double[] {10, 0, 0}, clustering.center(first));
        assertArrayEquals(new double[] {50, 20, -20}, clustering.center(1 - first));
        assertEquals(3, sizes[first]);
        assertEquals(2, sizes[1 - first]);
        assertEquals(0.0, clustering.cost());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aSingleRepeatedPointGivesOneCenterAndZeroCost(Kernel kernel) {
        double[] points = new double[100 * 3];
        for (int p = 0; p < 100; p++) {
            points[p * 3] = 53.7;
            points[p * 3 + 1] = -12.1;
            points[p * 3 + 2] = 33.3;
        }

        Clustering clustering = kernel.fit(8, points, 100, 42);

        assertEquals(1, clustering.count());
        assertArrayEquals(new double[] {53.7, -12.1, 33.3}, clustering.center(0), 1e-12);
        assertArrayEquals(new long[] {100}, clustering.sizes());
        assertEquals(0.0, clustering.cost(), 1e-20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aSinglePointGivesItselfAsTheOnlyCenter(Kernel kernel) {
        Clustering clustering = kernel.fit(8, new double[] {1, 2, 3}, 1, 42);

        assertArrayEquals(new double[] {1, 2, 3}, clustering.centers());
        assertArrayEquals(new long[] {1}, clustering.sizes());
        assertEquals(0.0, clustering.cost());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void sameSeedGivesBitIdenticalResults(Kernel kernel) {
        double[] points = SyntheticPixels.filmFrame(3, 2000, 8);

        Clustering first = kernel.fit(8, points, 2000, 99);
        Clustering second = kernel.fit(8, points, 2000, 99);

        assertArrayEquals(first.centers(), second.centers());
        assertArrayEquals(first.sizes(), second.sizes());
        assertEquals(Double.doubleToLongBits(first.cost()), Double.doubleToLongBits(second.cost()));
        assertEquals(first, second);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void sizesCountEveryPointAndCostMatchesAnIndependentComputation(Kernel kernel) {
        double[] points = SyntheticPixels.filmFrame(5, 3000, 9);

        Clustering clustering = kernel.fit(8, points, 3000, 1);

        assertEquals(8, clustering.count());
        assertEquals(3000, Arrays.stream(clustering.sizes()).sum());
        double expected = SyntheticPixels.cost(points, 3000, SyntheticPixels.centers(clustering));
        assertTrue(expected > 0, "expected cost must be positive");
        assertEquals(expected, clustering.cost(), expected * 1e-12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void readsOnlyTheFirstCountPointsOfALargerBuffer(Kernel kernel) {
        double[] points = SyntheticPixels.filmFrame(5, 1000, 6);
        double[] buffer = Arrays.copyOf(points, 1500 * 3);
        Arrays.fill(buffer, 1000 * 3, buffer.length, Double.NaN);

        assertEquals(kernel.fit(8, points, 1000, 4), kernel.fit(8, buffer, 1000, 4));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void aReusedInstanceGivesTheSameResultAsAFreshOne(Kernel kernel) {
        double[] small = SyntheticPixels.filmFrame(1, 500, 4);
        double[] large = SyntheticPixels.filmFrame(2, 3000, 9);
        TaskKMeans kMeans = new TaskKMeans(8, 20, 1e-4);
        TaskBisectingKMeans bisecting = new TaskBisectingKMeans(8, 20);

        kMeans.fit(large, 3, 3000, 1);
        bisecting.fit(large, 3, 3000, 1);

        assertEquals(new TaskKMeans(8, 20, 1e-4).fit(small, 3, 500, 1), kMeans.fit(small, 3, 500, 1));
        assertEquals(new TaskBisectingKMeans(8, 20).fit(small, 3, 500, 1), bisecting.fit(small, 3, 500, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void badInputIsRejectedWithAMessageNamingIt(Kernel kernel) {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> kernel.fit(8, new double[0], 0, 1));
        assertEquals("Invalid count: 0 (must be at least 1 point)", empty.getMessage());

        IllegalArgumentException shortArray = assertThrows(IllegalArgumentException.class,
                () -> kernel.fit(8, new double[5], 2, 1));
        assertEquals("Invalid points length: 5 (must be at least count 2 × dimensions 3)", shortArray.getMessage());

        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> kernel.fit(8, new double[] {1, 2, 3, 4, Double.NaN, 6}, 2, 1));
        assertEquals("Invalid points[4]: NaN (must be finite)", nan.getMessage());
    }

    /** Each true blob center has a found center within 0.5, with exactly the blob's points. */
    private static void assertBlobsFound(Clustering clustering) {
        assertEquals(3, clustering.count(), () -> "centers: " + clustering);
        boolean[] matched = new boolean[3];
        for (int b = 0; b < BLOB_CENTERS.length; b++) {
            int found = -1;
            for (int c = 0; c < 3; c++) {
                double[] center = clustering.center(c);
                double distance = Math.sqrt(squared(center[0] - BLOB_CENTERS[b][0])
                        + squared(center[1] - BLOB_CENTERS[b][1]) + squared(center[2] - BLOB_CENTERS[b][2]));
                if (distance < 0.5) {
                    found = c;
                }
            }
            int blob = b;
            assertTrue(found >= 0, () -> "no center within 0.5 of blob " + blob + ": " + clustering);
            assertTrue(!matched[found], "two blobs matched one center");
            matched[found] = true;
            assertEquals(BLOB_SIZES[b], clustering.sizes()[found]);
        }
    }

    private static double squared(double value) {
        return value * value;
    }
}
