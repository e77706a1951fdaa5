package org.filmpalette.color;

/** Test fixture: the 16-step sRGB grid (channels 0, 17, …, 255), 4096 packed colors including black and white. */
final class RgbGrid {

    private static final int STEPS = 16;
    private static final int STEP = 17;

    private RgbGrid() {
    }

    static int[] colors() {
        int[] colors = new int[STEPS * STEPS * STEPS];
        int i = 0;
        for (int r = 0; r < STEPS; r++) {
            for (int g = 0; g < STEPS; g++) {
                for (int b = 0; b < STEPS; b++) {
                    colors[i++] = Srgb.pack(r * STEP, g * STEP, b * STEP);
                }
            }
        }
        return colors;
    }
}
