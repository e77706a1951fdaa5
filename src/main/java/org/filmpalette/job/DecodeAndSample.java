package org.filmpalette.job;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.ingest.BlankFrame;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.store.TableSchemas;

/**
 * Task function: reads each listed frame through the Hadoop FileSystem, decodes it downscaled and emits only its
 * pixel sample, letterbox bars cropped and blank (near-uniform black or white) frames flagged, plus its grid cells
 * when the {@code grid} algorithm runs (they need pixel positions, which the sample does not keep). A frame that
 * cannot be used becomes a rejected row with its reason, whatever failed on it (files over the size cap are not even
 * opened); the task never fails on one.
 */
final class DecodeAndSample implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final HadoopConfiguration conf;
    private final int maxSide;
    private final DecodeLimits limits;
    private final int sampleSize;
    private final long seed;
    private final ColorSpace gridSpace;

    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int sampleSize, long seed) {
        this(conf, maxSide, limits, sampleSize, seed, null);
    }

    /** With {@code gridSpace} non-null, each ok row also carries its {@link GridCells} with means in that space. */
    DecodeAndSample(HadoopConfiguration conf, int maxSide, DecodeLimits limits, int sampleSize, long seed,
            ColorSpace gridSpace) {
        this.conf = conf;
        this.maxSide = maxSide;
        this.limits = limits;
        this.sampleSize = sampleSize;
        this.seed = seed;
        this.gridSpace = gridSpace;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> listed) {
        FrameDecoder decoder = new FrameDecoder(maxSide, limits);
        PixelSampler sampler = new PixelSampler(sampleSize);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return listed.hasNext();
            }

            @Override
            public Row next() {
                return decode(listed.next(), decoder, sampler);
            }
        };
    }

    private Row decode(Row frame, FrameDecoder decoder, PixelSampler sampler) {
        String filmId = frame.getString(0);
        String frameId = frame.getString(1);
        Path path = new Path(frame.getString(2));
        try {
            limits.checkFileSize(frame.getLong(3));
        } catch (FrameRejectedException e) {
            return rejected(frame, null, null, e);
        }
        try (InputStream in = path.getFileSystem(conf.value()).open(path)) {
            DecodedFrame decoded = Letterbox.crop(decoder.decode(in));
            int[] pixels = sampler.sample(decoded, PixelSampler.frameSeed(seed, filmId, frameId));
            if (pixels.length == 0) {
                return rejected(frame, decoded.sourceWidth(), decoded.sourceHeight(),
                        new FrameRejectedException(RejectReason.TRANSPARENT, "no pixel with alpha >= 50%"));
            }
            BlankFrame blank = BlankFrame.of(pixels);
            return RowFactory.create(filmId, frameId, frame.get(2), frame.get(3), frame.get(4),
                    decoded.sourceWidth(), decoded.sourceHeight(), TableSchemas.STATUS_OK, null,
                    blank == null ? null : blank.id(), pixels,
                    gridSpace == null ? null : GridCells.of(decoded, gridSpace).toArray());
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
        return RowFactory.create(frame.get(0), frame.get(1), frame.get(2), frame.get(3), frame.get(4), width, height,
                TableSchemas.STATUS_REJECTED, reason.getMessage(), null, null, null);
    }
}
