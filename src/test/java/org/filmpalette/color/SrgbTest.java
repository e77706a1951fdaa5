package org.filmpalette.color;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrgbTest {

    @Test
    void packClampsEachChannel() {
        assertEquals(0x12ff00, Srgb.pack(0x12, 300, -5));
    }

    @Test
    void channelAccessorsIgnoreAlpha() {
        int argb = 0x80123456;
        assertEquals(0x12, Srgb.red(argb));
        assertEquals(0x34, Srgb.green(argb));
        assertEquals(0x56, Srgb.blue(argb));
    }

    @Test
    void packRoundedRoundsAndClamps() {
        assertEquals(0x00ff80, Srgb.packRounded(-20.0, 300.0, 127.5));
        assertEquals(0x000000, Srgb.packRounded(Double.NaN, Double.NEGATIVE_INFINITY, 0.4));
    }

    @Test
    void toLinearFollowsTheIecCurve() {
        assertEquals(0.0, Srgb.toLinear(0));
        assertEquals(1.0, Srgb.toLinear(255), 1e-15);
        assertEquals(10.0 / 255.0 / 12.92, Srgb.toLinear(10), 1e-15);
        assertEquals(0.2158605, Srgb.toLinear(128), 1e-7);
        assertEquals(0.2158605, Srgb.toLinear(128 / 255.0), 1e-7);
    }

    @Test
    void lookupTableMatchesCurveAndInvertsExactly() {
        for (int channel = 0; channel <= 255; channel++) {
            assertEquals(Srgb.toLinear(channel / 255.0), Srgb.toLinear(channel), "channel " + channel);
            assertEquals(channel, Srgb.fromLinear(Srgb.toLinear(channel)), "channel " + channel);
        }
    }

    @Test
    void fromLinearClampsOutOfRangeAndNaN() {
        assertEquals(0, Srgb.fromLinear(-0.5));
        assertEquals(255, Srgb.fromLinear(2.0));
        assertEquals(0, Srgb.fromLinear(Double.NaN));
    }

    @Test
    void toLinearRejectsChannelOutsideByteRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Srgb.toLinear(256));
        assertEquals("Invalid sRGB channel: 256 (must be between 0 and 255)", e.getMessage());
    }

    @Test
    void hexIsLowercaseSixDigitsWithoutAlpha() {
        assertEquals("#ff8000", Srgb.hex(0xff8000));
        assertEquals("#000000", Srgb.hex(0));
        assertEquals("#0a0b0c", Srgb.hex(0xff0a0b0c));
    }

    @Test
    void parseHexAcceptsLongBareAndShortForms() {
        assertEquals(0xff8000, Srgb.parseHex("#ff8000"));
        assertEquals(0xff8000, Srgb.parseHex("FF8000"));
        assertEquals(0xaabbcc, Srgb.parseHex("#aBc"));
        assertEquals(0x000000, Srgb.parseHex("#000"));
    }

    @Test
    void hexRoundTripsEveryGridColor() {
        for (int rgb : RgbGrid.colors()) {
            assertEquals(rgb, Srgb.parseHex(Srgb.hex(rgb)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "#", "#12", "abc", "#12345", "#1234567", "#12345g", "+12345", "#+1234", " #ffffff"})
    void parseHexRejectsMalformedValueNamingIt(String hex) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Srgb.parseHex(hex));
        assertEquals("Invalid hex color: \"" + hex + "\" (must be #rrggbb, rrggbb or #rgb)", e.getMessage());
    }

    @Test
    void parseHexRejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Srgb.parseHex(null));
        assertEquals("Invalid hex color: null (must be #rrggbb, rrggbb or #rgb)", e.getMessage());
    }
}
