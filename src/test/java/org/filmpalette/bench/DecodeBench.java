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
import org.filmpalette.config.ConfigKeys;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Order;

/**
 * Decode-side benchmarks on all cores, printing frames per second: {@code full} is plain ImageIO decoding at full
 * size (the physical limit of the job), {@code subsampled} the job's own decode and sample, {@code kernels} the
 * in-task palette fits (both algorithms, default palette mode) on each frame's sample, {@code fits} the same fits alone on samples decoded
 * before the clock starts (the kernels' own cost, less blurred by a noisy decode). Usage:
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
                        PaletteMode.parse(ConfigKeys.PALETTE_MODE_DEFAULT)));
        Map<Path, int[]> decoded = new ConcurrentHashMap<>();
        if (mode.equals("fits")) {
            for (Future<?> future : frames.stream().map(frame -> pool.submit(
                    () -> decoded.put(frame, decodeAndSample(frame)))).toList()) {
                future.get();
            }
        }
        long start = System.nanoTime();
        List<Future<?>> work = frames.stream().map(frame -> pool.submit(() -> {
            checksum.addAndGet(switch (mode) {
                case "full" -> decodeFull(frame);
                case "subsampled" -> decodeAndSample(frame).length;
                case "kernels" -> fit(fitters.get(), decodeAndSample(frame));
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

    private static int[] decodeAndSample(Path frame) {
        try (InputStream in = Files.newInputStream(frame)) {
            DecodedFrame decoded = new FrameDecoder(256, 250_000_000L).decode(in);
            return new PixelSampler(4096).sample(decoded, PixelSampler.frameSeed(42, "bench", frame.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FrameRejectedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long fit(PaletteFitter fitter, int[] pixels) {
        long colors = 0;
        for (Algorithm algorithm : List.of(Algorithm.KMEANS, Algorithm.BISECTING)) {
            colors += fitter.fit(pixels, algorithm, 42).palette().size();
        }
        return colors;
    }
}
