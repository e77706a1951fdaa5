package org.filmpalette.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.filmpalette.testing.TestImages;

/**
 * Generates a benchmark archive of film-like 1920×800 JPEG frames (graded backgrounds, lighting ramps, shapes and
 * grain), deterministic from the frame number; frames already there are kept, so a bigger archive can start from a
 * hard-linked copy of a smaller one. Usage: {@code BenchArchive OUT_DIR FRAMES FILMS}.
 */
public final class BenchArchive {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 800;

    private BenchArchive() {}

    public static void main(String[] args) throws InterruptedException {
        Path out = Path.of(args[0]);
        int frames = Integer.parseInt(args[1]);
        int films = Integer.parseInt(args[2]);
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < frames; i++) {
            int index = i;
            pool.submit(() -> {
                int film = index % films;
                Path file = out.resolve(String.format("film-%03d/frame_%06d.jpg", film, index / films));
                if (!Files.exists(file)) {
                    TestImages.write(file, TestImages.jpeg(frame(film, index), 0.85f));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** One frame: the film fixes the grade, the frame number moves the light and the shapes. */
    public static BufferedImage frame(int film, int index) {
        SplittableRandom random = new SplittableRandom(film * 1_000_003L + index);
        SplittableRandom grade = new SplittableRandom(film);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        Color top = new Color(grade.nextInt(30, 200), grade.nextInt(30, 200), grade.nextInt(30, 200));
        Color bottom = new Color(grade.nextInt(0, 120), grade.nextInt(0, 120), grade.nextInt(0, 120));
        g.setPaint(new GradientPaint(0, 0, top, 0, HEIGHT, bottom));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int shape = 0; shape < 12; shape++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 200));
            g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(50, 600), random.nextInt(50, 400));
        }
        g.dispose();
        int[] row = new int[WIDTH];
        for (int y = 0; y < HEIGHT; y++) {
            image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            for (int x = 0; x < WIDTH; x++) {
                int noise = random.nextInt(-8, 9);
                int rgb = row[x];
                row[x] = (clamp(((rgb >> 16) & 0xFF) + noise) << 16) | (clamp(((rgb >> 8) & 0xFF) + noise) << 8)
                        | clamp((rgb & 0xFF) + noise);
            }
            image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
        }
        return image;
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
