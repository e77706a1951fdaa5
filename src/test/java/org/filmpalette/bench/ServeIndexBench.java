package org.filmpalette.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
import org.filmpalette.store.TableSchemas;

/**
 * {@code serve}'s film index on many films: writes FILMS generated film palettes (random 8-color palettes, one
 * {@code film_palettes} Parquet table, never committed), starts the web app on it as {@code serve} does and times
 * index pages over HTTP (first, middle and last page, a search by id, a search matching nothing), each against the
 * same server's answer for its CSS file measured in the same run. Usage: {@code ServeIndexBench DIR [FILMS]}.
 */
public final class ServeIndexBench {

    private static final int REPEATS = 15;

    private ServeIndexBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int films = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path tables = dir.resolve("serve-tables-" + films);
        try (SparkSession spark = SparkSessions.create(Map.of("spark.ui.enabled", "false"))) {
            if (!Files.exists(tables.resolve("film_palettes"))) {
                long started = System.nanoTime();
                spark.createDataFrame(filmRows(films), TableSchemas.FILM_PALETTES_SCHEMA).coalesce(1).write()
                        .parquet(tables.resolve("film_palettes").toString());
                System.out.printf("wrote %d film palettes in %.1f s%n", films, seconds(started));
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

    /** Median milliseconds of {@value #REPEATS} GETs after two warm-ups; fails on a non-200 answer. */
    private static double median(HttpClient http, URI uri) throws Exception {
        double[] millis = new double[REPEATS];
        for (int i = -2; i < REPEATS; i++) {
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
        return millis[REPEATS / 2];
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
