package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;

class ChartsTest {

    static final String XSS = "<script>alert(1)</script>";

    static void assertGoodSvg(Svg svg) throws Exception {
        String m = svg.markup();
        assertTrue(m.startsWith("<svg"), m.substring(0, Math.min(80, m.length())));
        assertTrue(m.endsWith("</svg>"));
        assertTrue(m.contains("viewBox"));
        XmlCheck.parse(m);
        XmlCheck.assertSelfContained(m);
    }

    /** A directed ring: source s → transit t1, t2 → distributor d → retailers r1..r3, plus a cycle back. */
    static LabeledGraph ring(String firstLabel) {
        IdMap<String> ids = new IdMap<>();
        for (String s : new String[] {firstLabel, "P-TRANSIT1AAAAAAAA", "P-TRANSIT2AAAAAAAA", "P-DISTRIBAAAAAAAAA",
                "P-RETAIL1AAAAAAAAA", "P-RETAIL2AAAAAAAAA", "P-RETAIL3AAAAAAAAA"}) {
            ids.intern(s);
        }
        CompactGraphBuilder b = CompactGraphBuilder.directed(7);
        b.addEdge(0, 1, 10).addEdge(0, 2, 4).addEdge(1, 3, 9).addEdge(2, 3, 3).addEdge(3, 4, 5).addEdge(3, 5, 2)
                .addEdge(3, 6, 1).addEdge(6, 0, 1);
        return new LabeledGraph(b.build(), ids);
    }

    static final List<String> TIERS = List.of("source", "transit", "transit", "distributor", "retailer", "retailer", "retailer");

    @Test
    void degreeDistributionPlotsOnePointPerDistinctPositiveDegree() throws Exception {
        // degrees 1,1,2,3,3,3 and one isolated node: points (1,2), (2,1), (3,3); subtitle for the zero.
        Svg svg = Charts.degreeDistribution("Degree distribution", new double[] {1, 3, 1, 0, 2, 3, 3});
        assertGoodSvg(svg);
        assertEquals(3, XmlCheck.count(svg.markup(), "fill:rgb(0,114,178)"), "three points in the series colour");
        assertTrue(svg.markup().contains("1 node of degree 0 not shown"));
        assertTrue(svg.markup().contains(">degree<"));
    }

    @Test
    void coordinatesHaveAtMostTwoDecimals() {
        assertEquals("0", Charts.geometry(0.004));
        assertEquals("0", Charts.geometry(-0.004));
        assertEquals("1.5", Charts.geometry(1.5));
        assertEquals("1.05", Charts.geometry(1.0499999));
        assertEquals("-610.23", Charts.geometry(-610.227294921875));
        assertEquals("343", Charts.geometry(342.999));
        assertEquals("12.07", Charts.geometry(12.07));
        // a scatter of 2,000 distinct degrees stays small: under 300 bytes a point (over 600 with full doubles)
        double[] degrees = new double[2000];
        for (int i = 0; i < degrees.length; i++) {
            degrees[i] = i + 1;
        }
        String m = Charts.degreeDistribution("d", degrees).markup();
        assertEquals(2000, XmlCheck.count(m, "fill:rgb(0,114,178)"), "one dot per degree");
        assertTrue(m.length() < 300 * 2000 + 20_000, "size " + m.length());
    }

    @Test
    void communityBinsDouble() {
        int[] sizes = {1, 2, 3, 4, 5, 8, 9, 16, 17, 1 << 20};
        int[] bins = {0, 1, 2, 2, 3, 3, 4, 4, 5, 20};
        for (int i = 0; i < sizes.length; i++) {
            assertEquals(bins[i], Charts.binOf(sizes[i]), "size " + sizes[i]);
        }
        assertEquals("1", Charts.binLabel(0));
        assertEquals("2", Charts.binLabel(1));
        assertEquals("3\u20134", Charts.binLabel(2));
        assertEquals("9\u201316", Charts.binLabel(4));
    }

    @Test
    void communitySizeHistogramHasOneBarPerBinUpToTheLargest() throws Exception {
        // sizes 1,1,1,2,7 → bins "1":3, "2":1, "3–4":0, "5–8":1 → four categories, three non-empty bars.
        Svg svg = Charts.communitySizes("Community sizes", new int[] {1, 7, 1, 2, 1});
        assertGoodSvg(svg);
        for (String label : new String[] {">1<", ">2<", ">3\u20134<", ">5\u20138<"}) {
            assertTrue(svg.markup().contains(label), label);
        }
        assertFalse(svg.markup().contains(">9\u201316<"));
        assertThrows(IllegalArgumentException.class, () -> Charts.communitySizes("x", new int[] {0}));
    }

