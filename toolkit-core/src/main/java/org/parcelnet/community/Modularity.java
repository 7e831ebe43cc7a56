package org.parcelnet.community;

import java.util.Objects;

import org.parcelnet.graph.CompactGraph;

/**
 * Quality of a partition.
 *
 * <p>{@link #of} is the Newman–Girvan modularity with resolution γ (M. E. J. Newman, M. Girvan,
 * Phys. Rev. E 69, 026113, 2004; γ as in Reichardt–Bornholdt 2006):
 * {@code Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)}, with weights, where a self loop of
 * weight w contributes A_ii = 2w and 2w to k_i (igraph's convention, so results match igraph's
 * {@code modularity()}). A directed graph is read as undirected (arc u→v of weight w is edge {u,v} of
 * weight w), the view the community algorithms optimise; {@link #directed} gives the directed form
 * (Leicht–Newman 2008) instead. An edgeless graph has modularity 0. Each call is O(n + m).
 *
 * <p>{@link #conductance} is, per community S, {@code cut(S) / min(vol(S), vol(V∖S))} on the same
 * undirected view (vol = sum of strengths), 0 when the denominator is 0.
 */
public final class Modularity {

    private Modularity() {
    }

    /** Modularity of {@code p} at resolution 1. */
    public static double of(CompactGraph g, Partition p) {
        return of(g, p.membership(), 1.0);
    }

    /** Modularity of {@code p} at resolution {@code gamma}. */
    public static double of(CompactGraph g, Partition p, double gamma) {
        return of(g, p.membership(), gamma);
    }

    /**
     * Modularity of the partition given by community labels {@code membership} (any ints; equal
     * labels = same community) at resolution {@code gamma}.
     */
    public static double of(CompactGraph g, int[] membership, double gamma) {
        int[] comm = dense(g, membership);
        int n = g.nodeCount();
        double[] tot = new double[n];
        double internal = 0;
        double twoM = 0;
        for (int u = 0; u < n; u++) {
            int cu = comm[u];
            for (int i = g.outStart(u), e = g.outEnd(u); i < e; i++) {
                int v = g.target(i);
                double w = g.weight(i);
                if (g.isDirected()) {
                    // Arc u→v as undirected edge {u,v}: both ends, counted from here only.
                    tot[cu] += w;
                    tot[comm[v]] += w;
                    twoM += 2 * w;
                    if (cu == comm[v]) {
                        internal += 2 * w;
                    }
                } else if (v == u) {
                    tot[cu] += 2 * w;
                    twoM += 2 * w;
                    internal += 2 * w;
                } else {
                    tot[cu] += w;
                    twoM += w;
                    if (cu == comm[v]) {
                        internal += w;
                    }
                }
            }
        }
        if (twoM <= 0) {
            return 0;
        }
        double sq = 0;
        for (double t : tot) {
            sq += t * t;
        }
        return (internal - gamma * sq / twoM) / twoM;
    }

    /**
     * Directed modularity (E. A. Leicht, M. E. J. Newman, Phys. Rev. Lett. 100, 118703, 2008):
     * {@code Q = (1/m) Σ_ij [A_ij − γ k_i^out k_j^in / m] δ(c_i, c_j)}, a self loop counted once.
     * For an undirected graph this equals {@link #of}.
     */
    public static double directed(CompactGraph g, int[] membership, double gamma) {
        if (!g.isDirected()) {
            return of(g, membership, gamma);
        }
        int[] comm = dense(g, membership);
        int n = g.nodeCount();
        double[] out = new double[n];
        double[] in = new double[n];
        double internal = 0;
        double m = 0;
        for (int u = 0; u < n; u++) {
            for (int i = g.outStart(u), e = g.outEnd(u); i < e; i++) {
                int v = g.target(i);
                double w = g.weight(i);
                m += w;
                out[comm[u]] += w;
                in[comm[v]] += w;
                if (comm[u] == comm[v]) {
                    internal += w;
                }
            }
        }
        if (m <= 0) {
            return 0;
        }
        double prod = 0;
        for (int c = 0; c < n; c++) {
            prod += out[c] * in[c];
        }
        return (internal - gamma * prod / m) / m;
    }

    /** Conductance of every community of {@code p}, indexed by community id. */
    public static double[] conductance(CompactGraph g, Partition p) {
        Objects.requireNonNull(p, "p");
        if (p.nodeCount() != g.nodeCount()) {
            throw new IllegalArgumentException("partition has " + p.nodeCount() + " nodes, graph " + g.nodeCount());
        }
        int k = p.communityCount();
        double[] vol = new double[k];
        double[] cut = new double[k];
        double total = 0;
        for (int u = 0; u < g.nodeCount(); u++) {
            int cu = p.community(u);
            for (int i = g.outStart(u), e = g.outEnd(u); i < e; i++) {
                int v = g.target(i);
                double w = g.weight(i);
                int cv = p.community(v);
                if (g.isDirected()) {
                    vol[cu] += w;
                    vol[cv] += w;
                    total += 2 * w;
                    if (cu != cv) {
                        cut[cu] += w;
                        cut[cv] += w;
                    }
                } else {
                    double ends = v == u ? 2 * w : w;
                    vol[cu] += ends;
                    total += ends;
                    if (cu != cv) {
                        cut[cu] += w;
                    }
                }
            }
        }
        double[] phi = new double[k];
        for (int c = 0; c < k; c++) {
            double d = Math.min(vol[c], total - vol[c]);
            phi[c] = d > 0 ? cut[c] / d : 0;
        }
        return phi;
    }

    private static int[] dense(CompactGraph g, int[] membership) {
        Objects.requireNonNull(g, "g");
        Objects.requireNonNull(membership, "membership");
        if (membership.length != g.nodeCount()) {
            throw new IllegalArgumentException("membership has " + membership.length + " entries for "
                    + g.nodeCount() + " nodes");
        }
        int[] out = new int[membership.length];
        Partition.denseFirstSeen(membership, out);
        return out;
    }
}
