package org.filmpalette.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.filmpalette.color.Srgb;
import org.filmpalette.config.Algorithm;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.ExportFormat;
import org.filmpalette.query.ExportPalette;
import org.filmpalette.query.Harmony;
import org.filmpalette.query.NearestFilms;
import org.filmpalette.query.PaletteReader;
import org.filmpalette.query.QuerySession;
import org.filmpalette.render.AbScatter;
import org.filmpalette.render.ColorOverTime;
import org.filmpalette.render.HtmlReport;
import org.filmpalette.render.PaletteImages;
import org.filmpalette.serve.WebApp.Request;
import org.filmpalette.serve.WebApp.Response;

/**
 * The web app's pages and files, one method per route: the film index ({@code /}), a film ({@code /film}), a still
 * ({@code /still}, {@code /thumb}, {@code /download}), color search ({@code /color}) and "drop an image"
 * ({@code /drop}, {@code POST /api/palette}).
 */
public final class Routes {

    /** Nearest films listed on a film page. */
    public static final int NEAREST = 8;
    /** Stills and films listed by a color search, and its ΔE2000 radius. */
    public static final int COLOR_MATCHES = 24;
    public static final double COLOR_RADIUS = 10;
    private static final int THUMB_WIDTH = 192;
    private static final int THUMB_HEIGHT = 108;

    private final ArchiveIndex index;
    private final TablesView tables;
    private final OneImagePalette engine;
    private final String title;
    private final Pages pages = new Pages();

    /** @param title shown on every page, e.g. the tables root */
    public Routes(ArchiveIndex index, TablesView tables, OneImagePalette engine, String title) {
        this.index = index;
        this.tables = tables;
        this.engine = engine;
        this.title = title;
    }

    /**
     * The routes over an open session's tables for {@code algorithm}: every film palette is loaded into the index
     * now, everything else is read per request.
     */
    public static Routes over(QuerySession session, String algorithm, OneImagePalette engine) {
        ArchiveIndex index = new ArchiveIndex(algorithm, new PaletteReader(session.spark()).filmPalettes(algorithm));
        return new Routes(index, new TablesView(session.spark()), engine, session.root());
    }

    /** How many films the index holds. */
    public int films() {
        return index.size();
    }

    /** The response to one request. */
    public Response answer(Request request) {
        String path = request.uri().getPath();
        if (request.method().equals("POST")) {
            return path.equals("/api/palette") ? uploadedPalette(request) : Response.text(405, "Read-only: " + path);
        }
        return switch (path) {
            case "/" -> filmIndex(request);
            case "/film" -> film(request);
            case "/still" -> still(request);
            case "/thumb" -> thumbnail(request);
            case "/download" -> download(request);
            case "/color" -> color(request);
            case "/drop" -> page(200, "drop", model("Drop an image"));
            case "/static/app.css" -> asset("app.css", "text/css; charset=utf-8");
            case "/static/drop.js" -> asset("drop.js", "text/javascript; charset=utf-8");
            default -> notFound("No page at " + path);
        };
    }

    private Response filmIndex(Request request) {
        String query = request.parameters().getOrDefault("q", "");
        ArchiveIndex.Page page = index.page(query, pageNumber(request.parameters().get("page")));
        List<Map<String, Object>> films = new ArrayList<>();
        for (ArchiveIndex.Film film : page.films()) {
            films.add(Map.of("id", film.id(), "palette", SwatchView.of(film.palette())));
        }
        Map<String, Object> model = model("Films");
        model.put("page", page);
        model.put("films", films);
        model.put("total", index.size());
        return page(200, "index", model);
    }

    private Response film(Request request) {
        String id = request.required("id");
        Palette palette = index.palette(id);
        if (palette == null) {
            return notFound("No film " + id + " in film_palettes (" + index.algorithm() + ")");
        }
        List<PaletteReader.Still> stills = tables.stills(id, index.algorithm());
        List<Palette> stillPalettes = stills.stream().map(PaletteReader.Still::palette).toList();
        Map<String, Object> model = model(id);
        model.put("film", id);
        model.put("palette", SwatchView.of(palette));
        model.put("harmonies", harmonies(palette));
        model.put("stillCount", stills.size());
        List<Map<String, Object>> shown = new ArrayList<>();
        for (PaletteReader.Still still : HtmlReport.evenlySpaced(stills, HtmlReport.MAX_THUMBNAILS)) {
            shown.add(stillModel(id, still.frameId(), still.palette()));
        }
        model.put("stills", shown);
        model.put("barcode", stills.isEmpty() ? "" : PaletteImages.dataUri(PaletteImages.barcode(stillPalettes, 1, 90)));
        model.put("scatter", stills.isEmpty() ? "" : AbScatter.svg(stillPalettes, 380));
        model.put("overTime", stills.isEmpty() ? "" : ColorOverTime.svg(stillPalettes, 620));
        List<Map<String, Object>> nearest = new ArrayList<>();
        for (NearestFilms.Neighbor neighbor : tables.nearest(id, index.algorithm(), NEAREST)) {
            Palette other = index.palette(neighbor.filmId());
            nearest.add(Map.of("id", neighbor.filmId(), "distance",
                    String.format(Locale.ROOT, "%.2f", neighbor.distance()),
                    "palette", other == null ? List.of() : SwatchView.of(other)));
        }
        model.put("nearest", nearest);
        return page(200, "film", model);
    }

