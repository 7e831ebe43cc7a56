package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            int[] order = Louvain.identity(n);
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
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
}
