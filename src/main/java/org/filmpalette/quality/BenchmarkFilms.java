package org.filmpalette.quality;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;

/**
 * Generator of the quality benchmark: film-like synthetic frames with planted accents and their ground truth,
 * deterministic from a seed (same seed, same pixels, on any JVM).
 *
 * <p>Each film has a grade (a handful of base colors: a sky or wall gradient, a ground, three large shapes) that
 * drifts slowly through its frames while the camera pans. Every frame gets a moving light (a horizontal lighting
 * ramp from 0.8 to 1.15), film grain (Gaussian luma noise, σ 5, plus chroma noise, σ 2, per channel) and one or two
 * accents: distinct saturated colors (CIELAB chroma 50–80, at least ΔE2000 25 from every base color and from each
 * other) covering 0.3–2 % of the frame each, painted in one to three rectangular or elliptical pieces with light grain
 * of their own, unlit like a lamp or a sign.
 *
 * <p>The fourth film, {@code market-crowd}, is the hard case: a busy, textured background (a slowly varying
 * brightness texture, ±20 %, over the whole frame and a crowd of 90 small figures in six muted colors, CIELAB chroma
 * 10–30) and weaker accents: chroma 35–50, at least ΔE2000 20 from every base color, 0.3–1 % of the frame. Its
 * accents are closer to the background in color and smaller, and the background has many mid-sized color clusters
 * competing for the k slots, as in a street or a market scene.
 */
public final class BenchmarkFilms {

    /** The benchmark's films: three looks with graded base colors, then a busy one with weaker accents. */
    public static final List<String> FILMS = List.of("teal-orange", "sepia-interior", "night-street", "market-crowd");
    public static final int FRAMES_PER_FILM_DEFAULT = 20;
    public static final int WIDTH = 480;
    public static final int HEIGHT = 200;

    /** Smallest and largest fraction of the frame one accent covers (the first three films). */
    static final double MIN_ACCENT_SHARE = 0.003;
    static final double MAX_ACCENT_SHARE = 0.02;
    /** ΔE2000 an accent keeps from every base color of its film and from the frame's other accent. */
    static final double ACCENT_DISTINCTNESS = 25.0;

    /**
     * How one film looks: its grade (sky top, sky bottom, ground far, ground near, three shapes, then the crowd's
     * extra colors), its accents' CIELAB chroma and share ranges and distinctness, and whether it has a crowd and a
     * brightness texture.
     */
    record Look(int[] grade, double minChroma, double maxChroma, double minShare, double maxShare,
            double distinctness, boolean busy) {}

    static final Look[] LOOKS = {
        new Look(new int[] {0x1F4E5A, 0x6FA3A8, 0x4A4238, 0x2B3A3A, 0x8A5A3C, 0xC98E6B, 0x3B4B52},
                50, 80, MIN_ACCENT_SHARE, MAX_ACCENT_SHARE, ACCENT_DISTINCTNESS, false),
        new Look(new int[] {0x6B5039, 0xA88A62, 0x5C4430, 0x3A2A1E, 0xE6D2A8, 0x4A3222, 0x7A5A3A},
                50, 80, MIN_ACCENT_SHARE, MAX_ACCENT_SHARE, ACCENT_DISTINCTNESS, false),
        new Look(new int[] {0x1C2440, 0x2C3658, 0x2A2A30, 0x1E2128, 0x2D3550, 0xC88A3A, 0x3A3C44},
                50, 80, MIN_ACCENT_SHARE, MAX_ACCENT_SHARE, ACCENT_DISTINCTNESS, false),
        // Overcast sky, cobbles, a wooden stall, foliage, terracotta; the crowd adds mauve, denim and straw.
        new Look(new int[] {0x8FA6B0, 0xC9CFC8, 0x6E6252, 0x4C4438, 0x7D6A4E, 0x5E7148, 0xA9775A,
            0x8C5F63, 0x5B6B7E, 0xB3A27A},
                35, 50, 0.003, 0.01, 20.0, true),
    };
    /** Small figures in a busy film's crowd. */
    static final int CROWD = 90;

