package org.filmpalette.testing;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Videos written in the test with FFmpeg (javacv's recorder) from frames painted in code. The painted sRGB colors
 * are turned into 4:2:0 Y'CbCr here, by the textbook equations of the chosen matrix and limited range, and given
 * to the encoder as they are: the video holds known Y'CbCr values, and no library's RGB conversion is trusted.
 */
public final class TestVideos {

    /** Luma coefficients (Kr, Kb) of a Y'CbCr matrix. */
    public enum Matrix {
        BT709(0.2126, 0.0722), BT601(0.299, 0.114);

        final double kr;
        final double kb;

        Matrix(double kr, double kb) {
            this.kr = kr;
            this.kb = kb;
        }
    }

    private TestVideos() {}

    /**
     * Writes {@code frames} of {@code image} at {@code fps} to {@code file} with the MPEG-4 Part 2 encoder at its
     * finest quantizer; {@code codecOptions} go to the encoder (e.g. {@code colorspace=bt709} tags the stream).
     */
    public static Path write(Path file, BufferedImage image, int frames, int fps, Matrix matrix,
            Map<String, String> codecOptions) throws Exception {
        int width = image.getWidth();
        int height = image.getHeight();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat(file.getFileName().toString().endsWith(".mkv") ? "matroska" : "mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(fps);
            recorder.setVideoQuality(1);
            codecOptions.forEach(recorder::setVideoOption);
            recorder.start();
            ByteBuffer yuv = yuv420(image, matrix);
            for (int i = 0; i < frames; i++) {
                yuv.rewind();
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, yuv);
            }
            recorder.stop();
        }
        return file;
    }

    /** A film of {@code seconds} whose frames cycle through {@code colors}, one color per second, BT.709. */
    public static Path colorCycle(Path file, int width, int height, int fps, int seconds, int... colors)
            throws Exception {
        return colorCycle(file, Map.of(), width, height, fps, seconds, colors);
    }

    /** As above, with MP4 muxer options, e.g. {@code movflags=faststart} to put the index before the frames. */
    public static Path colorCycle(Path file, Map<String, String> muxerOptions, int width, int height, int fps,
            int seconds, int... colors) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setFormat("mp4");
            muxerOptions.forEach(recorder::setOption);
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setGopSize(fps / 2);
            recorder.setVideoQuality(2);
            recorder.start();
            for (int second = 0; second < seconds; second++) {
                int color = colors[second % colors.length];
                for (int i = 0; i < fps; i++) {
                    // A bar moving across the frame makes every frame differ, so a wrong frame shows.
                    BufferedImage image = TestImages.paint(TestImages.solid(width, height, color), 0xF0F0F0,
                            i * (width - 16) / fps, 0, 16, height);
                    ByteBuffer yuv = yuv420(image, Matrix.BT709);
                    recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 1, width, avutil.AV_PIX_FMT_YUV420P, yuv);
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** A Matroska file holding one second of a 440 Hz tone and no video stream. */
    public static Path audioOnly(Path file) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("matroska");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_PCM_S16LE);
            recorder.setSampleRate(8000);
            recorder.start();
            java.nio.ShortBuffer samples = java.nio.ShortBuffer.allocate(8000);
            for (int i = 0; i < 8000; i++) {
                samples.put((short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0)));
            }
            samples.flip();
            recorder.recordSamples(8000, 1, samples);
            recorder.stop();
        }
        return file;
    }

    /** Planar Y'CbCr 4:2:0, limited range (Y' 16–235, Cb/Cr 16–240), chroma averaged over each 2×2 block. */
    static ByteBuffer yuv420(BufferedImage image, Matrix matrix) {
        int width = image.getWidth();
        int height = image.getHeight();
        ByteBuffer buffer = ByteBuffer.allocateDirect(width * height * 3 / 2);
        double kg = 1 - matrix.kr - matrix.kb;
        double[][] cb = new double[height][width];
        double[][] cr = new double[height][width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                double r = (rgb >> 16 & 0xFF) / 255.0;
                double g = (rgb >> 8 & 0xFF) / 255.0;
                double b = (rgb & 0xFF) / 255.0;
                double luma = matrix.kr * r + kg * g + matrix.kb * b;
                cb[y][x] = (b - luma) / (2 * (1 - matrix.kb));
                cr[y][x] = (r - luma) / (2 * (1 - matrix.kr));
                buffer.put(y * width + x, (byte) Math.round(16 + 219 * luma));
            }
        }
        int u = width * height;
        int v = u + width * height / 4;
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width / 2; x++) {
                double meanCb = (cb[2 * y][2 * x] + cb[2 * y][2 * x + 1] + cb[2 * y + 1][2 * x] + cb[2 * y + 1][2 * x + 1]) / 4;
                double meanCr = (cr[2 * y][2 * x] + cr[2 * y][2 * x + 1] + cr[2 * y + 1][2 * x] + cr[2 * y + 1][2 * x + 1]) / 4;
                buffer.put(u + y * width / 2 + x, (byte) Math.round(128 + 224 * meanCb));
                buffer.put(v + y * width / 2 + x, (byte) Math.round(128 + 224 * meanCr));
            }
        }
        return buffer;
    }
}
