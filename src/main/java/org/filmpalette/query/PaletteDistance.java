package org.filmpalette.query;

import java.util.List;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/**
 * The distance between two palettes: the Earth Mover's Distance with CIEDE2000 as ground distance and the
 * swatches' shares as masses, i.e. the least mean ΔE00 needed to repaint one palette's pixels into the other's
 * proportions. 0 for equal palettes, symmetric, in ΔE00 units (black vs white is about 100). Exact for any k.
 */
public final class PaletteDistance {

    private PaletteDistance() {}

    /** The distance between two palettes. */
    public static double between(Palette a, Palette b) {
        return between(a.swatches(), b.swatches());
    }

    /** The distance between two lists of swatches; their shares need not sum to 1, only be positive in total. */
    public static double between(List<Swatch> a, List<Swatch> b) {
        double[][] cost = new double[a.size()][b.size()];
        for (int i = 0; i < a.size(); i++) {
            Swatch x = a.get(i);
            for (int j = 0; j < b.size(); j++) {
                Swatch y = b.get(j);
                cost[i][j] = DeltaE2000.between(x.labL(), x.labA(), x.labB(), y.labL(), y.labA(), y.labB());
            }
        }
        return TransportSolver.solve(shares(a), shares(b), cost).cost();
    }

    private static double[] shares(List<Swatch> swatches) {
        double[] shares = new double[swatches.size()];
        for (int i = 0; i < shares.length; i++) {
            shares[i] = swatches.get(i).share();
        }
        return shares;
    }
}
