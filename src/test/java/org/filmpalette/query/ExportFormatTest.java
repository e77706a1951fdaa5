package org.filmpalette.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.junit.jupiter.api.Test;

class ExportFormatTest {

    private static final ExportPalette PALETTE = ExportPalette.of("Heat kmeans", "Heat",
            Palette.of(new int[] {0xaabbcc, 0x102030, 0xff8000}, new double[] {0.5, 0.3, 0.2}, Order.DOMINANCE));

    @Test
    void hexAndCoolors() {
        assertEquals("#aabbcc\n#102030\n#ff8000\n", text(ExportFormat.HEX));
        assertEquals("https://coolors.co/aabbcc-102030-ff8000\n", text(ExportFormat.COOLORS));
    }

    @Test
    void gimpPalette() {
        assertEquals("""
                GIMP Palette
                Name: Heat kmeans
                Columns: 3
                #
                170 187 204\tHeat-1
                 16  32  48\tHeat-2
                255 128   0\tHeat-3
                """, text(ExportFormat.GPL));
    }

    @Test
    void cssCustomProperties() {
        assertEquals("""
                /* Heat kmeans */
                :root {
                  --heat-1: #aabbcc;
                  --heat-2: #102030;
                  --heat-3: #ff8000;
                }
                """, text(ExportFormat.CSS));
        assertEquals("big-buck-bunny-frame-01-1", ExportFormat.cssIdentifier("Big Buck Bunny frame/01 1"));
    }

    @Test
    void jsonWithShares() {
        assertEquals("""
                {
                  "title": "Heat kmeans",
                  "colors": [
                    {"name": "Heat-1", "hex": "#aabbcc", "rgb": [170, 187, 204], "share": 0.500000, "role": "dominant"},
                    {"name": "Heat-2", "hex": "#102030", "rgb": [16, 32, 48], "share": 0.300000, "role": "dominant"},
                    {"name": "Heat-3", "hex": "#ff8000", "rgb": [255, 128, 0], "share": 0.200000, "role": "dominant"}
                  ]
                }
                """, text(ExportFormat.JSON));
    }

    @Test
    void adobeSwatchExchangeParsesBack() throws IOException {
        byte[] ase = ExportFormat.ASE.write(PALETTE);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(ase));
        assertEquals("ASEF", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
        assertEquals(1, in.readUnsignedShort());
        assertEquals(0, in.readUnsignedShort());
        assertEquals(5, in.readInt(), "group start, three colors, group end");
        assertEquals(0xC001, in.readUnsignedShort());
        int groupLength = in.readInt();
        assertEquals(2 + 2 * ("Heat kmeans".length() + 1), groupLength);
        assertEquals("Heat kmeans", name(in));
        List<String> colors = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertEquals(0x0001, in.readUnsignedShort());
            int length = in.readInt();
            String name = name(in);
            assertEquals(2 + 2 * (name.length() + 1) + 4 + 12 + 2, length);
            assertEquals("RGB ", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
            int r = Math.round(in.readFloat() * 255);
            int g = Math.round(in.readFloat() * 255);
            int b = Math.round(in.readFloat() * 255);
            assertEquals(2, in.readUnsignedShort(), "color type normal");
            colors.add(name + String.format("=%02x%02x%02x", r, g, b));
        }
        assertEquals(List.of("Heat-1=aabbcc", "Heat-2=102030", "Heat-3=ff8000"), colors);
        assertEquals(0xC002, in.readUnsignedShort());
        assertEquals(0, in.readInt());
        assertEquals(-1, in.read(), "nothing after the last block");
        // The float of 170/255 exactly as Adobe tools read it.
        assertEquals(170 / 255f, java.nio.ByteBuffer.wrap(ase, 4 + 4 + 4 + 2 + 4 + groupLength + 2 + 4 + 2 + 14 + 4, 4)
                .getFloat());
    }

    @Test
    void harmonyExportsTheDominantColorAndItsSuggestions() {
        ExportPalette triadic = ExportPalette.of("Heat kmeans", "Heat",
                Palette.of(new int[] {0xaabbcc, 0x102030}, new double[] {0.6, 0.4}, Order.DOMINANCE), Harmony.TRIADIC);
        List<Integer> expected = Harmony.TRIADIC.of(0xaabbcc);
        assertEquals("Heat kmeans triadic", triadic.title());
        assertEquals(List.of("Heat-dominant", "Heat-triadic-1", "Heat-triadic-2"),
                triadic.colors().stream().map(ExportPalette.Color::name).toList());
        assertEquals(expected, triadic.colors().stream().map(ExportPalette.Color::rgb).toList());
        assertEquals(String.format("https://coolors.co/aabbcc-%06x-%06x%n", expected.get(1), expected.get(2)),
                new String(ExportFormat.COOLORS.write(triadic), StandardCharsets.UTF_8));
    }

    @Test
    void unknownFormatNamesTheFlag() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> ExportFormat.parse("aco"));
        assertEquals("Invalid --format: aco (must be one of hex, coolors, gpl, ase, css, json)", error.getMessage());
    }

    private static String text(ExportFormat format) {
        return new String(format.write(PALETTE), StandardCharsets.UTF_8);
    }

    private static String name(DataInputStream in) throws IOException {
        int units = in.readUnsignedShort();
        byte[] text = in.readNBytes(2 * units);
        assertEquals(0, text[text.length - 1]);
        assertEquals(0, text[text.length - 2]);
        return new String(text, 0, text.length - 2, StandardCharsets.UTF_16BE);
    }
}
