package org.filmpalette.ingest;

import java.util.List;

import org.filmpalette.color.ColorSpace;

/**
 * Everything the still palettes need from one decoded, letterbox-cropped frame, taken in one pass over its whole
 * raster at decode time: the color histogram the kernels fit, the regions accents are taken from, the grid cells
 * (when the {@code grid} algorithm runs) and whether it is blank. {@link StillAnalyzer} computes it.
 *
 * @param bins    every opaque pixel counted in color bins
 * @param regions accent candidates, most prominent first
 * @param grid    the 8×8 grid cell means in the clustering space, or null when no algorithm needs them
 * @param blank   {@code BLACK} or {@code WHITE} for a near-uniform frame, else null
 */
public record StillStatistics(ColorBins bins, List<AccentRegion> regions, GridCells grid, BlankFrame blank) {

    public StillStatistics {
        regions = List.copyOf(regions);
    }

    /** Pixels counted (the opaque pixels of the cropped raster); 0 for a fully transparent frame. */
    public int pixels() {
        return bins.pixels();
    }

    /** Computes the statistics of one frame; one instance per task thread (its buffers are reused). */
    public static final class StillAnalyzer {

        private final int maxBins;
        private final ColorSpace gridSpace;
        private final AccentRegionFinder regions = new AccentRegionFinder();
        private int[] pixelBins = new int[0];

        /**
         * @param maxBins   most color bins per still ({@code --sample})
         * @param gridSpace the space grid cell means are taken in, or null when no algorithm needs grid cells
         */
        public StillAnalyzer(int maxBins, ColorSpace gridSpace) {
            if (maxBins < 1) {
                throw new IllegalArgumentException("Invalid maxBins: " + maxBins + " (must be at least 1)");
            }
            this.maxBins = maxBins;
            this.gridSpace = gridSpace;
        }

        /** The statistics of {@code cropped}, a frame already through {@link Letterbox#crop}. */
        public StillStatistics analyze(DecodedFrame cropped) {
            int pixels = cropped.width() * cropped.height();
            if (pixelBins.length < pixels) {
                pixelBins = new int[pixels];
            }
            ColorBins bins = ColorBins.of(cropped, maxBins, pixelBins);
            if (bins.size() == 0) {
                return new StillStatistics(bins, List.of(), null, null);
            }
            return new StillStatistics(bins, regions.find(cropped, bins, pixelBins),
                    gridSpace == null ? null : GridCells.of(cropped, gridSpace), BlankFrame.of(bins));
        }
    }
}