    @Test
    void heatMapColoursCellsOnALogScaleAndEscapesLabels() throws Exception {
        List<String> provinces = List.of("云南", "四川", XSS);
        double[][] flow = {{0, 100, 1}, {10, 0, 0}, {0, 0, 1000}};
        Svg svg = Charts.flowHeatMap("Flows", provinces, flow);
        assertGoodSvg(svg);
        assertTrue(svg.markup().contains("云南"));
        assertFalse(svg.markup().contains(XSS));
        assertTrue(svg.markup().contains("&lt;script&gt;"));
        Charts.LogPaintScale s = new Charts.LogPaintScale(3); // log10(1000)
        assertEquals(new Color(0xFEE8C8), s.getPaint(0));
        assertEquals(new Color(0x7F0000), s.getPaint(3));
        assertEquals(new Color(0xFC8D59), s.getPaint(1.5), "middle of the ramp");
        assertEquals(new Color(0x7F0000), s.getPaint(7), "clamped");
        assertEquals("1,000", new Charts.PowerOfTenFormat().format(3.0));
        assertEquals("1", new Charts.PowerOfTenFormat().format(0.0));
        // Three non-zero cells of the 3×3 flows get the darkest colour only for the maximum (1000).
        assertEquals(1, XmlCheck.count(svg.markup(), "fill:rgb(127,0,0)"));
        assertThrows(IllegalArgumentException.class, () -> Charts.flowHeatMap("x", provinces, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class,
                () -> Charts.flowHeatMap("x", List.of("a"), new double[][] {{-1}}));
    }

    @Test
    void ringDiagramColoursByTierLabelsByPseudonymAndIsDeterministic() throws Exception {
        LabeledGraph g = ring(XSS);
        Svg a = Charts.ringDiagram("Ring 1", g, TIERS, 7);
        assertGoodSvg(a);
        String m = a.markup();
        assertEquals(a.markup(), Charts.ringDiagram("Ring 1", g, TIERS, 7).markup(), "same seed, same drawing");
        assertNotEquals(m, Charts.ringDiagram("Ring 1", g, TIERS, 8).markup(), "another seed, another layout");
        assertFalse(m.contains(XSS));
        assertTrue(m.contains("&lt;script&gt;"));
        // 7 node circles + 4 legend circles; 8 links; arrowheads for a directed ring.
        assertEquals(7 + 4, XmlCheck.count(m, "<circle"));
        assertEquals(8, XmlCheck.count(m, "<line"));
        assertEquals(8, XmlCheck.count(m, "marker-end"));
        assertEquals(1 + 1, XmlCheck.count(m, "fill=\"#d55e00\""), "one source node + legend");
        assertEquals(3 + 1, XmlCheck.count(m, "fill=\"#009e73\""), "three retailers + legend");
        assertTrue(m.contains(">P-TRANSIT1\u2026<"), "labels cut to 10 characters");
        assertTrue(m.contains("<title>P-TRANSIT1AAAAAAAA (transit)</title>"), "full pseudonym in the tooltip");
        assertTrue(m.contains("7 nodes, 8 links"));
    }

    @Test
    void largeRingsAreCutToTheStrongestNodes() throws Exception {
        int n = Charts.MAX_RING_NODES + 50;
        IdMap<String> ids = new IdMap<>();
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int v = 0; v < n; v++) {
            ids.intern("N" + v);
            if (v > 0) {
                b.addEdge(0, v, 1);
            }
        }
        List<String> tiers = new ArrayList<>(Collections.nCopies(n, (String) null));
        Svg svg = Charts.ringDiagram("Star", new LabeledGraph(b.build(), ids), tiers, 1);
        assertGoodSvg(svg);
        assertTrue(svg.markup().contains("the 200 strongest of 250"));
        assertEquals(Charts.MAX_RING_NODES + 1, XmlCheck.count(svg.markup(), "<circle"), "nodes + 'no tier' legend");
        assertEquals(Charts.MAX_RING_NODES - 1, XmlCheck.count(svg.markup(), "<line"));
    }

    @Test
    void barChartsRenderAndEscape() throws Exception {
        Svg bars = Charts.barChart("Top leads", "score", List.of("P-A", XSS, "P-A"), new double[] {3, 2, 1});
        assertGoodSvg(bars);
        assertFalse(bars.markup().contains(XSS));
        assertTrue(bars.markup().contains("P-A (2)"), "repeated labels kept apart");
        Svg ba = Charts.beforeAfter("Interdiction", "reachable pairs", List.of("cut 1", "cut 2"), new double[] {40, 40},
                new double[] {12, 3});
        assertGoodSvg(ba);
        assertTrue(ba.markup().contains(">before<") && ba.markup().contains(">after<"), "legend");
        assertThrows(IllegalArgumentException.class, () -> Charts.barChart("x", "y", List.of("a"), new double[0]));
    }

