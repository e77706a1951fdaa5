package org.filmpalette.job;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.VideoSettings;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameIds;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.ingest.video.FfmpegNatives;
import org.filmpalette.ingest.video.SrgbConverter;
import org.filmpalette.ingest.video.StillDecoder;
import org.filmpalette.ingest.video.StillTimes;
import org.filmpalette.ingest.video.VideoFile;
import org.filmpalette.ingest.video.VideoInfo;
import org.filmpalette.store.TableSchemas;

import scala.Tuple2;

/**
 * The stage that decodes video stills: a video's listed stills are split into time ranges of
 * {@code --video-range-seconds}, each range its own task, which opens the file through the Hadoop FileSystem, seeks
 * to the keyframe before the range's first still and decodes forward. Stills then go through the same path to a row
 * as image frames ({@link DecodeAndSample#sampled}). A still is the first frame at or after its time whichever
 * keyframe decoding started from, so the stills do not depend on the split.
 */
final class VideoStills implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int LISTED_FILM_ID = StageSchemas.index(StageSchemas.LISTED, TableSchemas.FILM_ID);
    private static final int LISTED_FRAME_ID = StageSchemas.index(StageSchemas.LISTED, TableSchemas.FRAME_ID);
    private static final int LISTED_PATH = StageSchemas.index(StageSchemas.LISTED, TableSchemas.PATH);
    private static final int LISTED_SIZE_BYTES = StageSchemas.index(StageSchemas.LISTED, TableSchemas.SIZE_BYTES);
    /** At most this many decode tasks; more ranges share them. */
    static final int MAX_TASKS = 10_000;

    private final HadoopConfiguration conf;
    private final VideoSettings settings;
    private final DecodeAndSample rows;
    private final int maxSide;
    private final DecodeLimits limits;

    /**
     * Of {@code limits}, a video gets the pixel cap (on its stream's picture size) and the timeout, per still
     * ({@link StillDecoder}); not the file-size cap: a film is gigabytes, and a range reads only its own stretch.
     */
    VideoStills(HadoopConfiguration conf, VideoSettings settings, DecodeAndSample rows, int maxSide,
            DecodeLimits limits) {
        this.conf = conf;
        this.settings = settings;
        this.rows = rows;
        this.maxSide = maxSide;
        this.limits = limits;
    }

    /**
     * The ranges of the listed video stills {@code stills} ({@link StageSchemas#LISTED}) and each film's share of
     * them, in one pass.
     */
    Plan plan(Dataset<Row> stills) {
        long rangeMillis = settings.rangeSeconds() * 1000L;
        JavaPairRDD<String, Row> keyed = stills.javaRDD()
                .mapToPair(row -> new Tuple2<>(rangeKey(row, rangeMillis), row));
        Plan counted = keyed.aggregate(new Plan(keyed, new TreeSet<>(), new TreeMap<>()),
                (plan, pair) -> plan.add(pair._1(), pair._2()), Plan::merge);
        return new Plan(keyed, counted.ranges, counted.films);
    }

    /** {@link StageSchemas#SAMPLED} rows of the stills of {@code plan}. */
    Dataset<Row> decode(SparkSession spark, Plan plan) {
        Map<String, Integer> tasks = new HashMap<>();
        int i = 0;
        for (String range : plan.ranges) {
            tasks.put(range, i++ % MAX_TASKS);
        }
        return spark.createDataFrame(plan.keyed.partitionBy(new RangeTasks(tasks)).mapPartitions(this::decodeRanges),
                StageSchemas.SAMPLED);
    }

    /**
     * The video stills of a run keyed by range, the ranges, and per film the stills and their (file) bytes, so that
     * the image files' byte line leaves them out.
     */
    static final class Plan implements Serializable {

        private static final long serialVersionUID = 1L;

        private final transient JavaPairRDD<String, Row> keyed;
        private final TreeSet<String> ranges;
        private final TreeMap<String, long[]> films;

        private Plan(JavaPairRDD<String, Row> keyed, TreeSet<String> ranges, TreeMap<String, long[]> films) {
            this.keyed = keyed;
            this.ranges = ranges;
            this.films = films;
        }

        private Plan add(String range, Row still) {
            ranges.add(range);
            long[] film = films.computeIfAbsent(still.getString(LISTED_FILM_ID), id -> new long[2]);
            film[0]++;
            film[1] += still.getLong(LISTED_SIZE_BYTES);
            return this;
        }

        private Plan merge(Plan other) {
            ranges.addAll(other.ranges);
            other.films.forEach((film, more) -> {
                long[] sums = films.computeIfAbsent(film, id -> new long[2]);
                sums[0] += more[0];
                sums[1] += more[1];
            });
            return this;
        }

        /** How many time ranges (decode tasks, up to {@link #MAX_TASKS}) the stills fall into. */
        int rangeCount() {
            return ranges.size();
        }

        /** {@code films} (the plan's counts of new frames per film) less these video stills: the image files'. */
        Map<String, IncrementalPlan.FilmCounts> imagesOf(Map<String, IncrementalPlan.FilmCounts> all) {
            Map<String, IncrementalPlan.FilmCounts> images = new TreeMap<>(all);
            films.forEach((film, sums) -> images.computeIfPresent(film, (id, counts) -> new IncrementalPlan.FilmCounts(
                    counts.seen(), counts.added() - sums[0], counts.addedBytes() - sums[1], counts.removed())));
            return images;
        }
    }

    /** Whether a listed row is a still of a video file rather than an image file. */
    static boolean isVideoStill(Row listed) {
        return FrameIds.isVideo(new Path(listed.getString(LISTED_PATH)).getName());
    }

    /** A range of one file: its path and the index of its {@code rangeMillis}-long slice of the film. */
    static String rangeKey(Row still, long rangeMillis) {
        return still.getString(LISTED_PATH) + "\n" + StillTimes.millis(still.getString(LISTED_FRAME_ID)) / rangeMillis;
    }

    private Iterator<Row> decodeRanges(Iterator<Tuple2<String, Row>> keyed) {
        FfmpegNatives.load(settings.nativesCacheDir());
        TreeMap<String, List<Row>> ranges = new TreeMap<>();
        keyed.forEachRemaining(pair -> ranges.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2()));
        StillRows stillRows = rows.stillRows();
        List<Row> out = new ArrayList<>();
        try (SrgbConverter converter = new SrgbConverter(maxSide)) {
            StillDecoder decoder = new StillDecoder(converter);
            for (List<Row> range : ranges.values()) {
                range.sort(Comparator.comparingLong(row -> StillTimes.millis(row.getString(LISTED_FRAME_ID))));
                out.addAll(decodeRange(range, decoder, stillRows));
            }
        }
        return out.iterator();
    }

    /** One range's stills, one row per listed still in time order; any failure rejects the stills it leaves. */
    private List<Row> decodeRange(List<Row> range, StillDecoder decoder, StillRows stillRows) {
        Row first = range.get(0);
        Path path = new Path(first.getString(LISTED_PATH));
        List<Row> out = new ArrayList<>(range.size());
        try {
            FileSystem fs = path.getFileSystem(conf.value());
            try (VideoFile video = VideoFile.open(HadoopSeekableInput.open(fs, path, first.getLong(LISTED_SIZE_BYTES)))) {
                VideoInfo info = video.info();
                if ((long) info.width() * info.height() > limits.maxPixels()) {
                    throw new FrameRejectedException(RejectReason.TOO_LARGE, "stream is " + info.width() + "x"
                            + info.height() + ", limit " + limits.maxPixels() + " pixels");
                }
                List<Long> times = range.stream().map(row -> StillTimes.millis(row.getString(LISTED_FRAME_ID))).toList();
                List<StillDecoder.Still> stills = decoder.decode(video, times, settings.stillWindowMicros(),
                        limits.timeout());
                Double frameRate = info.frameRate() > 0 ? info.frameRate() : null;
                for (int i = 0; i < range.size(); i++) {
                    StillDecoder.Still still = stills.get(i);
                    VideoTiming timing = new VideoTiming(
                            Double.isNaN(still.presentedSeconds()) ? null : still.presentedSeconds(), frameRate);
                    out.add(still.frame() != null ? rows.sampled(range.get(i), still.frame(), timing, stillRows)
                            : DecodeAndSample.rejected(range.get(i), info.width(), info.height(), timing,
                                    still.rejected()));
                }
            }
        } catch (FrameRejectedException e) {
            rejectRest(range, out, e);
        } catch (IOException e) {
            rejectRest(range, out, new FrameRejectedException(RejectReason.READ_ERROR, e.toString()));
        } catch (RuntimeException | Error e) {
            rejectRest(range, out, FrameDecoder.unexpected(e));
        }
        return out;
    }

    private static void rejectRest(List<Row> range, List<Row> out, FrameRejectedException reason) {
        for (int i = out.size(); i < range.size(); i++) {
            out.add(DecodeAndSample.rejected(range.get(i), null, null, VideoTiming.NONE, reason));
        }
    }

    /** Sends each range to the task the driver numbered it with. */
    private static final class RangeTasks extends Partitioner {

        private static final long serialVersionUID = 1L;

        private final Map<String, Integer> tasks;
        private final int count;

        RangeTasks(Map<String, Integer> tasks) {
            this.tasks = tasks;
            this.count = Math.max(1, Math.min(tasks.size(), MAX_TASKS));
        }

        @Override
        public int numPartitions() {
            return count;
        }

        @Override
        public int getPartition(Object key) {
            return tasks.get((String) key);
        }
    }
}
