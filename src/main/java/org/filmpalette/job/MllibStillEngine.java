package org.filmpalette.job;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.when;
import static org.filmpalette.store.TableSchemas.FILM_ID;
import static org.filmpalette.store.TableSchemas.FRAME_ID;
import static org.filmpalette.store.TableSchemas.SAMPLED_PIXELS;
import static org.filmpalette.store.TableSchemas.STATUS;
import static org.filmpalette.store.TableSchemas.STATUS_OK;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.filmpalette.cluster.AccentPreservingFitter;
import org.filmpalette.cluster.Clustering;
import org.filmpalette.cluster.MllibClusterer;
import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobConfig;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Palette;

/**
 * The {@code --still-engine mllib} path: one genuine MLlib fit per still and algorithm, fitted concurrently from the
 * driver, on the still's color bins weighted by their pixels ({@code weightCol}). Seconds per fit, so it is for
 * small archives and for checking the in-task kernels against MLlib. Shares and cost are counted over the bins on the
 * driver; in {@code --palette-mode accents} the MLlib centers then go through the same accent pass as the task
 * engine's, with the still's region candidates.
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
            fits.add(() -> fitStill(frames, clusterer, frame.getAs(FILM_ID), frame.getAs(FRAME_ID)));
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
                .withColumn(SAMPLED_PIXELS, when(col(StageSchemas.BIN_COUNTS).isNull(), lit(0))
                        .otherwise(aggregate(col(StageSchemas.BIN_COUNTS), lit(0), Column::plus)))
                .withColumn(StageSchemas.PALETTES, coalesce(col(StageSchemas.PALETTES),
                        array().cast(DataTypes.createArrayType(StageSchemas.STILL_PALETTE, false))))
                .select(StageSchemas.columns(StageSchemas.CLUSTERED));
    }

    private Row fitStill(Dataset<Row> frames, MllibClusterer clusterer, String filmId, String frameId) {
        Dataset<Row> still = frames.where(col(FILM_ID).equalTo(filmId).and(col(FRAME_ID).equalTo(frameId)));
        Dataset<Row> points = still
                .select(posexplode(col(StageSchemas.BIN_COLORS)).as(new String[] {POSITION, RGB}),
                        col(StageSchemas.BIN_COUNTS))
                .repartition(1)
                .sortWithinPartitions(POSITION)
                .select(ColorFeatures.in(config.colorSpace()).apply(col(RGB)).as(MllibClusterer.FEATURES),
                        element_at(col(StageSchemas.BIN_COUNTS), col(POSITION).plus(1)).cast(DataTypes.DoubleType)
                                .as(MllibClusterer.WEIGHT));
        long seed = PixelSampler.frameSeed(config.seed(), filmId, frameId);
        Row sampled = still.select(StageSchemas.columns(StageSchemas.SAMPLED)).first();
        PaletteFitter.Still bins = new PaletteFitter(config.colorSpace(), config.k(), config.maxIterations(),
                config.order(), config.paletteMode()).still(SampledRows.bins(sampled), SampledRows.regions(sampled),
                null);
        AccentPreservingFitter accents = new AccentPreservingFitter(config.colorSpace(), config.k());
        List<Row> palettes = new ArrayList<>();
        for (Algorithm algorithm : config.algorithms()) {
            MllibClusterer.Result fit = clusterer.fit(points, algorithm, seed, true);
            Clustering clustering = Clustering.assign(bins.points(), bins.weights(), 3, bins.count(), fit.centers());
            if (config.paletteMode() == PaletteMode.ACCENTS && !bins.candidates().isEmpty()) {
                clustering = accents.refine(bins.points(), bins.weights(), bins.count(), clustering,
                        bins.candidates());
            }
            Palette palette = Palette.fromCenters(clustering.centers(), 3, weights(clustering), config.colorSpace(),
                    config.order());
            palettes.add(RowFactory.create(algorithm.id(), PaletteRows.colors(palette), clustering.cost()));
        }
        return RowFactory.create(filmId, frameId, palettes.toArray(new Row[0]));
    }

    private static double[] weights(Clustering clustering) {
        double[] weights = new double[clustering.count()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = clustering.sizes()[i];
        }
        return weights;
    }
}
