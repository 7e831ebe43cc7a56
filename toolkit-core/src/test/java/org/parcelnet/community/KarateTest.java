package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;

/**
 * Zachary's karate club against published figures: the maximum modularity 0.4198 (Brandes et al.
 * 2008; 0.419790 to six places) and the modularity 0.3582 of the two-faction split.
 */
class KarateTest {

    static final double OPTIMUM = 0.41979;
    static CompactGraph karate;

    @BeforeAll
    static void load() throws IOException {
        karate = TestGraphs.karate();
        assertEquals(34, karate.nodeCount());
        assertEquals(78, karate.edgeCount());
    }

    @Test
    void factionSplitHasPublishedModularity() throws IOException {
        assertEquals(0.3582, Modularity.of(karate, TestGraphs.karateFactions(), 1.0), 5e-5);
    }

    @Test
    void leidenReachesTheOptimumAndNeverFallsFarBelow() {
        double best = 0;
        for (long seed = 1; seed <= 10; seed++) {
            CommunityResult r = new Leiden(LeidenParams.builder().seed(seed).build()).run(karate);
            assertTrue(r.modularity() >= 0.4188, "seed " + seed + ": " + r.modularity());
            assertEquals(Modularity.of(karate, r.partition()), r.modularity(), 1e-12);
            assertTrue(r.modularity() <= OPTIMUM + 1e-5);
            assertTrue(TestGraphs.allConnected(karate, r.partition()));
            best = Math.max(best, r.modularity());
        }
        assertEquals(OPTIMUM, best, 5e-6);
    }

    /**
     * Louvain is a greedy heuristic: for a few node orders (about 6% of seeds here) its first level
     * settles in the known local optimum Q = 0.3981 (Mr. Hi grouped with 4, 5, 6, 10, 16), which no
     * single-node move or community merge escapes. Seeds 1..10 include one such order (seed 9).
     */
    @Test
    void louvainReachesTheUsualLocalOptimaForAlmostEverySeed() {
        int good = 0;
        for (long seed = 1; seed <= 10; seed++) {
            for (int threads : new int[] {1, 2}) {
                CommunityResult r = new Louvain(LouvainParams.builder().seed(seed).threads(threads).build()).run(karate);
                assertTrue(r.modularity() >= 0.3980, "seed " + seed + " threads " + threads + ": " + r.modularity());
                assertEquals(Modularity.of(karate, r.partition()), r.modularity(), 1e-12);
                for (CommunityResult.Level l : r.levels()) {
                    assertEquals(Modularity.of(karate, l.partition()), l.modularity(), 1e-12);
                }
                if (r.modularity() >= 0.4150) {
                    good++;
                }
            }
        }
        assertTrue(good >= 18, good + " of 20 runs at or above 0.4150");
        int goodOf100 = 0;
        for (long seed = 100; seed < 200; seed++) {
            if (new Louvain(LouvainParams.builder().seed(seed).build()).run(karate).modularity() >= 0.4150) {
                goodOf100++;
            }
        }
        assertTrue(goodOf100 >= 88, goodOf100 + " of 100 seeds at or above 0.4150");
    }

    @Test
    void labelPropagationFindsAMeaningfulSplit() {
        for (long seed = 1; seed <= 10; seed++) {
            CommunityResult r = new LabelPropagation(new LabelPropagationParams(seed, 100)).run(karate);
            assertEquals(Modularity.of(karate, r.partition()), r.modularity(), 1e-12);
            assertTrue(r.iterations() < 100, "converged");
            assertTrue(LpaInvariants.everyLabelDominant(karate, r.partition()));
        }
    }
}
