package org.filmpalette.palette;

import java.util.List;
import java.util.Locale;

import org.filmpalette.color.DeltaE2000;

/**
 * What a palette color is for the picture: the {@code role} field of the tables' {@code colors}.
 *
 * <p>A color is an {@link #ACCENT} when it holds less than {@value #MAX_ACCENT_SHARE} of the pixels, its CIELAB
 * chroma is at least {@value #MIN_ACCENT_CHROMA}, and it is at least ΔE2000 {@value #MIN_ACCENT_DISTANCE} from every
 * color of the palette holding {@value #MAX_ACCENT_SHARE} or more: a small, saturated color that no large color
 * stands for (a red lamp, a blue mat, a character's eyes). Every other color is {@link #DOMINANT}. The definition
 * depends on the palette alone (colors and shares), so still and film palettes of every algorithm and mode get
 * roles the same way, and roles can be derived again for rows written before the field existed. Its thresholds are
 * those of the accent pass ({@link org.filmpalette.cluster.AccentPreservingFitter}), so a color the pass swaps in is
 * an accent unless it grew to {@value #MAX_ACCENT_SHARE} of the pixels.
 */
public enum Role {
    /** A color that stands for a large part of the picture, or a small one that is muted or near a large color. */
    DOMINANT,
    /** A small, saturated color distinct from every large color of its palette. */
    ACCENT;

    /** Shares below this may be accents; colors at or above it are the large colors accents must differ from. */
    public static final double MAX_ACCENT_SHARE = 0.05;
    /** Smallest CIELAB chroma of an accent. */
    public static final double MIN_ACCENT_CHROMA = 30.0;
    /** Smallest ΔE2000 from an accent to every large color. */
    public static final double MIN_ACCENT_DISTANCE = 10.0;

    /** The value stored in the tables: {@code dominant} or {@code accent}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id} ({@code dominant} or {@code accent}, any case). */
    public static Role parse(String id) {
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id)) {
                return role;
            }
        }
        throw new IllegalArgumentException("Invalid role: " + id + " (must be dominant or accent)");
    }

    /** The role of {@code swatch} in a palette of {@code swatches} (which may include it), by the definition above. */
    public static Role of(Swatch swatch, List<Swatch> swatches) {
        if (swatch.share() >= MAX_ACCENT_SHARE || Math.hypot(swatch.labA(), swatch.labB()) < MIN_ACCENT_CHROMA) {
            return DOMINANT;
        }
        for (Swatch other : swatches) {
            if (other.share() >= MAX_ACCENT_SHARE && DeltaE2000.between(swatch.labL(), swatch.labA(), swatch.labB(),
                    other.labL(), other.labA(), other.labB()) < MIN_ACCENT_DISTANCE) {
                return DOMINANT;
            }
        }
        return ACCENT;
    }
}
