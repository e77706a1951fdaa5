package org.filmpalette.testing;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.filmpalette.color.Lab;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * Film palettes generated without frames, for neighbor tests and benchmarks: {@code looks} base palettes of k
 * colors (random in the sRGB gamut), and each film a look with its colors moved by Gaussian noise in CIELAB
 * ({@code noise} per axis) and its shares drawn around the look's. Films of one look are near each other, as graded
 * films of one style are; deterministic from the seed.
 */
public final class GeneratedPalettes implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int k;
    private final double noise;
    private final List<double[][]> looks = new ArrayList<>();
    private final List<double[]> lookShares = new ArrayList<>();

    public GeneratedPalettes(int looks, int k, double noise, long seed) {
        this.k = k;
        this.noise = noise;
        Random random = new Random(seed);
        for (int i = 0; i < looks; i++) {
            double[][] colors = new double[k][];
            double[] shares = new double[k];
            for (int c = 0; c < k; c++) {
                colors[c] = lab(random.nextInt(0x1000000));
                shares[c] = 0.02 + random.nextDouble();
            }
            this.looks.add(colors);
            this.lookShares.add(shares);
        }
    }

    /** The palette of film number {@code film}: deterministic from the film number alone. */
    public Palette film(long film) {
        Random random = new Random(film * 0x9E3779B97F4A7C15L + 12345);
        int look = random.nextInt(looks.size());
        double[][] base = looks.get(look);
        double[] shares = lookShares.get(look);
        int[] rgb = new int[k];
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            rgb[c] = Lab.toRgb(base[c][0] + noise * random.nextGaussian(), base[c][1] + noise * random.nextGaussian(),
                    base[c][2] + noise * random.nextGaussian());
            weights[c] = shares[c] * Math.exp(0.4 * random.nextGaussian());
        }
        return Palette.of(rgb, weights, Order.DOMINANCE);
    }

    /** The film id of film number {@code film}, zero-padded so that ids sort as numbers. */
    public static String filmId(long film) {
        return String.format("film-%07d", film);
    }

    private static double[] lab(int rgb) {
        Lab lab = Lab.fromRgb(rgb);
        return new double[] {lab.l(), lab.a(), lab.b()};
    }
}
