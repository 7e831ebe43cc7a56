package org.parcelnet.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class UnionFindTest {

    @Test
    void smallByHand() {
        UnionFind uf = new UnionFind(6);
        assertTrue(uf.union(0, 1));
        assertTrue(uf.union(2, 3));
        assertTrue(uf.union(1, 3));
        assertFalse(uf.union(0, 2));
        assertEquals(3, uf.setCount());
        assertEquals(4, uf.setSize(2));
        assertTrue(uf.connected(0, 3));
        assertFalse(uf.connected(0, 4));
        // {0,1,2,3} largest → 0; {4} and {5} tie → by smallest member.
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 2}, uf.labels());
    }

    @Test
    void agreesWithBreadthFirstComponentsOnRandomGraphs() {
        for (int seed = 0; seed < 60; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int n = 1 + r.nextInt(400);
            int m = r.nextInt(2 * n);
            int[] a = new int[m];
            int[] b = new int[m];
            List<List<Integer>> adj = new ArrayList<>();
            for (int v = 0; v < n; v++) {
                adj.add(new ArrayList<>());
            }
            UnionFind uf = new UnionFind(n);
            for (int e = 0; e < m; e++) {
                a[e] = r.nextInt(n);
                b[e] = r.nextInt(n);
                adj.get(a[e]).add(b[e]);
                adj.get(b[e]).add(a[e]);
                uf.union(a[e], b[e]);
            }
            // Naive BFS labelling, components numbered in order of their smallest node.
            int[] comp = new int[n];
            Arrays.fill(comp, -1);
            int count = 0;
            for (int s = 0; s < n; s++) {
                if (comp[s] >= 0) {
                    continue;
                }
                ArrayDeque<Integer> q = new ArrayDeque<>();
                q.add(s);
                comp[s] = count;
                while (!q.isEmpty()) {
                    int x = q.poll();
                    for (int y : adj.get(x)) {
                        if (comp[y] < 0) {
                            comp[y] = count;
                            q.add(y);
                        }
                    }
                }
                count++;
            }
            assertEquals(count, uf.setCount(), "seed " + seed);
            int[] labels = uf.labels();
            int[] size = new int[count];
            for (int v = 0; v < n; v++) {
                size[comp[v]]++;
            }
            for (int x = 0; x < n; x++) {
                assertEquals(size[comp[x]], uf.setSize(x));
                for (int y = x + 1; y < Math.min(n, x + 30); y++) {
                    assertEquals(comp[x] == comp[y], labels[x] == labels[y]);
                    assertEquals(comp[x] == comp[y], uf.connected(x, y));
                }
            }
            // Labels are ordered by decreasing size.
            int[] bySize = new int[count];
            for (int v = 0; v < n; v++) {
                bySize[labels[v]]++;
            }
            for (int c = 1; c < count; c++) {
                assertTrue(bySize[c - 1] >= bySize[c]);
            }
        }
    }
}
