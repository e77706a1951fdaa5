package org.filmpalette.palette;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.filmpalette.color.ColorSpace;

/**
 * An ordered list of swatches whose shares sum to 1: the palette of one still or one film.
 */
public record Palette(List<Swatch> swatches) {

    public Palette {
        swatches = List.copyOf(swatches);
    }

    /**
     * The palette of cluster colors {@code rgb} (packed sRGB) with the given weights (pixel counts or summed
     * shares), in {@code order}. Clusters that land on the same sRGB color are merged; zero weights are dropped;
     * shares are the weights normalized to sum to 1; roles follow {@link Role}'s definition.
     */
    public static Palette of(int[] rgb, double[] weights, Order order) {
        if (rgb.length != weights.length) {
            throw new IllegalArgumentException(
                    "Colors and weights differ in length: " + rgb.length + " vs " + weights.length);
        }
        Map<Integer, Double> merged = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < rgb.length; i++) {
            if (weights[i] > 0) {
                merged.merge(rgb[i] & 0xFFFFFF, weights[i], Double::sum);
                total += weights[i];
            }
        }
        if (merged.isEmpty()) {
            throw new IllegalArgumentException("A palette needs at least one color with positive weight");
        }
        List<Swatch> unranked = new ArrayList<>();
        for (Map.Entry<Integer, Double> entry : merged.entrySet()) {
            unranked.add(Swatch.of(0, entry.getKey(), entry.getValue() / total));
        }
        unranked.sort(order.comparator());
        List<Swatch> ranked = new ArrayList<>(unranked.size());
        for (int i = 0; i < unranked.size(); i++) {
            ranked.add(unranked.get(i).withRank(i + 1));
        }
        return withDerivedRoles(ranked);
    }

    /** A palette of {@code swatches} (in their order) whose roles are set by {@link Role}'s definition. */
    public static Palette withDerivedRoles(List<Swatch> swatches) {
        List<Swatch> withRoles = new ArrayList<>(swatches.size());
        for (Swatch swatch : swatches) {
            withRoles.add(swatch.withRole(Role.of(swatch, swatches)));
        }
        return new Palette(withRoles);
    }

    /** The colors of {@code role}, in rank order. */
    public List<Swatch> withRole(Role role) {
        return swatches.stream().filter(swatch -> swatch.role() == role).toList();
    }

    /**
     * The palette of cluster centers given in {@code space} (flat, {@code dimensions} values each) weighted by the
     * pixels or shares nearest to each.
     */
    public static Palette fromCenters(double[] centers, int dimensions, double[] weights, ColorSpace space, Order order) {
        int[] rgb = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            rgb[i] = space.decode(centers, i * dimensions);
        }
        return of(rgb, weights, order);
    }

    public int size() {
        return swatches.size();
    }

    public Swatch get(int index) {
        return swatches.get(index);
    }

    /** The colors as {@code #rrggbb} separated by spaces, in rank order. */
    public String hexList() {
        return swatches.stream().map(Swatch::hex).collect(Collectors.joining(" "));
    }
}
