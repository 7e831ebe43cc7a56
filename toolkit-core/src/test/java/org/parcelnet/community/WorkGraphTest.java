package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraphBuilder;

/** {@link WorkGraph#aggregate} and {@link WorkGraph#permuted} against direct definitions. */
class WorkGraphTest {

    /** A random undirected graph with self loops; weighted or not; a few hubs of high degree. */
    private static WorkGraph random(SplittableRandom rnd, int n, int edges, boolean weighted) {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int i = 0; i < edges; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(4) == 0 ? rnd.nextInt(3) : rnd.nextInt(n); // nodes 0..2 become hubs
            b.addEdge(u, v, weighted ? 1 + rnd.nextInt(5) : 1.0);
        }
        return WorkGraph.of(b.build());
    }

    @Test
    void aggregateSumsEveryPairOfCommunities() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int round = 0; round < 60; round++) {
            int n = 5 + rnd.nextInt(300);
            WorkGraph g = random(rnd, n, rnd.nextInt(6 * n), round % 2 == 0);
            int k = 1 + rnd.nextInt(round % 3 == 0 ? 4 : n);
            int[] comm = new int[n];
            for (int v = 0; v < n; v++) {
                comm[v] = rnd.nextInt(k);
            }
            k = WorkGraph.renumber(comm);
            // Direct definition: a k x k matrix of summed arc weights, diagonal plus members' loops as self.
            double[][] a = new double[k][k];
            double[] self = new double[k];
            double[] strength = new double[k];
            for (int v = 0; v < n; v++) {
                self[comm[v]] += g.self[v];
                strength[comm[v]] += g.strength[v];
                for (int i = g.off[v]; i < g.off[v + 1]; i++) {
                    a[comm[v]][comm[g.adj[i]]] += g.w == null ? 1.0 : g.w[i];
                }
            }
            WorkGraph h = g.aggregate(comm, k);
            assertEquals(k, h.n);
            assertEquals(g.twoM, h.twoM, 1e-9);
            for (int c = 0; c < k; c++) {
                assertEquals(self[c] + a[c][c], h.self[c], 1e-9);
                assertEquals(strength[c], h.strength[c], 1e-9);
                double[] row = new double[k];
                for (int i = h.off[c]; i < h.off[c + 1]; i++) {
                    int d = h.adj[i];
                    assertEquals(0.0, row[d], "community " + d + " listed twice in row " + c);
                    row[d] = h.w[i];
                }
                for (int d = 0; d < k; d++) {
                    assertEquals(d == c ? 0.0 : a[c][d], row[d], 1e-9);
                }
            }
            assertEquals(g.modularity(comm, k, 1.0), h.modularity(Louvain.identity(k), k, 1.0), 1e-12);
        }
    }

    @Test
    void permutedKeepsTheGraph() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int round = 0; round < 20; round++) {
            int n = 2 + rnd.nextInt(200);
            WorkGraph g = random(rnd, n, rnd.nextInt(5 * n), round % 2 == 0);
            int[] order = shuffledIdentity(rnd, n);
            WorkGraph p = g.permuted(order);
            int[] pos = new int[n];
            for (int i = 0; i < n; i++) {
                pos[order[i]] = i;
            }
            for (int i = 0; i < n; i++) {
                int v = order[i];
                assertEquals(g.self[v], p.self[i]);
                assertEquals(g.strength[v], p.strength[i]);
                assertEquals(v, p.original[i]);
                int[] expect = new int[g.off[v + 1] - g.off[v]];
                for (int j = 0; j < expect.length; j++) {
                    expect[j] = pos[g.adj[g.off[v] + j]];
                }
                assertArrayEquals(expect, Arrays.copyOfRange(p.adj, p.off[i], p.off[i + 1]));
                if (g.w != null) {
                    assertArrayEquals(Arrays.copyOfRange(g.w, g.off[v], g.off[v + 1]),
                            Arrays.copyOfRange(p.w, p.off[i], p.off[i + 1]));
                }
            }
        }
    }

    /**
     * Above {@link WorkGraph#PARALLEL_ARCS} the level-0 copy, the renumbering and aggregation run on
     * the workers; their arrays must be the one-thread arrays exactly (the partitions depend on the
     * order of every neighbour list), with and without the workers' scratch.
     */
    @Test
    void workersBuildTheSameArraysAsOneThread() {
        SplittableRandom rnd = new SplittableRandom(23);
        int n = 40_000;
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int i = 0; i < 3 * WorkGraph.PARALLEL_ARCS / 4; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(8) == 0 ? rnd.nextInt(5) : (u + rnd.nextInt(200)) % n; // hubs, loops, local edges
            b.addEdge(u, v, 1 + rnd.nextInt(9));
        }
        org.parcelnet.graph.CompactGraph cg = b.build();
        try (org.parcelnet.progress.WorkerPool workers = org.parcelnet.progress.WorkerPool.of(3, "test")) {
            WorkGraph g = WorkGraph.of(cg);
            assertTrue(g.off[n] >= WorkGraph.PARALLEL_ARCS);
            assertSameArrays(g, WorkGraph.of(cg, workers));
            int[] order = shuffledIdentity(rnd, n);
            WorkGraph p = g.permuted(order);
            assertSameArrays(p, g.permuted(order, workers));
            assertArrayEquals(p.original, g.permuted(order, workers).original);
            LocalMoving.Scratch[] scratch = LocalMoving.scratch(3, n);
            for (int k : new int[] {1, 2, 3, 50, 7_000, n / 2}) {
                int[] comm = new int[n];
                for (int v = 0; v < n; v++) {
                    comm[v] = k < 100 ? rnd.nextInt(k) : (v / 3 + rnd.nextInt(2)) % k;
                }
                int kk = WorkGraph.renumber(comm);
                WorkGraph one = g.aggregate(comm, kk);
                assertSameArrays(one, g.aggregate(comm, kk, workers, null));
                assertSameArrays(one, g.aggregate(comm, kk, workers, scratch));
            }
            for (LocalMoving.Scratch s : scratch) {
                for (double a : s.acc) {
                    assertEquals(0.0, a); // the scratch accumulators are left zeroed for the next user
                }
            }
        }
    }

    /** 0..n-1 in a random order (Fisher–Yates). */
    private static int[] shuffledIdentity(SplittableRandom rnd, int n) {
        int[] order = Louvain.identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Same nodes, strengths, loops and neighbour lists in the same order (arrays may be longer than used). */
    private static void assertSameArrays(WorkGraph a, WorkGraph b) {
        assertEquals(a.n, b.n);
        assertArrayEquals(a.off, b.off);
        int arcs = a.off[a.n];
        assertArrayEquals(Arrays.copyOf(a.adj, arcs), Arrays.copyOf(b.adj, arcs));
        assertArrayEquals(Arrays.copyOf(a.w, arcs), Arrays.copyOf(b.w, arcs));
        assertArrayEquals(a.self, b.self);
        assertArrayEquals(a.strength, b.strength);
        assertEquals(a.twoM, b.twoM);
    }
}
