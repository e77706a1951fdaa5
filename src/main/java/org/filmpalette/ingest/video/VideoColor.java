package org.filmpalette.ingest.video;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;

/**
 * The Y'CbCr matrix and range a decoded video frame is converted to R'G'B' with: the ones the stream is tagged with,
 * and for untagged streams BT.709 for HD (at least 1280 wide or 720 high) and BT.601 below, limited range (16–235)
 * unless the pixel format is a full-range JPEG one ({@code yuvj*}). The R'G'B' values are taken as sRGB: Rec. 709's
 * transfer is not undone, as players and the frame-cutting tools do.
 *
 * @param matrix    swscale's coefficient table id ({@code SWS_CS_*})
 * @param fullRange whether Y' spans 0–255 instead of 16–235
 */
public record VideoColor(int matrix, boolean fullRange) {

    /** The matrix and range for {@code frame}. */
    public static VideoColor of(AVFrame frame) {
        return new VideoColor(matrix(frame.colorspace(), frame.width(), frame.height()),
                frame.color_range() == avutil.AVCOL_RANGE_JPEG || isJpegFormat(frame.format()));
    }

    /** The {@code SWS_CS_*} table for an {@code AVCOL_SPC_*} tag, or the HD/SD default when untagged. */
    static int matrix(int colorspace, int width, int height) {
        if (colorspace == avutil.AVCOL_SPC_BT709) {
            return swscale.SWS_CS_ITU709;
        }
        if (colorspace == avutil.AVCOL_SPC_BT470BG || colorspace == avutil.AVCOL_SPC_SMPTE170M) {
            return swscale.SWS_CS_ITU601;
        }
        if (colorspace == avutil.AVCOL_SPC_SMPTE240M) {
            return swscale.SWS_CS_SMPTE240M;
        }
        if (colorspace == avutil.AVCOL_SPC_FCC) {
            return swscale.SWS_CS_FCC;
        }
        if (colorspace == avutil.AVCOL_SPC_BT2020_NCL || colorspace == avutil.AVCOL_SPC_BT2020_CL) {
            return swscale.SWS_CS_BT2020;
        }
        return width >= 1280 || height >= 720 ? swscale.SWS_CS_ITU709 : swscale.SWS_CS_ITU601;
    }

    private static boolean isJpegFormat(int pixelFormat) {
        return pixelFormat == avutil.AV_PIX_FMT_YUVJ420P || pixelFormat == avutil.AV_PIX_FMT_YUVJ422P
                || pixelFormat == avutil.AV_PIX_FMT_YUVJ444P || pixelFormat == avutil.AV_PIX_FMT_YUVJ440P
                || pixelFormat == avutil.AV_PIX_FMT_YUVJ411P;
    }
}
