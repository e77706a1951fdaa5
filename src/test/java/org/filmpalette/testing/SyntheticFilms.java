package org.filmpalette.testing;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Deterministic generator of data-sample's two synthetic films (labelled synthetic in their folder names):
 * {@code synthetic-primaries}, PNG frames of three flat stripes whose exact colors are known, and
 * {@code synthetic-dusk}, JPEG frames of a graded dusk sky over a dark horizon with grain and a small red lamp
 * (about 1 % of the frame) as a planted accent. Regenerate with
 * {@code mvn -q test-compile && java -cp target/test-classes org.filmpalette.testing.SyntheticFilms data-sample}.
 */
public final class SyntheticFilms {

    public static final int FRAMES = 10;
    public static final int WIDTH = 320;
    public static final int HEIGHT = 180;
    /** The red of the dusk film's lamp. */
    public static final int LAMP = 0xE01B24;

    private SyntheticFilms() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "data-sample");
        for (int i = 1; i <= FRAMES; i++) {
            String name = String.format("frame_%05d", i);
            TestImages.writePng(root.resolve("synthetic-primaries").resolve(name + ".png"), primaries(i));
            TestImages.write(root.resolve("synthetic-dusk").resolve(name + ".jpg"), TestImages.jpeg(dusk(i), 0.9f));
        }
    }

    /** The three stripe colors of frame {@code index} (1-based): they drift slowly through the film. */
    public static int[] primaryColors(int index) {
        int shift = (index - 1) * 6;
        return new int[] {
            rgb(200 - shift, 30, 40),
            rgb(30, 120 + shift, 60),
            rgb(40, 60, 190 - shift)
        };
    }

    public static BufferedImage primaries(int index) {
        return TestImages.stripes(WIDTH, HEIGHT, primaryColors(index));
    }

    public static BufferedImage dusk(int index) {
        SplittableRandom grain = new SplittableRandom(1000L + index);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int horizon = HEIGHT * 2 / 3;
        double light = 1.0 - 0.04 * (index - 1);
        for (int y = 0; y < HEIGHT; y++) {
            double t = y / (double) horizon;
            for (int x = 0; x < WIDTH; x++) {
                int noise = grain.nextInt(-6, 7);
                int color;
                if (y < horizon) {
                    color = rgb((int) ((60 + 180 * t) * light) + noise, (int) ((40 + 90 * t) * light) + noise,
                            (int) ((110 - 40 * t) * light) + noise);
                } else {
                    color = rgb(28 + noise, 24 + noise, 34 + noise);
                }
                image.setRGB(x, y, color);
            }
        }
        int lampX = 40 + 16 * index;
        return TestImages.paint(image, LAMP, lampX, horizon - 24, 20, 28);
    }

    private static int rgb(int r, int g, int b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(int channel) {
        return Math.max(0, Math.min(255, channel));
    }
}
