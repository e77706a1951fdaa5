package org.filmpalette.neighbors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.color.DeltaE2000;
import org.filmpalette.color.Lab;
import org.filmpalette.config.ConfigurationException;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * Searches the palette views of a query session: the stills or films nearest to a palette (the
 * {@link PaletteEmbedding}'s nearest candidates, re-ranked by the exact {@code palette_distance}), and the stills and
 * films holding a color near a given one (CIEDE2000 to their nearest color of at least a given share, exact).
 * Still palettes carry their embedding ({@code still_palettes.embedding}, written by the run), so a search is one
 * scan and no pass over any pixels.
 */
public final class PaletteSearch {

    /** Embedding candidates re-ranked exactly: at least this many, and ten per result asked for. */
    public static final int CANDIDATES_MIN = 200;
    private static final String EMBEDDED = "_embedded_distance";

    private final SparkSession spark;

    public PaletteSearch(SparkSession spark) {
        this.spark = spark;
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
    public record ColorHit(String filmId, String frameId, double deltaE, String hex, double share)
            implements Serializable {}

    /**
     * The {@code top} stills or films of {@code algorithm} nearest to {@code query}, nearest first, ties by id: one
     * scan ranks every row by embedding (the stored {@code embedding} column of still palettes; computed from the
     * colors for film palettes and for rows written before the column), the nearest candidates are re-ranked by the
     * exact distance on the driver.
     */
    public List<Hit> like(Palette query, Level level, String algorithm, int top) {
        double[] target = PaletteEmbedding.of(query);
        int candidates = Math.max(CANDIDATES_MIN, 10 * top);
        Dataset<Row> view = spark.table(level.table.id()).where(col(TableSchemas.ALGORITHM).equalTo(algorithm));
        Column stored = level == Level.STILL && List.of(view.columns()).contains(TableSchemas.EMBEDDING)
                ? col(TableSchemas.EMBEDDING) : lit(null).cast("binary");
        Column frame = level == Level.STILL ? col(TableSchemas.FRAME_ID) : lit(null).cast("string");
        List<Row> nearest = view.select(col(TableSchemas.FILM_ID), frame.as(TableSchemas.FRAME_ID),
                        col(TableSchemas.COLORS),
                        EmbeddingColumn.squaredDistance(target, stored, col(TableSchemas.COLORS)).as(EMBEDDED))
                .orderBy(col(EMBEDDED), col(TableSchemas.FILM_ID), col(TableSchemas.FRAME_ID))
                .limit(candidates).collectAsList();
        List<Hit> hits = new ArrayList<>();
        for (Row candidate : nearest) {
            Palette palette = ColorRows.palette(colors(candidate));
            hits.add(new Hit(candidate.getAs(TableSchemas.FILM_ID), candidate.getAs(TableSchemas.FRAME_ID),
                    PaletteDistance.between(query, palette), palette));
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
        double l = lab.l();
        double a = lab.a();
        double b = lab.b();
        return rows(level, algorithm).javaRDD().flatMap(row -> {
            ColorHit best = null;
            for (Row color : colors(row)) {
                double share = color.<Double>getAs(TableSchemas.SHARE);
                if (share < minShare) {
                    continue;
                }
                double deltaE = DeltaE2000.between(l, a, b, color.<Double>getAs(TableSchemas.LAB_L),
                        color.<Double>getAs(TableSchemas.LAB_A), color.<Double>getAs(TableSchemas.LAB_B));
                if (best == null || deltaE < best.deltaE()) {
                    best = new ColorHit(row.getAs(TableSchemas.FILM_ID), row.getAs(TableSchemas.FRAME_ID), deltaE,
                            color.<String>getAs(TableSchemas.HEX), share);
                }
            }
            return best == null ? java.util.Collections.emptyIterator() : List.of(best).iterator();
        }).takeOrdered(top, new ByDeltaE());
    }

    private Dataset<Row> rows(Level level, String algorithm) {
        Dataset<Row> view = spark.table(level.table.id()).where(col(TableSchemas.ALGORITHM).equalTo(algorithm));
        return view.select(col(TableSchemas.FILM_ID),
                level == Level.STILL ? col(TableSchemas.FRAME_ID) : lit(null).cast("string").as(TableSchemas.FRAME_ID),
                col(TableSchemas.COLORS));
    }

    private static List<Row> colors(Row row) {
        return row.getList(row.fieldIndex(TableSchemas.COLORS));
    }

    private static String key(String filmId, String frameId) {
        return filmId + '\u0000' + (frameId == null ? "" : frameId);
    }

    private static final class ByDeltaE implements Comparator<ColorHit>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(ColorHit x, ColorHit y) {
            int byDeltaE = Double.compare(x.deltaE(), y.deltaE());
            return byDeltaE != 0 ? byDeltaE : key(x.filmId(), x.frameId()).compareTo(key(y.filmId(), y.frameId()));
        }
    }
}
