package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClusteringTest {

    @Test
    void assignCountsNearestPointsSumsSquaredDistancesAndDropsEmptyCenters() {
        double[] points = {0, 0, 1, 0, 10, 0, 11, 0};
        double[] centers = {0.5, 0, 100, 100, 10, 0};

        Clustering clustering = Clustering.assign(points, 2, 4, centers);

        assertEquals(2, clustering.count());
        assertArrayEquals(new double[] {0.5, 0, 10, 0}, clustering.centers());
        assertArrayEquals(new long[] {2, 2}, clustering.sizes());
        assertEquals(0.25 + 0.25 + 0 + 1, clustering.cost());
    }

    @Test
    void tiesGoToTheLowerCenter() {
        Clustering clustering = Clustering.assign(new double[] {5}, 1, 1, new double[] {4, 6});

        assertArrayEquals(new double[] {4}, clustering.centers());
    }

    @Test
    void centerIsACopy() {
        Clustering clustering = new Clustering(2, new double[] {1, 2, 3, 4}, new long[] {1, 1}, 0);

        double[] center = clustering.center(1);
        center[0] = 99;

        assertArrayEquals(new double[] {3, 4}, clustering.center(1));
        assertNotSame(clustering.center(0), clustering.center(0));
        assertEquals("Invalid center index: 2 (must be in [0, 2))",
                assertThrows(IndexOutOfBoundsException.class, () -> clustering.center(2)).getMessage());
    }

    @Test
    void equalityComparesArrayContents() {
        assertEquals(new Clustering(1, new double[] {1}, new long[] {3}, 0.5),
                new Clustering(1, new double[] {1}, new long[] {3}, 0.5));
    }

    @Test
    void inconsistentComponentsAreRejected() {
        assertEquals("Invalid centers length: 3 (must be sizes.length 2 × dimensions 2)",
                assertThrows(IllegalArgumentException.class,
                        () -> new Clustering(2, new double[3], new long[] {1, 1}, 0)).getMessage());
        assertEquals("Invalid sizes[1]: 0 (must be at least 1)",
                assertThrows(IllegalArgumentException.class,
                        () -> new Clustering(1, new double[2], new long[] {1, 0}, 0)).getMessage());
        assertEquals("Invalid cost: -1.0 (must be a non-negative number)",
                assertThrows(IllegalArgumentException.class,
                        () -> new Clustering(1, new double[1], new long[] {1}, -1)).getMessage());
    }
}
