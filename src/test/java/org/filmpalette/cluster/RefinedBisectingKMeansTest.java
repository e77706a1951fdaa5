package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefinedBisectingKMeansTest {

    @Test
    void refinementMovesTheLeavesOfAnEvenBarToItsThirds() {
        // 900 evenly spaced points on x in [0, 100): the tree halves the bar and then halves the left half
        // (leaves near 12.5, 37.5, 75); k-means' fixed point is three equal thirds (16.7, 50, 83.3).
        double[] points = new double[900 * 3];
        for (int p = 0; p < 900; p++) {
            points[p * 3] = (p + 0.5) / 9;
        }

        Clustering tree = new TaskBisectingKMeans(3, 200).fit(points, 3, 900, 42);
        Clustering refined = new RefinedBisectingKMeans(3, 200, 0, 1, 1024).fit(points, 3, 900, 42);

        assertEquals(3, tree.count(), tree::toString);
        double[] treeX = {tree.centers()[0], tree.centers()[3], tree.centers()[6]};
        java.util.Arrays.sort(treeX);
        assertArrayEquals(new double[] {12.5, 37.5, 75}, treeX, 0.5, tree::toString);
        assertEquals(3, refined.count(), refined::toString);
        double[] refinedX = {refined.centers()[0], refined.centers()[3], refined.centers()[6]};
        java.util.Arrays.sort(refinedX);
        assertArrayEquals(new double[] {100 / 6.0, 50, 500 / 6.0}, refinedX, 0.5, refined::toString);
        for (long size : refined.sizes()) {
            assertEquals(300, size, 3, refined::toString);
        }
        assertTrue(refined.cost() < tree.cost() * 0.85, () -> refined.cost() + " vs tree " + tree.cost());
    }

    @Test
    void refinementNeverCostsMoreThanTheTreesOnFilmFrames() {
        double treeTotal = 0;
        double refinedTotal = 0;
        for (int frame = 0; frame < 8; frame++) {
            double[] points = SyntheticPixels.filmFrame(500 + frame, 4096, 6 + frame);
            Clustering tree = PaletteFitter.bisectingKernel(8, 20).fit(points, 3, 4096, 42);
            Clustering refined = PaletteFitter.refinedBisecting(8, 20).fit(points, 3, 4096, 42);
            assertEquals(4096, java.util.Arrays.stream(refined.sizes()).sum());
            assertEquals(SyntheticPixels.cost(points, 4096, SyntheticPixels.centers(refined)), refined.cost(),
                    refined.cost() * 1e-9);
            assertTrue(refined.cost() <= tree.cost() * 1.001,
                    "frame " + frame + ": refined " + refined.cost() + " vs tree " + tree.cost());
            treeTotal += tree.cost();
            refinedTotal += refined.cost();
        }
        double ratio = refinedTotal / treeTotal;
        assertTrue(ratio < 0.99, () -> "refined / tree cost over 8 frames: " + ratio);
    }

    @Test
    void sameInputAndSeedGiveTheSameClustering() {
        double[] points = SyntheticPixels.filmFrame(23, 4096, 9);

        Clustering first = PaletteFitter.refinedBisecting(8, 20).fit(points, 3, 4096, 7);
        RefinedBisectingKMeans reused = PaletteFitter.refinedBisecting(8, 20);
        reused.fit(SyntheticPixels.filmFrame(24, 3000, 5), 3, 3000, 1);
        Clustering second = reused.fit(points, 3, 4096, 7);

        assertEquals(first, second);
    }
}
