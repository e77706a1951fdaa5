package org.filmpalette.quality;

/**
 * The ground truth of one accent planted in a benchmark frame: a distinct, saturated color painted over a small
 * part of the frame.
 *
 * @param rgb    the accent's color, packed sRGB {@code 0xRRGGBB}
 * @param share  fraction in (0,1] of the frame's pixels painted with it
 * @param pieces how many separate patches it was painted in, 1–3
 */
public record PlantedAccent(int rgb, double share, int pieces) {

    public PlantedAccent {
        rgb &= 0xFFFFFF;
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("Invalid share: " + share + " (must be in (0,1])");
        }
        if (pieces < 1) {
            throw new IllegalArgumentException("Invalid pieces: " + pieces + " (must be at least 1)");
        }
    }
}
