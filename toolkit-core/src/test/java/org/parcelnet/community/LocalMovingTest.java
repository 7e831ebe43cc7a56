package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Local moving on two triangles {0,1,2} and {3,4,5} joined by the edge 2–3 (m = 7, 2m = 14,
 * degrees 2,2,3,3,2,2), every node alone at the start, visited in the order 0..5. Gains are
 * {@code w(v,C) − k_v K_C / 14} (γ = 1); the moves below are worked out by hand in the comments.
 */
class LocalMovingTest {

    static WorkGraph twoTriangles() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(6);
        b.addEdge(0, 1);
        b.addEdge(0, 2);
        b.addEdge(1, 2);
        b.addEdge(2, 3);
        b.addEdge(3, 4);
        b.addEdge(3, 5);
        b.addEdge(4, 5);
        CompactGraph g = b.build();
        return WorkGraph.of(g);
    }

    private static double[] strengths(WorkGraph g, int[] comm) {
        double[] tot = new double[g.n];
        for (int v = 0; v < g.n; v++) {
            tot[comm[v]] += g.strength[v];
        }
        return tot;
    }

    @Test
    void bestMoveOfOneNode() {
        WorkGraph g = twoTriangles();
        int[] comm = Louvain.identity(6);
        LocalMoving.Scratch s = new LocalMoving.Scratch(6);
        double f = 1.0 / g.twoM;
        // node 0: to {1} gains 1 − 2·2/14 = 0.714, to {2} gains 1 − 2·3/14 = 0.571, staying alone 0
        assertEquals(1, LocalMoving.best(g, 0, comm, strengths(g, comm), null, f, s));
        assertEquals(1 - 4.0 / 14, s.delta, 1e-12);
        // node 2 with 0 and 1 together: to {0,1} gains 2 − 3·4/14 = 1.143, to {3} 1 − 9/14 = 0.357
        comm[0] = 1;
        assertEquals(1, LocalMoving.best(g, 2, comm, strengths(g, comm), null, f, s));
        assertEquals(2 - 12.0 / 14, s.delta, 1e-12);
        // node 0 in {0,1,2}: staying gains 2 − 2·5/14 = 1.286 > any move (there is none)
        comm[2] = 1;
        assertEquals(1, LocalMoving.best(g, 0, comm, strengths(g, comm), null, f, s));
        assertEquals(0, s.delta, 1e-12);
        // with sizes, a node may leave for an empty community (gain 0) only when that beats staying:
        // node 3 alone cannot (it is alone); node 2 in {0,1,2} stays (2 − 3·4/14 > 0)
        int[] cnt = new int[6];
        for (int v = 0; v < 6; v++) {
            cnt[comm[v]]++;
        }
        assertEquals(1, LocalMoving.best(g, 2, comm, strengths(g, comm), cnt, f, s));
    }

    @Test
    void louvainPassesFindTheTwoTriangles() {
        for (LocalMoveMode mode : LocalMoveMode.values()) {
            WorkGraph g = twoTriangles();
            int[] comm = Louvain.identity(6);
            double[] tot = strengths(g, comm);
            LocalMoving.Passes done;
            try (WorkerPool pool = WorkerPool.of(1, "test")) {
                done = LocalMoving.louvainPasses(g, comm, tot, Louvain.identity(6), 1.0, 1e-7, 100, mode, pool,
                        LocalMoving.scratch(1, 6), ProgressListener.NONE);
            }
            // Pass 1: 0 → {1}; 1 stays (0.714 in {0,1} against 0.571 for {2}); 2 → {0,1} (1.143);
            // 3 → {4} (0.571, tied with {5}: the first neighbour's community wins; {0,1,2} gives
            // 1 − 3·7/14 = −0.5); 4 → {5} (0.714 against 1 − 2·3/14 = 0.571 for staying with 3);
            // 5 stays. Pass 2: 3, now alone, → {4,5} (2 − 3·4/14 = 1.143). Pass 3 moves nothing.
            // (Batches hold one node on a graph this small, so batched mode makes the same moves.)
            assertArrayEquals(new int[] {1, 1, 1, 5, 5, 5}, comm, mode.toString());
            assertEquals(5, done.moves(), mode.toString());
            assertEquals(3, done.passes(), mode.toString());
            assertArrayEquals(new double[] {0, 7, 0, 0, 0, 7}, tot, 1e-12);
        }
    }

    @Test
    void fastLocalMoveEndsInTheSamePartition() {
        for (LocalMoveMode mode : LocalMoveMode.values()) {
            WorkGraph g = twoTriangles();
            int[] comm = Louvain.identity(6);
            double[] tot = strengths(g, comm);
            int[] cnt = new int[6];
            java.util.Arrays.fill(cnt, 1);
            long moves;
            try (WorkerPool pool = WorkerPool.of(2, "test")) {
                moves = LocalMoving.fastLocalMove(g, comm, tot, cnt, Louvain.identity(6), 1.0, mode, pool,
                        LocalMoving.scratch(2, 6), ProgressListener.NONE);
            }
            // the same five moves as Louvain's passes: only the neighbours of moved nodes are revisited
            assertArrayEquals(new int[] {1, 1, 1, 5, 5, 5}, comm, mode.toString());
            assertEquals(5, moves, mode.toString());
            assertArrayEquals(new int[] {0, 3, 0, 0, 0, 3}, cnt);
        }
    }
}
