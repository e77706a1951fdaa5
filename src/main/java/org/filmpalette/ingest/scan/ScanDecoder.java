package org.filmpalette.ingest.scan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;
import org.filmpalette.ingest.FrameRejectedException;
import org.filmpalette.ingest.RejectReason;
import org.filmpalette.ingest.video.FfmpegNatives;

/**
 * Decodes one DPX or OpenEXR scan with FFmpeg's image decoder, area-averages it to {@code maxSide} at 16 bits per
 * channel (swscale; an EXR's floats are clipped to [0, 1] there, linear light), then applies the file's
 * {@link ScanTransfer} into 8-bit sRGB: EXR is scene-linear; DPX is printing-density log unless its header's transfer
 * says linear or a display encoding.
 */
public final class ScanDecoder {

    /** Extensions of scan frames this decoder reads. */
    public static final Set<String> EXTENSIONS = Set.of("dpx", "exr");

    private static final int FLAGS = swscale.SWS_AREA | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INT;

    private final int maxSide;
    private final long maxPixels;
    private final String nativesCacheDir;

    /** A decoder of scans no longer than {@code maxSide}, FFmpeg's natives extracted to {@code nativesCacheDir}. */
    public ScanDecoder(int maxSide, long maxPixels, String nativesCacheDir) {
        this.maxSide = maxSide;
        this.maxPixels = maxPixels;
        this.nativesCacheDir = nativesCacheDir;
    }

    /** Whether a file name has a scan extension ({@code .dpx}, {@code .exr}, any case). */
    public static boolean isScan(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Decodes the scan in {@code in}, named {@code name} (its extension says DPX or EXR); the caller closes it. */
    public DecodedFrame decode(InputStream in, String name) throws FrameRejectedException {
        byte[] data;
        try {
            data = in.readAllBytes();
        } catch (IOException e) {
            throw new FrameRejectedException(RejectReason.READ_ERROR, e.toString());
        }
        if (data.length == 0) {
            throw new FrameRejectedException(RejectReason.EMPTY_FILE, "file has 0 bytes");
        }
        boolean exr = name.toLowerCase(Locale.ROOT).endsWith(".exr");
        FfmpegNatives.load(nativesCacheDir);
        AVCodec codec = avcodec.avcodec_find_decoder(exr ? avcodec.AV_CODEC_ID_EXR : avcodec.AV_CODEC_ID_DPX);
        AVCodecContext context = avcodec.avcodec_alloc_context3(codec);
        AVPacket packet = avcodec.av_packet_alloc();
        AVFrame frame = avutil.av_frame_alloc();
        try {
            context.thread_count(1);
            if (avcodec.avcodec_open2(context, codec, (AVDictionary) null) < 0) {
                throw new IllegalStateException("FFmpeg cannot open its " + codec.name().getString() + " decoder");
            }
            if (avcodec.av_new_packet(packet, data.length) < 0) {
                throw new IllegalStateException("FFmpeg cannot allocate a packet of " + data.length + " bytes");
            }
            packet.data().put(data, 0, data.length);
            int sent = avcodec.avcodec_send_packet(context, packet);
            int received = sent < 0 ? sent : avcodec.avcodec_receive_frame(context, frame);
            if (received < 0) {
                throw new FrameRejectedException(RejectReason.CORRUPT,
                        (exr ? "exr" : "dpx") + ": " + FfmpegNatives.message(received));
            }
            if ((long) frame.width() * frame.height() > maxPixels) {
                throw new FrameRejectedException(RejectReason.TOO_LARGE, "header says " + frame.width() + "x"
                        + frame.height() + ", limit " + maxPixels + " pixels");
            }
            return toSrgb(frame, exr ? ScanTransfer.SCENE_LINEAR : dpxTransfer(frame.color_trc()));
        } finally {
            avutil.av_frame_free(frame);
            avcodec.av_packet_free(packet);
            avcodec.avcodec_free_context(context);
        }
    }

    /** The transfer a DPX header's characteristic maps to: FFmpeg reports linear and video ones, not density. */
    static ScanTransfer dpxTransfer(int colorTrc) {
        if (colorTrc == avutil.AVCOL_TRC_LINEAR) {
            return ScanTransfer.SCENE_LINEAR;
        }
        if (colorTrc == avutil.AVCOL_TRC_BT709 || colorTrc == avutil.AVCOL_TRC_SMPTE170M
                || colorTrc == avutil.AVCOL_TRC_IEC61966_2_1 || colorTrc == avutil.AVCOL_TRC_GAMMA22) {
            return ScanTransfer.DISPLAY;
        }
        return ScanTransfer.PRINTING_DENSITY;
    }

    private DecodedFrame toSrgb(AVFrame frame, ScanTransfer transfer) {
        int width = frame.width();
        int height = frame.height();
        int[] size = FrameDecoder.targetSize(width, height, maxSide);
        SwsContext sws = swscale.sws_getContext(width, height, frame.format(), size[0], size[1],
                avutil.AV_PIX_FMT_RGB48LE, FLAGS, null, null, (DoublePointer) null);
        if (sws == null || sws.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + frame.format());
        }
        int bytes = size[0] * size[1] * 6;
        try (BytePointer rgb = new BytePointer(bytes);
                PointerPointer<BytePointer> planes = new PointerPointer<>(rgb, null, null, null);
                IntPointer strides = new IntPointer(size[0] * 6, 0, 0, 0)) {
            swscale.sws_scale(sws, frame.data(), frame.linesize(), 0, height, planes, strides);
            byte[] packed = new byte[bytes];
            rgb.get(packed, 0, bytes);
            int[] argb = new int[size[0] * size[1]];
            for (int i = 0, j = 0; i < argb.length; i++, j += 6) {
                int r = transfer.srgb8((packed[j] & 0xFF) | (packed[j + 1] & 0xFF) << 8);
                int g = transfer.srgb8((packed[j + 2] & 0xFF) | (packed[j + 3] & 0xFF) << 8);
                int b = transfer.srgb8((packed[j + 4] & 0xFF) | (packed[j + 5] & 0xFF) << 8);
                argb[i] = 0xFF000000 | r << 16 | g << 8 | b;
            }
            return new DecodedFrame(width, height, size[0], size[1], argb);
        } finally {
            swscale.sws_freeContext(sws);
        }
    }
}
