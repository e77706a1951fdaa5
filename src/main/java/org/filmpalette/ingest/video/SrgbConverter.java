package org.filmpalette.ingest.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.filmpalette.ingest.DecodedFrame;
import org.filmpalette.ingest.FrameDecoder;

/**
 * Turns decoded video frames into 8-bit sRGB {@link DecodedFrame}s no longer than {@code maxSide}, in one swscale
 * pass: area-averaged downscale and the Y'CbCr to R'G'B' conversion by the frame's {@link VideoColor}. Reuses its
 * native context and buffer across frames of one size; not thread-safe; close it.
 */
public final class SrgbConverter implements AutoCloseable {

    private static final int FLAGS = swscale.SWS_AREA | swscale.SWS_ACCURATE_RND | swscale.SWS_FULL_CHR_H_INT;

    private final int maxSide;
    private SwsContext context;
    private VideoColor color;
    private BytePointer rgb;
    private int rgbBytes;

    public SrgbConverter(int maxSide) {
        if (maxSide < 1) {
            throw new IllegalArgumentException("Invalid maxSide: " + maxSide + " (must be at least 1)");
        }
        this.maxSide = maxSide;
    }

    /** {@code frame} downscaled and converted; {@code sourceWidth}/{@code sourceHeight} are the frame's own. */
    public DecodedFrame convert(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        int[] size = FrameDecoder.targetSize(width, height, maxSide);
        SwsContext cached = swscale.sws_getCachedContext(context, width, height, frame.format(), size[0], size[1],
                org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_RGB24, FLAGS, null, null, (DoublePointer) null);
        if (cached == null || cached.isNull()) {
            throw new IllegalStateException("swscale cannot convert pixel format " + frame.format() + " at "
                    + width + "x" + height);
        }
        if (context == null || cached.address() != context.address()) {
            color = null; // a new context: its color details are the defaults again
        }
        context = cached;
        VideoColor wanted = VideoColor.of(frame);
        if (!wanted.equals(color)) {
            IntPointer table = swscale.sws_getCoefficients(wanted.matrix());
            swscale.sws_setColorspaceDetails(context, table, wanted.fullRange() ? 1 : 0,
                    swscale.sws_getCoefficients(swscale.SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
            color = wanted;
        }
        int bytes = size[0] * size[1] * 3;
        if (rgb == null || rgbBytes < bytes) {
            if (rgb != null) {
                rgb.close();
            }
            rgb = new BytePointer(bytes);
            rgbBytes = bytes;
        }
        // swscale reads four plane pointers and strides on each side, used or not.
        try (PointerPointer<BytePointer> planes = new PointerPointer<>(rgb, null, null, null);
                IntPointer strides = new IntPointer(size[0] * 3, 0, 0, 0)) {
            swscale.sws_scale(context, frame.data(), frame.linesize(), 0, height, planes, strides);
        }
        byte[] packed = new byte[bytes];
        rgb.position(0).get(packed, 0, bytes);
        int[] argb = new int[size[0] * size[1]];
        for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
            argb[i] = 0xFF000000 | (packed[j] & 0xFF) << 16 | (packed[j + 1] & 0xFF) << 8 | packed[j + 2] & 0xFF;
        }
        return new DecodedFrame(width, height, size[0], size[1], argb);
    }

    @Override
    public void close() {
        if (context != null) {
            swscale.sws_freeContext(context);
            context = null;
        }
        if (rgb != null) {
            rgb.close();
            rgb = null;
        }
    }
}