    private Response still(Request request) {
        String film = request.required("film");
        String frame = request.required("frame");
        Palette palette = tables.still(film, frame, index.algorithm());
        if (palette == null) {
            return notFound("No still " + frame + " of film " + film + " (" + index.algorithm() + ")");
        }
        Map<String, Object> model = model(film + " · " + frame);
        model.putAll(stillModel(film, frame, palette));
        model.put("film", film);
        model.put("frame", frame);
        model.put("coolors", new String(ExportFormat.COOLORS.write(export(film, frame, palette)),
                java.nio.charset.StandardCharsets.UTF_8).strip());
        return page(200, "still", model);
    }

    private Response thumbnail(Request request) {
        byte[] jpeg = tables.thumbnail(request.required("film"), request.required("frame"));
        return jpeg == null ? notFound("No thumbnail") : new Response(200, "image/jpeg", jpeg, Map.of());
    }

    private Response download(Request request) {
        String film = request.required("film");
        String frame = request.parameters().get("frame");
        ExportFormat format = ExportFormat.parse(request.required("format"));
        Palette palette = frame == null ? index.palette(film) : tables.still(film, frame, index.algorithm());
        if (palette == null) {
            return notFound("No palette for film " + film + (frame == null ? "" : " frame " + frame));
        }
        String type = switch (format) {
            case ASE -> "application/octet-stream";
            case CSS -> "text/css; charset=utf-8";
            case JSON -> "application/json; charset=utf-8";
            default -> "text/plain; charset=utf-8";
        };
        String name = (frame == null ? film : film + "-" + frame) + "." + format.id();
        return Response.download(type, format.write(export(film, frame, palette)), name);
    }

    private Response color(Request request) {
        String hex = request.parameters().getOrDefault("hex", "#e01b24").strip();
        int rgb = Srgb.parseHex(hex);
        Map<String, Object> model = model("Near " + Srgb.hex(rgb));
        model.put("color", SwatchView.of(rgb));
        List<Map<String, Object>> films = new ArrayList<>();
        for (ArchiveIndex.ColorMatch match : index.nearColor(rgb, COLOR_RADIUS, COLOR_MATCHES)) {
            films.add(Map.of("id", match.filmId(), "swatch", SwatchView.of(match.swatch()),
                    "deltaE", String.format(Locale.ROOT, "%.2f", match.deltaE()),
                    "palette", SwatchView.of(index.palette(match.filmId()))));
        }
        List<Map<String, Object>> stills = new ArrayList<>();
        for (TablesView.StillMatch match : tables.stillsNearColor(rgb, index.algorithm(), COLOR_RADIUS,
                COLOR_MATCHES)) {
            Map<String, Object> still = new HashMap<>(stillModel(match.filmId(), match.frameId(), null));
            still.put("swatch", SwatchView.of(match.swatch()));
            still.put("deltaE", String.format(Locale.ROOT, "%.2f", match.deltaE()));
            stills.add(still);
        }
        model.put("films", films);
        model.put("stills", stills);
        model.put("radius", String.format(Locale.ROOT, "%.0f", COLOR_RADIUS));
        return page(200, "color", model);
    }

    private Response uploadedPalette(Request request) {
        if (request.body().length == 0) {
            throw new IllegalArgumentException("Empty upload: send the image's bytes as the request body");
        }
        Palette palette;
        try {
            palette = engine.of(new ByteArrayInputStream(request.body()), "", "upload", Algorithm.KMEANS);
        } catch (FrameRejectedException e) {
            return Response.text(422, "Not a usable image: " + e.getMessage());
        }
        byte[] json = ExportFormat.JSON.write(ExportPalette.of("dropped image kmeans", "color", palette));
        return new Response(200, "application/json; charset=utf-8", json, Map.of());
    }

    /** The parts of a still every page shows: links, its thumbnail (real or palette bands) and its palette. */
    private Map<String, Object> stillModel(String film, String frame, Palette palette) {
        Map<String, Object> still = new HashMap<>();
        still.put("film", film);
        still.put("frame", frame);
        still.put("thumb", thumbnailSource(film, frame, palette));
        still.put("palette", palette == null ? List.of() : SwatchView.of(palette));
        return still;
    }

    private String thumbnailSource(String film, String frame, Palette palette) {
        if (tables.hasThumbnails() || palette == null) {
            return "/thumb?film=" + urlEncode(film) + "&frame=" + urlEncode(frame);
        }
        return PaletteImages.dataUri(PaletteImages.bands(palette, THUMB_WIDTH, THUMB_HEIGHT));
    }

    private List<Map<String, Object>> harmonies(Palette palette) {
        List<Map<String, Object>> harmonies = new ArrayList<>();
        for (Harmony harmony : Harmony.values()) {
            harmonies.add(Map.of("name", harmony.id(),
                    "colors", harmony.of(palette).stream().map(SwatchView::of).toList()));
        }
        return harmonies;
    }

    private ExportPalette export(String film, String frame, Palette palette) {
        String name = frame == null ? film : film + "-" + frame;
        return ExportPalette.of(name + " " + index.algorithm(), name, palette);
    }

    private Map<String, Object> model(String pageTitle) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", pageTitle);
        model.put("archive", title);
        model.put("algorithm", index.algorithm());
        model.put("realThumbnails", tables.hasThumbnails());
        return model;
    }

    private Response page(int status, String template, Map<String, Object> model) {
        return Response.html(status, pages.render(template, model));
    }

    private Response notFound(String message) {
        Map<String, Object> model = model("Not found");
        model.put("message", message);
        return page(404, "error", model);
    }

    private static Response asset(String name, String type) {
        try (InputStream in = Routes.class.getResourceAsStream("/org/filmpalette/serve/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing asset " + name + " in the application jar");
            }
            return new Response(200, type, in.readAllBytes(), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read asset " + name, e);
        }
    }

    private static int pageNumber(String text) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid page: " + text + " (must be a number)");
        }
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
