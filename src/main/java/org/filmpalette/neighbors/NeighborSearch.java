package org.filmpalette.neighbors;

/**
 * How nearest films are found: {@code neighbors} per film; below {@code exactBelow} films of an algorithm every pair
 * is measured exactly; above it each film's {@code candidates} nearest by {@link PaletteEmbedding} inside its cell of
 * a {@link CoarseCells} partition (about √(films) cells, every film copied to its {@code copies} nearest cells) are
 * re-ranked by the exact distance.
 */
public record NeighborSearch(int neighbors, int candidates, int copies, int exactBelow) {

    /** Nearest films kept per film. */
    public static final int NEIGHBORS_DEFAULT = 20;
    /**
     * Embedding candidates re-ranked exactly per film. On 10,000 generated films the 40, 80, 160 nearest by embedding
     * hold 0.89, 0.93, 0.97 of the exact 10 nearest; the cells lose some of them (below).
     */
    public static final int CANDIDATES_DEFAULT = 120;
    /**
     * Cells each film is a member of. On 10,000 generated films, with pairs counted both ways, recall@10 was 0.906 at
     * 100 candidates and 6 copies, 0.942 at 12, 0.950 at 20; 0.956 at 120 candidates and 16 copies, 0.958 at 160 and
     * 12: copies cost embedding distances only (cheap), candidates cost exact distances.
     */
    public static final int COPIES_DEFAULT = 16;
    /** Archives (per algorithm) smaller than this get exact all pairs: 1,000 films are 5×10^5 exact distances. */
    public static final int EXACT_BELOW_DEFAULT = 1_000;

    public NeighborSearch {
        check("neighbors", neighbors, 1);
        check("candidates", candidates, neighbors);
        check("copies", copies, 1);
        check("exactBelow", exactBelow, 0);
    }

    /** The defaults above. */
    public static NeighborSearch defaults() {
        return new NeighborSearch(NEIGHBORS_DEFAULT, CANDIDATES_DEFAULT, COPIES_DEFAULT, EXACT_BELOW_DEFAULT);
    }

    /** These settings with {@code count} neighbors per film (and at least as many candidates). */
    public NeighborSearch withNeighbors(int count) {
        return new NeighborSearch(count, Math.max(candidates, count), copies, exactBelow);
    }

    /** The number of cells for {@code films} films: √films, so that a cell holds about as many films as there are cells. */
    public int cellsFor(long films) {
        return (int) Math.max(1, Math.round(Math.sqrt(films)));
    }

    private static void check(String name, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException("Invalid " + name + ": " + value + " (must be at least " + least + ")");
        }
    }
}
