package org.filmpalette.neighbors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The search inside one cell of the coarse partition: for each query, the {@code candidates} members nearest by
 * embedding (ties by id, the query itself left out), re-ranked by the exact distance. Pure Java, deterministic.
 */
public final class CellSearch {

    private CellSearch() {}

    /** One exact distance between a query and a member. */
    public record Pair(String queryId, String memberId, double distance) {}

    /** Every query's exact distances to its {@code candidates} nearest members by embedding (all when fewer). */
    public static List<Pair> search(List<PalettePoint> queries, List<PalettePoint> members, int candidates) {
        List<Pair> pairs = new ArrayList<>();
        for (PalettePoint query : queries) {
            for (PalettePoint member : nearestByEmbedding(query, members, candidates)) {
                pairs.add(new Pair(query.id(), member.id(), query.exactDistance(member)));
            }
        }
        return pairs;
    }

    /**
     * The {@code count} members nearest to {@code query} by embedding distance, then id. Squared distances rank the
     * same; a member's sum stops as soon as it exceeds the farthest kept one, which cannot then be displaced.
     */
    static List<PalettePoint> nearestByEmbedding(PalettePoint query, List<PalettePoint> members, int count) {
        record Scored(PalettePoint point, double distance) {}
        Comparator<Scored> nearestFirst = Comparator.comparingDouble(Scored::distance)
                .thenComparing(s -> s.point().id());
        PriorityQueue<Scored> kept = new PriorityQueue<>(nearestFirst.reversed());
        double[] q = query.embedding();
        for (PalettePoint member : members) {
            if (member.id().equals(query.id())) {
                continue;
            }
            double bound = kept.size() < count ? Double.POSITIVE_INFINITY : kept.peek().distance();
            double distance = PaletteEmbedding.squaredDistanceUpTo(q, member.embedding(), bound);
            if (distance > bound) {
                continue;
            }
            Scored scored = new Scored(member, distance);
            if (kept.size() < count) {
                kept.add(scored);
            } else if (nearestFirst.compare(scored, kept.peek()) < 0) {
                kept.poll();
                kept.add(scored);
            }
        }
        return kept.stream().sorted(nearestFirst).map(Scored::point).toList();
    }
}
