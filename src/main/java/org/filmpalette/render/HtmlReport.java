package org.filmpalette.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.filmpalette.color.Srgb;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Role;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.Harmony;
import org.filmpalette.query.NearestFilms.Neighbor;
import org.filmpalette.query.PaletteReader.Still;

/**
 * The static HTML report: one self-contained {@code index.html} (inline CSS, images as {@code data:} URIs, no
 * script, no outside asset) that works from {@code file://}. An index of all films with their nearest films, then
 * per film: its palette as swatches with hex codes, shares and accents marked, its harmonies, its movie barcode (one column per
 * still in frame id order) and still thumbnails: the JPEG the tables keep for a still, or else its palette's
 * proportional bands. A big archive's report is capped at its first films (see {@link #write(Path, String, String, List, long)}).
 */
public final class HtmlReport {

    /** At most this many thumbnails per film, evenly spaced in time; the barcode always shows every still. */
    public static final int MAX_THUMBNAILS = 48;

    private static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;background:#fafafa;color:#222}
            h1{font-size:24px}h2{font-size:20px;margin-top:40px;border-top:1px solid #ddd;padding-top:16px}
            h3{font-size:15px;margin:18px 0 6px}table{border-collapse:collapse}td,th{padding:4px 10px;text-align:left;vertical-align:middle}
            tr:nth-child(even){background:#f0f0f0}.strip{display:inline-flex;height:18px;width:160px;border:1px solid #ccc}
            .strip span{display:block;height:100%}.swatches{display:flex;flex-wrap:wrap;gap:8px}
            .swatch{width:96px;font:12px monospace;text-align:center}.chip{height:56px;border:1px solid #ccc;border-radius:4px}
            .barcode{width:100%;height:90px;image-rendering:pixelated;border:1px solid #ccc}
            .stills{display:flex;flex-wrap:wrap;gap:10px}.still{font:11px monospace;width:128px}
            .still img{width:128px;height:72px;object-fit:cover;display:block;border:1px solid #ccc}.muted{color:#777}
            """;

    private HtmlReport() {}

    /**
     * One film's part of the report.
     *
     * @param thumbnails JPEG thumbnails by frame id; a still without one is drawn as its palette's bands
     */
    public record Film(String id, Palette palette, List<Still> stills, List<Neighbor> nearest,
            Map<String, byte[]> thumbnails) {

        public Film(String id, Palette palette, List<Still> stills, List<Neighbor> nearest) {
            this(id, palette, stills, nearest, Map.of());
        }
    }

    /** Writes {@code DIR/index.html} with every film; returns its path. */
    public static Path write(Path dir, String title, String algorithm, List<Film> films) {
        return write(dir, title, algorithm, films, films.size());
    }

    /**
     * Writes {@code DIR/index.html} with {@code films}, the first of {@code totalFilms} in film id order (a big
     * archive's report is capped; the page says how many were left out and where to see them); returns its path.
     */
    public static Path write(Path dir, String title, String algorithm, List<Film> films, long totalFilms) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(CSS).append("</style></head>\n<body>\n");
        html.append("<h1>").append(escape(title)).append("</h1>\n<p class=\"muted\">").append(films.size())
                .append(films.size() == 1 ? " film" : " films").append(", ").append(escape(algorithm))
                .append(" palettes. Distances are palette_distance: the Earth Mover's Distance in CIEDE2000 units.</p>\n");
        if (totalFilms > films.size()) {
            html.append("<p class=\"muted\">The first ").append(films.size()).append(" of ").append(totalFilms)
                    .append(" films by id; <code>filmpalette serve</code> shows them all, or raise --max-films.</p>\n");
        }
        index(html, films);
        for (Film film : films) {
            film(html, film, algorithm);
        }
        html.append("</body></html>\n");
        try {
            Files.createDirectories(dir);
            Path index = dir.resolve("index.html");
            Files.writeString(index, html, StandardCharsets.UTF_8);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + dir, e);
        }
    }

    private static void index(StringBuilder html, List<Film> films) {
        html.append("<h2 id=\"index\">Films</h2>\n<table><tr><th>film</th><th>palette</th><th>stills</th><th>nearest films</th></tr>\n");
        for (Film film : films) {
            html.append("<tr><td><a href=\"#").append(anchor(film.id())).append("\">").append(escape(film.id()))
                    .append("</a></td><td>").append(strip(film.palette())).append("</td><td>")
                    .append(film.stills().size()).append("</td><td>");
            List<String> nearest = new ArrayList<>();
            for (Neighbor neighbor : film.nearest()) {
                nearest.add("<a href=\"#" + anchor(neighbor.filmId()) + "\">" + escape(neighbor.filmId()) + "</a> "
                        + String.format(Locale.ROOT, "%.2f", neighbor.distance()));
            }
            html.append(nearest.isEmpty() ? "<span class=\"muted\">none</span>" : String.join(", ", nearest))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void film(StringBuilder html, Film film, String algorithm) {
        html.append("<section id=\"").append(anchor(film.id())).append("\">\n<h2>").append(escape(film.id()))
                .append("</h2>\n<h3>Palette (").append(escape(algorithm)).append(")</h3>\n<div class=\"swatches\">");
        for (Swatch swatch : film.palette().swatches()) {
            html.append(chip(swatch.rgb(), String.format(Locale.ROOT, "%.1f%%", 100 * swatch.share())
                    + (swatch.role() == Role.ACCENT ? " accent" : "")));
        }
        html.append("</div>\n<h3>Harmonies of the dominant color</h3>\n<table>");
        for (Harmony harmony : Harmony.values()) {
            html.append("<tr><td>").append(harmony.id()).append("</td><td><div class=\"swatches\">");
            List<Integer> colors = harmony.of(film.palette());
            for (int i = 0; i < colors.size(); i++) {
                html.append(chip(colors.get(i), i == 0 ? "dominant" : ""));
            }
            html.append("</div></td></tr>");
        }
        html.append("</table>\n");
        if (film.stills().isEmpty()) {
            html.append("<p class=\"muted\">No still palettes.</p>\n</section>\n");
            return;
        }
        List<Palette> stills = film.stills().stream().map(Still::palette).toList();
        html.append("<h3>Barcode (").append(stills.size()).append(" stills in frame order)</h3>\n<img class=\"barcode\" alt=\"barcode of ")
                .append(escape(film.id())).append("\" src=\"")
                .append(PaletteImages.dataUri(PaletteImages.barcode(stills, 1, 90))).append("\">\n");
        html.append("<h3>Stills</h3>\n<div class=\"stills\">");
        for (Still still : evenlySpaced(film.stills(), MAX_THUMBNAILS)) {
            html.append("<div class=\"still\"><img alt=\"").append(escape(still.frameId())).append("\" src=\"")
                    .append(thumbnail(film, still)).append("\">")
                    .append(escape(still.frameId())).append("<br>").append(escape(TerminalSwatches.hex(still.palette())))
                    .append("</div>");
        }
        html.append("</div>\n<p><a href=\"#index\">back to the index</a></p>\n</section>\n");
    }

    /** Up to {@code max} (at least 2) of {@code stills} evenly spaced in time, first and last included. */
    public static <T> List<T> evenlySpaced(List<T> stills, int max) {
        if (stills.size() <= max) {
            return stills;
        }
        List<T> chosen = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            chosen.add(stills.get((int) Math.round(i * (stills.size() - 1) / (double) (max - 1))));
        }
        return chosen;
    }

    /** The still's JPEG thumbnail as a data: URI, or its palette's bands when the tables keep none. */
    private static String thumbnail(Film film, Still still) {
        byte[] jpeg = film.thumbnails().get(still.frameId());
        return jpeg == null ? PaletteImages.dataUri(PaletteImages.bands(still.palette(), 128, 72))
                : "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
    }

    private static String chip(int rgb, String caption) {
        String hex = Srgb.hex(rgb);
        return "<div class=\"swatch\"><div class=\"chip\" style=\"background:" + hex + "\"></div>" + hex
                + (caption.isEmpty() ? "" : "<br>" + escape(caption)) + "</div>";
    }

    private static String strip(Palette palette) {
        StringBuilder strip = new StringBuilder("<span class=\"strip\">");
        for (Swatch swatch : palette.swatches()) {
            strip.append("<span style=\"background:").append(swatch.hex()).append(";width:")
                    .append(String.format(Locale.ROOT, "%.2f", 100 * swatch.share())).append("%\" title=\"")
                    .append(swatch.hex()).append("\"></span>");
        }
        return strip.append("</span>").toString();
    }

    /** A fragment id from a film id: letters, digits, {@code -} and {@code _} kept, anything else hex-escaped. */
    static String anchor(String filmId) {
        StringBuilder anchor = new StringBuilder("film-");
        for (char c : filmId.toCharArray()) {
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
                anchor.append(c);
            } else {
                anchor.append('.').append(Integer.toHexString(c));
            }
        }
        return anchor.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
