package org.filmpalette.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.filmpalette.ingest.scan.ScanTransfer;
import org.filmpalette.ingest.video.FfmpegNatives;

/**
 * Film scans written in the test from frames painted in sRGB: DPX files written here byte by byte (10-bit RGB,
 * filled method A, printing-density transfer, codes from the Cineon equations), OpenEXR files encoded by FFmpeg from
 * the colors' linear light (32-bit float).
 */
public final class TestScans {

    private TestScans() {}

    /** A 10-bit printing-density DPX of {@code image}: each color's sRGB decoded to linear, then Cineon-log encoded. */
    public static Path dpx(Path file, BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        int dataOffset = 2048;
        ByteBuffer out = ByteBuffer.allocate(dataOffset + 4 * width * height).order(ByteOrder.BIG_ENDIAN);
        out.put(0, "SDPX".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.putInt(4, dataOffset);
        out.put(8, "V2.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.putInt(16, out.capacity());
        out.putInt(20, 1);
        out.putInt(24, 1664);
        out.putInt(28, 384);
        out.putShort(768, (short) 0); // orientation: left to right, top to bottom
        out.putShort(770, (short) 1); // one image element
        out.putInt(772, width);
        out.putInt(776, height);
        out.putInt(792, 1023); // reference high data code
        out.put(800, (byte) 50); // descriptor: RGB
        out.put(801, (byte) 1); // transfer: printing density
        out.put(802, (byte) 1); // colorimetric: printing density
        out.put(803, (byte) 10); // bits per sample
        out.putShort(804, (short) 1); // packing: filled to 32-bit words, method A
        out.putShort(806, (short) 0); // no run-length encoding
        out.putInt(808, dataOffset);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int r = code(rgb >> 16 & 0xFF);
                int g = code(rgb >> 8 & 0xFF);
                int b = code(rgb & 0xFF);
                out.putInt(dataOffset + 4 * (y * width + x), r << 22 | g << 12 | b << 2);
            }
        }
        Files.write(file, out.array());
        return file;
    }

    /** A 32-bit float OpenEXR of {@code image}'s linear light, times {@code exposure} (1 keeps it as painted). */
    public static Path exr(Path file, BufferedImage image, double exposure) throws IOException {
        FfmpegNatives.load(null);
        int width = image.getWidth();
        int height = image.getHeight();
        AVCodec codec = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_EXR);
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        AVFrame frame = avutil.av_frame_alloc();
        AVPacket packet = avcodec.av_packet_alloc();
        try {
            context.width(width).height(height).pix_fmt(avutil.AV_PIX_FMT_GBRPF32LE)
                    .time_base(new AVRational().num(1).den(24));
            if (avcodec.avcodec_open2(context, codec, (AVDictionary) null) < 0) {
                throw new IOException("cannot open FFmpeg's EXR encoder");
            }
            frame.format(avutil.AV_PIX_FMT_GBRPF32LE).width(width).height(height);
            avutil.av_frame_get_buffer(frame, 0);
            int[] planeOfChannel = {2, 0, 1}; // GBR planes: R is plane 2, G plane 0, B plane 1
            for (int channel = 0; channel < 3; channel++) {
                int plane = planeOfChannel[channel];
                int stride = frame.linesize(plane) / 4;
                FloatBuffer floats = frame.data(plane).capacity((long) stride * height * 4).asByteBuffer()
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
                int shift = 16 - 8 * channel;
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        double encoded = (image.getRGB(x, y) >> shift & 0xFF) / 255.0;
                        floats.put(y * stride + x, (float) (exposure * linear(encoded)));
                    }
                }
            }
            if (avcodec.avcodec_send_frame(context, frame) < 0 || avcodec.avcodec_receive_packet(context, packet) < 0) {
                throw new IOException("FFmpeg's EXR encoder gave no packet");
            }
            byte[] bytes = new byte[packet.size()];
            packet.data().get(bytes);
            Files.write(file, bytes);
            return file;
        } finally {
            avcodec.av_packet_free(packet);
            avutil.av_frame_free(frame);
            avcodec.avcodec_free_context(context);
        }
    }

    private static int code(int srgb8) {
        return (int) Math.round(Math.max(0, Math.min(1023, ScanTransfer.printingDensityCode(linear(srgb8 / 255.0)))));
    }

    private static double linear(double encoded) {
        return encoded <= 0.04045 ? encoded / 12.92 : Math.pow((encoded + 0.055) / 1.055, 2.4);
    }
}
