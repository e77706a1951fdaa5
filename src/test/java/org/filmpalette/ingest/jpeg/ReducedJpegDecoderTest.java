package org.filmpalette.ingest.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.filmpalette.ingest.DecoderSeeds;
import org.filmpalette.ingest.DecoderSeeds.Jpeg;
import org.junit.jupiter.api.Test;

/**
 * The reduced decode against the JDK's full decode averaged over 4×4 blocks, on film-like frames written by
 * ImageIO in the variants cameras and encoders produce. Differences come from libjpeg's integer IDCT, its rounding
 * and clipping per pixel, and its interpolated chroma upsampling (ours repeats each chroma mean), so they are
 * stated per variant, in 8-bit levels.
 */
class ReducedJpegDecoderTest {

    private static final int WIDTH = 1001;
    private static final int HEIGHT = 603;

    @Test
    void chromaSubsampledFrameMatchesFullDecodeAveraged() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.SUBSAMPLED_420);
        assertCloseToFullDecode(jpeg, 1.25);
    }

    @Test
    void fullChromaFrameMatchesFullDecodeAveraged() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.FULL_CHROMA);
        assertCloseToFullDecode(jpeg, 0.5);
    }

    @Test
    void grayFrameMatchesFullDecodeAveraged() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_BYTE_GRAY), Jpeg.SUBSAMPLED_420);
        assertCloseToFullDecode(jpeg, 0.4);
    }

    @Test
    void restartIntervalsAreFollowed() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.RESTARTS);
        assertTrue(containsRestartMarker(jpeg), "the writer put restart markers in");
        assertCloseToFullDecode(jpeg, 1.25);
    }

    @Test
    void flatColorsComeBackWithinOneLevel() throws Exception {
        BufferedImage image = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xC03020));
        g.fillRect(0, 0, 32, 32);
        g.setColor(new Color(0x2040A0));
        g.fillRect(32, 0, 32, 32);
        g.dispose();
        int[] reduced = decode(DecoderSeeds.jpeg(image, Jpeg.SUBSAMPLED_420));
        // Away from the edge, whose 8x8 chroma blocks straddle both colors after 4:2:0 subsampling.
        assertColor(0xC03020, reduced[4 * 16 + 2]);
        assertColor(0x2040A0, reduced[4 * 16 + 13]);
    }

    @Test
    void progressiveJpegIsRefused() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.PROGRESSIVE);
        JpegFormatException refused = assertThrows(JpegFormatException.class,
                () -> ReducedJpegDecoder.readPrelude(jpeg));
        assertTrue(refused.getMessage().contains("not baseline"), refused.getMessage());
    }

    @Test
    void truncatedDataIsRefused() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.SUBSAMPLED_420);
        byte[] truncated = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        ReducedJpegDecoder.Prelude prelude = ReducedJpegDecoder.readPrelude(truncated);
        JpegFormatException refused = assertThrows(JpegFormatException.class,
                () -> ReducedJpegDecoder.decode(prelude, truncated, () -> false));
        assertEquals("entropy data ends early", refused.getMessage());
    }

    @Test
    void preludeReadsTheFrameSize() throws Exception {
        ReducedJpegDecoder.Prelude prelude =
                ReducedJpegDecoder.readPrelude(DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.SUBSAMPLED_420));
        assertEquals(WIDTH, prelude.width());
        assertEquals(HEIGHT, prelude.height());
    }

    @Test
    void cancelledDecodeStopsWithAnError() throws Exception {
        byte[] jpeg = DecoderSeeds.jpeg(filmLike(BufferedImage.TYPE_INT_RGB), Jpeg.SUBSAMPLED_420);
        ReducedJpegDecoder.Prelude prelude = ReducedJpegDecoder.readPrelude(jpeg);
        JpegFormatException refused = assertThrows(JpegFormatException.class,
                () -> ReducedJpegDecoder.decode(prelude, jpeg, () -> true));
        assertEquals("cancelled", refused.getMessage());
    }

    private static void assertCloseToFullDecode(byte[] jpeg, double maxMeanDifference) throws IOException,
            JpegFormatException {
        BufferedImage full = ImageIO.read(new ByteArrayInputStream(jpeg));
        int[] reduced = decode(jpeg);
        int width = ReducedJpegDecoder.reducedSide(WIDTH);
        int height = ReducedJpegDecoder.reducedSide(HEIGHT);
        assertEquals(width * height, reduced.length);
        double total = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double[] mean = blockMean(full, x * 4, y * 4);
                int pixel = reduced[y * width + x];
                total += Math.abs(mean[0] - (pixel >> 16 & 255)) + Math.abs(mean[1] - (pixel >> 8 & 255))
                        + Math.abs(mean[2] - (pixel & 255));
            }
        }
        double meanDifference = total / (3.0 * width * height);
        assertTrue(meanDifference <= maxMeanDifference,
                "mean difference " + meanDifference + " levels, limit " + maxMeanDifference);
    }

    private static double[] blockMean(BufferedImage image, int left, int top) {
        double[] sum = new double[3];
        int count = 0;
        for (int y = top; y < Math.min(top + 4, image.getHeight()); y++) {
            for (int x = left; x < Math.min(left + 4, image.getWidth()); x++) {
                // Gray samples as they are: getRGB would treat the JDK's gray space as linear.
                int rgb = image.getRaster().getNumBands() == 1 ? image.getRaster().getSample(x, y, 0) * 0x010101
                        : image.getRGB(x, y);
                sum[0] += rgb >> 16 & 255;
                sum[1] += rgb >> 8 & 255;
                sum[2] += rgb & 255;
                count++;
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    private static int[] decode(byte[] jpeg) throws JpegFormatException {
        return ReducedJpegDecoder.decode(ReducedJpegDecoder.readPrelude(jpeg), jpeg, () -> false);
    }

    private static void assertColor(int expected, int actual) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int difference = Math.abs((expected >> shift & 255) - (actual >> shift & 255));
            assertTrue(difference <= 1, String.format("expected #%06X, got #%06X", expected, actual & 0xFFFFFF));
        }
    }

    /** A graded frame with soft shapes and grain, deterministic. */
    private static BufferedImage filmLike(int type) {
        SplittableRandom random = new SplittableRandom(11);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, type);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(40, 90, 120), 0, HEIGHT, new Color(200, 120, 40)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        for (int shape = 0; shape < 10; shape++) {
            g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256), 200));
            g.fillOval(random.nextInt(WIDTH), random.nextInt(HEIGHT), random.nextInt(40, 400), random.nextInt(40, 300));
        }
        g.dispose();
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = image.getRGB(x, y);
                int grain = random.nextInt(-6, 7);
                int r = Math.max(0, Math.min(255, (rgb >> 16 & 255) + grain));
                int gr = Math.max(0, Math.min(255, (rgb >> 8 & 255) + grain));
                int b = Math.max(0, Math.min(255, (rgb & 255) + grain));
                image.setRGB(x, y, r << 16 | gr << 8 | b);
            }
        }
        return image;
    }


    private static boolean containsRestartMarker(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xF8) == 0xD0) {
                return true;
            }
        }
        return false;
    }

}