    /** One chart of every kind, with data. */
    static List<Svg> everyKindOfChart() {
        List<Svg> all = new ArrayList<>();
        all.add(Charts.degreeDistribution("Degrees", new double[] {1, 3, 1, 0, 2, 3, 3}));
        all.add(Charts.communitySizes("Sizes", new int[] {1, 7, 1, 2, 1}));
        all.add(Charts.flowHeatMap("Flows", List.of("a", "b"), new double[][] {{0, 5}, {100, 1}}));
        all.add(Charts.ringDiagram("Ring", ring("P-SOURCEAAAAAAAAAA"), TIERS, 3));
        all.add(Charts.barChart("Bars", "v", List.of("a", "b"), new double[] {1, 2}));
        all.add(Charts.beforeAfter("BA", "v", List.of("a"), new double[] {4}, new double[] {1}));
        var curve = new org.parcelnet.interdiction.Disruption.Curve(org.parcelnet.interdiction.Disruption.Strategy.DEGREE,
                org.parcelnet.interdiction.Disruption.Adaptation.NONE,
                List.of(new org.parcelnet.interdiction.Disruption.Point(0, 0, -1, 10, 10, 5, 10, 0),
                        new org.parcelnet.interdiction.Disruption.Point(1, 1, 2, 4, 4, 3, 3, 0)));
        all.add(Charts.robustness(List.of(curve), true, org.parcelnet.interdiction.Disruption.Adaptation.NONE));
        return all;
    }

    @Test
    void chartFramesFollowThePageTheme() throws Exception {
        java.util.regex.Pattern fill = java.util.regex.Pattern.compile("fill:\\s*([^;'\"]+)");
        for (Svg svg : everyKindOfChart()) {
            String m = svg.markup();
            assertGoodSvg(svg);
            String head = m.substring(0, 60);
            // Every text is drawn in the page's ink (or muted ink), so it stays readable on a dark card.
            org.w3c.dom.NodeList texts = XmlCheck.parse(m).getElementsByTagName("text");
            assertTrue(texts.getLength() > 0, head);
            for (int i = 0; i < texts.getLength(); i++) {
                String style = ((org.w3c.dom.Element) texts.item(i)).getAttribute("style");
                java.util.regex.Matcher f = fill.matcher(style);
                assertTrue(f.find(), "text without a themed fill in " + head + ": " + style);
                assertTrue(f.group(1).trim().startsWith("var(--ink,") || f.group(1).trim().startsWith("var(--muted,"),
                        head + ": " + style);
            }
            // The background is the page's card colour, not a fixed white.
            org.w3c.dom.Element first = (org.w3c.dom.Element) XmlCheck.parse(m).getElementsByTagName("rect").item(0);
            assertTrue(first.getAttribute("style").contains("var(--card,#ffffff)"), head + ": " + first.getAttribute("style"));
            assertFalse(m.contains("rgb(255,255,255)") || m.contains("#ffffff\""), "no fixed white in " + head);
            assertFalse(m.contains("fill:rgb(0,0,0)") || m.contains("fill: rgb(0,0,0)"), "no fixed black text in " + head);
            for (String sentinel : new String[] {"rgb(254,254,253)", "rgb(1,2,3)", "rgb(121,122,123)", "rgb(222,223,224)"}) {
                assertFalse(m.contains(sentinel), sentinel + " left in " + head);
            }
        }
        // Data colours are not themed: the bars keep their colour.
        assertTrue(everyKindOfChart().get(4).markup().contains("fill:rgb(0,114,178)"));
    }

    @Test
    void everyChartRendersWithEmptyData() throws Exception {
        Svg[] empty = {
            Charts.degreeDistribution("Degrees", new double[0]),
            Charts.communitySizes("Sizes", new int[0]),
            Charts.flowHeatMap("Flows", List.of(), new double[0][0]),
            Charts.flowHeatMap("Flows", List.of("a", "b"), new double[2][2]),
            Charts.ringDiagram("Ring", new LabeledGraph(CompactGraphBuilder.directed(0).build(), new IdMap<>()), List.of(), 1),
            Charts.barChart("Bars", "v", List.of(), new double[0]),
            Charts.beforeAfter("BA", "v", List.of(), new double[0], new double[0]),
        };
        for (Svg s : empty) {
            assertGoodSvg(s);
            assertTrue(s.markup().contains("no data"), s.markup().substring(0, 200));
        }
        IdMap<String> one = new IdMap<>();
        one.intern("P-ONLY");
        assertGoodSvg(Charts.ringDiagram("One", new LabeledGraph(CompactGraphBuilder.undirected(1).build(), one),
                List.of("source"), 1));
    }
}
