package org.filmpalette.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.apache.spark.ml.clustering.BisectingKMeans;
import org.apache.spark.ml.clustering.BisectingKMeansModel;
import org.apache.spark.ml.clustering.KMeans;
import org.apache.spark.ml.clustering.KMeansModel;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

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

    private static final StructType WEIGHTED_SCHEMA = new StructType()
            .add(FEATURES, SQLDataTypes.VectorType(), false)
            .add(WEIGHT, DataTypes.DoubleType, false);

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
     * Fits {@code points} ({@value #FEATURES}), each point weighing one. The caller fixes the points' order and
     * partitioning: MLlib's k-means|| seeding depends on both.
     */
    public Result fit(Dataset<Row> points, Algorithm algorithm, long seed) {
        return fit(points, algorithm, seed, false);
    }

    /**
     * Fits {@code points} ({@value #FEATURES}), weighted by their {@value #WEIGHT} column when {@code weighted}
     * (MLlib's {@code weightCol}: a still's color bins weighted by their pixels). The result's weights are the
     * points per center as the model's summary counts them, unweighted.
     */
    public Result fit(Dataset<Row> points, Algorithm algorithm, long seed, boolean weighted) {
        Model model = model(points, algorithm, seed, weighted);
        double[] weights = new double[model.centers().length];
        long[] sizes = model.sizes().get();
        // The summary has k sizes even when MLlib found fewer distinct centers.
        for (int i = 0; i < weights.length; i++) {
            weights[i] = sizes[i];
        }
        return result(model, weights);
    }

    /**
     * Fits weighted points held on the driver (a film's few thousand palette colors): MLlib reads them as one
     * partition in the given order, and each center's weight is summed on the driver, in that order, over the points
     * the model itself assigns to it ({@code predict}, as {@code transform} would), without a further Spark job.
     *
     * @param features points, in the order MLlib is to read them; at least one
     * @param weights  one non-negative weight per point
     */
    public Result fitWeighted(SparkSession spark, List<Vector> features, double[] weights, Algorithm algorithm,
            long seed) {
        if (features.isEmpty() || features.size() != weights.length) {
            throw new IllegalArgumentException("Invalid weights length: " + weights.length + " (must equal the "
                    + features.size() + " points, at least one)");
        }
        List<Row> rows = new ArrayList<>(features.size());
        for (int i = 0; i < weights.length; i++) {
            rows.add(RowFactory.create(features.get(i), weights[i]));
        }
        // A local relation is split by the default parallelism: coalesce (no shuffle) keeps the order in one partition.
        Dataset<Row> points = spark.createDataFrame(rows, WEIGHTED_SCHEMA).coalesce(1);
        Model model = model(points, algorithm, seed, true);
        double[] totals = new double[model.centers().length];
        for (int i = 0; i < weights.length; i++) {
            totals[model.predict().applyAsInt(features.get(i))] += weights[i];
        }
        return result(model, totals);
    }

    /**
     * Fits a film's still palettes: every color of every still, in still order and rank order, encoded in
     * {@code space} and weighted by its share of its still, so each still counts equally.
     */
    public Result fitStillColors(SparkSession spark, List<Palette> stills, ColorSpace space, Algorithm algorithm,
            long seed) {
        List<Vector> features = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double[] point = new double[3];
        for (Palette still : stills) {
            for (Swatch swatch : still.swatches().stream().sorted(Comparator.comparingInt(Swatch::rank)).toList()) {
                space.encode(swatch.rgb(), point, 0);
                features.add(Vectors.dense(point.clone()));
                weights.add(swatch.share());
            }
        }
        return fitWeighted(spark, features, weights.stream().mapToDouble(Double::doubleValue).toArray(), algorithm,
                seed);
    }

    /**
     * What the callers need of a fitted MLlib model. The summary's cluster sizes cost a Spark job (a transform and a
     * group-by), so they are only computed when asked for.
     */
    private record Model(Vector[] centers, Supplier<long[]> sizes, double cost, ToIntFunction<Vector> predict) {}

    private Model model(Dataset<Row> points, Algorithm algorithm, long seed, boolean weighted) {
        return switch (algorithm) {
            // Film palettes of grid stills: k-means over the stills' colors (the cells were reduced per still).
            case KMEANS, GRID -> {
                // The "row" solver: MLlib 4.1's block solver fails with ArrayIndexOutOfBounds when the data has
                // fewer distinct points than k, which palettes of flat frames have.
                KMeans estimator = new KMeans().setK(k).setMaxIter(maxIterations).setTol(1e-4).setSeed(seed)
                        .setSolver("row").setFeaturesCol(FEATURES).setPredictionCol(PREDICTION);
                if (weighted) {
                    estimator.setWeightCol(WEIGHT);
                }
                KMeansModel model = estimator.fit(points);
                yield new Model(model.clusterCenters(), () -> model.summary().clusterSizes(),
                        model.summary().trainingCost(), model::predict);
            }
            case BISECTING -> {
                BisectingKMeans estimator = new BisectingKMeans().setK(k).setMaxIter(maxIterations).setSeed(seed)
                        .setFeaturesCol(FEATURES).setPredictionCol(PREDICTION);
                if (weighted) {
                    estimator.setWeightCol(WEIGHT);
                }
                BisectingKMeansModel model = estimator.fit(points);
                yield new Model(model.clusterCenters(), () -> model.summary().clusterSizes(),
                        model.summary().trainingCost(), model::predict);
            }
        };
    }

    private static Result result(Model model, double[] weights) {
        Vector[] centers = model.centers();
        int dimensions = centers.length == 0 ? 0 : centers[0].size();
        double[] flat = new double[centers.length * dimensions];
        for (int i = 0; i < centers.length; i++) {
            System.arraycopy(centers[i].toArray(), 0, flat, i * dimensions, dimensions);
        }
        return new Result(dimensions, flat, weights, model.cost());
    }
}
