package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-task kernels, configured as {@link PaletteFitter} configures them for the pipeline, against genuine MLlib
 * fits on the same pixels (DESIGN.md §3): the kernel's cost must be within 2 % of MLlib's. Both costs are recomputed here in plain Java from the centers, as the sum of squared distances of
 * every point to its nearest center.
 */
class MllibParityTest {

    private static final int K = 8;
    private static final int POINTS = 4096;
    private static final long SEED = 42;
    private static final double TOLERATED_RATIO = 1.02;

    static Stream<Arguments> frames() {
        return Stream.of(
                frame("6 blobs", SyntheticPixels.filmFrame(101, POINTS, 6)),
                frame("8 blobs", SyntheticPixels.filmFrame(202, POINTS, 8)),
                frame("10 blobs", SyntheticPixels.filmFrame(303, POINTS, 10)),
                frame("uniform noise", SyntheticPixels.uniform(404, POINTS)));
    }

    private static Arguments frame(String name, double[] points) {
        return Arguments.of(name, points);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void taskKernelsCostAtMostTwoPercentMoreThanMllib(String name, double[] points) {
        Dataset<Row> features = features(points).cache();
        try {
            assertEquals(POINTS, features.count(), "the frame must not be empty");

            Vector[] kMeansCenters = new KMeans().setK(K).setSeed(SEED).setMaxIter(20).setTol(1e-4)
                    .fit(features).clusterCenters();
            Vector[] bisectingCenters = new BisectingKMeans().setK(K).setSeed(SEED).setMaxIter(20)
                    .fit(features).clusterCenters();
            double mllibKMeans = SyntheticPixels.cost(points, POINTS, toArrays(kMeansCenters));
            double mllibBisecting = SyntheticPixels.cost(points, POINTS, toArrays(bisectingCenters));

            // The kernels exactly as the pipeline builds them (restarts on a subsample, best refined on all points).
            TaskKMeans kMeans = PaletteFitter.kMeansKernel(K, 20);
            TaskBisectingKMeans bisecting = PaletteFitter.bisectingKernel(K, 20);
            Clustering taskKMeans = kMeans.fit(points, 3, POINTS, SEED);
            Clustering taskBisecting = bisecting.fit(points, 3, POINTS, SEED);
            double taskKMeansCost = SyntheticPixels.cost(points, POINTS, SyntheticPixels.centers(taskKMeans));
            double taskBisectingCost = SyntheticPixels.cost(points, POINTS, SyntheticPixels.centers(taskBisecting));
            // What the pipeline's "bisecting" returns: the trees refined by Lloyd iterations, never worse.
            Clustering refined = PaletteFitter.refinedBisecting(K, 20).fit(points, 3, POINTS, SEED);
            double refinedCost = SyntheticPixels.cost(points, POINTS, SyntheticPixels.centers(refined));

            report(name, "kmeans", taskKMeansCost, mllibKMeans, taskKMeans.count(), kMeansCenters.length,
                    millisPerFit(() -> kMeans.fit(points, 3, POINTS, SEED)));
            report(name, "bisecting", taskBisectingCost, mllibBisecting, taskBisecting.count(), bisectingCenters.length,
                    millisPerFit(() -> bisecting.fit(points, 3, POINTS, SEED)));
            report(name, "refined", refinedCost, mllibBisecting, refined.count(), bisectingCenters.length,
                    millisPerFit(() -> PaletteFitter.refinedBisecting(K, 20).fit(points, 3, POINTS, SEED)));

            assertTrue(mllibKMeans > 0 && mllibBisecting > 0, "MLlib costs must be positive");
            assertEquals(taskKMeansCost, taskKMeans.cost(), taskKMeansCost * 1e-9, "reported k-means cost");
            assertEquals(taskBisectingCost, taskBisecting.cost(), taskBisectingCost * 1e-9, "reported bisecting cost");
            assertEquals(POINTS, Arrays.stream(taskKMeans.sizes()).sum());
            assertEquals(POINTS, Arrays.stream(taskBisecting.sizes()).sum());
            assertTrue(taskKMeansCost <= TOLERATED_RATIO * mllibKMeans,
                    () -> "k-means: task " + taskKMeansCost + " vs MLlib " + mllibKMeans);
            assertTrue(taskBisectingCost <= TOLERATED_RATIO * mllibBisecting,
                    () -> "bisecting: task " + taskBisectingCost + " vs MLlib " + mllibBisecting);
            assertTrue(refinedCost <= TOLERATED_RATIO * mllibBisecting,
                    () -> "refined bisecting: task " + refinedCost + " vs MLlib " + mllibBisecting);
        } finally {
            features.unpersist();
        }
    }

    private static void report(String frame, String algorithm, double task, double mllib, int taskCenters,
            int mllibCenters, double millisPerFit) {
        System.out.printf("%-13s %-9s task %10.1f  mllib %10.1f  ratio %.4f  (%d vs %d centers; task %.2f ms CPU/fit)%n",
                frame, algorithm, task, mllib, task / mllib, taskCenters, mllibCenters, millisPerFit);
    }

    /** One partition with the points in order (coalesce, not a shuffle), so MLlib's fit is reproducible. */
    private static Dataset<Row> features(double[] points) {
        List<Row> rows = new ArrayList<>(POINTS);
        for (int p = 0; p < POINTS; p++) {
            rows.add(RowFactory.create(Vectors.dense(points[p * 3], points[p * 3 + 1], points[p * 3 + 2])));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType());
        return SharedSpark.session().createDataFrame(rows, schema).coalesce(1);
    }

    private static double[][] toArrays(Vector[] centers) {
        double[][] arrays = new double[centers.length][];
        for (int i = 0; i < centers.length; i++) {
            arrays[i] = centers[i].toArray();
        }
        return arrays;
    }

    /**
     * Mean CPU time of one fit on this thread over 10 fits, after 3 to warm up the JIT: CPU rather than wall time, so
     * the figure means something on a busy build machine.
     */
    private static double millisPerFit(Runnable fit) {
        for (int i = 0; i < 3; i++) {
            fit.run();
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < 10; i++) {
            fit.run();
        }
        return (threads.getCurrentThreadCpuTime() - started) / 10 / 1e6;
    }
}
