package org.filmpalette.job;

import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.filmpalette.config.StillSelection;
import org.filmpalette.config.VideoSettings;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.video.FfmpegNatives;
import org.filmpalette.ingest.video.StillTimes;
import org.filmpalette.ingest.video.VideoFile;

/**
 * Lists a video file as its stills, one {@link StageSchemas#LISTED} row each, from the file's header (and, with
 * {@code --stills keyframes}, its keyframe index): every row carries the video's path, size and modification time,
 * and a frame id that is the still's time. A file FFmpeg cannot open is listed as one still at time 0, which
 * decoding then rejects with the reason, so a bad video is a {@code frames} row and never a failed listing.
 */
final class VideoStillListing implements Serializable {

    private static final long serialVersionUID = 1L;

    private final VideoSettings settings;

    VideoStillListing(VideoSettings settings) {
        this.settings = settings;
    }

    /**
     * The still rows of {@code file} in film {@code filmId}; {@code reel} prefixes the frame ids ({@code reel1/}) or
     * is empty for a video that is a film by itself.
     */
    List<Row> rows(FileSystem fs, FileStatus file, String filmId, String reel) throws IOException {
        List<Row> rows = new ArrayList<>();
        Timestamp modified = new Timestamp(file.getModificationTime());
        for (long millis : stillTimes(fs, file)) {
            rows.add(RowFactory.create(filmId, reel + StillTimes.frameId(millis), file.getPath().toString(),
                    file.getLen(), modified));
        }
        return rows;
    }

    private List<Long> stillTimes(FileSystem fs, FileStatus file) throws IOException {
        FfmpegNatives.load(settings.nativesCacheDir());
        try (VideoFile video = VideoFile.open(HadoopSeekableInput.open(fs, file.getPath(), file.getLen()))) {
            List<Long> times = settings.stills() == StillSelection.KEYFRAMES
                    ? video.keyframeMillis() : StillTimes.every(video.info().durationMillis(), settings.fps());
            return times.isEmpty() ? List.of(0L) : times;
        } catch (FrameRejectedException e) {
            return List.of(0L);
        }
    }
}