    private BenchmarkFilms() {}

    /** {@code framesPerFilm} frames of each of {@link #FILMS}, films in that order, frames in id order. */
    public static List<BenchmarkFrame> generate(long seed, int framesPerFilm) {
        if (framesPerFilm < 1) {
            throw new IllegalArgumentException("Invalid framesPerFilm: " + framesPerFilm + " (must be at least 1)");
        }
        List<BenchmarkFrame> frames = new ArrayList<>();
        for (int film = 0; film < FILMS.size(); film++) {
            for (int index = 1; index <= framesPerFilm; index++) {
                frames.add(frame(seed, film, index));
            }
        }
        return frames;
    }

    /** Name of the ground-truth file {@link #write} puts at the archive root (not a frame: the job skips it). */
    public static final String GROUND_TRUTH = "accents.csv";

    /**
     * Writes {@code frames} as an archive the job can read, {@code root/<film>/<frame>.png} (lossless), and their
     * accents to {@code root/accents.csv} (film_id, frame_id, hex, share, pieces).
     */
    public static void write(List<BenchmarkFrame> frames, Path root) {
        StringBuilder truth = new StringBuilder("film_id,frame_id,hex,share,pieces\n");
        try {
            for (BenchmarkFrame frame : frames) {
                Path file = root.resolve(frame.filmId()).resolve(frame.frameId() + ".png");
                Files.createDirectories(file.getParent());
                if (!ImageIO.write(frame.image(), "png", file.toFile())) {
                    throw new IllegalStateException("No PNG writer available");
                }
                for (PlantedAccent accent : frame.accents()) {
                    truth.append(String.format(Locale.ROOT, "%s,%s,#%06x,%.6f,%d%n", frame.filmId(), frame.frameId(),
                            accent.rgb(), accent.share(), accent.pieces()));
                }
            }
            Files.writeString(root.resolve(GROUND_TRUTH), truth, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark under " + root, e);
        }
    }

    /** Frame {@code index} (1-based) of film number {@code film} (index into {@link #FILMS}). */
    public static BenchmarkFrame frame(long seed, int film, int index) {
        Look look = LOOKS[film];
        int[] grade = look.grade();
        SplittableRandom layout = new SplittableRandom(seed * 31 + film);
        SplittableRandom random = new SplittableRandom(((seed * 31 + film) * 1_000_003L) + index);
        int[] pixels = new int[WIDTH * HEIGHT];
        paintScene(pixels, look, layout, random, index);
        List<PlantedAccent> accents = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        List<Integer> colors = new ArrayList<>();
        boolean[] taken = new boolean[pixels.length];
        for (int a = 0; a < count; a++) {
            int color = accentColor(random, look, colors);
            colors.add(color);
            accents.add(paintAccent(pixels, taken, color, random, look));
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, WIDTH, HEIGHT, pixels, 0, WIDTH);
        return new BenchmarkFrame(FILMS.get(film), String.format("frame_%05d", index), image, accents);
    }

    private static void paintScene(int[] pixels, Look look, SplittableRandom layout, SplittableRandom grain,
            int index) {
        int[] grade = look.grade();
        double drift = 1.0 + 0.01 * (index - 10);
        int pan = index * 6;
        double horizon = HEIGHT * (0.55 + 0.1 * layout.nextDouble());
        int[][] shapes = new int[3][];
        for (int s = 0; s < 3; s++) {
            int w = 60 + layout.nextInt(120);
            int h = 50 + layout.nextInt(110);
            // Nearer shapes move faster across the frame as the camera pans.
            int x = Math.floorMod(layout.nextInt(WIDTH + 200) - pan * (s + 1) / 3, WIDTH + 200) - 100;
            shapes[s] = new int[] {x, HEIGHT - h - layout.nextInt(30), w, h, layout.nextInt(2)};
        }
        double lightX = WIDTH * (0.2 + 0.6 * ((index * 0.37) % 1.0));
        int[] crowd = look.busy() ? crowd(layout, grade, pan) : null;
        double[] texture = look.busy() ? texture(layout, pan) : null;
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                double[] base;
                if (y < horizon) {
                    base = mix(grade[0], grade[1], y / horizon);
                } else {
                    base = mix(grade[2], grade[3], (y - horizon) / (HEIGHT - horizon));
                }
                for (int s = 0; s < 3; s++) {
                    if (inside(shapes[s], x, y)) {
                        double shade = 1.05 - 0.2 * (y - shapes[s][1]) / (double) shapes[s][3];
                        base = mix(grade[4 + s], grade[4 + s], 0.0);
                        base[0] *= shade;
                        base[1] *= shade;
                        base[2] *= shade;
                    }
                }
                if (crowd != null && crowd[y * WIDTH + x] >= 0) {
                    base = mix(crowd[y * WIDTH + x], crowd[y * WIDTH + x], 0.0);
                }
                double dx = (x - lightX) / (WIDTH * 0.35);
                double light = (0.8 + 0.35 * Math.exp(-dx * dx)) * drift;
                if (texture != null) {
                    light *= texture[y * WIDTH + x];
                }
                double luma = 5.0 * grain.nextGaussian();
                pixels[y * WIDTH + x] = pack(base[0] * light + luma + 2.0 * grain.nextGaussian(),
                        base[1] * light + luma + 2.0 * grain.nextGaussian(),
                        base[2] * light + luma + 2.0 * grain.nextGaussian());
            }
        }
    }

    /**
     * The crowd of a busy film: per pixel the color of the nearest figure in front ({@code -1} where there is none).
     * Figures keep their place and color through the film and move with the pan, the nearer ones faster.
     */
    private static int[] crowd(SplittableRandom layout, int[] grade, int pan) {
        int[] colors = new int[WIDTH * HEIGHT];
        java.util.Arrays.fill(colors, -1);
        for (int f = 0; f < CROWD; f++) {
            int w = 6 + layout.nextInt(22);
            int h = 10 + layout.nextInt(36);
            int x0 = Math.floorMod(layout.nextInt(WIDTH + 200) - pan * (1 + f % 3) / 2, WIDTH + 200) - 100;
            int y0 = (int) (HEIGHT * 0.35) + layout.nextInt((int) (HEIGHT * 0.65) - h / 2);
            int color = grade[4 + layout.nextInt(grade.length - 4)];
            int[] shape = {x0, y0, w, h, layout.nextInt(2)};
            for (int y = Math.max(0, y0); y < Math.min(HEIGHT, y0 + h); y++) {
                for (int x = Math.max(0, x0); x < Math.min(WIDTH, x0 + w); x++) {
                    if (inside(shape, x, y)) {
                        colors[y * WIDTH + x] = color;
                    }
                }
            }
        }
        return colors;
    }

    /**
     * A brightness texture for a busy film: value noise on a 16-pixel lattice (wrapping around horizontally), smoothly
     * interpolated, from 0.8 to 1.2, fixed to the scene and moving with the pan.
     */
    private static double[] texture(SplittableRandom layout, int pan) {
        int cell = 16;
        int columns = WIDTH / cell * 2;
        int rows = HEIGHT / cell + 2;
        double[] lattice = new double[columns * rows];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = layout.nextDouble(-1.0, 1.0);
        }
        double[] texture = new double[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            double v = y / (double) cell;
            int row = (int) v;
            double ty = smooth(v - row);
            for (int x = 0; x < WIDTH; x++) {
                double u = (x + pan) / (double) cell;
                int column = (int) u;
                double tx = smooth(u - column);
                // The lattice wraps around horizontally, so any pan stays inside it.
                int left = column % columns;
                int right = (column + 1) % columns;
                double top = lerp(lattice[row * columns + left], lattice[row * columns + right], tx);
                double bottom = lerp(lattice[(row + 1) * columns + left], lattice[(row + 1) * columns + right], tx);
                texture[y * WIDTH + x] = 1.0 + 0.2 * lerp(top, bottom, ty);
            }
        }
        return texture;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static boolean inside(int[] shape, int x, int y) {
        int dx = x - shape[0];
        int dy = y - shape[1];
        if (dx < 0 || dy < 0 || dx >= shape[2] || dy >= shape[3]) {
            return false;
        }
        if (shape[4] == 0) {
            return true;
        }
        double u = 2.0 * dx / shape[2] - 1.0;
        double v = 2.0 * dy / shape[3] - 1.0;
        return u * u + v * v <= 1.0;
    }

    /** A saturated in-gamut color at least the look's distinctness from its grade and the frame's accents. */
    private static int accentColor(SplittableRandom random, Look look, List<Integer> taken) {
        return accentColor(random, look, taken, look.distinctness());
    }

    /**
     * A saturated in-gamut color of the look's chroma range, at least the look's distinctness from its grade and
     * {@code apart} (ΔE2000) from every {@code taken} color.
     */
    static int accentColor(SplittableRandom random, Look look, List<Integer> taken, double apart) {
        int[] grade = look.grade();
        while (true) {
            double hue = Math.toRadians(random.nextDouble(360.0));
            double chroma = look.minChroma() + random.nextDouble(look.maxChroma() - look.minChroma());
            Lab lab = new Lab(45.0 + random.nextDouble(30.0), chroma * Math.cos(hue), chroma * Math.sin(hue));
            if (!lab.inSrgbGamut()) {
                continue;
            }
            int rgb = lab.toRgb();
            if (farFromAll(rgb, grade, look.distinctness())
                    && farFromAll(rgb, taken.stream().mapToInt(Integer::intValue).toArray(), apart)) {
                return rgb;
            }
        }
    }

    private static boolean farFromAll(int rgb, int[] colors, double distinctness) {
        for (int color : colors) {
            if (DeltaE2000.between(rgb, color) < distinctness) {
                return false;
            }
        }
        return true;
    }

    /** Paints one accent of the look's share range in 1–3 pieces and returns its ground truth. */
    private static PlantedAccent paintAccent(int[] pixels, boolean[] taken, int color, SplittableRandom random,
            Look look) {
        double share = look.minShare() + random.nextDouble(look.maxShare() - look.minShare());
        int pieces = 1 + random.nextInt(3);
        double pieceArea = share * WIDTH * HEIGHT / pieces;
        boolean[] painted = new boolean[pixels.length];
        int r = (color >> 16) & 0xFF;
        int g = (color >> 8) & 0xFF;
        int b = color & 0xFF;
        for (int p = 0; p < pieces; p++) {
            double aspect = 0.5 + 1.5 * random.nextDouble();
            boolean ellipse = random.nextBoolean();
            double area = ellipse ? pieceArea * 4.0 / Math.PI : pieceArea;
            int w = Math.max(2, (int) Math.round(Math.sqrt(area * aspect)));
            int h = Math.max(2, (int) Math.round(area / w));
            int x0 = random.nextInt(WIDTH - w);
            int y0 = random.nextInt(HEIGHT - h);
            int[] shape = {x0, y0, w, h, ellipse ? 1 : 0};
            for (int y = y0; y < y0 + h; y++) {
                for (int x = x0; x < x0 + w; x++) {
                    if (inside(shape, x, y) && !taken[y * WIDTH + x]) {
                        painted[y * WIDTH + x] = true;
                    }
                }
            }
        }
        int count = 0;
        for (int i = 0; i < pixels.length; i++) {
            if (painted[i]) {
                taken[i] = true;
                double noise = 1.5 * random.nextGaussian();
                pixels[i] = pack(r + noise, g + noise, b + noise);
                count++;
            }
        }
        return new PlantedAccent(color, count / (double) pixels.length, pieces);
    }

    private static double[] mix(int from, int to, double t) {
        return new double[] {
            lerp((from >> 16) & 0xFF, (to >> 16) & 0xFF, t),
            lerp((from >> 8) & 0xFF, (to >> 8) & 0xFF, t),
            lerp(from & 0xFF, to & 0xFF, t)
        };
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }

    private static int pack(double r, double g, double b) {
        return (channel(r) << 16) | (channel(g) << 8) | channel(b);
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
