package org.filmpalette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;

import org.filmpalette.color.ColorSpace;
import org.filmpalette.palette.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kinds of setting values: what each reads, what it refuses and with which reason, how it writes values back. */
class SettingTypesTest {

    @Test
    void choicesIgnoreCaseAndSurroundingSpace() {
        assertEquals(ColorSpace.RGB, JobSettings.COLOR_SPACE.parse("RGB"));
        assertEquals(ColorSpace.HSV, JobSettings.COLOR_SPACE.parse(" Hsv "));
        assertEquals(Order.HUE, JobSettings.ORDER.parse("hue"));
        assertEquals("luminance", JobSettings.ORDER.type().format(Order.LUMINANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "LAB2", "xyz", "l ab"})
    void choicesRefuseNearMissesNamingTheFlagAndTheValue(String text) {
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> JobSettings.COLOR_SPACE.parse(text));
        assertEquals("Invalid --color-space: " + (text.isEmpty() ? "\"\"" : text) + " (must be lab, rgb or hsv)",
                error.getMessage());
    }

    @Test
    void aListOfChoicesKeepsDeclarationOrderAndRefusesAnEmptyList() {
        assertEquals(List.of(Algorithm.KMEANS, Algorithm.GRID),
                List.copyOf(JobSettings.ALGORITHMS.parse("grid, kmeans,,grid")));
        assertEquals("kmeans,bisecting",
                JobSettings.ALGORITHMS.type().format(EnumSet.of(Algorithm.BISECTING, Algorithm.KMEANS)));
        assertEquals("Invalid --algorithms: , (must be kmeans, bisecting or grid, comma-separated)",
                assertThrows(ConfigurationException.class, () -> JobSettings.ALGORITHMS.parse(",")).getMessage());
    }

    @Test
    void wholeNumbersAreCheckedAgainstTheirRangeAsTextAndAsValues() {
        SettingType<Integer> k = SettingTypes.integer(2, 64);
        assertEquals("between 2 and 64", k.allowed());
        assertEquals("at least 1", SettingTypes.wholeNumber(1, Long.MAX_VALUE).allowed());
        assertEquals("a whole number", SettingTypes.wholeNumber(Long.MIN_VALUE, Long.MAX_VALUE).allowed());
        assertEquals("Invalid --k: 99999999999 (must be between 2 and 64)",
                assertThrows(ConfigurationException.class, () -> JobSettings.K.parse("99999999999")).getMessage());
        assertEquals("Invalid --k: 2.5 (not a whole number)",
                assertThrows(ConfigurationException.class, () -> JobSettings.K.parse("2.5")).getMessage());
        assertEquals("Invalid --top-k: 65 (must be between 2 and 64)",
                assertThrows(ConfigurationException.class, () -> JobSettings.K.check(65, "--top-k")).getMessage());
        assertEquals(12, JobSettings.K.check(12, "--k"));
    }

    @Test
    void decimalsAndLocationsAreWrittenAsTheyReadBack() {
        assertEquals(0.5, JobSettings.FPS.parse("0.5"));
        assertEquals("24", JobSettings.FPS.type().format(24.0));
        assertEquals("above 0 and at most 120", JobSettings.FPS.type().allowed());
        assertEquals("hdfs://nn/archive", JobSettings.INPUT.parse("hdfs://nn/archive/"));
        assertEquals("file:/archive/frames", JobSettings.INPUT.parse("/archive/./frames/"));
    }
}
