package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class RouteMapTest {

    static final String XSS = "</script><!--\u2028<b onmouseover=alert(1)>";

    @Test
    void albersMatchesSnydersWorkedExample() {
        // Snyder 1987, Map Projections - A Working Manual, p. 291 (sphere, R = 1): phi1 29.5, phi2 45.5,
        // phi0 23, lambda0 -96; the point 35N 75W projects to x = 0.2952720, y = 0.2416774.
        double[] xy = RouteMap.albers(35, -75, 29.5, 45.5, 23, -96);
        assertEquals(0.2952720, xy[0], 1e-7);
        assertEquals(0.2416774, xy[1], 1e-7);
        // this map's parameters: the central meridian maps to x = 0, and the projection keeps order
        assertEquals(0, RouteMap.albers(30, 105)[0], 1e-12);
        assertTrue(RouteMap.albers(30, 110)[0] > 0);
        assertTrue(RouteMap.albers(40, 105)[1] > RouteMap.albers(30, 105)[1]);
    }

    @Test
    void onePathPerRouteWithWidthProportionalToVolumeAndEscapedText() throws Exception {
        List<RouteMap.Route> routes = List.of(
                new RouteMap.Route("Yunnan > Sichuan", new double[] {24.01, 30.57}, new double[] {97.85, 104.07}, 40, 0, 1),
                new RouteMap.Route(XSS, new double[] {21.55, 22.82, 23.13}, new double[] {107.97, 108.37, 113.26}, 10, 1, 2),
                new RouteMap.Route("no ring", new double[] {24.01, 25.04}, new double[] {97.85, 102.71}, 20, -1, 3));
        List<RouteMap.Place> places = List.of(new RouteMap.Place("Ruili", 24.01, 97.85, RouteMap.Kind.BORDER_ENTRY, 50),
                new RouteMap.Place(XSS, 25.04, 102.71, RouteMap.Kind.TRANSIT_HUB, 20),
                new RouteMap.Place("Chengdu", 30.57, 104.07, RouteMap.Kind.DESTINATION, 40));
        String m = RouteMap.draw("Routes " + XSS, "alt " + XSS, places, routes, 5).markup();
        XmlCheck.parse(m);
        XmlCheck.assertSelfContained(m);
        assertFalse(m.contains(XSS) || m.contains("<b ") || m.contains("</script>") || m.contains("<!--"), m);
        assertTrue(m.contains("&lt;/script&gt;&lt;!--"));
        Matcher path = Pattern.compile("<path class=\"route\" data-route=\"(\\d+)\" stroke=\"(#[0-9a-f]{6})\" "
                + "stroke-opacity=\"0.75\" stroke-width=\"([0-9.]+)\" d=\"M[^\"]*\"").matcher(m);
        List<String> seen = new ArrayList<>();
        double[] width = new double[4];
        String[] colour = new String[4];
        while (path.find()) {
            int id = Integer.parseInt(path.group(1));
            seen.add(path.group(1));
            colour[id] = path.group(2);
            width[id] = Double.parseDouble(path.group(3));
        }
        assertEquals(List.of("1", "3", "2"), seen, "one path per route, widest drawn first");
        // width = 0.8 + 9.2 * volume / max volume
        assertEquals(10.0, width[1], 0.05);
        assertEquals(0.8 + 9.2 * 10 / 40, width[2], 0.05);
        assertEquals(0.8 + 9.2 * 20 / 40, width[3], 0.05);
        assertEquals(RouteMap.ringColour(0), colour[1]);
        assertEquals(RouteMap.ringColour(1), colour[2]);
        assertEquals("#8c959f", colour[3], "outside rings: grey");
        Matcher leg = Pattern.compile("Q-?\\d").matcher(m);
        int legs = 0;
        while (leg.find()) {
            legs++;
        }
        assertEquals(1 + 2 + 1, legs, "a curved arc per leg");
    }

    @Test
    void outlineIsLoadedWithChinaAndAttributed() {
        String m = RouteMap.draw("empty", "empty map", List.of(), List.of(), 0).markup();
        assertTrue(XmlCheck.count(m, "class=\"china\"") >= 1, "China's outline");
        assertTrue(XmlCheck.count(m, "class=\"other\"") >= 10, "its neighbours");
        assertTrue(m.contains("Made with Natural Earth"));
        assertEquals(0, XmlCheck.count(m, "class=\"route\""));
    }
}
