package org.filmpalette.ingest.video;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the FFmpeg natives (javacpp extracts them from the application jar into its cache directory once per
 * machine) and silences FFmpeg's own log: a damaged file is reported through its reject reason, not on stderr.
 */
public final class FfmpegNatives {

    /** The system property javacpp reads its cache directory from (default {@code ~/.javacpp/cache}). */
    public static final String CACHE_DIR_PROPERTY = "org.bytedeco.javacpp.cachedir";

    private static volatile boolean loaded;

    private FfmpegNatives() {}

    /**
     * Loads the natives unless this JVM already did. A non-blank {@code cacheDir} is where they are extracted, unless
     * the JVM was started with {@value #CACHE_DIR_PROPERTY} set, which wins.
     */
    public static synchronized void load(String cacheDir) {
        if (loaded) {
            return;
        }
        if (cacheDir != null && !cacheDir.isBlank() && System.getProperty(CACHE_DIR_PROPERTY) == null) {
            System.setProperty(CACHE_DIR_PROPERTY, cacheDir);
        }
        Loader.load(avutil.class);
        Loader.load(avcodec.class);
        Loader.load(avformat.class);
        Loader.load(swscale.class);
        avutil.av_log_set_level(avutil.AV_LOG_QUIET);
        loaded = true;
    }

    /** FFmpeg's message for an error code, e.g. {@code Invalid data found when processing input}. */
    public static String message(int error) {
        byte[] text = new byte[256];
        avutil.av_strerror(error, text, text.length);
        int end = 0;
        while (end < text.length && text[end] != 0) {
            end++;
        }
        return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8) + " (" + error + ")";
    }
}
