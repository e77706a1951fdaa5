package org.filmpalette.config;

/**
 * How one kind of setting value is read from text, checked and written back: whole numbers in a range, a choice
 * of names, a location. Implementations are in {@link SettingTypes}.
 *
 * @param <T> the typed value
 */
public interface SettingType<T> {

    /** The value {@code text} stands for, checked; {@code text} is never null. */
    T parse(String text) throws Rejected;

    /** Fails when {@code value} is outside what this type allows. */
    void check(T value) throws Rejected;

    /** The text {@link #parse} reads back as {@code value}: used for defaults, {@code describe} and the docs. */
    String format(T value);

    /** What a value must be, to follow "must be": {@code between 2 and 64}, {@code lab, rgb or hsv}. */
    String allowed();

    /** Whether the command-line option takes no value ({@code --full}), the key then taking true or false. */
    default boolean isSwitch() {
        return false;
    }

    /** A value this type refuses, with the reason shown in parentheses after it. */
    final class Rejected extends Exception {

        private static final long serialVersionUID = 1L;

        public Rejected(String reason) {
            super(reason, null, false, false);
        }
    }
}
