package org.filmpalette.quality;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * Measures still palettes on benchmark frames, in plain Java but exactly as the job decodes and fits them: each
 * frame goes through a lossless PNG, {@link FrameDecoder} (downscaled to {@code maxSide}), {@link Letterbox} and
 * {@link StillStatistics} (color bins and accent regions of the whole raster), then {@link PaletteFitter} seeded with
 * {@link PixelSampler#frameSeed}. The quantization error is measured on a separate uniform sample of the frame's
 * pixels ({@link PixelSampler}).
 */
public final class QualityBenchmark {

    /** One way of computing still palettes: a clustering space, an algorithm and a palette mode. */
    public record Variant(ColorSpace space, Algorithm algorithm, PaletteMode mode) {

        /** For example {@code rgb kmeans plain}. */
        public String label() {
            return space.id() + " " + algorithm.id() + " " + mode.id();
        }
    }

    /**
     * A benchmark frame's accents, its whole-raster statistics (what the palettes are fitted from, as in the job), a
     * pixel sample the quantization error is measured on, and the decoded (cropped) frame the grid algorithm's cells
     * are taken from.
     */
    public record SampledFrame(String filmId, String frameId, int[] pixels, List<Integer> accents,
            DecodedFrame decoded, StillStatistics statistics) {}

    /**
     * The scores of one variant over all frames.
     *
     * @param accents      accents planted in all frames
     * @param kept         accents kept (a palette color within ΔE2000 &lt; the match distance)
     * @param falseAccents palette colors with role {@code accent} that match no planted accent
     * @param meanError    mean over frames of the quantization error (every frame has the same sample size, so this
     *                     is also the mean over all sampled pixels), ΔE2000
     * @param palettes     every frame's palette as hex codes, in frame order, to compare runs
     * @param fitNanos     time spent fitting palettes (metrics excluded), nanoseconds
     */
    public record Score(Variant variant, int frames, int accents, int kept, int falseAccents, double meanError,
            List<String> palettes, long fitNanos) {

        /** Mean fitting time per still, milliseconds. */
        public double millisPerStill() {
            return frames == 0 ? 0 : fitNanos / 1e6 / frames;
        }

        /** Kept over planted accents. */
        public double recall() {
            return accents == 0 ? 1.0 : kept / (double) accents;
        }
    }

    private final int k;
    private final int maxIterations;
    private final long seed;
    private final double accentMatch;

    /** A benchmark judging an accent kept when a palette color is within ΔE2000 {@value PaletteQuality#ACCENT_MATCH}. */
    public QualityBenchmark(int k, int maxIterations, long seed) {
        this(k, maxIterations, seed, PaletteQuality.ACCENT_MATCH);
    }

    /** A benchmark judging an accent kept when a palette color is closer than {@code accentMatch} (ΔE2000). */
    public QualityBenchmark(int k, int maxIterations, long seed, double accentMatch) {
        this.k = k;
        this.maxIterations = maxIterations;
        this.seed = seed;
        this.accentMatch = accentMatch;
    }

    /** Decodes and samples each frame as the job does. */
    public List<SampledFrame> sample(List<BenchmarkFrame> frames, int maxSide, int sampleSize) {
        FrameDecoder decoder = new FrameDecoder(maxSide, Long.MAX_VALUE);
        PixelSampler sampler = new PixelSampler(sampleSize);
        StillStatistics.StillAnalyzer analyzer = new StillStatistics.StillAnalyzer(sampleSize, null);
        List<SampledFrame> sampled = new ArrayList<>();
        for (BenchmarkFrame frame : frames) {
            try {
                DecodedFrame decoded = Letterbox.crop(decoder.decode(new ByteArrayInputStream(png(frame.image()))));
                int[] pixels = sampler.sample(decoded, PixelSampler.frameSeed(seed, frame.filmId(), frame.frameId()));
                sampled.add(new SampledFrame(frame.filmId(), frame.frameId(), pixels, frame.accentColors(), decoded,
                        analyzer.analyze(decoded)));
            } catch (FrameRejectedException e) {
                throw new IllegalStateException("Benchmark frame " + frame.filmId() + "/" + frame.frameId()
                        + " was rejected: " + e.getMessage(), e);
            }
        }
        return sampled;
    }

    /**
     * Decodes and samples the frames of an archive with ground truth, as {@link BenchmarkFilms#write} leaves it:
     * {@code root/accents.csv} (a header, then film_id, frame_id, #rrggbb, ...) naming each accent, and the frame
     * {@code root/<film_id>/<frame_id>.png} (or {@code .jpg}, {@code .jpeg}). Frames in the order of the file.
     */
    public List<SampledFrame> sampleArchive(Path root, int maxSide, int sampleSize) {
        Path truth = root.resolve(BenchmarkFilms.GROUND_TRUTH);
        Map<String, List<Integer>> accents = new LinkedHashMap<>();
        if (!Files.isRegularFile(truth)) {
            throw new ConfigurationException("Invalid --input: " + root + " (no " + BenchmarkFilms.GROUND_TRUTH
                    + " there, as evaluate --write leaves it)");
        }
        try {
            List<String> lines = Files.readAllLines(truth, StandardCharsets.UTF_8);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] fields = lines.get(i).split(",");
                if (fields.length < 3 || !fields[2].strip().matches("#[0-9a-fA-F]{6}")) {
                    throw new ConfigurationException("Invalid " + truth + " line " + (i + 1) + ": " + lines.get(i)
                            + " (must be film_id,frame_id,#rrggbb,...)");
                }
                accents.computeIfAbsent(fields[0].strip() + "/" + fields[1].strip(), key -> new ArrayList<>())
                        .add(Integer.parseInt(fields[2].strip().substring(1), 16));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ground truth " + truth, e);
        }
        FrameDecoder decoder = new FrameDecoder(maxSide, Long.MAX_VALUE);
        PixelSampler sampler = new PixelSampler(sampleSize);
        StillStatistics.StillAnalyzer analyzer = new StillStatistics.StillAnalyzer(sampleSize, null);
        List<SampledFrame> sampled = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : accents.entrySet()) {
            String filmId = entry.getKey().substring(0, entry.getKey().indexOf('/'));
            String frameId = entry.getKey().substring(filmId.length() + 1);
            Path file = frameFile(root.resolve(filmId), frameId);
            try (InputStream in = Files.newInputStream(file)) {
                DecodedFrame decoded = Letterbox.crop(decoder.decode(in));
                int[] pixels = sampler.sample(decoded, PixelSampler.frameSeed(seed, filmId, frameId));
                sampled.add(new SampledFrame(filmId, frameId, pixels, List.copyOf(entry.getValue()), decoded,
                        analyzer.analyze(decoded)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the frame " + file, e);
            } catch (FrameRejectedException e) {
                throw new ConfigurationException("Invalid frame " + file + ": " + e.getMessage(), e);
            }
        }
        return sampled;
    }

    private static Path frameFile(Path film, String frameId) {
        for (String extension : List.of(".png", ".jpg", ".jpeg")) {
            Path file = film.resolve(frameId + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new ConfigurationException("Missing frame " + film.resolve(frameId) + ".png (named in "
                + BenchmarkFilms.GROUND_TRUTH + ")");
    }

    /** Fits every frame with {@code variant} and scores the palettes. */
    public Score score(List<SampledFrame> frames, Variant variant) {
        PaletteFitter fitter = new PaletteFitter(variant.space(), k, maxIterations, Order.DOMINANCE, variant.mode());
        int accents = 0;
        int kept = 0;
        int falseAccents = 0;
        double error = 0;
        List<String> palettes = new ArrayList<>();
        long fitNanos = 0;
        for (SampledFrame frame : frames) {
            long started = System.nanoTime();
            Palette palette = fit(fitter, frame, variant);
            fitNanos += System.nanoTime() - started;
            int[] colors = PaletteQuality.colors(palette);
            accents += frame.accents().size();
            kept += PaletteQuality.keptAccents(colors, frame.accents(), accentMatch);
            falseAccents += PaletteQuality.unmatchedAccents(palette, frame.accents(), accentMatch);
            error += PaletteQuality.quantizationError(frame.pixels(), colors);
            palettes.add(palette.hexList());
        }
        return new Score(variant, frames.size(), accents, kept, falseAccents, error / frames.size(), palettes,
                fitNanos);
    }

    /** One frame's palette with {@code variant}, fitted as the job fits it. */
    private Palette fit(PaletteFitter fitter, SampledFrame frame, Variant variant) {
        // The job takes the grid cells at decode time, in the clustering space; so does the benchmark.
        GridCells cells = variant.algorithm() == Algorithm.GRID ? GridCells.of(frame.decoded(), variant.space())
                : null;
        PaletteFitter.Still still = fitter.still(frame.statistics().bins(), frame.statistics().regions(), cells);
        return fitter.fit(still, variant.algorithm(), PixelSampler.frameSeed(seed, frame.filmId(), frame.frameId()))
                .palette();
    }

    /** Every frame's still palette with {@code variant}, in frame order, as the job fits them. */
    public List<Palette> palettes(List<SampledFrame> frames, Variant variant) {
        PaletteFitter fitter = new PaletteFitter(variant.space(), k, maxIterations, Order.DOMINANCE, variant.mode());
        List<Palette> palettes = new ArrayList<>();
        for (SampledFrame frame : frames) {
            palettes.add(fit(fitter, frame, variant));
        }
        return palettes;
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("No PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode a benchmark frame as PNG", e);
        }
        return bytes.toByteArray();
    }
}
