package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraphBuilder;

/**
 * {@code interdict --report} read in HtmlUnit: the page loads with no request but its own, the world
 * map has exactly one marker per node picked by any method (the union of interdiction.csv's rows),
 * and node ids and labels that try to break out of the markup stay text.
 */
class InterdictReportTest {

    static final String HOSTILE_ID = "H</script><img src=x onerror=alert(1)>";
    static final String HOSTILE_LABEL = "Hub <b>bold</b> & \"quoted\" </svg><script>alert(2)</script>";

    @TempDir
    Path dir;

    /** Distinct nodes of interdiction.csv, in file order. */
    static Set<String> pickedNodes(Path csv) throws Exception {
        Set<String> nodes = new LinkedHashSet<>();
        try (var r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                nodes.add(rec.get("party"));
            }
        }
        return nodes;
    }

    static List<String> markers(HtmlPage page) {
        return page.querySelectorAll("svg.world g.chokepoints g.choke").stream()
                .map(n -> ((DomElement) n).getAttribute("data-node")).toList();
    }

    @Test
    void theHostileHubIsOneEscapedMarkerAndThePageStaysOffline() throws Exception {
        // Two triangles joined only through the hub H, linked to all six of their nodes (the one cut
        // vertex between them: top by betweenness and the first key player); c hangs on b2 and has no
        // coordinates, so it is left off the map.
        Path edges = dir.resolve("edges.csv");
        StringBuilder csv = new StringBuilder("source,target\na1,a2\na2,a3\na3,a1\nb1,b2\nb2,b3\nb3,b1\nb2,c\n");
        for (String v : new String[] {"a1", "a2", "a3", "b1", "b2", "b3"}) {
            csv.append('"').append(HOSTILE_ID).append("\",").append(v).append('\n');
        }
        Files.writeString(edges, csv.toString());
        Path nodes = dir.resolve("nodes.csv");
        Files.writeString(nodes, "node,label,lat,lon,region\na1,Alpha one,48.9,2.3,Europe\na2,Alpha two,51.5,-0.1,Europe\n"
                + "a3,Alpha three,52.5,13.4,Europe\n\"" + HOSTILE_ID + "\",\"" + HOSTILE_LABEL.replace("\"", "\"\"")
                + "\",61.2,-150.0,North America\nb1,Beta one,35.7,139.7,Asia\nb2,Beta two,-33.9,151.2,Oceania\n"
                + "b3,Beta three,1.35,103.99,Asia\nc,No place,,,\n");
        Path out = dir.resolve("r");
        CliTestSupport.Run run = CliTestSupport.run("interdict", "--graph", edges.toString(), "--nodes", nodes.toString(),
                "--budget", "2", "--report", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out.resolve("report.html"));
        assertFalse(html.contains("<img src=x") || html.contains("<b>bold</b>") || html.contains("</svg><script>"),
                "input never raw in the page");
        Set<String> picked = pickedNodes(out.resolve("interdiction.csv"));
        assertTrue(picked.contains(HOSTILE_ID), "the cut vertex is picked: " + picked);
        try (ReportBrowserTest.Browser b = new ReportBrowserTest.Browser(html)) {
            HtmlPage page = b.open();
            assertEquals(List.of(ReportBrowserTest.PAGE), b.requests, "no request but the page itself");
            assertEquals("1", page.getDocumentElement().getAttribute("data-ready"), "the script ran to the end");
            assertTrue(b.alerts.isEmpty(), "no injected script ran: " + b.alerts);
            assertTrue(page.querySelectorAll("img").isEmpty(), "no injected element");
            List<String> markers = markers(page);
            Set<String> withCoordinates = new LinkedHashSet<>(picked);
            withCoordinates.remove("c");
            assertEquals(withCoordinates.size(), markers.size(), "one marker per picked node: " + markers);
            assertEquals(withCoordinates, Set.copyOf(markers));
            DomNode hub = page.querySelector("svg.world g.choke[data-node]");
            assertTrue(markers.contains(HOSTILE_ID), "the id is an attribute value, unchanged");
            // The hub's tooltip carries its label as text; its marker is "both" (betweenness and removal).
            boolean found = false;
            for (DomNode n : page.querySelectorAll("svg.world g.choke")) {
                DomElement e = (DomElement) n;
                if (e.getAttribute("data-node").equals(HOSTILE_ID)) {
                    found = true;
                    assertTrue(e.getAttribute("class").contains("both"), e.getAttribute("class"));
                    assertTrue(e.getTextContent().contains(HOSTILE_LABEL), e.getTextContent());
                }
            }
            assertTrue(found && hub != null);
            assertTrue(page.asNormalizedText().contains(HOSTILE_ID), "the picks table shows the id as text");
        }
    }

    @Test
    void openFlightsChokepointsAreOneMarkerEachOnTheWorldMap() throws Exception {
        Path out = dir.resolve("of");
        CliTestSupport.Run run = CliTestSupport.run("interdict", "--graph", OpenFlightsCliTest.EDGES, "--directed", "--nodes",
                OpenFlightsCliTest.NODES, "--budget", "3", "--steps", "20", "--report", "--out", out.toString(), "-q");
        assertEquals(0, run.exitCode(), run.err());
        Set<String> picked = pickedNodes(out.resolve("interdiction.csv"));
        assertTrue(picked.contains("ANC"), "Anchorage, the first key player (docs/openflights.md): " + picked);
        try (ReportBrowserTest.Browser b = new ReportBrowserTest.Browser(Files.readString(out.resolve("report.html")))) {
            HtmlPage page = b.open();
            assertEquals(List.of(ReportBrowserTest.PAGE), b.requests, "no request but the page itself");
            List<String> markers = markers(page);
            assertEquals(picked.size(), markers.size(), "one marker per chokepoint: " + markers);
            assertEquals(picked, Set.copyOf(markers));
            String desc = page.querySelector("svg.world desc").getTextContent();
            assertTrue(desc.contains("3,214 nodes with coordinates (of 3,214)"), desc);
        }
    }

    @Test
    void largeMapsKeepTheLinksOfTheBestConnectedNodes() {
        // a star on 0 (degree 3) plus the edge 2-3: pairs {0,1}, {0,2}, {0,3}, {2,3}; weakest ends have
        // degree 1, 2, 2, 2; node 3 has no coordinates, so {0,3} and {2,3} are not placed.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(4);
        b.addEdge(0, 1, 1).addEdge(0, 2, 1).addEdge(0, 3, 1).addEdge(2, 3, 1);
        var g = b.build();
        int[] pairs = InterdictReport.undirectedPairs(g);
        double[] lat = {1, 2, 3, Double.NaN};
        double[] lon = {1, 2, 3, 4};
        assertArrayEquals(new int[] {0, 1, 0, 2}, InterdictReport.strongestPairs(g, pairs, lat, lon, 5));
        assertArrayEquals(new int[] {0, 2}, InterdictReport.strongestPairs(g, pairs, lat, lon, 1));
    }

    @Test
    void everyPairOfLinkedNodesIsDrawnOnce() {
        // arcs 0→1, 1→0, 1→2, 2→2 (a loop), 3→1: pairs {0,1}, {1,2}, {1,3}
        CompactGraphBuilder b = CompactGraphBuilder.directed(4);
        b.addEdge(0, 1, 1).addEdge(1, 0, 1).addEdge(1, 2, 1).addEdge(2, 2, 1).addEdge(3, 1, 1);
        assertArrayEquals(new int[] {0, 1, 1, 2, 1, 3}, InterdictReport.undirectedPairs(b.build()));
    }
}
