package org.filmpalette.serve;

import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.color.Srgb;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.ColorRows;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.PaletteFunctions;
import org.filmpalette.query.PaletteReader.Still;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * What the web app reads per request from the views a {@code QuerySession} registers: one film's stills, one still,
 * its thumbnail, a film's nearest films, the stills near a color. Each is one Spark SQL query that touches one film's
 * partition where it can.
 */
public final class TablesView {

    static final String DISTANCE = "distance";

    private final SparkSession spark;
    private final Table thumbnails;

    /** A still color near a searched color. */
    public record StillMatch(String filmId, String frameId, Swatch swatch, double deltaE) {}

    public TablesView(SparkSession spark) {
        this.spark = spark;
        this.thumbnails = hasColumn(Table.STILL_PALETTES, TableSchemas.THUMBNAIL) ? Table.STILL_PALETTES
                : hasColumn(Table.FRAMES, TableSchemas.THUMBNAIL) ? Table.FRAMES : null;
    }

    /** Whether stills have real thumbnails in the tables; without, pages draw a still as its palette's bands. */
    public boolean hasThumbnails() {
        return thumbnails != null;
    }

    /** The stills of {@code filmId} for {@code algorithm}, in frame id order. */
    public List<Still> stills(String filmId, String algorithm) {
        List<Still> stills = new ArrayList<>();
        for (Row row : view(Table.STILL_PALETTES).where(col(TableSchemas.FILM_ID).equalTo(filmId)
                .and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.FRAME_ID, TableSchemas.COLORS).orderBy(TableSchemas.FRAME_ID).collectAsList()) {
            stills.add(new Still(row.getAs(TableSchemas.FRAME_ID), ColorRows.palette(row.getList(row.fieldIndex(TableSchemas.COLORS)))));
        }
        return stills;
    }

    /** One still's palette, or null when there is no such still. */
    public Palette still(String filmId, String frameId, String algorithm) {
        List<Row> rows = view(Table.STILL_PALETTES).where(col(TableSchemas.FILM_ID).equalTo(filmId)
                .and(col(TableSchemas.FRAME_ID).equalTo(frameId)).and(col(TableSchemas.ALGORITHM).equalTo(algorithm)))
                .select(TableSchemas.COLORS).collectAsList();
        return rows.isEmpty() ? null : ColorRows.palette(rows.get(0).getList(rows.get(0).fieldIndex(TableSchemas.COLORS)));
    }

    /** The JPEG thumbnail of a still, or null when the tables keep none for it. */
    public byte[] thumbnail(String filmId, String frameId) {
        if (thumbnails == null) {
            return null;
        }
        List<Row> rows = view(thumbnails).where(col(TableSchemas.FILM_ID).equalTo(filmId)
                .and(col(TableSchemas.FRAME_ID).equalTo(frameId)).and(col(TableSchemas.THUMBNAIL).isNotNull()))
                .select(TableSchemas.THUMBNAIL).limit(1).collectAsList();
        return rows.isEmpty() ? null : rows.get(0).<byte[]>getAs(TableSchemas.THUMBNAIL);
    }

    /** The JPEG thumbnails of a film's stills by frame id, in one query; empty when the tables keep none. */
    public Map<String, byte[]> thumbnails(String filmId) {
        Map<String, byte[]> thumbnails = new HashMap<>();
        if (this.thumbnails == null) {
            return thumbnails;
        }
        for (Row row : view(this.thumbnails).where(col(TableSchemas.FILM_ID).equalTo(filmId)
                .and(col(TableSchemas.THUMBNAIL).isNotNull())).select(TableSchemas.FRAME_ID, TableSchemas.THUMBNAIL).collectAsList()) {
            thumbnails.putIfAbsent(row.getAs(TableSchemas.FRAME_ID), row.<byte[]>getAs(TableSchemas.THUMBNAIL));
        }
        return thumbnails;
    }

    /**
     * The {@code top} films nearest to {@code filmId}: from {@code film_neighbors} when it holds the film's list, else
     * computed as {@code compare} does ({@link NearestFilms}).
     */
    public List<NearestFilms.Neighbor> nearest(String filmId, String algorithm, int top) {
        return new NearestFilms(spark).of(filmId, algorithm, top);
    }

    /** The still colors within {@code maxDeltaE} ΔE2000 of {@code rgb}, nearest first, at most {@code limit}. */
    public List<StillMatch> stillsNearColor(int rgb, String algorithm, double maxDeltaE, int limit) {
        Dataset<Row> colors = view(Table.STILL_PALETTES).where(col(TableSchemas.ALGORITHM).equalTo(algorithm))
                .select(col(TableSchemas.FILM_ID), col(TableSchemas.FRAME_ID),
                        explode(col(TableSchemas.COLORS)).as("c"));
        Dataset<Row> near = colors.withColumn(DISTANCE, call_function(PaletteFunctions.DELTA_E,
                col("c." + TableSchemas.HEX), lit(Srgb.hex(rgb)))).where(col(DISTANCE).leq(maxDeltaE))
                .orderBy(col(DISTANCE), col(TableSchemas.FILM_ID), col(TableSchemas.FRAME_ID)).limit(limit);
        List<StillMatch> matches = new ArrayList<>();
        for (Row row : near.collectAsList()) {
            Swatch swatch = ColorRows.palette(List.of(row.<Row>getAs("c"))).get(0);
            matches.add(new StillMatch(row.getAs(TableSchemas.FILM_ID), row.getAs(TableSchemas.FRAME_ID), swatch,
                    row.<Double>getAs(DISTANCE)));
        }
        return matches;
    }

    private boolean hasColumn(Table table, String column) {
        return Arrays.asList(view(table).columns()).contains(column);
    }

    private Dataset<Row> view(Table table) {
        return spark.table(table.id());
    }
}
