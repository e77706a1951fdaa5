package org.filmpalette.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.List;

import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.filmpalette.config.Algorithm;

/**
 * Adapter to the genuine MLlib estimators: fits {@code KMeans} or {@code BisectingKMeans} on a DataFrame of points
 * and returns the centers with the total weight (or point count) nearest to each, as the model assigns them.
 */
public final class MllibClusterer {

    /** Column of {@code ml.linalg.Vector} points the estimators read. */
    public static final String FEATURES = "features";
    /** Column of point weights, when the fit is weighted. */
    public static final String WEIGHT = "weight";

    private static final String PREDICTION = "prediction";

    private final int k;
    private final int maxIterations;

    public MllibClusterer(int k, int maxIterations) {
        this.k = k;
        this.maxIterations = maxIterations;
    }

    /** Centers (flat, {@code dimensions} each), their assigned weights, and the model's training cost. */
    public record Result(int dimensions, double[] centers, double[] weights, double cost) {

        public int count() {
            return weights.length;
        }
    }

    /**
     * Fits {@code points} ({@value #FEATURES}, and {@value #WEIGHT} when {@code weighted}). The caller fixes the
     * points' order and partitioning: MLlib's k-means|| seeding depends on both.
     */
    public Result fit(Dataset<Row> points, Algorithm algorithm, long seed, boolean weighted) {
        return switch (algorithm) {
            case KMEANS -> {
                // The "row" solver: MLlib 4.1's block solver fails with ArrayIndexOutOfBounds when the data has
                // fewer distinct points than k, which palettes of flat frames have.
                KMeans estimator = new KMeans().setK(k).setMaxIter(maxIterations).setTol(1e-4).setSeed(seed)
                        .setSolver("row").setFeaturesCol(FEATURES).setPredictionCol(PREDICTION);
                if (weighted) {
                    estimator.setWeightCol(WEIGHT);
                }
                KMeansModel model = estimator.fit(points);
                yield result(model.clusterCenters(), model.transform(points), model.summary().clusterSizes(),
                        model.summary().trainingCost(), weighted);
            }
            case BISECTING -> {
                BisectingKMeans estimator = new BisectingKMeans().setK(k).setMaxIter(maxIterations).setSeed(seed)
                        .setFeaturesCol(FEATURES).setPredictionCol(PREDICTION);
                if (weighted) {
                    estimator.setWeightCol(WEIGHT);
                }
                BisectingKMeansModel model = estimator.fit(points);
                yield result(model.clusterCenters(), model.transform(points), model.summary().clusterSizes(),
                        model.summary().trainingCost(), weighted);
            }
        };
    }

    private static Result result(Vector[] centers, Dataset<Row> predicted, long[] sizes, double cost, boolean weighted) {
        int dimensions = centers.length == 0 ? 0 : centers[0].size();
        double[] flat = new double[centers.length * dimensions];
        for (int i = 0; i < centers.length; i++) {
            System.arraycopy(centers[i].toArray(), 0, flat, i * dimensions, dimensions);
        }
        double[] weights = new double[centers.length];
        if (weighted) {
            List<Row> totals = predicted.groupBy(col(PREDICTION)).agg(sum(col(WEIGHT))).collectAsList();
            for (Row total : totals) {
                weights[total.getInt(0)] = total.getDouble(1);
            }
        } else {
            // The summary has k sizes even when MLlib found fewer distinct centers.
            for (int i = 0; i < weights.length; i++) {
                weights[i] = sizes[i];
            }
        }
        return new Result(dimensions, flat, weights, cost);
    }
}
