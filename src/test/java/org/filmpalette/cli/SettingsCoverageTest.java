package org.filmpalette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.filmpalette.config.JobSettings;
import org.filmpalette.config.Setting;
import org.filmpalette.config.SettingsReference;
import org.junit.jupiter.api.Test;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Walks every declared setting: each has its {@code run} option (or is declared file-only and has none), a one-line
 * description, a default its own parser reads back, and its documentation in README "Options" and in
 * {@code conf/filmpalette.properties} (ConfExamplesTest); {@code run} has no option that is not a setting's.
 */
class SettingsCoverageTest {

    private static final Set<String> RUN_OPTIONS_NOT_SETTINGS = Set.of("--config", "--conf", "--help", "--version");

    private final CommandSpec run = Main.commandLine().getSubcommands().get("run").getCommandSpec();

    @Test
    void everySettingHasItsOptionOrIsDeclaredFileOnly() {
        List<String> missing = new ArrayList<>();
        for (Setting<?> setting : JobSettings.ALL) {
            OptionSpec option = run.findOption("--" + setting.name());
            if (setting.flag().isPresent() && option == null) {
                missing.add(setting.key() + " has no run option " + setting.flag().get());
            }
            if (setting.flag().isEmpty() && option != null) {
                missing.add(setting.key() + " is declared file-only but run has " + option.longestName());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void runHasNoOptionThatIsNotASetting() {
        Set<String> strays = new TreeSet<>();
        for (OptionSpec option : run.options()) {
            String name = option.longestName();
            boolean declared = JobSettings.ALL.stream().anyMatch(s -> s.flag().filter(name::equals).isPresent());
            if (!declared && !RUN_OPTIONS_NOT_SETTINGS.contains(name)) {
                strays.add(name);
            }
        }
        assertEquals(Set.of(), strays, "declare these in config.JobSettings instead of as @Option fields");
    }

    @Test
    void everySettingHasAOneLineDescriptionAndADefaultThatReadsBack() {
        for (Setting<?> setting : JobSettings.ALL) {
            String description = setting.description();
            assertFalse(description.isBlank(), setting.key());
            assertFalse(description.contains("\n"), setting.key() + " takes one line");
            assertFalse(description.endsWith("."), setting.key() + ": the period is added where it is shown");
            assertTrue(description.length() <= 160, setting.key() + " takes one line: " + description.length());
            String described = formatted(setting, setting.defaultText());
            assertEquals(described, formatted(setting, described), setting.key() + ": describe reads back");
        }
    }

    @Test
    void everyMessageNamesAFlagOfRunOrADeclaredKey() {
        for (Setting<?> setting : JobSettings.ALL) {
            String shown = setting.shownAs();
            boolean exists = shown.startsWith("--") ? run.findOption(shown) != null
                    : JobSettings.byKey(shown).isPresent();
            assertTrue(exists, setting.key() + " is named " + shown + ", which does not exist");
        }
    }

    @Test
    void readmeOptionsListEverySettingAsDeclared() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String expected = SettingsReference.markdownTable();
        int start = readme.indexOf(SettingsReference.TABLE_START);
        int end = readme.indexOf(SettingsReference.TABLE_END);
        assertTrue(start >= 0 && end > start, "README has no settings table; "
                + SettingsReference.leaveExpected("readme-settings.md", expected));
        assertTrue(start > readme.indexOf("## Options") && readme.indexOf("## Options") >= 0,
                "the settings table belongs to README \"Options\"");
        String committed = readme.substring(start, end + SettingsReference.TABLE_END.length() + 1);
        assertEquals(expected, committed, "README's settings table differs from config.JobSettings; "
                + SettingsReference.leaveExpected("readme-settings.md", expected));
    }

    @Test
    void helpShowsEachFlagsDocumentation() {
        for (Setting<?> setting : RunCommand.FLAGGED) {
            OptionSpec option = run.findOption(setting.flag().orElseThrow());
            assertNotNull(option, setting.key());
            String help = String.join(" ", option.description());
            assertTrue(help.startsWith(setting.description()), setting.key() + ": " + help);
        }
        assertNull(run.findOption("--max-iterations"), "file-only settings stay out of run --help");
    }

    private static <T> String formatted(Setting<T> setting, String text) {
        return setting.type().format(setting.parse(text));
    }
}
