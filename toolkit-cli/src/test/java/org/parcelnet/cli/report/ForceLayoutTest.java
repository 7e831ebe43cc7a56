package org.parcelnet.cli.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

class ForceLayoutTest {

    /** Two 12-cliques joined by one edge: each clique gathers, and the cliques lie apart. */
    @Test
    void cliquesGatherAndLieApart() {
        int half = 12;
        CompactGraphBuilder b = CompactGraphBuilder.undirected(2 * half);
        for (int c = 0; c < 2; c++) {
            for (int u = 0; u < half; u++) {
                for (int v = u + 1; v < half; v++) {
                    b.addEdge(c * half + u, c * half + v, 1);
                }
            }
        }
        b.addEdge(0, half, 1);
        CompactGraph g = b.build();
        double[] p = ForceLayout.layout(g, 300, 0.2, 1000, 1000, 5);
        double within = 0;
        double across = 0;
        int nw = 0;
        int na = 0;
        for (int u = 0; u < 2 * half; u++) {
            assertTrue(p[2 * u] >= 0 && p[2 * u] <= 1000 && p[2 * u + 1] >= 0 && p[2 * u + 1] <= 1000, "inside the frame");
            for (int v = u + 1; v < 2 * half; v++) {
                double d = Math.hypot(p[2 * u] - p[2 * v], p[2 * u + 1] - p[2 * v + 1]);
                if (u / half == v / half) {
                    within += d;
                    nw++;
                } else {
                    across += d;
                    na++;
                }
            }
        }
        assertTrue(across / na > 2 * (within / nw), "mean distance across " + across / na + ", within " + within / nw);
    }

    /** Same seed, same positions; nodes that start on one point (a star's leaves) are pushed apart. */
    @Test
    void deterministicAndSeparatesLeaves() {
        CompactGraphBuilder b = CompactGraphBuilder.directed(30);
        for (int v = 1; v < 30; v++) {
            b.addEdge(0, v, v);
        }
        CompactGraph g = b.build();
        double[] a = ForceLayout.layout(g, 100, 0.2, 1000, 1000, 9);
        assertArrayEquals(a, ForceLayout.layout(g, 100, 0.2, 1000, 1000, 9));
        for (int u = 1; u < 30; u++) {
            for (int v = u + 1; v < 30; v++) {
                assertTrue(Math.hypot(a[2 * u] - a[2 * v], a[2 * u + 1] - a[2 * v + 1]) > 1, "leaves " + u + ", " + v);
            }
        }
    }
}
