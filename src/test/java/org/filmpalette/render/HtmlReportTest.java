package org.filmpalette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.filmpalette.palette.Order;
import org.filmpalette.palette.Palette;
import org.filmpalette.query.PaletteReader.Still;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    @Test
    void longFilmsShowEvenlySpacedThumbnailsFromFirstToLastStill() {
        Palette gray = Palette.of(new int[] {0x808080}, new double[] {1}, Order.DOMINANCE);
        List<Still> stills = new ArrayList<>();
        for (int i = 0; i < 7200; i++) {
            stills.add(new Still(String.format("frame_%05d", i), gray));
        }
        List<Still> shown = HtmlReport.evenlySpaced(stills, HtmlReport.MAX_THUMBNAILS);
        assertEquals(HtmlReport.MAX_THUMBNAILS, shown.size());
        assertEquals("frame_00000", shown.get(0).frameId());
        assertEquals("frame_07199", shown.get(shown.size() - 1).frameId());
        assertEquals("frame_00153", shown.get(1).frameId());
        assertEquals(stills.subList(0, 5), HtmlReport.evenlySpaced(stills.subList(0, 5), HtmlReport.MAX_THUMBNAILS));
    }

    @Test
    void filmIdsBecomeSafeAnchorsAndEscapedText() {
        assertEquals("film-heat_1995-a", HtmlReport.anchor("heat_1995-a"));
        assertEquals("film-la.20.22x.22", HtmlReport.anchor("la \"x\""));
        assertEquals("&lt;b&gt; &amp; &quot;q&quot; &#39;s", HtmlReport.escape("<b> & \"q\" 's"));
    }
}
