package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.ingest.ColorBins;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.testing.SharedSpark;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-task kernels, configured as {@link PaletteFitter} configures them for the pipeline, against genuine MLlib
 * fits with {@code weightCol} on the same weighted color bins (docs/design.md §3): the kernel's cost must be within 2 % of
 * MLlib's. Both costs are recomputed here in plain Java from the centers, as the sum over the bins of pixels ×
 * squared distance to the nearest center: the k-means objective over every pixel of the frame.
 */
class MllibParityTest {

    private static final int K = 8;
    private static final long SEED = 42;
    private static final double TOLERATED_RATIO = 1.02;

    /** Frames of data-sample, decoded and binned as the job does, in CIELAB. */
    static Stream<Arguments> frames() throws IOException, FrameRejectedException {
        List<Arguments> frames = new ArrayList<>();
        for (String frame : List.of("big_buck_bunny/frame_00005.jpg", "big_buck_bunny/frame_00019.jpg",
                "synthetic-dusk/frame_00003.jpg", "big_buck_bunny/frame_00013.jpg")) {
            try (InputStream in = Files.newInputStream(Path.of("data-sample", frame))) {
                ColorBins bins = ColorBins.of(Letterbox.crop(new FrameDecoder(480, Long.MAX_VALUE).decode(in)), 4096,
                        null);
                double[] points = new double[bins.size() * 3];
                for (int i = 0; i < bins.size(); i++) {
                    ColorSpace.LAB.encode(bins.rgb()[i], points, i * 3);
                }
                frames.add(Arguments.of(frame, points, bins.counts()));
            }
        }
        return frames.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void taskKernelsCostAtMostTwoPercentMoreThanMllibOnWeightedBins(String name, double[] points, int[] weights) {
        int count = weights.length;
        long pixels = Arrays.stream(weights).asLongStream().sum();
        Dataset<Row> features = features(points, weights).cache();
        try {
            assertEquals(count, features.count(), "the frame must not be empty");
            assertTrue(count >= 3 * K && count < pixels / 4, "bins must be far fewer than pixels: " + count);

            Vector[] kMeansCenters = new KMeans().setK(K).setSeed(SEED).setMaxIter(20).setTol(1e-4)
                    .setWeightCol("weight").fit(features).clusterCenters();
            Vector[] bisectingCenters = new BisectingKMeans().setK(K).setSeed(SEED).setMaxIter(20)
                    .setWeightCol("weight").fit(features).clusterCenters();
            double mllibKMeans = cost(points, weights, toArrays(kMeansCenters));
            double mllibBisecting = cost(points, weights, toArrays(bisectingCenters));

            // The kernels exactly as the pipeline builds them (restarts on a subsample, best refined on all points).
            Clustering taskKMeans = PaletteFitter.kMeansKernel(K, 20).fit(points, weights, 3, count, SEED);
            Clustering taskBisecting = PaletteFitter.bisectingKernel(K, 20).fit(points, weights, 3, count, SEED);
            Clustering refined = PaletteFitter.refinedBisecting(K, 20).fit(points, weights, 3, count, SEED);
            double taskKMeansCost = cost(points, weights, SyntheticPixels.centers(taskKMeans));
            double taskBisectingCost = cost(points, weights, SyntheticPixels.centers(taskBisecting));
            double refinedCost = cost(points, weights, SyntheticPixels.centers(refined));

            report(name, count, "kmeans", taskKMeansCost, mllibKMeans);
            report(name, count, "bisecting", taskBisectingCost, mllibBisecting);
            report(name, count, "refined", refinedCost, mllibBisecting);

            assertTrue(mllibKMeans > 0 && mllibBisecting > 0, "MLlib costs must be positive");
            assertEquals(taskKMeansCost, taskKMeans.cost(), taskKMeansCost * 1e-9, "reported k-means cost");
            assertEquals(taskBisectingCost, taskBisecting.cost(), taskBisectingCost * 1e-9, "reported bisecting cost");
            assertEquals(pixels, Arrays.stream(taskKMeans.sizes()).sum(), "k-means sizes are pixels");
            assertEquals(pixels, Arrays.stream(taskBisecting.sizes()).sum(), "bisecting sizes are pixels");
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

    private static void report(String frame, int bins, String algorithm, double task, double mllib) {
        System.out.printf("%-36s %4d bins %-9s task %12.1f  mllib %12.1f  ratio %.4f%n", frame, bins, algorithm, task,
                mllib, task / mllib);
    }

    /** Sum over the points of weight × squared distance to the nearest center. */
    private static double cost(double[] points, int[] weights, double[][] centers) {
        double total = 0;
        for (int p = 0; p < weights.length; p++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (double[] center : centers) {
                double sum = 0;
                for (int j = 0; j < 3; j++) {
                    double diff = points[p * 3 + j] - center[j];
                    sum += diff * diff;
                }
                nearest = Math.min(nearest, sum);
            }
            total += weights[p] * nearest;
        }
        return total;
    }

    /** One partition with the bins in order (coalesce, not a shuffle), so MLlib's fit is reproducible. */
    private static Dataset<Row> features(double[] points, int[] weights) {
        List<Row> rows = new ArrayList<>(weights.length);
        for (int p = 0; p < weights.length; p++) {
            rows.add(RowFactory.create(Vectors.dense(points[p * 3], points[p * 3 + 1], points[p * 3 + 2]),
                    (double) weights[p]));
        }
        StructType schema = new StructType().add("features", SQLDataTypes.VectorType())
                .add("weight", DataTypes.DoubleType);
        return SharedSpark.session().createDataFrame(rows, schema).coalesce(1);
    }

    private static double[][] toArrays(Vector[] centers) {
        double[][] arrays = new double[centers.length][];
        for (int i = 0; i < centers.length; i++) {
            arrays[i] = centers[i].toArray();
        }
        return arrays;
    }
}
