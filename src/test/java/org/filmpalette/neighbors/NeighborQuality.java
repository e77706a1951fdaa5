package org.filmpalette.neighbors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.filmpalette.palette.Palette;

/** Measures of how well a neighbor search matches exact all pairs: Spearman's rank correlation and recall@k. */
public final class NeighborQuality {

    private NeighborQuality() {}

    /** Spearman's rank correlation of two samples (ranks by sort position; ties are negligible for distances). */
    public static double spearman(double[] x, double[] y) {
        double[] rx = ranks(x);
        double[] ry = ranks(y);
        double n = x.length;
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double d = rx[i] - ry[i];
            sum += d * d;
        }
        return 1 - 6 * sum / (n * (n * n - 1));
    }

    /** For each film, the ids (indexes) of its {@code k} nearest films by exact distance, all pairs, ties by index. */
    public static List<List<Integer>> exactNearest(List<Palette> films, int k) {
        List<PalettePoint> points = points(films);
        return IntStream.range(0, films.size()).parallel().mapToObj(i -> {
            double[] distance = new double[films.size()];
            for (int j = 0; j < films.size(); j++) {
                distance[j] = points.get(i).exactDistance(points.get(j));
            }
            return IntStream.range(0, films.size()).filter(j -> j != i).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(j -> distance[j]).thenComparing(j -> j))
                    .limit(k).toList();
        }).toList();
    }

    /** recall@k of {@code found} (film id → neighbor ids in order) against {@code exact}: the mean kept fraction. */
    public static double recall(Map<String, List<String>> found, Map<String, List<String>> exact, int k) {
        double sum = 0;
        for (Map.Entry<String, List<String>> film : exact.entrySet()) {
            Set<String> truth = Set.copyOf(film.getValue().subList(0, Math.min(k, film.getValue().size())));
            List<String> got = found.getOrDefault(film.getKey(), List.of());
            long hits = got.subList(0, Math.min(k, got.size())).stream().filter(truth::contains).count();
            sum += truth.isEmpty() ? 1.0 : (double) hits / truth.size();
        }
        return sum / exact.size();
    }

    /** recall@10 of taking each film's {@code candidates} nearest by embedding and re-ranking them exactly. */
    public static double recallAt10OfReRankedEmbedding(List<Palette> films, int candidates) {
        List<PalettePoint> points = points(films);
        Map<String, List<String>> found = new java.util.TreeMap<>();
        Map<String, List<String>> exact = new java.util.TreeMap<>();
        List<List<Integer>> truth = exactNearest(films, 10);
        for (int i = 0; i < films.size(); i++) {
            PalettePoint query = points.get(i);
            List<String> reRanked = CellSearch.search(List.of(query), points, candidates).stream()
                    .sorted(Comparator.comparingDouble(CellSearch.Pair::distance).thenComparing(CellSearch.Pair::memberId))
                    .map(CellSearch.Pair::memberId).limit(10).toList();
            found.put(query.id(), reRanked);
            exact.put(query.id(), truth.get(i).stream().map(j -> points.get(j).id()).toList());
        }
        return recall(found, exact, 10);
    }

    private static List<PalettePoint> points(List<Palette> films) {
        List<PalettePoint> points = new ArrayList<>();
        for (int i = 0; i < films.size(); i++) {
            points.add(PalettePoint.of(String.format("%07d", i), films.get(i)));
        }
        return points;
    }

    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }
}
