package org.filmpalette.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobSettings;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;

/**
 * Decode-side benchmarks on all cores, printing frames per second: {@code full} is plain ImageIO decoding at full
 * size, {@code subsampled} the job's own decode-time work (decode at the default max side, crop, color bins and accent
 * regions of the whole raster), {@code kernels} that plus the in-task palette fits (both algorithms, default palette
 * mode), {@code fits} the same fits alone on frames decoded before the clock starts (the kernels' own cost, less blurred by a noisy decode). Usage:
 * {@code DecodeBench MODE ARCHIVE [LIMIT]}.
 */
public final class DecodeBench {

    private DecodeBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        List<Path> frames;
        try (Stream<Path> files = Files.walk(Path.of(args[1]))) {
            frames = files.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(
                    args.length > 2 ? Long.parseLong(args[2]) : Long.MAX_VALUE).toList();
        }
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong checksum = new AtomicLong();
        ThreadLocal<PaletteFitter> fitters = ThreadLocal.withInitial(
                () -> new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE,
                        JobSettings.PALETTE_MODE.defaultValue()));
        ThreadLocal<StillStatistics.StillAnalyzer> analyzers = ThreadLocal.withInitial(
                () -> new StillStatistics.StillAnalyzer(JobSettings.SAMPLE.defaultValue(), null));
        Map<Path, StillStatistics> decoded = new ConcurrentHashMap<>();
        if (mode.equals("fits")) {
            for (Future<?> future : frames.stream().map(frame -> pool.submit(
                    () -> decoded.put(frame, decodeAndCount(frame, analyzers.get())))).toList()) {
                future.get();
            }
        }
        long start = System.nanoTime();
        List<Future<?>> work = frames.stream().map(frame -> pool.submit(() -> {
            checksum.addAndGet(switch (mode) {
                case "full" -> decodeFull(frame);
                case "subsampled" -> decodeAndCount(frame, analyzers.get()).bins().size();
                case "kernels" -> fit(fitters.get(), decodeAndCount(frame, analyzers.get()));
                case "fits" -> fit(fitters.get(), decoded.get(frame));
                default -> throw new IllegalArgumentException(
                        "Invalid mode: " + mode + " (full, subsampled, kernels, fits)");
            });
        })).<Future<?>>map(f -> f).toList();
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("%s: %d frames in %.2f s = %.1f frames/s on %d threads (checksum %d)%n", mode,
                frames.size(), seconds, frames.size() / seconds, threads, checksum.get());
    }

    private static long decodeFull(Path frame) {
        try {
            return ImageIO.read(frame.toFile()).getWidth();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The job's decode-time work: decode at the default max side, crop, count bins and find accent regions. */
    private static StillStatistics decodeAndCount(Path frame, StillStatistics.StillAnalyzer analyzer) {
        try (InputStream in = Files.newInputStream(frame)) {
            DecodedFrame decoded = new FrameDecoder(JobSettings.MAX_SIDE.defaultValue(), 250_000_000L).decode(in);
            return analyzer.analyze(Letterbox.crop(decoded));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FrameRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long fit(PaletteFitter fitter, StillStatistics statistics) {
        long colors = 0;
        PaletteFitter.Still still = fitter.still(statistics);
        for (Algorithm algorithm : List.of(Algorithm.KMEANS, Algorithm.BISECTING)) {
            colors += fitter.fit(still, algorithm, 42).palette().size();
        }
        return colors;
    }
}
