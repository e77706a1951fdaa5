package org.filmpalette.testing;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.Thumbnail;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * Gives the {@code still_palettes} view of a session a {@code thumbnail} column, as the tables will have once the
 * job stores thumbnails: each data-sample frame of the given films decoded as the job decodes it and encoded by
 * {@link Thumbnail}.
 */
public final class ThumbnailViews {

    private ThumbnailViews() {}

    /** Replaces the view; returns the thumbnails by {@code film/frame}. */
    public static Map<String, byte[]> addTo(SparkSession spark, String... films) {
        Map<String, byte[]> thumbnails = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(256, 250_000_000L);
        for (String film : films) {
            try (Stream<Path> files = Files.list(Path.of("data-sample", film))) {
                for (Path file : files.sorted().toList()) {
                    String frame = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
                    try (InputStream in = Files.newInputStream(file)) {
                        byte[] jpeg = Thumbnail.jpeg(decoder.decode(in));
                        thumbnails.put(film + "/" + frame, jpeg);
                        rows.add(RowFactory.create(film, frame, jpeg));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FrameRejectedException e) {
                throw new IllegalStateException("data-sample frames decode", e);
            }
        }
        StructType schema = new StructType().add("t_film", DataTypes.StringType).add("t_frame", DataTypes.StringType)
                .add(TableSchemas.THUMBNAIL, DataTypes.BinaryType);
        Dataset<Row> stills = spark.table(Table.STILL_PALETTES.id());
        Dataset<Row> joined = stills.join(spark.createDataFrame(rows, schema),
                stills.col(TableSchemas.FILM_ID).equalTo(col("t_film"))
                        .and(stills.col(TableSchemas.FRAME_ID).equalTo(col("t_frame"))), "left")
                .drop("t_film", "t_frame");
        joined.localCheckpoint().createOrReplaceTempView(Table.STILL_PALETTES.id());
        return thumbnails;
    }
}
