package org.filmpalette.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Thumbnails;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.ingest.scan.ScanDecoder;
import org.filmpalette.store.TableSchemas;

/**
 * Task function: reads each listed frame through the Hadoop FileSystem, decodes it downscaled (DPX and OpenEXR
 * scans through {@link ScanDecoder}, other images through {@link FrameDecoder}) and emits its whole-raster statistics
 * ({@link StillRows}: color bins, accent regions, grid cells when the {@code grid} algorithm runs, the blank flag),
 * letterbox bars cropped. A frame that cannot be used becomes a rejected row with its reason, whatever failed on it
 * (files over the size cap are not even opened); the task never fails on one.
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
    private final String nativesCacheDir;
    private final Thumbnails thumbnails;

    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int maxBins) {
        this(conf, maxSide, limits, maxBins, null);
    }

    /** With {@code gridSpace} non-null, each ok row also carries its grid cells with means in that space. */
    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int maxBins, ColorSpace gridSpace) {
        this(conf, maxSide, limits, maxBins, gridSpace, "", Thumbnails.NONE);
    }

    /**
     * As above; DPX and EXR scans are decoded by FFmpeg with its natives extracted to {@code nativesCacheDir}, and ok
     * rows carry a thumbnail when {@code thumbnails} says so.
     */
    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int maxBins, ColorSpace gridSpace,
            String nativesCacheDir, Thumbnails thumbnails) {
        this.conf = conf;
        this.maxSide = maxSide;
        this.limits = limits;
        this.maxBins = maxBins;
        this.gridSpace = gridSpace;
        this.nativesCacheDir = nativesCacheDir;
        this.thumbnails = thumbnails;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> listed) {
        FrameDecoder decoder = new FrameDecoder(maxSide, limits);
        ScanDecoder scans = new ScanDecoder(maxSide, limits.maxPixels(), nativesCacheDir);
        StillRows rows = stillRows();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return listed.hasNext();
            }

            @Override
            public Row next() {
                return decode(listed.next(), decoder, scans, rows);
            }
        };
    }

    private Row decode(Row frame, FrameDecoder decoder, ScanDecoder scans, StillRows rows) {
        Path path = new Path(frame.getString(LISTED_PATH));
        try {
            limits.checkFileSize(frame.getLong(LISTED_SIZE_BYTES));
        } catch (FrameRejectedException e) {
            return rejected(frame, null, null, VideoTiming.NONE, e);
        }
        try (InputStream in = path.getFileSystem(conf.value()).open(path)) {
            DecodedFrame decoded = ScanDecoder.isScan(path.getName())
                    ? scans.decode(in, path.getName()) : decoder.decode(in);
            return sampled(frame, decoded, VideoTiming.NONE, rows);
        } catch (FrameRejectedException e) {
            return rejected(frame, null, null, VideoTiming.NONE, e);
        } catch (IOException e) {
            return rejected(frame, null, null, VideoTiming.NONE,
                    new FrameRejectedException(RejectReason.READ_ERROR, e.toString()));
        } catch (RuntimeException | Error e) {
            // The file is the unit of failure: whatever else breaks on it (the storage client, a stage after
            // decoding) becomes its reject, and the task goes on with the next file.
            return rejected(frame, null, null, VideoTiming.NONE, FrameDecoder.unexpected(e));
        }
    }

    /**
     * The {@link StageSchemas#SAMPLED} row of a listed frame ({@link StageSchemas#LISTED}) and its decoded pixels: the
     * one path from pixels to a row, for image files here and for video stills ({@link VideoStills}), whose
     * {@code timing} an image file has none of.
     */
    Row sampled(Row frame, DecodedFrame decoded, VideoTiming timing, StillRows rows) {
        return rows.of(frame.getString(LISTED_FILM_ID), frame.getString(LISTED_FRAME_ID),
                frame.getString(LISTED_PATH), frame.getLong(LISTED_SIZE_BYTES),
                frame.getTimestamp(LISTED_MODIFIED_AT), decoded, timing);
    }

    /** The still statistics of this stage's settings, one per task. */
    StillRows stillRows() {
        return new StillRows(maxBins, gridSpace, thumbnails);
    }

    /**
     * The rejected {@link StageSchemas#SAMPLED} row of a listed frame, with its picture size and video timing when
     * they are known.
     */
    static Row rejected(Row frame, Integer width, Integer height, VideoTiming timing, FrameRejectedException reason) {
        return StillRows.rejected(frame.getString(LISTED_FILM_ID), frame.getString(LISTED_FRAME_ID),
                frame.getString(LISTED_PATH), frame.getLong(LISTED_SIZE_BYTES),
                frame.getTimestamp(LISTED_MODIFIED_AT), width, height, timing, reason);
    }
}
