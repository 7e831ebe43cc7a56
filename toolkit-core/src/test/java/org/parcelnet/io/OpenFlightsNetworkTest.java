package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Components;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.interdiction.MinVertexCut;

/**
 * Fixed facts of the bundled OpenFlights airport graph (sample-data/openflights, derived from
 * OpenFlights.org, ODbL 1.0) that docs/openflights.md states: its size, its largest weakly and
 * strongly connected components (checked against JGraphT's inspectors on the bridged graph), and the
 * minimum number of airports whose removal cuts every route from Oceania to Europe (checked by
 * removing the cut and by an independent Edmonds–Karp max flow on a node-split network: by Menger's
 * theorem the number of airport-disjoint Oceania→Europe paths equals the smallest cut).
 */
class OpenFlightsNetworkTest {

    static final Path SAMPLE = Path.of("..", "sample-data", "openflights");

    static LabeledGraph graph;

    @BeforeAll
    static void read() throws IOException {
        graph = EdgeListReader.read(SAMPLE.resolve("edges.csv"), EdgeListReader.Options.defaults().withDirected(true)).graph();
    }

    @Test
    void sizeOfTheGraphOfAirportsWithRoutes() {
        CompactGraph g = graph.graph();
        assertTrue(g.isDirected());
        assertEquals(3214, g.nodeCount(), "airports with at least one route");
        assertEquals(36906, g.edgeCount(), "directed airport pairs");
        assertEquals(66770.0, g.totalWeight(), 1e-9, "distinct airline routes");
    }

    @Test
    void largestComponentsAgreeWithJGraphT() {
        CompactGraph g = graph.graph();
        Components.Result weak = Components.weak(g);
        Components.Result strong = Components.strong(g);
        assertEquals(7, weak.count());
        assertEquals(3188, weak.largest());
        assertEquals(48, strong.count());
        assertEquals(3147, strong.largest());

        Graph<String, DefaultWeightedEdge> j = JGraphTBridge.toJGraphT(graph);
        List<Set<String>> wcc = new ConnectivityInspector<>(j).connectedSets();
        List<Set<String>> scc = new KosarajuStrongConnectivityInspector<>(j).stronglyConnectedSets();
        assertEquals(7, wcc.size());
        assertEquals(3188, wcc.stream().mapToInt(Set::size).max().orElse(0));
        assertEquals(48, scc.size());
        assertEquals(3147, scc.stream().mapToInt(Set::size).max().orElse(0));
    }

    @Test
    void fewestAirportsSeparatingOceaniaFromEurope() throws IOException {
        CompactGraph g = graph.graph();
        int[] oceania = region("Oceania");
        int[] europe = region("Europe");
        assertEquals(287, oceania.length);
        assertEquals(566, europe.length);

        MinVertexCut.Result cut = MinVertexCut.compute(g, oceania, europe);
        assertTrue(cut.separable(), "no direct Oceania→Europe route in the 2014 routes");
        assertEquals(61, cut.cut().length);

        boolean[] terminal = new boolean[g.nodeCount()];
        for (int v : oceania) {
            terminal[v] = true;
        }
        for (int v : europe) {
            terminal[v] = true;
        }
        boolean[] removed = new boolean[g.nodeCount()];
        for (int v : cut.cut()) {
            assertFalse(terminal[v], "the cut never removes a terminal");
            removed[v] = true;
        }
        boolean[] reached = reach(g, oceania, removed);
        for (int v : europe) {
            assertFalse(reached[v], graph.label(v) + " still reachable after removing the cut");
        }
        assertTrue(reached(reach(g, oceania, new boolean[g.nodeCount()]), europe) > 0, "reachable before");

        assertEquals(61.0, disjointPaths(g, oceania, europe, terminal), 1e-9, "Menger: disjoint paths = min cut");
    }

    /** Node ints of the airports of regions.csv with region {@code name}. */
    private static int[] region(String name) throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE.resolve("regions.csv"));
        assertEquals("node,community", lines.get(0));
        List<Integer> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            if (line.substring(comma + 1).equals(name)) {
                int v = graph.node(line.substring(0, comma));
                assertTrue(v >= 0, "regions.csv names only airports with routes: " + line);
                out.add(v);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean[] reach(CompactGraph g, int[] from, boolean[] removed) {
        boolean[] seen = new boolean[g.nodeCount()];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int s : from) {
            seen[s] = true;
            queue.add(s);
        }
        while (!queue.isEmpty()) {
            int u = queue.poll();
            for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                int v = g.target(i);
                if (!seen[v] && !removed[v]) {
                    seen[v] = true;
                    queue.add(v);
                }
            }
        }
        return seen;
    }

    private static int reached(boolean[] seen, int[] nodes) {
        int c = 0;
        for (int v : nodes) {
            c += seen[v] ? 1 : 0;
        }
        return c;
    }

    /**
     * Maximum number of Oceania→Europe paths sharing no intermediate airport: node v becomes v_in → v_out
     * with capacity 1 (terminals: unbounded), each arc u → v becomes u_out → v_in, a super source feeds
     * every Oceania airport and every European airport drains to a super sink. Vertex ids: 2v = in,
     * 2v+1 = out, 2n = super source, 2n+1 = super sink.
     */
    private static double disjointPaths(CompactGraph g, int[] sources, int[] sinks, boolean[] terminal) {
        int n = g.nodeCount();
        double big = n + 1.0;
        SimpleDirectedWeightedGraph<Integer, DefaultWeightedEdge> net = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < 2 * n + 2; v++) {
            net.addVertex(v);
        }
        for (int v = 0; v < n; v++) {
            net.setEdgeWeight(net.addEdge(2 * v, 2 * v + 1), terminal[v] ? big : 1.0);
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                int w = g.target(i);
                if (w != v) {
                    net.setEdgeWeight(net.addEdge(2 * v + 1, 2 * w), big);
                }
            }
        }
        for (int s : sources) {
            net.setEdgeWeight(net.addEdge(2 * n, 2 * s), big);
        }
        for (int t : sinks) {
            net.setEdgeWeight(net.addEdge(2 * t + 1, 2 * n + 1), big);
        }
        return new EdmondsKarpMFImpl<>(net).getMaximumFlowValue(2 * n, 2 * n + 1);
    }
}
