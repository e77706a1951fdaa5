package org.filmpalette.job;

import java.sql.Timestamp;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Thumbnails;
import org.filmpalette.ingest.AccentRegion;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.ingest.Thumbnail;
import org.filmpalette.store.TableSchemas;

/**
 * Turns a decoded frame into its {@link StageSchemas#SAMPLED} row, whatever it was decoded from (an image file, a
 * video's frame): letterbox bars cropped, then the whole raster's statistics ({@link StillStatistics}: color bins,
 * accent regions, grid cells when asked for, the blank flag). One instance per task thread (its buffers are reused).
 */
public final class StillRows {

    private final StillStatistics.StillAnalyzer analyzer;
    private final Thumbnails thumbnails;

    /**
     * @param maxBins   most color bins per still ({@code --sample})
     * @param gridSpace the clustering space when the grid algorithm runs (its cells are taken here), else null
     * @param thumbnails whether ok rows carry the still's {@link Thumbnail} (of the whole frame, bars included)
     */
    public StillRows(int maxBins, ColorSpace gridSpace, Thumbnails thumbnails) {
        this.analyzer = new StillStatistics.StillAnalyzer(maxBins, gridSpace);
        this.thumbnails = thumbnails;
    }

    /**
     * The row of one decoded frame: ok with its statistics, or rejected as {@code transparent} when no pixel is
     * opaque enough to count; {@code timing} is {@link VideoTiming#NONE} for an image file.
     */
    Row of(String filmId, String frameId, String path, long sizeBytes, Timestamp modifiedAt,
            DecodedFrame decoded, VideoTiming timing) {
        DecodedFrame cropped = Letterbox.crop(decoded);
        StillStatistics still = analyzer.analyze(cropped);
        if (still.pixels() == 0) {
            return rejected(filmId, frameId, path, sizeBytes, modifiedAt, cropped.sourceWidth(),
                    cropped.sourceHeight(), timing,
                    new FrameRejectedException(RejectReason.TRANSPARENT, "no pixel with alpha >= 50%"));
        }
        return RowFactory.create(filmId, frameId, path, sizeBytes, modifiedAt, cropped.sourceWidth(),
                cropped.sourceHeight(), TableSchemas.STATUS_OK, null,
                still.blank() == null ? null : still.blank().id(),
                thumbnails == Thumbnails.KEEP ? Thumbnail.jpeg(decoded) : null, timing.timeSeconds(),
                timing.frameRate(), still.bins().rgb(), still.bins().counts(),
                AccentRegion.toArray(still.regions()), still.grid() == null ? null : still.grid().toArray());
    }

    /** The row of a frame that cannot be used; {@code width} and {@code height} are null when unknown. */
    static Row rejected(String filmId, String frameId, String path, long sizeBytes, Timestamp modifiedAt,
            Integer width, Integer height, VideoTiming timing, FrameRejectedException reason) {
        return RowFactory.create(filmId, frameId, path, sizeBytes, modifiedAt, width, height,
                TableSchemas.STATUS_REJECTED, reason.getMessage(), null, null, timing.timeSeconds(),
                timing.frameRate(), null, null, null, null);
    }
}
