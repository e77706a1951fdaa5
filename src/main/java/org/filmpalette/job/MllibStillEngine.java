package org.filmpalette.job;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.SAMPLED_PIXELS;
import static org.filmpalette.store.TableSchemas.STATUS;
import static org.filmpalette.store.TableSchemas.STATUS_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.filmpalette.cluster.AccentPreservingFitter;
import org.filmpalette.cluster.Clustering;
import org.filmpalette.cluster.MllibClusterer;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Palette;

/**
 * The {@code --still-engine mllib} path: one genuine MLlib fit per still and algorithm, fitted concurrently from the
 * driver. Seconds per fit, so it is for small archives and for checking the in-task kernels against MLlib. In
 * {@code --palette-mode accents} the MLlib centers then go through the same accent pass as the task engine's, on the
 * driver, over the still's sampled pixels.
 */
final class MllibStillEngine {

    private static final String POSITION = "position";
    private static final String RGB = "rgb";

    private final SparkSession spark;
    private final JobConfig config;

    MllibStillEngine(SparkSession spark, JobConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Rows of {@link StageSchemas#CLUSTERED} for the sampled frames. */
    Dataset<Row> cluster(Dataset<Row> sampled) {
        Dataset<Row> frames = sampled.persist(StorageLevel.MEMORY_AND_DISK());
        List<Row> okFrames = frames.where(col(STATUS).equalTo(STATUS_OK)).select(FILM_ID, FRAME_ID)
                .orderBy(FILM_ID, FRAME_ID).collectAsList();
        MllibClusterer clusterer = new MllibClusterer(config.k(), config.maxIterations());
        List<Callable<Row>> fits = new ArrayList<>();
        for (Row frame : okFrames) {
            fits.add(() -> fitStill(frames, clusterer, frame.getString(0), frame.getString(1)));
        }
        List<Row> palettes = new DriverPool(spark.sparkContext(), config.parallelism())
                .run("fit still palettes with MLlib", fits);
        Dataset<Row> byFrame = spark.createDataFrame(palettes, DataTypes.createStructType(List.of(
                DataTypes.createStructField(FILM_ID, DataTypes.StringType, false),
                DataTypes.createStructField(FRAME_ID, DataTypes.StringType, false),
                DataTypes.createStructField(StageSchemas.PALETTES,
                        DataTypes.createArrayType(StageSchemas.STILL_PALETTE, false), false))));
        return frames.join(byFrame, JoinKeys.of(FILM_ID, FRAME_ID),
                        "left")
                .withColumn(SAMPLED_PIXELS, when(col(StageSchemas.PIXELS).isNull(), lit(0))
                        .otherwise(size(col(StageSchemas.PIXELS))))
                .withColumn(StageSchemas.PALETTES, coalesce(col(StageSchemas.PALETTES),
                        array().cast(DataTypes.createArrayType(StageSchemas.STILL_PALETTE, false))))
                .select(StageSchemas.columns(StageSchemas.CLUSTERED));
    }

    private Row fitStill(Dataset<Row> frames, MllibClusterer clusterer, String filmId, String frameId) {
        Dataset<Row> points = frames
                .where(col(FILM_ID).equalTo(filmId).and(col(FRAME_ID).equalTo(frameId)))
                .select(posexplode(col(StageSchemas.PIXELS)).as(new String[] {POSITION, RGB}))
                .repartition(1)
                .sortWithinPartitions(POSITION)
                .select(ColorFeatures.in(config.colorSpace()).apply(col(RGB)).as(MllibClusterer.FEATURES));
        long seed = PixelSampler.frameSeed(config.seed(), filmId, frameId);
        double[] pixels = config.paletteMode() == PaletteMode.ACCENTS ? encodedPixels(frames, filmId, frameId) : null;
        List<Row> palettes = new ArrayList<>();
        for (Algorithm algorithm : config.algorithms()) {
            MllibClusterer.Result fit = clusterer.fit(points, algorithm, seed);
            Palette palette;
            double cost = fit.cost();
            if (pixels == null) {
                palette = Palette.fromCenters(fit.centers(), fit.dimensions(), fit.weights(), config.colorSpace(),
                        config.order());
            } else {
                int count = pixels.length / 3;
                Clustering clustering = new AccentPreservingFitter(config.colorSpace(), config.k(),
                        config.maxIterations()).refine(pixels, count,
                        Clustering.assign(pixels, 3, count, fit.centers()), seed);
                palette = Palette.fromCenters(clustering.centers(), 3, weights(clustering), config.colorSpace(),
                        config.order());
                cost = clustering.cost();
            }
            palettes.add(RowFactory.create(algorithm.id(), PaletteRows.colors(palette), cost));
        }
        return RowFactory.create(filmId, frameId, palettes.toArray(new Row[0]));
    }

    /** The still's sampled pixels in sample order, encoded in the clustering space. */
    private double[] encodedPixels(Dataset<Row> frames, String filmId, String frameId) {
        List<Integer> rgb = frames.where(col(FILM_ID).equalTo(filmId).and(col(FRAME_ID).equalTo(frameId)))
                .select(StageSchemas.PIXELS).first().getList(0);
        ColorSpace space = config.colorSpace();
        double[] points = new double[rgb.size() * 3];
        for (int i = 0; i < rgb.size(); i++) {
            space.encode(rgb.get(i), points, i * 3);
        }
        return points;
    }

    private static double[] weights(Clustering clustering) {
        double[] weights = new double[clustering.count()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = clustering.sizes()[i];
        }
        return weights;
    }
}
