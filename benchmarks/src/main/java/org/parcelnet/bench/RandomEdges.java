package org.parcelnet.bench;

import java.util.SplittableRandom;

/** Seeded uniformly random edge lists, the fixture of the build benchmarks. */
public final class RandomEdges {

    /** Tails, heads and weights of {@code m} edges on {@code n} nodes. */
    public record Edges(int nodes, int[] tails, int[] heads, double[] weights) {
        public int size() {
            return tails.length;
        }
    }

    private RandomEdges() {
    }

    /** {@code m} edges between uniform random distinct endpoints, weights 1..9, from {@code seed}. */
    public static Edges generate(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] t = new int[m];
        int[] h = new int[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            int u = r.nextInt(n);
            int v = r.nextInt(n - 1);
            if (v >= u) {
                v++;
            }
            t[i] = u;
            h[i] = v;
            w[i] = 1 + r.nextInt(9);
        }
        return new Edges(n, t, h, w);
    }
}
