package org.filmpalette.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.filmpalette.cluster.PaletteFitter;
import org.filmpalette.config.Algorithm;
import org.filmpalette.config.JobConfig;
import org.filmpalette.ingest.DecodeLimits;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameIds;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.GridCells;
import org.filmpalette.ingest.Letterbox;
import org.filmpalette.ingest.PixelSampler;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.palette.Palette;

/**
 * The still palette of one image file, fitted in this JVM with the job's own engine and settings (decode, letterbox
 * crop, pixel sample, in-task fit), without tables or Spark jobs: the one place {@code palette FILE} and the web
 * app's "drop an image" get their palettes from. An image at {@code <film>/<frame>.<ext>} gets the seed the job
 * gives that frame, so its palette equals the job's still palette of it.
 */
public final class OneImagePalette {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]+:.*");

    private final JobConfig config;
    private final FrameDecoder decoder;
    private final PixelSampler sampler;
    private Configuration hadoop;

    public OneImagePalette(JobConfig config) {
        this.config = config;
        this.decoder = new FrameDecoder(config.maxSide(), new DecodeLimits(config.maxPixels(), config.maxFileBytes(),
                Duration.ofSeconds(config.decodeTimeoutSeconds())));
        this.sampler = new PixelSampler(config.sample());
    }

    /** The settings palettes are fitted with. */
    public JobConfig config() {
        return config;
    }

    /**
     * The palette of the image at {@code location}: a local path, or a URI of any Hadoop file system
     * ({@code hdfs://}, {@code s3a://}, {@code file:}).
     */
    public Palette of(String location, Algorithm algorithm) throws FrameRejectedException {
        String film = parentName(location);
        String frame = baseName(location);
        try (InputStream in = open(location)) {
            return of(in, film, frame, algorithm);
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, e.toString());
        }
    }

    /** The palette of the image in {@code in}, seeded as the job seeds frame {@code frameId} of film {@code filmId}. */
    public Palette of(InputStream in, String filmId, String frameId, Algorithm algorithm)
            throws FrameRejectedException {
        DecodedFrame decoded = Letterbox.crop(decoder.decode(in));
        long seed = PixelSampler.frameSeed(config.seed(), filmId, frameId);
        int[] pixels = sampler.sample(decoded, seed);
        if (pixels.length == 0) {
            throw new FrameRejectedException(RejectReason.TRANSPARENT, "no pixel with alpha >= 50%");
        }
        GridCells grid = algorithm == Algorithm.GRID ? GridCells.of(decoded, config.colorSpace()) : null;
        PaletteFitter fitter = new PaletteFitter(config.colorSpace(), config.k(), config.maxIterations(),
                config.order(), config.paletteMode());
        return fitter.fit(pixels, grid, algorithm, seed).palette();
    }

    private InputStream open(String location) throws IOException {
        if (!SCHEME.matcher(location).matches()) {
            return Files.newInputStream(Path.of(location));
        }
        if (hadoop == null) {
            hadoop = new Configuration();
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        return path.getFileSystem(hadoop).open(path);
    }

    /** The folder holding the file as a film id, the job's for an archive laid out as {@code <film>/<frame>}. */
    static String parentName(String location) {
        String[] parts = location.replace('\\', '/').split("/");
        return parts.length < 2 || parts[parts.length - 2].isEmpty() || parts[parts.length - 2].equals("film=") ? ""
                : FrameIds.filmId(parts[parts.length - 2]);
    }

    /** The file name as a frame id (without its extension), the job's for a frame directly under its film. */
    static String baseName(String location) {
        String path = location.replace('\\', '/');
        return FrameIds.frameId(path.substring(path.lastIndexOf('/') + 1));
    }
}
