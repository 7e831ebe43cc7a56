package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

class CommunityAlgorithmsTest {

    @Test
    void plantedPartitionsAreRecovered() {
        int n = 3000;
        int block = 50;
        for (long seed = 1; seed <= 3; seed++) {
            CompactGraph g = TestGraphs.planted(n, block, n * 8, 0.9, seed);
            int[] truth = TestGraphs.plantedTruth(n, block);
            for (LocalMoveMode mode : LocalMoveMode.values()) {
                CommunityResult lv = new Louvain(LouvainParams.builder().seed(seed).moveMode(mode).build()).run(g);
                CommunityResult ld = new Leiden(LeidenParams.builder().seed(seed).moveMode(mode).build()).run(g);
                assertTrue(PartitionComparison.nmi(truth, lv.partition().membership()) >= 0.95, "louvain " + seed);
                assertTrue(PartitionComparison.nmi(truth, ld.partition().membership()) >= 0.95, "leiden " + seed);
                assertTrue(ld.modularity() >= Modularity.of(g, truth, 1.0) - 0.01);
            }
            CommunityResult lpa = new LabelPropagation(LabelPropagationParams.builder().seed(seed).build()).run(g);
            assertTrue(PartitionComparison.nmi(truth, lpa.partition().membership()) >= 0.9, "lpa " + seed);
            assertTrue(LpaInvariants.everyLabelDominant(g, lpa.partition()));
        }
    }

    @Test
    void leidenCommunitiesAreConnectedOnManyRandomGraphs() {
        int runs = 0;
        for (int seed = 0; seed < 300; seed++) {
            int n = 20 + seed % 80;
            int m = n * (1 + seed % 4);
            CompactGraph g = seed % 3 == 0
                    ? TestGraphs.planted(n, 5 + seed % 10, m, 0.7, seed)
                    : TestGraphs.random(n, m, seed % 2 == 0, seed % 5 == 0, seed % 7 == 0, seed);
            LeidenParams p = LeidenParams.builder().seed(seed).resolution(0.25 + (seed % 8) * 0.25)
                    .theta(seed % 4 == 0 ? 0 : 0.01 * (1 + seed % 3))
                    .moveMode(seed % 6 == 0 ? LocalMoveMode.SEQUENTIAL : LocalMoveMode.BATCHED).build();
            CommunityResult r = new Leiden(p).run(g);
            assertTrue(TestGraphs.allConnected(g, r.partition()), "seed " + seed);
            assertEquals(0, r.repairedCommunities(), "connected without repair, seed " + seed);
            assertEquals(Modularity.of(g, r.partition().membership(), p.resolution()), r.modularity(), 1e-9);
            runs++;
        }
        assertEquals(300, runs);
    }

    @Test
    void louvainLevelsAreCoarseningAndModularityIsConsistent() {
        for (int seed = 0; seed < 50; seed++) {
            CompactGraph g = TestGraphs.random(60, 150, seed % 2 == 0, seed % 3 == 0, false, seed);
            CommunityResult r = new Louvain(LouvainParams.builder().seed(seed).refine(false).build()).run(g);
            int prev = Integer.MAX_VALUE;
            double prevQ = -1;
            for (CommunityResult.Level l : r.levels()) {
                assertTrue(l.partition().communityCount() <= prev);
                assertTrue(l.modularity() >= prevQ - 1e-12);
                assertEquals(Modularity.of(g, l.partition()), l.modularity(), 1e-12);
                prev = l.partition().communityCount();
                prevQ = l.modularity();
            }
            CommunityResult refined = new Louvain(LouvainParams.builder().seed(seed).build()).run(g);
            assertTrue(refined.modularity() >= r.modularity() - 1e-12);
        }
    }

