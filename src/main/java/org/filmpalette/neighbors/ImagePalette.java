package org.filmpalette.neighbors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.color.ColorSpace;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.ConfigKeys;
import org.filmpalette.config.PaletteMode;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;

/**
 * The still palette of one image file, fitted in this JVM (no Spark) the way the job fits a frame with its defaults:
 * decoded downscaled, letterbox cropped, pixels sampled, then fitted by the in-task kernels with the accent pass.
 * The sample is seeded as the job seeds a frame whose film is the file's folder name and whose frame id is its
 * name without extension, so a frame of an archive laid out one folder per film gets its palette back.
 */
public final class ImagePalette {

    private ImagePalette() {}

    /**
     * The palette of {@code file} by {@code algorithm}.
     *
     * @throws IllegalArgumentException naming {@code flag} and the file when it cannot be read or used
     */
    public static Palette of(Path file, Algorithm algorithm, String flag) {
        DecodedFrame frame;
        try (InputStream in = Files.newInputStream(file)) {
            frame = Letterbox.crop(new FrameDecoder(ConfigKeys.MAX_SIDE_DEFAULT, ConfigKeys.MAX_PIXELS_DEFAULT).decode(in));
        } catch (FrameRejectedException e) {
            throw new IllegalArgumentException("Invalid " + flag + ": " + file + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException("Invalid " + flag + ": " + file + " (cannot read it: " + e + ")");
        }
        String name = file.getFileName().toString();
        String frameId = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        String filmId = file.toAbsolutePath().getParent() == null ? ""
                : String.valueOf(file.toAbsolutePath().getParent().getFileName());
        long seed = PixelSampler.frameSeed(ConfigKeys.SEED_DEFAULT, filmId, frameId);
        int[] pixels = new PixelSampler(ConfigKeys.SAMPLE_DEFAULT).sample(frame, seed);
        if (pixels.length == 0) {
            throw new IllegalArgumentException("Invalid " + flag + ": " + file + " (transparent: no pixel with alpha >= 50%)");
        }
        ColorSpace space = ColorSpace.parse(ConfigKeys.COLOR_SPACE_DEFAULT);
        PaletteFitter fitter = new PaletteFitter(space, ConfigKeys.K_DEFAULT, ConfigKeys.MAX_ITERATIONS_DEFAULT,
                Order.parse(ConfigKeys.ORDER_DEFAULT), PaletteMode.parse(ConfigKeys.PALETTE_MODE_DEFAULT));
        GridCells cells = algorithm == Algorithm.GRID ? GridCells.of(frame, space) : null;
        return fitter.fit(pixels, cells, algorithm, seed).palette();
    }
}
