package org.filmpalette.ingest;

import java.util.Locale;
import java.util.Set;

/**
 * Film and frame ids from archive paths (docs/design.md §5): the first folder under the input root is the film
 * ({@code film=<id>} Hive-style also accepted), the frame id is the path below it without the extension.
 */
public final class FrameIds {

    /** Extensions of files treated as frames (DPX and OpenEXR scans included); other files are skipped, not rejected. */
    public static final Set<String> FRAME_EXTENSIONS =
            Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "dpx", "exr");

    /** Extensions of video files: each is a film (or a reel of one), sampled into stills through FFmpeg. */
    public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "mkv", "webm", "mxf", "avi");

    private static final String HIVE_PREFIX = "film=";

    private FrameIds() {}

    /** The film id of a film folder's name: {@code film=heat} and {@code heat} are both film {@code heat}. */
    public static String filmId(String folderName) {
        String id = folderName.startsWith(HIVE_PREFIX) ? folderName.substring(HIVE_PREFIX.length()) : folderName;
        if (id.isEmpty()) {
            throw new IllegalArgumentException("Invalid film folder: " + folderName + " (empty film id)");
        }
        return id;
    }

    /** The frame id of a path relative to its film folder ({@code reel1/frame_00001.jpg} → {@code reel1/frame_00001}). */
    public static String frameId(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        int dot = relativePath.lastIndexOf('.');
        return dot > slash + 1 ? relativePath.substring(0, dot) : relativePath;
    }

    /** Whether a relative path names a frame: a known image extension and no hidden ({@code .x}, {@code _x}) part. */
    public static boolean isFrame(String relativePath) {
        return hasExtension(relativePath, FRAME_EXTENSIONS);
    }

    /** Whether a relative path names a video file: a known video extension and no hidden part. */
    public static boolean isVideo(String relativePath) {
        return hasExtension(relativePath, VIDEO_EXTENSIONS);
    }

    private static boolean hasExtension(String relativePath, Set<String> extensions) {
        for (String part : relativePath.split("/")) {
            if (part.isEmpty() || isHidden(part)) {
                return false;
            }
        }
        int dot = relativePath.lastIndexOf('.');
        return dot >= 0 && extensions.contains(relativePath.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Names Hadoop and Spark treat as hidden: {@code .staging}, {@code _SUCCESS}. */
    public static boolean isHidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}