    @Test
    void deterministicForSeedAndIndependentOfThreadCount() {
        CompactGraph g = TestGraphs.planted(20000, 40, 20000 * 6, 0.8, 5);
        CommunityResult a = new Louvain(LouvainParams.builder().seed(3).build()).run(g);
        CommunityResult b = new Louvain(LouvainParams.builder().seed(3).build()).run(g);
        assertEquals(a.partition(), b.partition());
        CommunityResult p2 = new Louvain(LouvainParams.builder().seed(3).threads(2).build()).run(g);
        CommunityResult p3 = new Louvain(LouvainParams.builder().seed(3).threads(3).build()).run(g);
        assertEquals(p2.partition(), p3.partition());
        assertEquals(p2.modularity(), p3.modularity());
        CommunityResult l2 = new Leiden(LeidenParams.builder().seed(4).threads(2).build()).run(g);
        CommunityResult l4 = new Leiden(LeidenParams.builder().seed(4).threads(4).build()).run(g);
        assertEquals(l2.partition(), l4.partition());
        assertEquals(new Leiden(LeidenParams.builder().seed(4).build()).run(g).partition(),
                new Leiden(LeidenParams.builder().seed(4).build()).run(g).partition());
        assertEquals(new LabelPropagation(LabelPropagationParams.builder().seed(9).build()).run(g).partition(),
                new LabelPropagation(LabelPropagationParams.builder().seed(9).build()).run(g).partition());
        // Seeds matter (the orders differ), so a different seed gives a different but similar result.
        CommunityResult other = new Louvain(LouvainParams.builder().seed(4).build()).run(g);
        assertNotEquals(a.partition(), other.partition());
    }

    @Test
    void edgeCases() {
        CompactGraph empty = CompactGraphBuilder.undirected(0).build();
        assertEquals(0, new Louvain().run(empty).communityCount());
        assertEquals(0, new Leiden().run(empty).communityCount());
        assertEquals(0, new LabelPropagation().run(empty).communityCount());
        CompactGraph isolated = CompactGraphBuilder.undirected(4).build();
        assertEquals(4, new Louvain().run(isolated).communityCount());
        assertEquals(4, new Leiden().run(isolated).communityCount());
        assertEquals(4, new LabelPropagation().run(isolated).communityCount());
        // Two components never share a community.
        CompactGraph two = CompactGraphBuilder.undirected(6).addEdge(0, 1).addEdge(1, 2).addEdge(0, 2)
                .addEdge(3, 4).addEdge(4, 5).addEdge(3, 5).build();
        for (CommunityResult r : new CommunityResult[] {new Louvain().run(two), new Leiden().run(two),
                new LabelPropagation().run(two)}) {
            assertEquals(2, r.communityCount(), r.algorithm());
            assertEquals(0.5, r.modularity(), 1e-12);
        }
    }

    @Test
    void parametersAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> LouvainParams.builder().resolution(0).build());
        assertThrows(IllegalArgumentException.class, () -> LouvainParams.builder().threads(0).build());
        assertThrows(IllegalArgumentException.class, () -> LeidenParams.builder().theta(-1).build());
        assertThrows(IllegalArgumentException.class, () -> LeidenParams.builder().resolution(Double.NaN).build());
        assertThrows(IllegalArgumentException.class, () -> LabelPropagationParams.builder().maxIterations(0).build());
    }

    @Test
    void jgraphtAdaptersCoverEveryVertex() throws Exception {
        CompactGraph k = TestGraphs.karate();
        Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < k.nodeCount(); v++) {
            g.addVertex("m" + v);
        }
        for (int u = 0; u < k.nodeCount(); u++) {
            for (int i = k.outStart(u); i < k.outEnd(u); i++) {
                if (u < k.target(i)) {
                    g.addEdge("m" + u, "m" + k.target(i));
                }
            }
        }
        for (ClusteringAlgorithm<String> alg : java.util.List.<ClusteringAlgorithm<String>>of(
                JGraphTClustering.louvain(g, LouvainParams.DEFAULTS),
                JGraphTClustering.leiden(g, LeidenParams.DEFAULTS),
                JGraphTClustering.labelPropagation(g, LabelPropagationParams.DEFAULTS))) {
            ClusteringAlgorithm.Clustering<String> c = alg.getClustering();
            Set<String> all = new HashSet<>();
            int total = 0;
            for (Set<String> cluster : c.getClusters()) {
                all.addAll(cluster);
                total += cluster.size();
            }
            assertEquals(34, all.size());
            assertEquals(34, total);
        }
        JGraphTClustering<String> leiden = JGraphTClustering.leiden(g, LeidenParams.builder().seed(2).build());
        assertEquals(new Leiden(LeidenParams.builder().seed(2).build()).run(k).modularity(),
                leiden.result().modularity(), 1e-12);
        assertEquals(leiden.result().communityCount(), leiden.getClustering().getNumberClusters());
    }
}
