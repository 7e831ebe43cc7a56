package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.CancellingListener;

/** The thread count never changes a partition; cancellation stops every algorithm without a result. */
class ThreadCountTest {

    @Test
    void louvainAndLeidenGiveTheSamePartitionForEveryThreadCount() {
        for (long seed = 1; seed <= 2; seed++) {
            // 3,000 nodes: batches of 11 nodes, so a pass has hundreds of batches
            CompactGraph g = seed % 2 == 0 ? TestGraphs.planted(3000, 30, 15_000, 0.7, seed)
                    : TestGraphs.random(3000, 12_000, true, true, false, seed);
            for (LocalMoveMode mode : LocalMoveMode.values()) {
                CommunityResult louvain1 = louvain(g, seed, mode, 1);
                CommunityResult leiden1 = leiden(g, seed, mode, 1);
                for (int threads = 2; threads <= 3; threads++) {
                    String tag = "seed " + seed + " " + mode + " threads " + threads;
                    CommunityResult louvain = louvain(g, seed, mode, threads);
                    assertArrayEquals(louvain1.partition().membership(), louvain.partition().membership(), "louvain " + tag);
                    assertEquals(louvain1.modularity(), louvain.modularity(), "louvain " + tag);
                    CommunityResult leiden = leiden(g, seed, mode, threads);
                    assertArrayEquals(leiden1.partition().membership(), leiden.partition().membership(), "leiden " + tag);
                    assertEquals(leiden1.modularity(), leiden.modularity(), "leiden " + tag);
                }
            }
        }
    }

    private static CommunityResult louvain(CompactGraph g, long seed, LocalMoveMode mode, int threads) {
        return new Louvain(LouvainParams.builder().seed(seed).moveMode(mode).threads(threads).build()).run(g);
    }

    private static CommunityResult leiden(CompactGraph g, long seed, LocalMoveMode mode, int threads) {
        return new Leiden(LeidenParams.builder().seed(seed).moveMode(mode).threads(threads).build()).run(g);
    }

    @Test
    void cancellingMidRunThrowsAndEndsTheProgress() {
        // 40,000 nodes: local moving checks for cancellation every batch (batched) or every 16,384 nodes
        CompactGraph g = TestGraphs.planted(40_000, 40, 200_000, 0.8, 3);
        for (int threads = 1; threads <= 2; threads++) {
            for (LocalMoveMode mode : LocalMoveMode.values()) {
                CancellingListener l = CancellingListener.afterChecks(3);
                Louvain louvain = new Louvain(LouvainParams.builder().moveMode(mode).threads(threads).build());
                assertThrows(CancelledException.class, () -> louvain.run(g, l));
                assertTrue(l.balanced(), "louvain end()");
                CancellingListener l2 = CancellingListener.afterChecks(3);
                Leiden leiden = new Leiden(LeidenParams.builder().moveMode(mode).threads(threads).build());
                assertThrows(CancelledException.class, () -> leiden.run(g, l2));
                assertTrue(l2.balanced(), "leiden end()");
            }
        }
        CancellingListener l3 = CancellingListener.afterChecks(2);
        assertThrows(CancelledException.class, () -> new LabelPropagation().run(g, l3));
        assertTrue(l3.balanced(), "lpa end()");
    }
}
