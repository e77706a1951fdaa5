package org.filmpalette.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.filmpalette.config.Setting;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives a command one option per setting it takes, named, labelled and described from the setting's declaration
 * ({@code --k N: Colors per palette … Between 2 and 64; default 8.}), and reads back what the command line gave.
 * A command names its settings in a subclass and lists it as its {@code @Command(modelTransformer = …)}.
 */
abstract class SettingOptions implements CommandLine.IModelTransformer {

    /** The settings this command takes as options, in the order {@code --help} lists them. */
    abstract List<Setting<?>> settings();

    @Override
    public CommandSpec transform(CommandSpec spec) {
        // Before the command's own options (picocli's unset order is -1), in declaration order.
        int order = -1000;
        for (Setting<?> setting : settings()) {
            spec.addOption(option(setting, order++));
        }
        return spec;
    }

    /** The option's name on the command line: {@code --} and the setting's name. */
    static String optionName(Setting<?> setting) {
        return "--" + setting.name();
    }

    /** The setting's text as given on the command line, by key, for each of {@code settings} that was given. */
    static Map<String, String> given(CommandSpec spec, List<Setting<?>> settings) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> given = new LinkedHashMap<>();
        for (Setting<?> setting : settings) {
            OptionSpec option = parsed.matchedOption(optionName(setting));
            if (option != null) {
                given.put(setting.key(), option.getValue().toString());
            }
        }
        return given;
    }

    /** The value of {@code setting}'s option, parsed with messages naming the option; its default when not given. */
    static <T> T value(CommandSpec spec, Setting<T> setting) {
        OptionSpec option = spec.commandLine().getParseResult().matchedOption(optionName(setting));
        return option == null ? setting.defaultValue()
                : setting.parse(option.getValue().toString(), optionName(setting));
    }

    private static OptionSpec option(Setting<?> setting, int order) {
        OptionSpec.Builder option = OptionSpec.builder(optionName(setting)).order(order);
        if (setting.type().isSwitch()) {
            return option.arity("0").type(boolean.class).description(setting.description() + ".").build();
        }
        return option.type(String.class).paramLabel(setting.valueLabel())
                .description(setting.documentation()).build();
    }
}
