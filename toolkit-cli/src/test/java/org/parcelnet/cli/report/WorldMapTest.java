package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class WorldMapTest {

    /** Area of the projected cell lon0..lon1 × lat0..lat1, by the shoelace formula on densely sampled edges. */
    static double projectedArea(double lon0, double lon1, double lat0, double lat1) {
        List<double[]> ring = new ArrayList<>();
        int k = 400;
        for (int i = 0; i < k; i++) {
            ring.add(WorldMap.project(lat0, lon0 + (lon1 - lon0) * i / k));
        }
        for (int i = 0; i < k; i++) {
            ring.add(WorldMap.project(lat0 + (lat1 - lat0) * i / k, lon1));
        }
        for (int i = 0; i < k; i++) {
            ring.add(WorldMap.project(lat1, lon1 - (lon1 - lon0) * i / k));
        }
        for (int i = 0; i < k; i++) {
            ring.add(WorldMap.project(lat1 - (lat1 - lat0) * i / k, lon0));
        }
        double a = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] p = ring.get(i);
            double[] q = ring.get((i + 1) % ring.size());
            a += p[0] * q[1] - q[0] * p[1];
        }
        return Math.abs(a) / 2;
    }

    @Test
    void equalEarthPreservesAreaOnTheUnitSphere() {
        // A cell of the unit sphere has area Δλ·(sin φ1 − sin φ0); an equal-area projection of the unit
        // sphere keeps it (the projection's constants are rounded to 6 decimals in the paper, hence 1e-4).
        double[][] cells = {{0, 10, 0, 10}, {-180, -150, 60, 84}, {100, 140, -50, -20}, {-20, 20, -5, 5}, {170, 180, 30, 45}};
        for (double[] c : cells) {
            double sphere = Math.toRadians(c[1] - c[0]) * (Math.sin(Math.toRadians(c[3])) - Math.sin(Math.toRadians(c[2])));
            double map = projectedArea(c[0], c[1], c[2], c[3]);
            assertEquals(sphere, map, 1e-4 * sphere + 1e-9, java.util.Arrays.toString(c));
        }
        // The whole sphere: 4π.
        assertEquals(4 * Math.PI, projectedArea(-180, 180, -90, 90), 1e-3);
    }

    @Test
    void equalEarthHasThePublishedExtent() {
        // Šavrič et al. 2019: the map of the unit sphere spans x ±2.7066 and y ±1.3174 (ratio about 2.05:1).
        assertEquals(2.7066, WorldMap.project(0, 180)[0], 1e-4);
        assertEquals(1.3174, WorldMap.project(90, 0)[1], 1e-4);
        assertEquals(-1.3174, WorldMap.project(-90, 0)[1], 1e-4);
        assertEquals(0, WorldMap.project(0, 0)[0], 0);
        // Meridians are symmetric curves: x(−λ) = −x(λ), and x shrinks towards the poles.
        assertEquals(-WorldMap.project(40, 75)[0], WorldMap.project(40, -75)[0], 1e-15);
        assertTrue(WorldMap.project(60, 90)[0] < WorldMap.project(30, 90)[0]);
    }

    static List<double[]> segments(String svg) {
        Matcher m = Pattern.compile("<path class=\"links\" d=\"([^\"]*)\"").matcher(svg);
        assertTrue(m.find());
        List<double[]> out = new ArrayList<>();
        Matcher s = Pattern.compile("M(-?[0-9.]+) (-?[0-9.]+)L(-?[0-9.]+) (-?[0-9.]+)").matcher(m.group(1));
        while (s.find()) {
            out.add(new double[] {Double.parseDouble(s.group(1)), Double.parseDouble(s.group(2)),
                Double.parseDouble(s.group(3)), Double.parseDouble(s.group(4))});
        }
        return out;
    }

    @Test
    void linksAcrossTheDateLineAreCutAtTheMapEdges() {
        // Nodes at lon 170 and −170 on the equator: 20 degrees apart across the 180th meridian.
        double[] lat = {0, 0, 10, 20};
        double[] lon = {170, -170, 0, 30};
        String svg = WorldMap.draw("t", "s", lat, lon, new int[] {0, 1, 2, 3}, List.of()).markup();
        List<double[]> seg = segments(svg);
        assertEquals(3, seg.size(), "the crossing link is two segments, the other one");
        double right = WorldMap.WIDTH;
        // first piece: from lon 170 to the right edge; second: from the left edge to lon −170; both at the equator
        assertEquals(right, seg.get(0)[2], 0.11);
        assertEquals(0, seg.get(1)[0], 0.11);
        assertEquals(seg.get(0)[3], seg.get(1)[1], 0.11, "they meet at the same latitude");
        double w0 = seg.get(0)[2] - seg.get(0)[0];
        double w1 = seg.get(1)[2] - seg.get(1)[0];
        assertEquals(w0, w1, 0.2, "10 degrees either side of the edge");
        assertTrue(w0 < WorldMap.WIDTH / 30.0);
    }

    @Test
    void oneMarkerPerHighlightEscapedAndWellFormed() throws Exception {
        double[] lat = {61.2, 48.9, Double.NaN};
        double[] lon = {-150, 2.3, Double.NaN};
        String evil = "</svg><script>alert(1)</script>";
        List<WorldMap.Marker> markers = List.of(new WorldMap.Marker("ANC" + evil, "Anchorage & \"co\"", 61.2, -150, WorldMap.Why.BOTH),
                new WorldMap.Marker("CDG", "Paris", 48.9, 2.3, WorldMap.Why.CENTRAL));
        Svg svg = WorldMap.draw("t" + evil, "s" + evil, lat, lon, new int[] {0, 1, 1, 2}, markers);
        String m = svg.markup();
        XmlCheck.parse(m);
        XmlCheck.assertSelfContained(m);
        assertFalse(m.contains("<script>"));
        assertEquals(2, XmlCheck.count(m, "<g class=\"choke "), "one marker each");
        assertEquals(1, segments(m).size(), "the link to the node without coordinates is left out");
        assertTrue(m.contains("data-node=\"ANC&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(m.contains("<title>Anchorage &amp; &quot;co&quot;</title>"));
        assertThrows(IllegalArgumentException.class, () -> WorldMap.draw("t", "s", lat, lon, new int[0],
                List.of(new WorldMap.Marker("X", "x", Double.NaN, 0, WorldMap.Why.CENTRAL))));
    }
}
