package org.filmpalette.neighbors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;
import org.filmpalette.query.PaletteDistance;
import org.filmpalette.testing.GeneratedPalettes;
import org.junit.jupiter.api.Test;

class PaletteEmbeddingTest {

    private static final int FILMS = 400;

    @Test
    void equalPalettesEmbedEquallyWhateverTheSwatchOrder() {
        Palette palette = new GeneratedPalettes(3, 8, 6, 1).film(7);
        List<Swatch> reversed = new ArrayList<>(palette.swatches());
        Collections.reverse(reversed);
        assertArrayEquals(PaletteEmbedding.of(palette), PaletteEmbedding.of(reversed), 1e-12);
        assertEquals(PaletteEmbedding.DIMENSIONS, PaletteEmbedding.of(palette).length);
    }

    @Test
    void oneColorPalettesAreTheirWarpedDistanceApart() {
        // Two grays differ in L* only, where the warp is the identity: the embedding distance is the L* difference.
        Palette dark = new Palette(List.of(new Swatch(1, 0x202020, 20, 0, 0, 1.0)));
        Palette light = new Palette(List.of(new Swatch(1, 0xa0a0a0, 60, 0, 0, 1.0)));
        double sliced = PaletteEmbedding.distance(PaletteEmbedding.of(dark), PaletteEmbedding.of(light));
        // Sliced along directions whose L components average 1/2 in square ((1/n)Σz² over the half-sphere lattice).
        assertEquals(40.0, sliced, 4.0);
    }

    @Test
    void embeddingDistanceRanksPairsLikeTheExactDistance() {
        GeneratedPalettes generator = new GeneratedPalettes(40, 8, 6, 3);
        Random random = new Random(5);
        int pairs = 3000;
        double[] exact = new double[pairs];
        double[] embedded = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            Palette a = generator.film(random.nextInt(100_000));
            Palette b = generator.film(random.nextInt(100_000));
            exact[i] = PaletteDistance.between(a, b);
            embedded[i] = PaletteEmbedding.distance(PaletteEmbedding.of(a), PaletteEmbedding.of(b));
        }
        double rho = NeighborQuality.spearman(exact, embedded);
        System.out.printf("embedding vs exact over %d pairs: Spearman %.3f%n", pairs, rho);
        assertTrue(rho > 0.85, "Spearman " + rho);
    }

    @Test
    void reRankingTheEmbeddingsNearestFindsTheExactNearestFilms() {
        GeneratedPalettes generator = new GeneratedPalettes(FILMS / 20, 8, 6, 9);
        List<Palette> films = new ArrayList<>();
        for (int i = 0; i < FILMS; i++) {
            films.add(generator.film(i));
        }
        double recall = NeighborQuality.recallAt10OfReRankedEmbedding(films, NeighborSearch.CANDIDATES_DEFAULT);
        System.out.printf("recall@10 over %d films, top %d by embedding re-ranked: %.3f%n", FILMS,
                NeighborSearch.CANDIDATES_DEFAULT, recall);
        assertTrue(recall >= 0.95, "recall@10 " + recall);
    }
}
