package org.filmpalette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.junit.jupiter.api.Test;

class PaletteImagesTest {

    private static final Palette RED_QUARTER = Palette.of(new int[] {0x0000ff, 0xff0000}, new double[] {0.75, 0.25},
            Order.DOMINANCE);

    @Test
    void bandsAreAsWideAsTheirShares() {
        BufferedImage image = PaletteImages.bands(RED_QUARTER, 100, 10);
        assertEquals(75, countColumns(image, 0x0000ff));
        assertEquals(25, countColumns(image, 0xff0000));
        assertEquals(0x0000ff, image.getRGB(74, 5) & 0xffffff);
        assertEquals(0xff0000, image.getRGB(75, 5) & 0xffffff);
    }

    @Test
    void barcodeHasOneColumnPerStillInOrder() throws IOException {
        Palette green = Palette.of(new int[] {0x00ff00}, new double[] {1}, Order.DOMINANCE);
        BufferedImage image = PaletteImages.barcode(List.of(green, RED_QUARTER, green), 2, 40);
        assertEquals(6, image.getWidth());
        assertEquals(0x00ff00, image.getRGB(1, 39) & 0xffffff);
        assertEquals(0x0000ff, image.getRGB(2, 29) & 0xffffff, "top three quarters of the second still are blue");
        assertEquals(0xff0000, image.getRGB(3, 30) & 0xffffff);
        assertEquals(0x00ff00, image.getRGB(4, 0) & 0xffffff);
        String uri = PaletteImages.dataUri(image);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(uri.substring("data:image/png;base64,".length()))));
        assertEquals(0xff0000, decoded.getRGB(3, 35) & 0xffffff);
    }

    @Test
    void terminalBlocksUseTrueColorEscapes() {
        assertEquals("\u001b[48;2;0;0;255m   \u001b[48;2;255;0;0m   \u001b[0m", TerminalSwatches.ansi(RED_QUARTER));
        assertEquals("#0000ff #ff0000", TerminalSwatches.hex(RED_QUARTER));
    }

    private static int countColumns(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            if ((image.getRGB(x, 0) & 0xffffff) == rgb) {
                count++;
            }
        }
        return count;
    }
}
