package org.parcelnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.jgrapht.Graph;
import org.jgrapht.alg.scoring.PageRank;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;
import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.JGraphTBridge;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

/** The library example of README.md, kept compiling and true. */
class ReadmeExampleTest {

    @Test
    void readmeLibraryExample() throws IOException {
        ShipmentTable shipments = ShipmentReader.read(Path.of("..", "sample-data", "shipments.csv.gz")).table();
        LabeledGraph parties = Projections.partyGraph(shipments);
        CommunityResult rings = new Leiden(LeidenParams.builder().seed(42).build())
                .run(parties.graph().toUndirected());
        Graph<String, DefaultWeightedEdge> g = JGraphTBridge.toJGraphT(parties);
        Map<String, Double> pageRank = new PageRank<>(g).getScores();

        assertEquals(50_000, shipments.size());
        assertEquals(parties.graph().nodeCount(), pageRank.size());
        assertEquals(1.0, pageRank.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        assertTrue(rings.modularity() > 0.3, "the sample has clear community structure");
    }
}
