package org.filmpalette.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.store.TableSchemas;

/**
 * Task function: reads each listed frame through the Hadoop FileSystem, decodes it downscaled and emits its
 * whole-raster statistics ({@link StillRows}: color bins, accent regions, grid cells when the {@code grid} algorithm
 * runs, the blank flag), letterbox bars cropped. A frame that cannot be used becomes a rejected row with its reason,
 * whatever failed on it (files over the size cap are not even opened); the task never fails on one.
 */
final class DecodeAndSample implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final int LISTED_FILM_ID = StageSchemas.index(StageSchemas.LISTED, TableSchemas.FILM_ID);
    private static final int LISTED_FRAME_ID = StageSchemas.index(StageSchemas.LISTED, TableSchemas.FRAME_ID);
    private static final int LISTED_PATH = StageSchemas.index(StageSchemas.LISTED, TableSchemas.PATH);
    private static final int LISTED_SIZE_BYTES = StageSchemas.index(StageSchemas.LISTED, TableSchemas.SIZE_BYTES);
    private static final int LISTED_MODIFIED_AT = StageSchemas.index(StageSchemas.LISTED, TableSchemas.MODIFIED_AT);

    private final HadoopConfiguration conf;
    private final int maxSide;
    private final DecodeLimits limits;
    private final int maxBins;
    private final ColorSpace gridSpace;

    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int maxBins) {
        this(conf, maxSide, limits, maxBins, null);
    }

    /** With {@code gridSpace} non-null, each ok row also carries its grid cells with means in that space. */
    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int maxBins, ColorSpace gridSpace) {
        this.conf = conf;
        this.maxSide = maxSide;
        this.limits = limits;
        this.maxBins = maxBins;
        this.gridSpace = gridSpace;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> listed) {
        FrameDecoder decoder = new FrameDecoder(maxSide, limits);
        StillRows rows = new StillRows(maxBins, gridSpace);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return listed.hasNext();
            }

            @Override
            public Row next() {
                return decode(listed.next(), decoder, rows);
            }
        };
    }

    private Row decode(Row frame, FrameDecoder decoder, StillRows rows) {
        Path path = new Path(frame.getString(LISTED_PATH));
        try {
            limits.checkFileSize(frame.getLong(LISTED_SIZE_BYTES));
        } catch (FrameRejectedException e) {
            return rejected(frame, null, null, e);
        }
        try (InputStream in = path.getFileSystem(conf.value()).open(path)) {
            DecodedFrame decoded = decoder.decode(in);
            return rows.of(frame.getString(LISTED_FILM_ID), frame.getString(LISTED_FRAME_ID),
                    frame.getString(LISTED_PATH), frame.getLong(LISTED_SIZE_BYTES),
                    frame.getTimestamp(LISTED_MODIFIED_AT), decoded);
        } catch (FrameRejectedException e) {
            return rejected(frame, null, null, e);
        } catch (IOException e) {
            return rejected(frame, null, null, new FrameRejectedException(RejectReason.READ_ERROR, e.toString()));
        } catch (RuntimeException | Error e) {
            // The file is the unit of failure: whatever else breaks on it (the storage client, a stage after
            // decoding) becomes its reject, and the task goes on with the next file.
            return rejected(frame, null, null, FrameDecoder.unexpected(e));
        }
    }

    private static Row rejected(Row frame, Integer width, Integer height, FrameRejectedException reason) {
        return StillRows.rejected(frame.getString(LISTED_FILM_ID), frame.getString(LISTED_FRAME_ID),
                frame.getString(LISTED_PATH), frame.getLong(LISTED_SIZE_BYTES),
                frame.getTimestamp(LISTED_MODIFIED_AT), width, height, reason);
    }
}
