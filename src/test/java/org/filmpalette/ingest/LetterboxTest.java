package org.filmpalette.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LetterboxTest {

    private static final int BLACK = 0xFF000000;
    private static final int NOISY_BLACK = 0xFF0A0806;
    private static final int RED = 0xFFFF0000;

    @Test
    void letterboxBarsAreCroppedOff() {
        DecodedFrame frame = frame(100, 60, (x, y) -> y < 10 || y >= 50 ? NOISY_BLACK : RED);

        DecodedFrame cropped = Letterbox.crop(frame);

        assertEquals(100, cropped.width());
        assertEquals(40, cropped.height());
        assertEquals(0, Arrays.stream(cropped.argb()).filter(p -> p != RED).count());
        assertEquals(100, cropped.sourceWidth(), "the file's own size is kept");
    }

    @Test
    void pillarboxBarsAreCroppedOff() {
        DecodedFrame cropped = Letterbox.crop(frame(100, 60, (x, y) -> x < 12 || x >= 88 ? BLACK : RED));

        assertEquals(76, cropped.width());
        assertEquals(60, cropped.height());
    }

    @Test
    void darkFramesAndFramesWithoutBarsAreLeftAlone() {
        DecodedFrame black = frame(50, 30, (x, y) -> BLACK);
        DecodedFrame mostlyDark = frame(50, 30, (x, y) -> y == 15 ? RED : BLACK);
        DecodedFrame plain = frame(50, 30, (x, y) -> RED);

        assertSame(black, Letterbox.crop(black));
        assertSame(mostlyDark, Letterbox.crop(mostlyDark));
        assertSame(plain, Letterbox.crop(plain));
    }

    @Test
    void nearUniformBlackAndWhiteSamplesAreBlank() {
        int[] black = new int[100];
        Arrays.fill(black, 0x050505);
        int[] white = new int[100];
        Arrays.fill(white, 0xFCFCFC);
        int[] fade = new int[100];
        Arrays.fill(fade, 0x303030);
        int[] mostlyBlack = black.clone();
        Arrays.fill(mostlyBlack, 0, 5, 0xFF0000);

        assertEquals(BlankFrame.BLACK, BlankFrame.of(black));
        assertEquals(BlankFrame.WHITE, BlankFrame.of(white));
        assertNull(BlankFrame.of(fade));
        assertNull(BlankFrame.of(mostlyBlack), "5 % red is content, not a blank frame");
    }

    private interface Painter {
        int at(int x, int y);
    }

    private static DecodedFrame frame(int width, int height, Painter painter) {
        int[] argb = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                argb[y * width + x] = painter.at(x, y);
            }
        }
        return new DecodedFrame(width, height, width, height, argb);
    }
}
