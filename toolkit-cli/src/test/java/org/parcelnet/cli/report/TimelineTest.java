package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class TimelineTest {

    static final long DAY = 86_400;

    @Test
    void laneHistogramsCountEveryParcelOnOneTimeAxis() throws Exception {
        long t0 = 1_700_000_000L;
        // a wave: 3 source parcels on day 0, 2 transit parcels on day 1, 1 retailer parcel on day 71
        List<long[]> times = List.of(new long[] {t0, t0 + 60, t0 + 120}, new long[] {t0 + DAY, t0 + DAY + 5},
                new long[0], new long[] {t0 + 71 * DAY});
        String m = Timeline.draw("wave", "alt", List.of("source", "transit", "distributor", "retailer"), times).markup();
        XmlCheck.parse(m);
        XmlCheck.assertSelfContained(m);
        // 72 bins over 71 days + 1 s: day 0 in bin 0, day 1 in bin 0 or 1, day 71 in the last bin
        Matcher bar = Pattern.compile("<title>(\\w+): (\\d+) parcels from").matcher(m);
        int[] perLane = new int[4];
        List<String> lanes = List.of("source", "transit", "distributor", "retailer");
        while (bar.find()) {
            perLane[lanes.indexOf(bar.group(1))] += Integer.parseInt(bar.group(2));
        }
        assertEquals(3, perLane[0]);
        assertEquals(2, perLane[1]);
        assertEquals(0, perLane[2]);
        assertEquals(1, perLane[3]);
        assertTrue(m.contains("fill=\"#d55e00\"") && m.contains("fill=\"#009e73\""), "tier colours of the ring diagram");
    }

    @Test
    void laneNamesAreEscapedAndEmptyDataDraws() throws Exception {
        String xss = "</script><!--\u2028<b>";
        String m = Timeline.draw(xss, xss, List.of(xss), List.of(new long[] {5, 6})).markup();
        XmlCheck.parse(m);
        assertFalse(m.contains("<b>") || m.contains("</script>") || m.contains("<!--"));
        String empty = Timeline.draw("none", "none", List.of("source"), List.of(new long[0])).markup();
        assertTrue(empty.contains("no parcels"));
    }
}
