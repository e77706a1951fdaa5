package org.filmpalette.serve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * Every film's palette of one algorithm, held in memory for the web app's index: search by film id and paging answer
 * without Spark (100,000 films take a few MB). Loaded once when the server starts.
 */
public final class ArchiveIndex {

    /** Films per index page. */
    public static final int PAGE_SIZE = 50;

    private final String algorithm;
    private final List<Film> films;
    private final Map<String, Palette> byId;

    /** One film of the index, in film id order. */
    public record Film(String id, Palette palette) {}

    /** One page of matches: the films shown, the 1-based page number and the totals. */
    public record Page(List<Film> films, int number, int pages, int matches, String query) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    /** A film whose palette holds a color near a searched one. */
    public record ColorMatch(String filmId, Swatch swatch, double deltaE) {}

    /** @param palettes film id → film palette, iterated in film id order */
    public ArchiveIndex(String algorithm, Map<String, Palette> palettes) {
        this.algorithm = algorithm;
        List<Film> sorted = new ArrayList<>();
        palettes.forEach((id, palette) -> sorted.add(new Film(id, palette)));
        sorted.sort(Comparator.comparing(Film::id));
        this.films = List.copyOf(sorted);
        this.byId = Map.copyOf(palettes);
    }

    public String algorithm() {
        return algorithm;
    }

    public int size() {
        return films.size();
    }

    /** The film palette of {@code filmId}, or null when the index has no such film. */
    public Palette palette(String filmId) {
        return byId.get(filmId);
    }

    /**
     * Page {@code number} (1-based, clamped to the pages there are) of the films whose id contains {@code query},
     * case-insensitively; an empty query matches every film.
     */
    public Page page(String query, int number) {
        String needle = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        List<Film> matches = needle.isEmpty() ? films
                : films.stream().filter(film -> film.id().toLowerCase(Locale.ROOT).contains(needle)).toList();
        int pages = Math.max(1, (matches.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.max(1, Math.min(pages, number));
        int from = (page - 1) * PAGE_SIZE;
        return new Page(matches.subList(from, Math.min(matches.size(), from + PAGE_SIZE)), page, pages,
                matches.size(), needle);
    }

    /** The films with a color within {@code maxDeltaE} ΔE2000 of {@code rgb}, nearest first, at most {@code limit}. */
    public List<ColorMatch> nearColor(int rgb, double maxDeltaE, int limit) {
        List<ColorMatch> matches = new ArrayList<>();
        for (Film film : films) {
            ColorMatch best = null;
            for (Swatch swatch : film.palette().swatches()) {
                double deltaE = DeltaE2000.between(rgb, swatch.rgb());
                if (deltaE <= maxDeltaE && (best == null || deltaE < best.deltaE())) {
                    best = new ColorMatch(film.id(), swatch, deltaE);
                }
            }
            if (best != null) {
                matches.add(best);
            }
        }
        matches.sort(Comparator.comparingDouble(ColorMatch::deltaE).thenComparing(ColorMatch::filmId));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }
}
