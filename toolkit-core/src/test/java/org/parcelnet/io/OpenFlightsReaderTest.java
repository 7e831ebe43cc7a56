package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;

/**
 * Fixed facts of the OpenFlights snapshot bundled in sample-data/openflights/raw, cross-checked with an
 * independent count in Python's csv module: 7,698 airports; of 67,663 route rows, 220 have a missing
 * source ID, 263 a source ID not in airports.dat, 199/210 the same for destinations (counted after
 * the source is valid), 1 goes from an airport to itself; the other 66,770 are distinct airline
 * routes on 36,906 directed airport pairs.
 */
class OpenFlightsReaderTest {

    static final Path DATA = Path.of("..", "sample-data", "openflights", "raw");

    @TempDir
    Path dir;

    @Test
    void countsAndRejectsOfTheReferenceSnapshot() throws IOException {
        OpenFlightsReader.Result r = OpenFlightsReader.read(DATA);
        assertEquals(7698, r.airports().size());
        assertEquals(67663, r.routeStats().rowsIn());
        assertEquals(66770, r.routeStats().rowsRead());
        assertEquals(Map.of("source airport ID missing (\\N)", 220L, "source airport ID not in airports.dat", 263L,
                "destination airport ID missing (\\N)", 199L, "destination airport ID not in airports.dat", 210L,
                "route from an airport to itself", 1L), r.routeStats().rejectsByReason());
        CompactGraph g = r.graph().graph();
        assertTrue(g.isDirected());
        assertEquals(36906, g.edgeCount());
        assertEquals(66770.0, g.totalWeight(), 1e-9, "weights count distinct airline routes");
        LabeledGraph lg = r.graph();
        assertEquals("Goroka Airport", r.airports().get(lg.node("GKA")).name());
        assertEquals("Oceania", r.airports().get(lg.node("GKA")).region());
        assertEquals("Asia", r.airports().get(lg.node("KMG")).region());
        assertEquals("South America", r.airports().get(lg.node("GRU")).region());
        assertEquals("North America", r.airports().get(lg.node("ANC")).region());
    }

    @Test
    void convertedFilesReadBackAsTheSameGraph() throws IOException {
        OpenFlightsReader.Result r = OpenFlightsReader.read(DATA);
        OpenFlightsReader.writeEdgesAndNodes(r, dir);
        LabeledGraph back = EdgeListReader.read(dir.resolve("edges.csv"),
                EdgeListReader.Options.defaults().withDirected(true)).graph();
        assertEquals(36906, back.graph().edgeCount());
        assertEquals(66770.0, back.graph().totalWeight(), 1e-9);
        NodeAttributes nodes = NodeAttributes.read(dir.resolve("nodes.csv"));
        assertEquals(7698, nodes.size());
        // Kunming Changshui to Beijing Capital: about 2,100 km great-circle.
        double km = NodeAttributes.haversineKm(nodes.lat("KMG"), nodes.lon("KMG"), nodes.lat("PEK"), nodes.lon("PEK"));
        assertTrue(km > 2050 && km < 2150, "KMG-PEK " + km);
        assertTrue(Files.readString(dir.resolve("edges.csv")).startsWith("source,target,weight,km\n"));
    }

    @Test
    void haversineKnownDistance() {
        // One degree of longitude on the equator = 2πR/360.
        assertEquals(2 * Math.PI * NodeAttributes.EARTH_RADIUS_KM / 360, NodeAttributes.haversineKm(0, 0, 0, 1), 1e-9);
    }
}
