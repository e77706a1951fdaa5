package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.filmpalette.color.DeltaE2000;
import org.junit.jupiter.api.Test;

class ThumbnailTest {

    private static final int RED = 0xd02020;
    private static final int BLUE = 0x2040c0;

    @Test
    void halvesRedBlueGiveA192PixelJpegWithRedLeftAndBlueRight() throws IOException {
        int[] argb = new int[256 * 144];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xFF000000 | (i % 256 < 128 ? RED : BLUE);
        }
        BufferedImage thumbnail = read(Thumbnail.jpeg(new DecodedFrame(1920, 1080, 256, 144, argb)));
        assertEquals(192, thumbnail.getWidth());
        assertEquals(108, thumbnail.getHeight());
        assertTrue(DeltaE2000.between(thumbnail.getRGB(40, 54) & 0xFFFFFF, RED) < 3, "left is red");
        assertTrue(DeltaE2000.between(thumbnail.getRGB(150, 54) & 0xFFFFFF, BLUE) < 3, "right is blue");
    }

    @Test
    void transparentPixelsShowOverWhiteAndNarrowFramesKeepTheirWidth() throws IOException {
        int[] argb = new int[64 * 32];
        java.util.Arrays.fill(argb, 0x00123456);
        BufferedImage thumbnail = read(Thumbnail.jpeg(new DecodedFrame(64, 32, 64, 32, argb)));
        assertEquals(64, thumbnail.getWidth());
        assertEquals(32, thumbnail.getHeight());
        assertTrue(DeltaE2000.between(thumbnail.getRGB(10, 10) & 0xFFFFFF, 0xFFFFFF) < 2, "white");
    }

    /** The size the README states: data-sample's Big Buck Bunny frames decoded as the job decodes them. */
    @Test
    void dataSampleFramesGiveThumbnailsOfAFewKilobytes() throws Exception {
        FrameDecoder decoder = new FrameDecoder(256, 250_000_000L);
        List<Path> frames;
        try (Stream<Path> files = Files.list(Path.of("data-sample", "big_buck_bunny"))) {
            frames = files.sorted().toList();
        }
        long total = 0;
        for (Path frame : frames) {
            try (InputStream in = Files.newInputStream(frame)) {
                byte[] jpeg = Thumbnail.jpeg(decoder.decode(in));
                assertEquals(Thumbnail.WIDTH, read(jpeg).getWidth(), frame.toString());
                total += jpeg.length;
            }
        }
        double mean = total / (double) frames.size();
        System.out.printf("thumbnails: %d data-sample frames, mean %.0f bytes%n", frames.size(), mean);
        assertTrue(mean > 1_000 && mean < 12_000, "a few KB per still: " + mean);
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(jpeg));
    }
}
