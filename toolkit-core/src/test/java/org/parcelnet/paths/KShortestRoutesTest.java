package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;

class KShortestRoutesTest {

    @Test
    void yenRoutesInCostOrderWithLabels() {
        IdMap<String> ids = new IdMap<>();
        for (String s : new String[] {"Ruili", "Kunming", "Chengdu", "Guangzhou", "Dali"}) {
            ids.intern(s);
        }
        // Ruili-Kunming 1, Kunming-Guangzhou 5, Ruili-Dali 2, Dali-Guangzhou 5, Kunming-Chengdu 1, Chengdu-Guangzhou 2
        LabeledGraph g = new LabeledGraph(CompactGraphBuilder.directed(5)
                .addEdge(0, 1, 1).addEdge(1, 3, 5).addEdge(0, 4, 2).addEdge(4, 3, 5).addEdge(1, 2, 1).addEdge(2, 3, 2)
                .build(), ids);
        List<KShortestRoutes.Route> r = KShortestRoutes.find(g, Cost.WEIGHT.arcCosts(g.graph()), "Ruili", "Guangzhou", 5);
        assertEquals(3, r.size());
        assertEquals("Ruili > Kunming > Chengdu > Guangzhou", r.get(0).describe());
        assertEquals(4.0, r.get(0).cost());
        assertEquals(3, r.get(0).hops());
        assertEquals(6.0, r.get(1).cost());
        assertEquals(7.0, r.get(2).cost());
        assertEquals(3, r.get(2).rank());
        // hop counts: the two 2-hop routes tie
        List<KShortestRoutes.Route> hops = KShortestRoutes.find(g, Cost.ONE.arcCosts(g.graph()), "Ruili", "Guangzhou", 2);
        assertEquals(2.0, hops.get(0).cost());
        assertEquals(2.0, hops.get(1).cost());
        assertEquals(0, KShortestRoutes.find(g, Cost.ONE.arcCosts(g.graph()), "Guangzhou", "Ruili", 3).size());
        assertThrows(IllegalArgumentException.class,
                () -> KShortestRoutes.find(g, Cost.ONE.arcCosts(g.graph()), "Lhasa", "Ruili", 3));
    }
}
