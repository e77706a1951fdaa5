package org.filmpalette.neighbors;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.PaletteDistance;

/**
 * One palette as the neighbor search ships it between tasks: its id (a film's, or a still's), its colors (CIELAB and
 * share per color) and its {@link PaletteEmbedding}.
 */
public final class PalettePoint implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final double[] colors;
    private final double[] embedding;
    private transient List<Swatch> swatches;

    private PalettePoint(String id, double[] colors, double[] embedding) {
        this.id = id;
        this.colors = colors;
        this.embedding = embedding;
    }

    /** The point of {@code palette}, its embedding computed here. */
    public static PalettePoint of(String id, Palette palette) {
        List<Swatch> swatches = palette.swatches();
        double[] colors = new double[swatches.size() * 4];
        for (int i = 0; i < swatches.size(); i++) {
            Swatch s = swatches.get(i);
            colors[i * 4] = s.labL();
            colors[i * 4 + 1] = s.labA();
            colors[i * 4 + 2] = s.labB();
            colors[i * 4 + 3] = s.share();
        }
        return new PalettePoint(id, colors, PaletteEmbedding.of(swatches));
    }

    public String id() {
        return id;
    }

    public double[] embedding() {
        return embedding;
    }

    /** The exact {@code palette_distance}, computed from the point with the smaller id so both orders give equal bits. */
    public double exactDistance(PalettePoint other) {
        return id.compareTo(other.id) <= 0 ? PaletteDistance.between(swatches(), other.swatches())
                : PaletteDistance.between(other.swatches(), swatches());
    }

    /** The Euclidean distance of the embeddings. */
    public double embeddedDistance(PalettePoint other) {
        return PaletteEmbedding.distance(embedding, other.embedding);
    }

    private List<Swatch> swatches() {
        if (swatches == null) {
            List<Swatch> list = new ArrayList<>(colors.length / 4);
            for (int i = 0; i < colors.length / 4; i++) {
                list.add(new Swatch(i + 1, 0, colors[i * 4], colors[i * 4 + 1], colors[i * 4 + 2],
                        Math.min(1.0, colors[i * 4 + 3])));
            }
            swatches = list;
        }
        return swatches;
    }
}
