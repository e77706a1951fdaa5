package org.filmpalette.query;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.filmpalette.color.Srgb;
import org.filmpalette.config.ConfigurationException;

/**
 * The designer formats {@code filmpalette export} writes. Each turns a named list of colors into the bytes of one
 * file: text formats in UTF-8 ending with a newline, {@link #ASE} binary.
 */
public enum ExportFormat {
    /** One {@code #rrggbb} per line. */
    HEX {
        @Override
        public byte[] write(ExportPalette palette) {
            return utf8(palette.colors().stream().map(c -> Srgb.hex(c.rgb()) + "\n").collect(Collectors.joining()));
        }
    },
    /** A coolors.co palette URL: {@code https://coolors.co/aabbcc-ddeeff}. */
    COOLORS {
        @Override
        public byte[] write(ExportPalette palette) {
            return utf8("https://coolors.co/"
                    + palette.colors().stream().map(c -> Srgb.hex(c.rgb()).substring(1)).collect(Collectors.joining("-"))
                    + "\n");
        }
    },
    /** A GIMP / Inkscape / Krita palette ({@code .gpl}). */
    GPL {
        @Override
        public byte[] write(ExportPalette palette) {
            StringBuilder text = new StringBuilder("GIMP Palette\n");
            text.append("Name: ").append(oneLine(palette.title())).append('\n');
            text.append("Columns: ").append(palette.colors().size()).append('\n');
            text.append("#\n");
            for (ExportPalette.Color color : palette.colors()) {
                text.append(String.format(Locale.ROOT, "%3d %3d %3d\t%s%n", Srgb.red(color.rgb()),
                        Srgb.green(color.rgb()), Srgb.blue(color.rgb()), oneLine(color.name())));
            }
            return utf8(text.toString().replace(System.lineSeparator(), "\n"));
        }
    },
    /**
     * An Adobe Swatch Exchange file ({@code .ase}): {@code ASEF}, version 1.0, a group named after the palette
     * holding one RGB color entry per color (float32 channels in [0,1], UTF-16BE names, type normal).
     */
    ASE {
        @Override
        public byte[] write(ExportPalette palette) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeBytes("ASEF");
                out.writeShort(1);
                out.writeShort(0);
                out.writeInt(palette.colors().size() + 2);
                byte[] group = aseName(palette.title());
                out.writeShort(ASE_GROUP_START);
                out.writeInt(group.length);
                out.write(group);
                for (ExportPalette.Color color : palette.colors()) {
                    byte[] name = aseName(color.name());
                    out.writeShort(ASE_COLOR);
                    out.writeInt(name.length + 4 + 3 * 4 + 2);
                    out.write(name);
                    out.writeBytes("RGB ");
                    out.writeFloat(Srgb.red(color.rgb()) / 255f);
                    out.writeFloat(Srgb.green(color.rgb()) / 255f);
                    out.writeFloat(Srgb.blue(color.rgb()) / 255f);
                    out.writeShort(ASE_NORMAL);
                }
                out.writeShort(ASE_GROUP_END);
                out.writeInt(0);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write an .ase in memory", e);
            }
            return bytes.toByteArray();
        }
    },
    /** CSS custom properties on {@code :root}: {@code --<film>-1: #rrggbb;}. */
    CSS {
        @Override
        public byte[] write(ExportPalette palette) {
            StringBuilder text = new StringBuilder();
            text.append("/* ").append(oneLine(palette.title()).replace("*/", "* /")).append(" */\n:root {\n");
            for (ExportPalette.Color color : palette.colors()) {
                text.append("  --").append(cssIdentifier(color.name())).append(": ").append(Srgb.hex(color.rgb()))
                        .append(";\n");
            }
            return utf8(text.append("}\n").toString());
        }
    },
    /** A JSON object: the title and the colors with name, hex, rgb and (for palette colors) share and role. */
    JSON {
        @Override
        public byte[] write(ExportPalette palette) {
            StringBuilder text = new StringBuilder("{\n  \"title\": ").append(jsonString(palette.title()))
                    .append(",\n  \"colors\": [");
            List<ExportPalette.Color> colors = palette.colors();
            for (int i = 0; i < colors.size(); i++) {
                ExportPalette.Color color = colors.get(i);
                text.append(i == 0 ? "\n" : ",\n").append("    {\"name\": ").append(jsonString(color.name()))
                        .append(", \"hex\": \"").append(Srgb.hex(color.rgb())).append("\", \"rgb\": [")
                        .append(Srgb.red(color.rgb())).append(", ").append(Srgb.green(color.rgb())).append(", ")
                        .append(Srgb.blue(color.rgb())).append(']');
                if (color.share() != null) {
                    text.append(", \"share\": ").append(String.format(Locale.ROOT, "%.6f", color.share()));
                }
                if (color.role() != null) {
                    text.append(", \"role\": \"").append(color.role().id()).append('"');
                }
                text.append('}');
            }
            return utf8(text.append("\n  ]\n}\n").toString());
        }
    };

    static final int ASE_GROUP_START = 0xC001;
    static final int ASE_GROUP_END = 0xC002;
    static final int ASE_COLOR = 0x0001;
    static final int ASE_NORMAL = 2;

    /** The file's bytes. */
    public abstract byte[] write(ExportPalette palette);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a format name, case-insensitively. */
    public static ExportFormat parse(String name) {
        for (ExportFormat format : values()) {
            if (format.id().equalsIgnoreCase(name.strip())) {
                return format;
            }
        }
        throw new ConfigurationException(
                "Invalid --format: " + name + " (must be one of hex, coolors, gpl, ase, css, json)");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ");
    }

    /** An ASE name: u16 length in UTF-16 units including the terminating zero, then UTF-16BE text and zero. */
    private static byte[] aseName(String name) {
        byte[] text = name.getBytes(StandardCharsets.UTF_16BE);
        byte[] block = new byte[2 + text.length + 2];
        int units = text.length / 2 + 1;
        block[0] = (byte) (units >> 8);
        block[1] = (byte) units;
        System.arraycopy(text, 0, block, 2, text.length);
        return block;
    }

    /** Lowercase letters, digits and single hyphens: {@code Big Buck Bunny 1} → {@code big-buck-bunny-1}. */
    static String cssIdentifier(String name) {
        String identifier = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        if (identifier.isEmpty() || Character.isDigit(identifier.charAt(0))) {
            identifier = "c-" + identifier;
        }
        return identifier;
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
