package org.filmpalette.render;

import java.util.Locale;
import java.util.stream.Collectors;

import org.filmpalette.color.Srgb;
import org.filmpalette.config.ConfigurationException;
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
            line.append(background(swatch));
        }
        return line.append(RESET).toString();
    }

    /** One color as a three-character block of its 24-bit ANSI background color. */
    public static String ansi(Swatch swatch) {
        return background(swatch) + RESET;
    }

    /**
     * Whether to print color blocks for a {@code --color} value: {@code auto} when stdout is a terminal,
     * {@code always}, or {@code never}.
     */
    public static boolean wanted(String when) {
        return switch (when.toLowerCase(Locale.ROOT)) {
            case "auto" -> System.console() != null;
            case "always" -> true;
            case "never" -> false;
            default -> throw new ConfigurationException(
                    "Invalid --color: " + when + " (must be one of auto, always, never)");
        };
    }

    private static String background(Swatch swatch) {
        return "\u001b[48;2;" + swatch.red() + ';' + swatch.green() + ';' + swatch.blue() + "m   ";
    }

    /** The colors as {@code #rrggbb} separated by spaces, in rank order. */
    public static String hex(Palette palette) {
        return palette.swatches().stream().map(s -> Srgb.hex(s.rgb())).collect(Collectors.joining(" "));
    }
}
