package org.filmpalette.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One setting of a run, declared once in {@link JobSettings}: its key, its flag on {@code run} (or none: set it in
 * the properties file or with {@code --conf}), its default, how its text is parsed and checked, a one-line
 * description and the section it is documented in. Parsing, error messages, {@link JobConfig#describe}, the CLI
 * options and the documentation all derive from it.
 *
 * @param <T> the typed value
 */
public final class Setting<T> {

    /** The namespace of every setting's key. */
    public static final String PREFIX = "filmpalette.";

    private final String name;
    private final boolean hasFlag;
    private final String valueLabel;
    private final SettingType<T> type;
    private final T defaultValue;
    private final Section section;
    private final String description;

    private Setting(String name, boolean hasFlag, String valueLabel, SettingType<T> type, T defaultValue,
            Section section, String description) {
        this.name = Objects.requireNonNull(name);
        this.hasFlag = hasFlag;
        this.valueLabel = Objects.requireNonNull(valueLabel);
        this.type = Objects.requireNonNull(type);
        this.defaultValue = Objects.requireNonNull(defaultValue);
        this.section = Objects.requireNonNull(section);
        this.description = Objects.requireNonNull(description);
    }

    /** A setting {@code run} takes as {@code --name VALUE_LABEL}, as well as from the file and {@code --conf}. */
    public static <T> Setting<T> withFlag(String name, String valueLabel, SettingType<T> type, T defaultValue,
            Section section, String description) {
        return new Setting<>(name, true, valueLabel, type, defaultValue, section, description);
    }

    /** An off-by-default setting {@code run} turns on with a bare {@code --name}; the key takes true or false. */
    public static Setting<Boolean> withSwitch(String name, Section section, String description) {
        return new Setting<>(name, true, "", SettingTypes.onOff(), false, section, description);
    }

    /** A setting only the properties file and {@code --conf} set: rarely changed, kept out of {@code run --help}. */
    public static <T> Setting<T> fileOnly(String name, String valueLabel, SettingType<T> type, T defaultValue,
            Section section, String description) {
        return new Setting<>(name, false, valueLabel, type, defaultValue, section, description);
    }

    /** The name after the namespace: {@code k}. */
    public String name() {
        return name;
    }

    /** The key in the properties file and {@code --conf}: {@code filmpalette.k}. */
    public String key() {
        return PREFIX + name;
    }

    /** {@code run}'s flag, {@code --k}; empty for a file-only setting. */
    public Optional<String> flag() {
        return hasFlag ? Optional.of("--" + name) : Optional.empty();
    }

    /** How messages name the setting: its flag, or its key when it has none. */
    public String shownAs() {
        return flag().orElse(key());
    }

    /** What the value is called in {@code --help} ({@code N}, {@code URI}); empty for a switch. */
    public String valueLabel() {
        return valueLabel;
    }

    public SettingType<T> type() {
        return type;
    }

    public T defaultValue() {
        return defaultValue;
    }

    /** The default as the properties file writes it. */
    public String defaultText() {
        return type.format(defaultValue);
    }

    public Section section() {
        return section;
    }

    /** One line saying what the setting does (its allowed values and default are added where it is shown). */
    public String description() {
        return description;
    }

    /**
     * The description with what a value must be and the default, as {@code --help} and the documentation show it:
     * {@code Colors per palette: the clusters of each still and each film. Must be between 2 and 64; default 8.}
     */
    public String documentation() {
        return description + ". Must be " + type.allowed() + "; default "
                + (defaultText().isEmpty() ? "empty" : defaultText()) + ".";
    }

    /** The value {@code text} stands for; a bad one fails naming {@link #shownAs()} and the text. */
    public T parse(String text) {
        return parse(text, shownAs());
    }

    /** As {@link #parse(String)}, the message naming {@code shownAs}: another command's flag for this setting. */
    public T parse(String text, String shownAs) {
        try {
            return type.parse(text);
        } catch (SettingType.Rejected e) {
            throw invalid(shownAs, text.isEmpty() ? "\"\"" : text.strip(), e);
        }
    }

    /** {@code value} itself when the type allows it; otherwise fails naming {@code shownAs} and the value. */
    public T check(T value, String shownAs) {
        try {
            type.check(value);
            return value;
        } catch (SettingType.Rejected e) {
            throw invalid(shownAs, type.format(value), e);
        }
    }

    private static ConfigurationException invalid(String shownAs, String shown, SettingType.Rejected rejected) {
        return new ConfigurationException("Invalid " + shownAs + ": " + shown + " (" + rejected.getMessage() + ")");
    }

    @Override
    public String toString() {
        return key();
    }
}
