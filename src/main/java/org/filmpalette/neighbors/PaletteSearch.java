package org.filmpalette.neighbors;

import static org.apache.iceberg.expressions.Expressions.equal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.iceberg.data.Record;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.DirectTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * Searches the tables without Spark ({@link DirectTables}, every bucket on its own core): the stills or films nearest
 * to a palette (the {@link PaletteEmbedding}'s nearest candidates, re-ranked by the exact {@code palette_distance}),
 * and the stills and films holding a color near a given one (CIEDE2000 to their nearest color of at least a given
 * share, exact). Still palettes carry their embedding ({@code still_palettes.embedding}, written by the run), so a
 * search is one scan and no pass over any pixels.
 */
public final class PaletteSearch {

    /** Embedding candidates re-ranked exactly: at least this many, and ten per result asked for. */
    public static final int CANDIDATES_MIN = 200;

    private final DirectTables tables;

    public PaletteSearch(DirectTables tables) {
        this.tables = tables;
    }

    /** What is searched: still palettes or film palettes. */
    public enum Level {
        STILL(Table.STILL_PALETTES), FILM(Table.FILM_PALETTES);

        private final Table table;

        Level(Table table) {
            this.table = table;
        }

        /** The level named {@code name} ({@code still} or {@code film}), ignoring case. */
        public static Level parse(String name) {
            for (Level level : values()) {
                if (level.name().equalsIgnoreCase(name)) {
                    return level;
                }
            }
            throw new ConfigurationException("Invalid --level: " + name + " (must be still or film)");
        }
    }

    /** One result: a still (frame id null for a film), its distance (ΔE00 units) and its palette. */
    public record Hit(String filmId, String frameId, double distance, Palette palette) {}

    /** One result of a color search: the still or film, ΔE00 to its nearest color, that color and its share. */
    public record ColorHit(String filmId, String frameId, double deltaE, String hex, double share) {
        /** Nearest first, then by film id and frame id. */
        static final Comparator<ColorHit> ORDER = Comparator.comparingDouble(ColorHit::deltaE)
                .thenComparing(ColorHit::filmId).thenComparing(hit -> hit.frameId() == null ? "" : hit.frameId());
    }

    /**
     * The {@code top} stills or films of {@code algorithm} nearest to {@code query}, nearest first, ties by id: one
     * scan ranks every row by embedding (the stored {@code embedding} column of still palettes; computed from the
     * colors for film palettes and for rows written before the column), the nearest candidates are re-ranked by the
     * exact distance.
     */
    public List<Hit> like(Palette query, Level level, String algorithm, int top) {
        double[] target = PaletteEmbedding.of(query);
        int wanted = Math.max(CANDIDATES_MIN, 10 * top);
        boolean stored = level == Level.STILL && tables.hasColumn(Table.STILL_PALETTES, TableSchemas.EMBEDDING);
        List<String> columns = new ArrayList<>(columns(level));
        if (stored) {
            columns.add(TableSchemas.EMBEDDING);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Nearest bucket : tables.fold(level.table, equal(TableSchemas.ALGORITHM, algorithm), columns,
                () -> new Nearest(wanted), (nearest, row) -> nearest.offer(new Candidate(
                        embeddedDistance(target, stored ? (ByteBuffer) row.getField(TableSchemas.EMBEDDING) : null,
                                row), filmId(row), frameId(row), row)))) {
            candidates.addAll(bucket.heap);
        }
        candidates.sort(Candidate.ORDER);
        List<Hit> hits = new ArrayList<>();
        for (Candidate candidate : candidates.subList(0, Math.min(wanted, candidates.size()))) {
            Palette palette = palette(candidate.row());
            hits.add(new Hit(candidate.filmId(), candidate.frameId(), PaletteDistance.between(query, palette),
                    palette));
        }
        hits.sort(Comparator.comparingDouble(Hit::distance).thenComparing(Hit::filmId)
                .thenComparing(hit -> hit.frameId() == null ? "" : hit.frameId()));
        return hits.subList(0, Math.min(top, hits.size()));
    }

    /**
     * The {@code top} stills or films of {@code algorithm} holding a color of share at least {@code minShare} nearest
     * to {@code rgb} (packed sRGB) by CIEDE2000, nearest first, ties by id.
     */
    public List<ColorHit> color(int rgb, double minShare, Level level, String algorithm, int top) {
        Lab lab = Lab.fromRgb(rgb);
        List<ColorHit> hits = new ArrayList<>();
        for (List<ColorHit> bucket : tables.fold(level.table, equal(TableSchemas.ALGORITHM, algorithm),
                columns(level), ArrayList<ColorHit>::new, (found, row) -> {
                    ColorHit best = null;
                    for (Object value : (List<?>) row.getField(TableSchemas.COLORS)) {
                        Record color = (Record) value;
                        double share = (Double) color.getField(TableSchemas.SHARE);
                        if (share < minShare) {
                            continue;
                        }
                        double deltaE = DeltaE2000.between(lab.l(), lab.a(), lab.b(),
                                (Double) color.getField(TableSchemas.LAB_L), (Double) color.getField(TableSchemas.LAB_A),
                                (Double) color.getField(TableSchemas.LAB_B));
                        if (best == null || deltaE < best.deltaE()) {
                            best = new ColorHit(filmId(row), frameId(row), deltaE,
                                    (String) color.getField(TableSchemas.HEX), share);
                        }
                    }
                    if (best != null) {
                        keepNearest(found, best, top);
                    }
                })) {
            hits.addAll(bucket);
        }
        hits.sort(ColorHit.ORDER);
        return hits.subList(0, Math.min(top, hits.size()));
    }

    /** Adds {@code hit} to {@code found}, which keeps only the {@code top} nearest (it grows to twice, then trims). */
    private static void keepNearest(List<ColorHit> found, ColorHit hit, int top) {
        found.add(hit);
        if (found.size() >= 2 * top) {
            found.sort(ColorHit.ORDER);
            found.subList(top, found.size()).clear();
        }
    }

    private static double embeddedDistance(double[] target, ByteBuffer stored, Record row) {
        if (stored != null) {
            return StoredEmbedding.squaredDistance(target, stored);
        }
        double distance = PaletteEmbedding.distance(target, PaletteEmbedding.of(palette(row)));
        return distance * distance;
    }

    private static List<String> columns(Level level) {
        return level == Level.STILL ? List.of(TableSchemas.FILM_ID, TableSchemas.FRAME_ID, TableSchemas.COLORS)
                : List.of(TableSchemas.FILM_ID, TableSchemas.COLORS);
    }

    private static String filmId(Record row) {
        return (String) row.getField(TableSchemas.FILM_ID);
    }

    /** The frame id of a still palette, null for a film palette. */
    private static String frameId(Record row) {
        return (String) row.getField(TableSchemas.FRAME_ID);
    }

    private static Palette palette(Record row) {
        return ColorRows.fromRecords((List<?>) row.getField(TableSchemas.COLORS));
    }

    /** A row ranked by its squared embedding distance to the query. */
    private record Candidate(double embedded, String filmId, String frameId, Record row) {
        static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::embedded)
                .thenComparing(Candidate::filmId).thenComparing(candidate -> candidate.frameId() == null ? ""
                        : candidate.frameId());
    }

    /** The {@code size} nearest candidates offered so far, the farthest of them on top. */
    private static final class Nearest {
        final PriorityQueue<Candidate> heap = new PriorityQueue<>(Candidate.ORDER.reversed());
        final int size;

        Nearest(int size) {
            this.size = size;
        }

        void offer(Candidate candidate) {
            if (heap.size() < size) {
                heap.add(candidate);
            } else if (Candidate.ORDER.compare(candidate, heap.peek()) < 0) {
                heap.poll();
                heap.add(candidate);
            }
        }
    }
}
