package org.filmpalette.bench;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.video.SeekableInput;
import org.filmpalette.ingest.video.SrgbConverter;
import org.filmpalette.ingest.video.StillDecoder;
import org.filmpalette.ingest.video.StillTimes;
import org.filmpalette.ingest.video.VideoFile;
import org.filmpalette.testing.TestImages;

/**
 * Stills per second from a video at 1 fps against the same stills as 1080p JPEG files, both decoded to the job's
 * 256 px on all cores in one JVM: {@code video} decodes the film {@code passes} times (each pass one task, as a
 * time range is), {@code jpeg} decodes its stills cut as JPEG (quality 0.9, written first from the video's own
 * frames at full size) as many times. Usage: {@code VideoBench VIDEO WORKDIR [PASSES=8]}.
 */
public final class VideoBench {

    private VideoBench() {}

    public static void main(String[] args) throws Exception {
        Path video = Path.of(args[0]);
        Path work = Files.createDirectories(Path.of(args[1]));
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        List<Long> times;
        List<Path> jpegs = new ArrayList<>();
        try (VideoFile file = VideoFile.open(SeekableInput.of(video)); SrgbConverter full = new SrgbConverter(4096)) {
            times = StillTimes.every(file.info().durationMillis(), 1.0);
            List<StillDecoder.Still> stills = new StillDecoder(full).decode(file, times, 500_000);
            for (StillDecoder.Still still : stills) {
                DecodedFrame frame = still.frame();
                BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
                image.setRGB(0, 0, frame.width(), frame.height(), frame.argb(), 0, frame.width());
                Path jpeg = work.resolve(StillTimes.frameId(still.millis()) + ".jpg");
                Files.write(jpeg, TestImages.jpeg(image, 0.9f));
                jpegs.add(jpeg);
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // Warm-up of both paths (natives, JIT), then one measured round each, video first and last.
            measure(pool, passes, () -> decodeVideo(video, times));
            measure(pool, passes, () -> decodeJpegs(jpegs));
            double videoRate = times.size() * passes / measure(pool, passes, () -> decodeVideo(video, times));
            double jpegRate = jpegs.size() * passes / measure(pool, passes, () -> decodeJpegs(jpegs));
            double videoAgain = times.size() * passes / measure(pool, passes, () -> decodeVideo(video, times));
            System.out.printf("video: %.1f stills/s at 1 fps (%.1f after the JPEGs), %d threads, %d stills x %d passes%n",
                    videoRate, videoAgain, threads, times.size(), passes);
            System.out.printf("jpeg: %.1f stills/s (1920x1080, quality 0.9)%n", jpegRate);
            System.out.printf("ratio video/jpeg: %.3f%n", (videoRate + videoAgain) / 2 / jpegRate);
        } finally {
            pool.shutdown();
        }
    }

    private interface Pass {
        void run() throws Exception;
    }

    private static double measure(ExecutorService pool, int passes, Pass pass) throws Exception {
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            futures.add(pool.submit(() -> {
                pass.run();
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void decodeVideo(Path video, List<Long> times) throws Exception {
        try (VideoFile file = VideoFile.open(SeekableInput.of(video)); SrgbConverter converter = new SrgbConverter(256)) {
            for (StillDecoder.Still still : new StillDecoder(converter).decode(file, times, 500_000)) {
                if (still.frame() == null) {
                    throw new IllegalStateException(still.rejected());
                }
            }
        }
    }

    private static void decodeJpegs(List<Path> jpegs) throws Exception {
        FrameDecoder decoder = new FrameDecoder(256, 250_000_000L);
        for (Path jpeg : jpegs) {
            try (InputStream in = Files.newInputStream(jpeg)) {
                decoder.decode(in);
            }
        }
    }
}
