package org.filmpalette.render;

import java.util.stream.Collectors;

import org.filmpalette.color.Srgb;
import org.filmpalette.palette.Palette;
import org.filmpalette.palette.Swatch;

/** A palette on one line of a terminal: 24-bit ANSI background blocks, or hex codes where color cannot show. */
public final class TerminalSwatches {

    private static final String RESET = "\u001b[0m";

    private TerminalSwatches() {}

    /** Each color as a three-character block of its 24-bit ANSI background color, in rank order. */
    public static String ansi(Palette palette) {
        StringBuilder line = new StringBuilder();
        for (Swatch swatch : palette.swatches()) {
            line.append("\u001b[48;2;").append(swatch.red()).append(';').append(swatch.green()).append(';')
                    .append(swatch.blue()).append("m   ");
        }
        return line.append(RESET).toString();
    }

    /** The colors as {@code #rrggbb} separated by spaces, in rank order. */
    public static String hex(Palette palette) {
        return palette.swatches().stream().map(s -> Srgb.hex(s.rgb())).collect(Collectors.joining(" "));
    }
}
