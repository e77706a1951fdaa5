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

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.VideoSettings;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameIds;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.ingest.video.FfmpegNatives;
import org.filmpalette.ingest.video.SrgbConverter;
import org.filmpalette.ingest.video.StillDecoder;
import org.filmpalette.ingest.video.StillTimes;
import org.filmpalette.ingest.video.VideoFile;
import org.filmpalette.ingest.video.VideoInfo;

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
    /** At most this many decode tasks; more ranges share them. */
    static final int MAX_TASKS = 10_000;

    private final HadoopConfiguration conf;
    private final VideoSettings settings;
    private final DecodeAndSample rows;
    private final int maxSide;
    private final long maxPixels;

    VideoStills(HadoopConfiguration conf, VideoSettings settings, DecodeAndSample rows, int maxSide, long maxPixels) {
        this.conf = conf;
        this.settings = settings;
        this.rows = rows;
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
    }

    /** {@link StageSchemas#SAMPLED} rows of the listed video stills {@code stills} ({@link StageSchemas#LISTED}). */
    Dataset<Row> decode(SparkSession spark, Dataset<Row> stills) {
        long rangeMillis = settings.rangeSeconds() * 1000L;
        JavaPairRDD<String, Row> keyed = stills.javaRDD()
                .mapToPair(row -> new Tuple2<>(rangeKey(row, rangeMillis), row));
        List<String> ranges = new ArrayList<>(keyed.keys().distinct().collect());
        ranges.sort(Comparator.naturalOrder());
        Map<String, Integer> tasks = new HashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            tasks.put(ranges.get(i), i % MAX_TASKS);
        }
        return spark.createDataFrame(keyed.partitionBy(new RangeTasks(tasks)).mapPartitions(this::decodeRanges),
                StageSchemas.SAMPLED);
    }

    /** Whether a listed row is a still of a video file rather than an image file. */
    static boolean isVideoStill(Row listed) {
        return FrameIds.isVideo(new Path(listed.getString(2)).getName());
    }

    /** A range of one file: its path and the index of its {@code rangeMillis}-long slice of the film. */
    static String rangeKey(Row still, long rangeMillis) {
        return still.getString(2) + "\n" + StillTimes.millis(still.getString(1)) / rangeMillis;
    }

    private Iterator<Row> decodeRanges(Iterator<Tuple2<String, Row>> keyed) {
        FfmpegNatives.load(settings.nativesCacheDir());
        TreeMap<String, List<Row>> ranges = new TreeMap<>();
        keyed.forEachRemaining(pair -> ranges.computeIfAbsent(pair._1(), key -> new ArrayList<>()).add(pair._2()));
        PixelSampler sampler = rows.sampler();
        List<Row> out = new ArrayList<>();
        try (SrgbConverter converter = new SrgbConverter(maxSide)) {
            StillDecoder decoder = new StillDecoder(converter);
            for (List<Row> range : ranges.values()) {
                range.sort(Comparator.comparingLong(row -> StillTimes.millis(row.getString(1))));
                out.addAll(decodeRange(range, decoder, sampler));
            }
        }
        return out.iterator();
    }

    /** One range's stills, one row per listed still in time order; any failure rejects the stills it leaves. */
    private List<Row> decodeRange(List<Row> range, StillDecoder decoder, PixelSampler sampler) {
        Row first = range.get(0);
        Path path = new Path(first.getString(2));
        List<Row> out = new ArrayList<>(range.size());
        try {
            FileSystem fs = path.getFileSystem(conf.value());
            try (VideoFile video = VideoFile.open(HadoopSeekableInput.open(fs, path, first.getLong(3)))) {
                VideoInfo info = video.info();
                if ((long) info.width() * info.height() > maxPixels) {
                    throw new FrameRejectedException(RejectReason.TOO_LARGE, "stream is " + info.width() + "x"
                            + info.height() + ", limit " + maxPixels + " pixels");
                }
                List<Long> times = range.stream().map(row -> StillTimes.millis(row.getString(1))).toList();
                List<StillDecoder.Still> stills = decoder.decode(video, times, settings.stillWindowMicros());
                for (int i = 0; i < range.size(); i++) {
                    StillDecoder.Still still = stills.get(i);
                    out.add(still.frame() != null ? rows.sampled(range.get(i), still.frame(), sampler)
                            : DecodeAndSample.rejected(range.get(i), info.width(), info.height(), still.rejected()));
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
            out.add(DecodeAndSample.rejected(range.get(i), null, null, reason));
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
