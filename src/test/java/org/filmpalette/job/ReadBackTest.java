package org.filmpalette.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.spark.sql.Row;
import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobSettings;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.StillStatistics;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;
import org.filmpalette.testing.SyntheticFilms;
import org.filmpalette.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the tables hold equals what the kernels compute on the same frames outside Spark. */
class ReadBackTest {

    @TempDir
    Path dir;

    @Test
    void stillPalettesReadBackEqualTheKernelsOutputComputedWithoutSpark() throws Exception {
        Path input = dir.resolve("frames");
        for (int i = 1; i <= 3; i++) {
            TestImages.write(input.resolve("dusk/f" + i + ".jpg"), TestImages.jpeg(SyntheticFilms.dusk(i), 0.9f));
        }
        Path tables = dir.resolve("tables");

        PipelineRuns.run(input, tables, "filmpalette.k", "6", "filmpalette.seed", "7");

        List<Row> stills = PipelineRuns.rows(tables, Table.STILL_PALETTES);
        assertEquals(6, stills.size());
        for (int i = 1; i <= 3; i++) {
            for (Algorithm algorithm : List.of(Algorithm.KMEANS, Algorithm.BISECTING)) {
                Palette expected = computeWithoutSpark(input.resolve("dusk/f" + i + ".jpg"), "dusk", "f" + i,
                        algorithm, 6, 7L);
                Palette stored = PipelineRuns.stillPalette(tables, "dusk", "f" + i, algorithm.id());
                assertEquals(expected, stored, "f" + i + " " + algorithm);
                assertTrue(stored.size() >= 5, stored.hexList());
                assertEquals(1.0, stored.swatches().stream().mapToDouble(s -> s.share()).sum(), 1e-9);
            }
        }
        Row first = stills.get(0);
        assertEquals("lab", first.getAs(TableSchemas.COLOR_SPACE));
        assertEquals(6, (int) first.getAs(TableSchemas.K));
        assertEquals(countedPixels(input.resolve("dusk/f1.jpg")), (int) first.getAs(TableSchemas.SAMPLED_PIXELS));
    }

    /** The still palette as the job computes it, default settings: bins and regions of the whole cropped frame. */
    private static Palette computeWithoutSpark(Path file, String film, String frame, Algorithm algorithm, int k,
            long seed) throws IOException {
        PaletteFitter fitter = new PaletteFitter(ColorSpace.LAB, k, 20, Order.DOMINANCE,
                JobSettings.PALETTE_MODE.defaultValue());
        return fitter.fit(fitter.still(statistics(file)), algorithm, PixelSampler.frameSeed(seed, film, frame))
                .palette();
    }

    private static int countedPixels(Path file) throws IOException {
        return statistics(file).pixels();
    }

    private static StillStatistics statistics(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DecodedFrame decoded = new FrameDecoder(JobSettings.MAX_SIDE.defaultValue(), 250_000_000L).decode(in);
            return new StillStatistics.StillAnalyzer(JobSettings.SAMPLE.defaultValue(), null).analyze(Letterbox.crop(decoded));
        } catch (org.filmpalette.ingest.FrameRejectedException e) {
            throw new AssertionError(e);
        }
    }
}
