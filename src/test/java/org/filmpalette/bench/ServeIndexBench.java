package org.filmpalette.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.filmpalette.config.JobConfig;
import org.filmpalette.job.SparkSessions;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.QuerySession;
import org.filmpalette.serve.OneImagePalette;
import org.filmpalette.serve.Routes;
import org.filmpalette.serve.WebApp;
import org.filmpalette.store.PaletteTables;
import org.filmpalette.store.Table;
import org.filmpalette.store.TableSchemas;

/**
 * {@code serve}'s film index on many films: writes FILMS generated film palettes (random 8-color palettes, one
 * {@code film_palettes} Parquet table, never committed), starts the web app on it as {@code serve} does and times
 * index pages over HTTP (first, middle and last page, a search by id, a search matching nothing), each against the
 * same server's answer for its CSS file measured in the same run. With STILLS it also writes that many generated
 * still palettes (8 pseudo-random colors each, spread evenly over the films) and times a color search ({@code /color},
 * films and stills near a color). Usage: {@code ServeIndexBench DIR [FILMS] [STILLS]}.
 */
public final class ServeIndexBench {

    private static final int REPEATS = 15;
    /** A color search scans every still color: fewer repeats. */
    private static final int COLOR_REPEATS = 3;

    private ServeIndexBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int films = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long stills = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path tables = dir.resolve("serve-tables-" + films + (stills > 0 ? "-" + stills : ""));
        try (SparkSession spark = SparkSessions.create(Map.of("spark.ui.enabled", "false"))) {
            PaletteTables store = new PaletteTables(spark, "file:" + tables.toAbsolutePath());
            store.createOrEvolve();
            if (!store.anyCommitted(Table.FILM_PALETTES)) {
                long started = System.nanoTime();
                spark.createDataFrame(filmRows(films), TableSchemas.FILM_PALETTES_SCHEMA).coalesce(1)
                        .writeTo(store.catalog().tableName(Table.FILM_PALETTES)).append();
                System.out.printf("wrote %d film palettes in %.1f s%n", films, seconds(started));
            }
            if (stills > 0 && !store.anyCommitted(Table.STILL_PALETTES)) {
                long started = System.nanoTime();
                writeStills(spark, stills, films, store.catalog().tableName(Table.STILL_PALETTES));
                System.out.printf("wrote %d still palettes in %.1f s%n", stills, seconds(started));
            }
            try (QuerySession session = QuerySession.open(tables.toString(), Map.of())) {
                long started = System.nanoTime();
                Routes routes = Routes.over(session, "kmeans", new OneImagePalette(JobConfig.fromSettings(Map.of())));
                System.out.printf("index loaded: %d films in %.2f s%n", routes.films(), seconds(started));
                try (WebApp app = WebApp.start(routes, "127.0.0.1", 0)) {
                    HttpClient http = HttpClient.newHttpClient();
                    double reference = median(http, app.uri().resolve("/static/app.css"));
                    System.out.printf("reference: GET /static/app.css median %.2f ms%n", reference);
                    int last = (films + 49) / 50;
                    for (String page : List.of("/", "/?page=" + last / 2, "/?page=" + last,
                            "/?q=film-0999", "/?q=no-such-film")) {
                        double millis = median(http, app.uri().resolve(page));
                        System.out.printf("GET %-20s median %7.2f ms  = %6.1fx the reference, %.4f of the 1 s bar%n",
                                page, millis, millis / reference, millis / 1000);
                    }
                    if (stills > 0) {
                        double millis = median(http, app.uri().resolve("/color?hex=%23dc2025"), COLOR_REPEATS);
                        System.out.printf("GET /color?hex=%%23dc2025 over %d stills median %.0f ms = %.1fx the 1 s bar%n",
                                stills, millis, millis / 1000);
                    }
                }
            }
        }
    }

    private static List<Row> filmRows(int films) {
        Random random = new Random(42);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        List<Row> rows = new ArrayList<>(films);
        for (int film = 0; film < films; film++) {
            int[] rgb = new int[8];
            double[] weights = new double[8];
            for (int i = 0; i < 8; i++) {
                rgb[i] = random.nextInt(0x1000000);
                weights[i] = 1 + random.nextInt(100);
            }
            Palette palette = Palette.of(rgb, weights, Order.DOMINANCE);
            Row[] colors = new Row[palette.size()];
            for (Swatch swatch : palette.swatches()) {
                colors[swatch.rank() - 1] = RowFactory.create(swatch.rank(), swatch.hex(), swatch.red(),
                        swatch.green(), swatch.blue(), swatch.labL(), swatch.labA(), swatch.labB(), swatch.share(),
                        swatch.role().id());
            }
            rows.add(RowFactory.create(String.format("film-%06d", film), "kmeans", "lab", 8, colors, 20, "bench",
                    now));
        }
        return rows;
    }

    /**
     * {@code count} still palettes of 8 colors each, frame ids {@code t000000.000}, … in each film; colors from a hash
     * of the still and rank, so the same count gives the same rows. Only {@code hex} and {@code share} are read by
     * the color search; the CIELAB fields are left 0.
     */
    private static void writeStills(SparkSession spark, long count, int films, String table)
            throws Exception {
        long perFilm = Math.max(1, count / films);
        Dataset<Row> generated = spark.range(count).selectExpr(
                "format_string('film-%06d', CAST(id DIV " + perFilm + " AS INT)) AS film_id",
                "format_string('t%06d.000', CAST(id % " + perFilm + " AS INT)) AS frame_id",
                "'kmeans' AS algorithm", "'lab' AS color_space", "8 AS k", "42L AS seed",
                "transform(sequence(1, 8), i -> named_struct('rank', i, 'r', pmod(hash(id, i, 1), 256),"
                        + " 'g', pmod(hash(id, i, 2), 256), 'b', pmod(hash(id, i, 3), 256))) AS rgb",
                "100000 AS sampled_pixels", "1.0D AS cost", "'bench' AS run_id")
                .selectExpr("film_id", "frame_id", "algorithm", "color_space", "k", "seed",
                        "transform(rgb, c -> named_struct('rank', c.rank, 'hex', lower(concat('#', lpad(hex(c.r), 2,"
                                + " '0'), lpad(hex(c.g), 2, '0'), lpad(hex(c.b), 2, '0'))), 'r', c.r, 'g', c.g,"
                                + " 'b', c.b, 'lab_l', 0D, 'lab_a', 0D, 'lab_b', 0D, 'share', 0.125D,"
                                + " 'role', 'dominant')) AS colors", "sampled_pixels", "cost", "run_id");
        spark.createDataFrame(generated.javaRDD(), TableSchemas.STILL_PALETTES_SCHEMA).writeTo(table).append();
    }

    /** Median milliseconds of {@value #REPEATS} GETs after two warm-ups; fails on a non-200 answer. */
    private static double median(HttpClient http, URI uri) throws Exception {
        return median(http, uri, REPEATS);
    }

    private static double median(HttpClient http, URI uri, int repeats) throws Exception {
        double[] millis = new double[repeats];
        for (int i = -2; i < repeats; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - started) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[repeats / 2];
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
