package org.filmpalette.quality;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;


/**
 * The film-level benchmark: the benchmark's films ({@link BenchmarkFilms}) with three film accents painted over their
 * frames, each a fixed color at about 1 % of the frame (0.8–1.2 %, one or two rectangles): one in 30 % of the frames
 * (index mod 10 in 2, 5, 8), one in 50 % (even indices), which film palettes must keep, and one in a single frame
 * (index 3), which they need not. Their colors follow the film's look (chroma range, distinctness from its
 * grade) and keep ΔE2000 {@value #ACCENTS_APART} from each other. Deterministic from the seed.
 */
public final class RecurringAccentFilms {

    /** A film's frames and the film accents painted over them. */
    public record Film(String filmId, List<BenchmarkFrame> frames, List<Integer> recurring, int rare) {}

    /** ΔE2000 between a film's three accents. */
    static final double ACCENTS_APART = 15.0;

    private RecurringAccentFilms() {}

    /** Every benchmark film with {@code framesPerFilm} frames (at least 10, so that the fractions hold). */
    public static List<Film> generate(long seed, int framesPerFilm) {
        if (framesPerFilm < 10) {
            throw new IllegalArgumentException("Invalid framesPerFilm: " + framesPerFilm
                    + " (must be at least 10 for the film-level benchmark)");
        }
        List<Film> films = new ArrayList<>();
        for (int film = 0; film < BenchmarkFilms.FILMS.size(); film++) {
            BenchmarkFilms.Look look = BenchmarkFilms.LOOKS[film];
            SplittableRandom random = new SplittableRandom(seed * 7919 + film);
            List<Integer> colors = new ArrayList<>();
            for (int a = 0; a < 3; a++) {
                colors.add(BenchmarkFilms.accentColor(random, look, colors, ACCENTS_APART));
            }
            List<BenchmarkFrame> frames = new ArrayList<>();
            for (int index = 1; index <= framesPerFilm; index++) {
                BenchmarkFrame frame = BenchmarkFilms.frame(seed, film, index);
                BufferedImage image = frame.image();
                if (index % 10 == 2 || index % 10 == 5 || index % 10 == 8) {
                    paint(image, colors.get(0), random);
                }
                if (index % 2 == 0) {
                    paint(image, colors.get(1), random);
                }
                if (index == 3) {
                    paint(image, colors.get(2), random);
                }
                frames.add(frame);
            }
            films.add(new Film(BenchmarkFilms.FILMS.get(film), frames, List.of(colors.get(0), colors.get(1)),
                    colors.get(2)));
        }
        return films;
    }

    /** About 1 % of the frame in one or two flat rectangles. */
    private static void paint(BufferedImage image, int rgb, SplittableRandom random) {
        int pieces = 1 + random.nextInt(2);
        double area = (0.008 + random.nextDouble(0.004)) * image.getWidth() * image.getHeight() / pieces;
        for (int p = 0; p < pieces; p++) {
            int w = (int) Math.round(Math.sqrt(area * (0.7 + 0.8 * random.nextDouble())));
            int h = (int) Math.round(area / w);
            int x0 = random.nextInt(image.getWidth() - w);
            int y0 = random.nextInt(image.getHeight() - h);
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    image.setRGB(x, y, rgb);
                }
            }
        }
    }
}
