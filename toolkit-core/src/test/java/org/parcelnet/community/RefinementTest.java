package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Refinement on the two triangles of {@link LocalMovingTest} (m = 7; {@code f = 1/14}). Each case is
 * worked out by hand; it holds for every visiting order, so for every seed.
 */
class RefinementTest {

    private static int[] refine(int[] comm, double theta, long seed, int threads) {
        WorkGraph g = LocalMovingTest.twoTriangles();
        int[] c = comm.clone();
        int k = WorkGraph.renumber(c);
        double[] tot = new double[k];
        for (int v = 0; v < g.n; v++) {
            tot[c[v]] += g.strength[v];
        }
        try (WorkerPool pool = WorkerPool.of(threads, "test")) {
            int[] r = Refinement.refine(g, c, k, tot, 1.0, theta, seed, pool, LocalMoving.scratch(threads, g.n),
                    ProgressListener.NONE);
            WorkGraph.renumber(r);
            return r;
        }
    }

    private static void assertSameGroups(int[] want, int[] got, String tag) {
        for (int u = 0; u < want.length; u++) {
            for (int v = 0; v < want.length; v++) {
                assertEquals(want[u] == want[v], got[u] == got[v], tag + " nodes " + u + "," + v);
            }
        }
    }

    @Test
    void eachTriangleMergesWhicheverNodeComesFirst() {
        // Community {0,1,2} (K = 7): a first-visited degree-2 node joins the other degree-2 node
        // (1 − 4/14 = 0.714 beats 1 − 6/14 = 0.571); node 2 first joins 0 or 1 (0.571 each). The last
        // singleton then joins the pair (2 − 3·4/14 = 1.143 or 2 − 2·5/14 = 1.286 > 0), and every
        // cluster involved is well connected (e.g. E({0,1}, S − {0,1}) = 2 ≥ 4·3/14).
        for (long seed = 1; seed <= 20; seed++) {
            for (int threads = 1; threads <= 2; threads++) {
                int[] r = refine(new int[] {0, 0, 0, 1, 1, 1}, 0.01, seed, threads);
                assertSameGroups(new int[] {0, 0, 0, 1, 1, 1}, r, "seed " + seed);
            }
        }
    }

    @Test
    void aClusterNeverSpansADisconnectedPartOfItsCommunity() {
        // Community {0,1,4,5} has no edge between {0,1} and {4,5}: refinement can only merge along
        // edges, so it yields {0,1} and {4,5} (each merge gains 1 − 2·2/14 = 0.714 and the nodes are
        // well connected: E(v, S − v) = 1 ≥ 2·6/14). Community {2,3}: 2 and 3 merge
        // (1 − 3·3/14 = 0.357 ≥ 0; E = 1 ≥ 3·3/14).
        for (long seed = 1; seed <= 20; seed++) {
            int[] r = refine(new int[] {0, 0, 1, 1, 0, 0}, 0.01, seed, 1);
            assertSameGroups(new int[] {0, 0, 1, 1, 2, 2}, r, "seed " + seed);
        }
    }

    @Test
    void aBadlyConnectedNodeStaysAlone() {
        // Community {0,1,2,3} (K = 10): node 3 has one edge into it, E(3, S − 3) = 1 < 3·7/14 = 1.5,
        // so it is not well connected: it neither moves nor is joined. The triangle merges (as above;
        // e.g. E({0,2}, S − {0,2}) = 3 ≥ 5·5/14). Community {4,5} (K = 4): 4 and 5 merge.
        for (long seed = 1; seed <= 20; seed++) {
            for (double theta : new double[] {0, 0.01}) {
                int[] r = refine(new int[] {0, 0, 0, 0, 1, 1}, theta, seed, 1);
                assertSameGroups(new int[] {0, 0, 0, 1, 2, 2}, r, "seed " + seed + " theta " + theta);
            }
        }
    }
}
