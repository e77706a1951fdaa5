package org.filmpalette.cluster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.filmpalette.color.DeltaE2000;
import org.filmpalette.ingest.AccentRegion;
import org.filmpalette.palette.Role;

/**
 * The accent candidates of one still, taken from its {@link AccentRegion}s: regions of one color (within ΔE2000
 * {@value #SAME_ACCENT}: the pieces of a patch of flowers, a beak and the feet) are grouped into one candidate, and a
 * candidate is kept when it is saturated (CIELAB chroma at least {@link Role#MIN_ACCENT_CHROMA}) and isolated in
 * color: the frame's pixels of a similar color are at most {@value #ISOLATION} times the candidate's own. That rules
 * out texture (lit grass blades, a crowd of similar figures): its salient pieces are a few of many pixels of that
 * color. Candidates are ranked by prominence, contrast against the surround × √pixels.
 */
public final class AccentCandidates {

    /** Two accents closer than this (ΔE2000) are the same accent: one of them enters a palette. */
    static final double DISTINCT = 15.0;
    /** Two regions closer than this (ΔE2000) are pieces of one accent. */
    static final double SAME_ACCENT = 8.0;
    /** Largest share of the frame a candidate holds: larger colors are the clustering's to find. */
    static final double MAX_SHARE = 0.02;
    /** Smallest mean contrast (CIELAB distance to the surroundings) of a candidate's pixels. */
    static final double MIN_CONTRAST = 30.0;
    /** Most pixels of a similar color per pixel of the candidate's regions. */
    static final double ISOLATION = 4.0;

    private AccentCandidates() {}

    /** One accent candidate: its mean CIELAB color, pixels, and prominence. */
    public record Candidate(double l, double a, double b, int pixels, double prominence) {

        double[] lab() {
            return new double[] {l, a, b};
        }
    }

    /**
     * The candidates of a still's regions in a frame of {@code framePixels} pixels, most prominent first (ties by
     * color, so the order is deterministic); a candidate holds less than {@link Role#MAX_ACCENT_SHARE} of the frame.
     */
    public static List<Candidate> of(List<AccentRegion> regions, int framePixels) {
        final class Group {
            double l;
            double a;
            double b;
            double contrast;
            int pixels;
            int similar;

            void add(AccentRegion region) {
                int total = pixels + region.pixels();
                l = (l * pixels + region.l() * region.pixels()) / total;
                a = (a * pixels + region.a() * region.pixels()) / total;
                b = (b * pixels + region.b() * region.pixels()) / total;
                contrast = (contrast * pixels + region.contrast() * region.pixels()) / total;
                pixels = total;
                similar = Math.max(similar, region.similarPixels());
            }
        }
        List<Group> groups = new ArrayList<>();
        for (AccentRegion region : regions) {
            Group joined = null;
            for (Group group : groups) {
                if (DeltaE2000.between(group.l, group.a, group.b, region.l(), region.a(), region.b()) < SAME_ACCENT) {
                    joined = group;
                    break;
                }
            }
            if (joined == null) {
                joined = new Group();
                groups.add(joined);
            }
            joined.add(region);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Group group : groups) {
            if (Math.hypot(group.a, group.b) >= Role.MIN_ACCENT_CHROMA && group.similar <= ISOLATION * group.pixels
                    && group.pixels <= MAX_SHARE * framePixels && group.contrast >= MIN_CONTRAST) {
                candidates.add(new Candidate(group.l, group.a, group.b, group.pixels, group.contrast));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::prominence).reversed()
                .thenComparingDouble(Candidate::l).thenComparingDouble(Candidate::a)
                .thenComparingDouble(Candidate::b));
        return candidates;
    }
}
