package org.filmpalette.quality;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One synthetic benchmark frame and its planted accents.
 *
 * @param filmId  the film it belongs to, as the first folder of an archive
 * @param frameId its frame id within the film
 * @param image   the frame, sRGB
 * @param accents the accents painted on it, at least one
 */
public record BenchmarkFrame(String filmId, String frameId, BufferedImage image, List<PlantedAccent> accents) {

    public BenchmarkFrame {
        accents = List.copyOf(accents);
    }

    /** The accent colors, packed sRGB. */
    public List<Integer> accentColors() {
        return accents.stream().map(PlantedAccent::rgb).toList();
    }
}
