package org.parcelnet.interdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.ProgressListener;

class DisruptionTest {

    /** Source 0 → brokers 1, 2 → sinks 3, 4, 5; broker 1 serves 3 and 4, broker 2 serves 5. */
    static CompactGraph chain() {
        return CompactGraphBuilder.directed(6).addEdge(0, 1, 5).addEdge(0, 2, 1).addEdge(1, 3, 2).addEdge(1, 4, 3)
                .addEdge(2, 5, 1).build();
    }

    @Test
    void handComputedWaveWithoutRecovery() {
        Disruption.Curve c = Disruption.run(chain(), new int[] {0}, new int[] {3, 4, 5}, null,
                new Disruption.Options(Disruption.Strategy.DEGREE, 1, 1, Disruption.Adaptation.NONE, 1), ProgressListener.NONE);
        List<Disruption.Point> p = c.points();
        assertEquals(2, p.size());
        assertEquals(3, p.get(0).sinksReached());
        assertEquals(12.0, p.get(0).flowLeft());
        assertEquals(6, p.get(0).largestComponent());
        assertEquals(15, p.get(0).connectedPairs());
        // broker 1 has degree 3, the most among removable nodes
        assertEquals(1, p.get(1).node());
        assertEquals(1, p.get(1).sinksReached());
        assertEquals(2.0, p.get(1).flowLeft()); // 0→2→5
        assertEquals(3, p.get(1).largestComponent()); // {0, 2, 5}; 3 and 4 isolated
        assertEquals(3, p.get(1).connectedPairs());
    }

    @Test
    void triadicRecoveryOnlyBridgesFormerNeighboursAndIsSeeded() {
        // a star of four in-neighbours feeding a broker that feeds four out-neighbours, plus a sink chain
        CompactGraphBuilder b = CompactGraphBuilder.directed(10);
        for (int i = 1; i <= 4; i++) {
            b.addEdge(i, 0);
            b.addEdge(0, 4 + i);
        }
        b.addEdge(9, 1);
        CompactGraph g = b.build();
        Disruption.Options o = new Disruption.Options(Disruption.Strategy.DEGREE, 2, 1, Disruption.Adaptation.TRIADIC, 3);
        Disruption.Curve a = Disruption.run(g, null, null, null, o, ProgressListener.NONE);
        Disruption.Curve c = Disruption.run(g, null, null, null, o, ProgressListener.NONE);
        assertEquals(a, c);
        assertEquals(0, a.points().get(1).node());
        int added = a.points().get(2).addedArcs();
        assertTrue(added >= 1 && added <= 4, "added " + added); // at most one bridge per former supplier
        assertEquals(0, Disruption.run(g, null, null, null,
                new Disruption.Options(Disruption.Strategy.DEGREE, 2, 1, Disruption.Adaptation.NONE, 3), ProgressListener.NONE)
                .points().get(2).addedArcs());
    }

    @Test
    void targetedBeatsRandomOnAHubNetworkAndMinCutNeedsTerminals() {
        // two hubs each with 30 leaves, hubs joined: removing both hubs leaves nothing connected
        CompactGraphBuilder b = CompactGraphBuilder.undirected(62);
        b.addEdge(0, 1);
        for (int i = 2; i < 62; i++) {
            b.addEdge(i < 32 ? 0 : 1, i);
        }
        CompactGraph g = b.build();
        long degree = last(Disruption.run(g, null, null, null,
                new Disruption.Options(Disruption.Strategy.DEGREE, 1, 2, Disruption.Adaptation.NONE, 1), ProgressListener.NONE));
        long keyPlayers = last(Disruption.run(g, null, null, null,
                new Disruption.Options(Disruption.Strategy.KEY_PLAYERS, 1, 2, Disruption.Adaptation.NONE, 1), ProgressListener.NONE));
        long random = last(Disruption.run(g, null, null, null,
                new Disruption.Options(Disruption.Strategy.RANDOM, 1, 2, Disruption.Adaptation.NONE, 1), ProgressListener.NONE));
        assertEquals(0, degree);
        assertEquals(0, keyPlayers);
        assertTrue(random > 0);
        assertThrows(IllegalArgumentException.class, () -> Disruption.run(g, null, null, null,
                new Disruption.Options(Disruption.Strategy.MIN_CUT, 1, 2, Disruption.Adaptation.NONE, 1), ProgressListener.NONE));
    }

    private static long last(Disruption.Curve c) {
        return c.points().get(c.points().size() - 1).connectedPairs();
    }
}
