package org.filmpalette.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The documentation every setting must have, written from its declaration: the text of
 * {@code conf/filmpalette.properties} and the settings table of README "Options". The tests compare the files with
 * it; when a setting changes, they leave the expected text under {@code target/settings-reference/} to copy over.
 */
public final class SettingsReference {

    /** Where the expected texts go when a test finds the committed ones differ. */
    public static final Path EXPECTED = Path.of("target", "settings-reference");

    /** The README lines around the settings table. */
    public static final String TABLE_START = "<!-- settings: one row per config.JobSettings declaration,"
            + " SettingsCoverageTest keeps them equal -->";
    public static final String TABLE_END = "<!-- end of settings -->";

    private static final int WIDTH = 118;

    private SettingsReference() {}

    /** {@code conf/filmpalette.properties}: every setting at its default, under its section, with its documentation. */
    public static String propertiesFile() {
        StringBuilder text = new StringBuilder();
        comment(text, "Defaults of bin/filmpalette. A flag wins over --conf KEY=VALUE, which wins over this file, which"
                + " wins over the built-in defaults (the same values as here). Unknown filmpalette.* keys are an error;"
                + " spark.* keys go to Spark. Each setting is declared once, in config.JobSettings: ConfExamplesTest"
                + " keeps this file equal to the declarations.");
        for (Section section : Section.values()) {
            text.append("\n# --- ").append(section.title()).append("\n\n");
            for (Setting<?> setting : JobSettings.ALL) {
                if (setting.section() == section) {
                    comment(text, setting.documentation() + " " + setting.flag().map(flag -> "Flag: " + flag + ".")
                            .orElse("No flag: set it here or with --conf."));
                    text.append(setting.key()).append(" =")
                            .append(setting.defaultText().isEmpty() ? "" : " " + setting.defaultText()).append('\n');
                }
            }
        }
        text.append("\n# Spark settings are passed through, e.g.:\n# spark.sql.shuffle.partitions = 8\n");
        return text.toString();
    }

    /** The README table, its marker lines included: flag, key and documentation of every setting, by section. */
    public static String markdownTable() {
        StringBuilder text = new StringBuilder(TABLE_START).append('\n');
        text.append("| flag | key | what it sets |\n|---|---|---|\n");
        for (Section section : Section.values()) {
            text.append("| | | **").append(section.title()).append("** |\n");
            for (Setting<?> setting : JobSettings.ALL) {
                if (setting.section() == section) {
                    String label = setting.valueLabel().isEmpty() ? "" : " " + setting.valueLabel();
                    String flag = setting.flag().map(name -> "`" + name + label + "`").orElse("(file or --conf)");
                    text.append("| ").append(flag).append(" | `").append(setting.key()).append("` | ")
                            .append(setting.documentation().replace("|", "\\|")).append(" |\n");
                }
            }
        }
        return text.append(TABLE_END).append('\n').toString();
    }

    /** Writes {@code text} as {@code EXPECTED/name} and returns a hint naming it, for a failure message. */
    public static String leaveExpected(String name, String text) {
        try {
            Files.createDirectories(EXPECTED);
            Path file = Files.writeString(EXPECTED.resolve(name), text);
            return "the text the declarations give is in " + file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void comment(StringBuilder text, String paragraph) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder("#");
        for (String word : paragraph.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        lines.add(line.toString());
        lines.forEach(each -> text.append(each).append('\n'));
    }
}
