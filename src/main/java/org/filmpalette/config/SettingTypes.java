package org.filmpalette.config;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The kinds of setting values: whole numbers, decimals, true/false, a choice or a list of choices, a location, text. */
public final class SettingTypes {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    private SettingTypes() {}

    /** A whole number in {@code [min, max]}, as an {@code int}. */
    public static SettingType<Integer> integer(int min, int max) {
        return new Whole<>(min, max, Long::intValue, Integer::longValue);
    }

    /** A whole number in {@code [min, max]}, as a {@code long}. */
    public static SettingType<Long> wholeNumber(long min, long max) {
        return new Whole<>(min, max, value -> value, value -> value);
    }

    /** A decimal number above {@code above} and at most {@code max}: {@code 1}, {@code 0.5}, {@code 24}. */
    public static SettingType<Double> decimal(double above, double max) {
        return new Decimal(above, max);
    }

    /** {@code true} or {@code false}; on the command line a flag without a value. */
    public static SettingType<Boolean> onOff() {
        return new OnOff();
    }

    /** One of {@code values}, named by {@code id} (case-insensitive). */
    public static <T> SettingType<T> choice(T[] values, Function<T, String> id) {
        return new Choice<>(List.of(values), id);
    }

    /** A comma-separated, non-empty set of {@code values}, named by {@code id}, kept in declaration order. */
    public static <T> SettingType<Set<T>> choices(T[] values, Function<T, String> id) {
        return new Choices<>(new Choice<>(List.of(values), id));
    }

    /**
     * A path or a URI ({@code hdfs://}, {@code s3a://}, {@code file:}); a local path becomes an absolute
     * {@code file:} URI and trailing slashes go, so equal locations compare equal.
     */
    public static SettingType<String> location() {
        return new Location();
    }

    /** Any text, stripped, described by {@code allowed} ({@code a folder, or empty}). */
    public static SettingType<String> text(String allowed) {
        return new Text(allowed);
    }

    private record Whole<T>(long min, long max, Function<Long, T> box, Function<T, Long> unbox)
            implements SettingType<T> {

        @Override
        public T parse(String text) throws Rejected {
            long value;
            try {
                value = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw new Rejected("not a whole number");
            }
            checkLong(value);
            return box.apply(value);
        }

        @Override
        public void check(T value) throws Rejected {
            checkLong(unbox.apply(value));
        }

        private void checkLong(long value) throws Rejected {
            if (value < min || value > max) {
                throw new Rejected("must be " + allowed());
            }
        }

        @Override
        public String format(T value) {
            return Long.toString(unbox.apply(value));
        }

        @Override
        public String allowed() {
            if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
                return "a whole number";
            }
            return max == Long.MAX_VALUE ? "at least " + min : "between " + min + " and " + max;
        }
    }

    private record Decimal(double above, double max) implements SettingType<Double> {

        @Override
        public Double parse(String text) throws Rejected {
            double value;
            try {
                value = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw new Rejected("not a number");
            }
            check(value);
            return value;
        }

        @Override
        public void check(Double value) throws Rejected {
            if (!(value > above && value <= max)) {
                throw new Rejected("must be " + allowed());
            }
        }

        @Override
        public String format(Double value) {
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }

        @Override
        public String allowed() {
            return "above " + format(above) + " and at most " + format(max);
        }
    }

    private record OnOff() implements SettingType<Boolean> {

        @Override
        public Boolean parse(String text) throws Rejected {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new Rejected("must be " + allowed());
            };
        }

        @Override
        public void check(Boolean value) {}

        @Override
        public String format(Boolean value) {
            return value.toString();
        }

        @Override
        public String allowed() {
            return "true or false";
        }

        @Override
        public boolean isSwitch() {
            return true;
        }
    }

    private record Choice<T>(List<T> values, Function<T, String> id) implements SettingType<T> {

        @Override
        public T parse(String text) throws Rejected {
            for (T value : values) {
                if (id.apply(value).equalsIgnoreCase(text.strip())) {
                    return value;
                }
            }
            throw new Rejected("must be " + allowed());
        }

        @Override
        public void check(T value) {}

        @Override
        public String format(T value) {
            return id.apply(value);
        }

        @Override
        public String allowed() {
            List<String> ids = values.stream().map(id).toList();
            return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
        }
    }

    private record Choices<T>(Choice<T> each) implements SettingType<Set<T>> {

        @Override
        public Set<T> parse(String text) throws Rejected {
            Set<T> chosen = new LinkedHashSet<>();
            for (String name : text.split(",")) {
                if (!name.isBlank()) {
                    chosen.add(each.parse(name));
                }
            }
            check(chosen);
            List<T> ordered = new ArrayList<>(each.values());
            ordered.retainAll(chosen);
            return Collections.unmodifiableSet(new LinkedHashSet<>(ordered));
        }

        @Override
        public void check(Set<T> value) throws Rejected {
            if (value.isEmpty()) {
                throw new Rejected("must be " + allowed());
            }
        }

        @Override
        public String format(Set<T> value) {
            return String.join(",", value.stream().map(each::format).toList());
        }

        @Override
        public String allowed() {
            return each.allowed() + ", comma-separated";
        }
    }

    private record Location() implements SettingType<String> {

        @Override
        public String parse(String text) throws Rejected {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                throw new Rejected("must be " + allowed());
            }
            String qualified = SCHEME.matcher(trimmed).matches()
                    ? trimmed
                    : "file:" + Path.of(trimmed).toAbsolutePath().normalize();
            while (qualified.endsWith("/") && !qualified.endsWith(":/") && !qualified.endsWith("://")) {
                qualified = qualified.substring(0, qualified.length() - 1);
            }
            return qualified;
        }

        @Override
        public void check(String value) throws Rejected {
            if (value.isBlank()) {
                throw new Rejected("must be " + allowed());
            }
        }

        @Override
        public String format(String value) {
            return value;
        }

        @Override
        public String allowed() {
            return "a path or a hdfs://, s3a://, file: URI";
        }
    }

    private record Text(String allowed) implements SettingType<String> {

        @Override
        public String parse(String text) {
            return text.strip();
        }

        @Override
        public void check(String value) {}

        @Override
        public String format(String value) {
            return value;
        }
    }
}
