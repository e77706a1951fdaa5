package org.filmpalette.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** data-sample's synthetic films are what their generator makes, and the folder stays small and attributed. */
class DataSampleTest {

    private static final Path SAMPLE = Path.of("data-sample");

    @Test
    void syntheticPrimariesMatchTheGeneratorPixelForPixel() throws IOException {
        for (int i = 1; i <= SyntheticFilms.FRAMES; i++) {
            BufferedImage stored = ImageIO.read(SAMPLE.resolve(String.format("synthetic-primaries/frame_%05d.png", i)).toFile());
            BufferedImage generated = SyntheticFilms.primaries(i);
            assertEquals(generated.getWidth(), stored.getWidth());
            for (int y = 0; y < stored.getHeight(); y += 7) {
                for (int x = 0; x < stored.getWidth(); x++) {
                    assertEquals(generated.getRGB(x, y), stored.getRGB(x, y), "frame " + i + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void syntheticDuskMatchesTheGeneratorWithinJpegError() throws IOException {
        for (int i = 1; i <= SyntheticFilms.FRAMES; i++) {
            BufferedImage stored = ImageIO.read(SAMPLE.resolve(String.format("synthetic-dusk/frame_%05d.jpg", i)).toFile());
            BufferedImage generated = SyntheticFilms.dusk(i);
            long error = 0;
            for (int y = 0; y < stored.getHeight(); y++) {
                for (int x = 0; x < stored.getWidth(); x++) {
                    int a = stored.getRGB(x, y);
                    int b = generated.getRGB(x, y);
                    for (int shift = 0; shift <= 16; shift += 8) {
                        error += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
                    }
                }
            }
            double mean = error / (3.0 * stored.getWidth() * stored.getHeight());
            assertTrue(mean < 4, "frame " + i + " differs from the generator by " + mean + " per channel");
        }
    }

    @Test
    void sampleIsUnderFiveMegabytesWithAttributionAndThreeFilms() throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(SAMPLE)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(bytes < 5L * 1024 * 1024, bytes + " bytes");
        String readme = Files.readString(SAMPLE.resolve("README.md"));
        assertTrue(readme.contains("Blender Foundation") && readme.contains("Creative Commons Attribution 3.0"));
        try (Stream<Path> films = Files.list(SAMPLE)) {
            assertEquals(3, films.filter(Files::isDirectory).count());
        }
        try (Stream<Path> frames = Files.list(SAMPLE.resolve("big_buck_bunny"))) {
            assertEquals(30, frames.filter(f -> f.toString().endsWith(".jpg")).count());
        }
    }
}
