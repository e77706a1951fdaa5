package org.filmpalette.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;
import org.filmpalette.quality.BenchmarkFilms;
import org.filmpalette.quality.PaletteQuality;
import org.filmpalette.quality.QualityBenchmark;
import org.filmpalette.quality.QualityBenchmark.SampledFrame;
import org.junit.jupiter.api.Test;

class AccentPreservingFitterTest {

    private static final long SEED = 42L;
    // The first film's frames 1-8 hold accents plain RGB k-means drops (its recall there is below 1).
    private static final List<SampledFrame> FRAMES = new QualityBenchmark(8, 20, SEED)
            .sample(BenchmarkFilms.generate(SEED, 8).subList(0, 8), 480, 4096);

    @Test
    void keepsEveryAccentPlainRgbKMeansDrops() {
        int plain = kept(PaletteMode.PLAIN);
        int accents = kept(PaletteMode.ACCENTS);
        int planted = FRAMES.stream().mapToInt(frame -> frame.accents().size()).sum();
        assertTrue(plain < planted, "the case must have accents plain k-means drops: " + plain + "/" + planted);
        assertEquals(planted, accents);
    }

    @Test
    void sharesAreTheFractionsOfPixelsNearestToEachCenter() {
        PaletteFitter fitter = new PaletteFitter(ColorSpace.RGB, 8, 20, Order.DOMINANCE, PaletteMode.ACCENTS);
        PaletteFitter.Still still = fitter.still(FRAMES.get(1).statistics());
        assertTrue(!still.candidates().isEmpty(), "the frame must have accent candidates");
        Clustering base = new TaskKMeans(8, 20, 1e-4).fit(still.points(), still.weights(), 3, still.count(), SEED);
        Clustering refined = new AccentPreservingFitter(ColorSpace.RGB, 8)
                .refine(still.points(), still.weights(), still.count(), base, still.candidates());
        assertTrue(refined != base, "the frame must have a missed accent");
        assertTrue(refined.count() <= 8);
        assertEquals(Clustering.assign(still.points(), still.weights(), 3, still.count(), refined.centers()), refined);
        assertEquals(FRAMES.get(1).statistics().pixels(), Arrays.stream(refined.sizes()).sum());
    }

    @Test
    void stillWithoutAccentsKeepsItsClustering() {
        // A gray ramp with grain: no region stands out in color.
        int[] argb = new int[128 * 64];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < argb.length; i++) {
            int v = Math.min(255, 40 + (i % 128) + random.nextInt(5));
            argb[i] = 0xFF000000 | (v << 16) | (v << 8) | v;
        }
        StillStatistics statistics = new StillStatistics.StillAnalyzer(4096, null)
                .analyze(new DecodedFrame(128, 64, 128, 64, argb));
        PaletteFitter fitter = new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, PaletteMode.ACCENTS);
        PaletteFitter.Still still = fitter.still(statistics);
        Clustering base = new TaskKMeans(8, 20, 1e-4).fit(still.points(), still.weights(), 3, still.count(), SEED);
        assertSame(base, new AccentPreservingFitter(ColorSpace.LAB, 8)
                .refine(still.points(), still.weights(), still.count(), base, still.candidates()));
    }

    @Test
    void meadowHighlightsCostLittleOnRealFrames() throws Exception {
        // Big Buck Bunny's meadow: the lit tips of the grass are saturated and stand out from the grass around
        // them, but their color is everywhere in the frame (not isolated), so they are not swapped in like accents;
        // the pass costs only what the frames' few real accents (flowers, a butterfly, the bird's beak) need.
        FrameDecoder decoder = new FrameDecoder(480, Long.MAX_VALUE);
        StillStatistics.StillAnalyzer analyzer = new StillStatistics.StillAnalyzer(4096, null);
        double plain = 0;
        double accents = 0;
        for (int i = 1; i <= 30; i += 2) {
            String frame = String.format("frame_%05d", i);
            DecodedFrame decoded;
            try (InputStream in = Files.newInputStream(Path.of("data-sample", "big_buck_bunny", frame + ".jpg"))) {
                decoded = Letterbox.crop(decoder.decode(in));
            }
            long seed = PixelSampler.frameSeed(SEED, "big_buck_bunny", frame);
            int[] pixels = new PixelSampler(4096).sample(decoded, seed);
            StillStatistics statistics = analyzer.analyze(decoded);
            plain += error(pixels, statistics, PaletteMode.PLAIN, seed);
            accents += error(pixels, statistics, PaletteMode.ACCENTS, seed);
        }
        assertTrue(accents <= 1.05 * plain, "summed error " + plain + " -> " + accents);
    }

    @Test
    void sameSeedGivesTheSamePalette() {
        PaletteFitter first = new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, PaletteMode.ACCENTS);
        PaletteFitter second = new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, PaletteMode.ACCENTS);
        for (SampledFrame frame : FRAMES.subList(0, 3)) {
            long seed = PixelSampler.frameSeed(SEED, frame.filmId(), frame.frameId());
            assertEquals(first.fit(first.still(frame.statistics()), Algorithm.BISECTING, seed),
                    second.fit(second.still(frame.statistics()), Algorithm.BISECTING, seed));
        }
    }

    @Test
    void blendOfTwoColorsLiesOnTheirSegment() {
        double[] a = {0, 0, 0};
        double[] b = {10, 0, 0};
        assertEquals(0.0, AccentPreservingFitter.segmentDistance(new double[] {5, 0, 0}, a, b), 1e-12);
        assertEquals(3.0, AccentPreservingFitter.segmentDistance(new double[] {5, 3, 0}, a, b), 1e-12);
        assertEquals(5.0, AccentPreservingFitter.segmentDistance(new double[] {13, 4, 0}, a, b), 1e-12);
    }

    @Test
    void tooSmallKIsRejectedWithItsValue() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new AccentPreservingFitter(ColorSpace.LAB, 1));
        assertEquals("Invalid k: 1 (must be at least 2)", error.getMessage());
    }

    private static double error(int[] pixels, StillStatistics statistics, PaletteMode mode, long seed) {
        PaletteFitter fitter = new PaletteFitter(ColorSpace.LAB, 8, 20, Order.DOMINANCE, mode);
        return PaletteQuality.quantizationError(pixels,
                fitter.fit(fitter.still(statistics), Algorithm.KMEANS, seed).palette());
    }

    private static int kept(PaletteMode mode) {
        PaletteFitter fitter = new PaletteFitter(ColorSpace.RGB, 8, 20, Order.DOMINANCE, mode);
        int kept = 0;
        for (SampledFrame frame : FRAMES) {
            long seed = PixelSampler.frameSeed(SEED, frame.filmId(), frame.frameId());
            int[] colors = PaletteQuality.colors(fitter.fit(fitter.still(frame.statistics()), Algorithm.KMEANS, seed)
                    .palette());
            kept += PaletteQuality.keptAccents(colors, frame.accents());
        }
        return kept;
    }
}
