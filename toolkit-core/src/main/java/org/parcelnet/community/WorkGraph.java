package org.parcelnet.community;

import java.util.Arrays;

import org.parcelnet.graph.CompactGraph;

/**
 * The undirected weighted graph the community kernels work on, at one level of aggregation.
 *
 * <p>Adjacency is CSR without self loops ({@code off}, {@code adj}, {@code w}; {@code w == null}
 * means every weight is 1; an aggregate's {@code adj} and {@code w} may be longer than {@code off[n]},
 * the tail unused). Self loops live in {@code self[v]}, holding the adjacency-matrix diagonal
 * A<sub>vv</sub> = twice the loop weight, as igraph and Newman count it, so that
 * {@code strength[v] = self[v] + Σ w(v,·)} and {@code Σ strength = 2m}. An aggregated node's
 * {@code self} is the sum of its members' {@code self} plus every arc inside it (each internal edge
 * counted from both ends), which keeps modularity identical across levels.
 *
 * <p>Memory: 4 bytes per stored arc (8 per undirected edge) plus 8 per arc when weighted, and
 * 20 bytes per node. Package-private: arrays are shared, never exposed.
 */
final class WorkGraph {

    final int n;
    final int[] off;
    final int[] adj;
    final double[] w;
    final double[] self;
    final double[] strength;
    final double twoM;
    /**
     * Level 0 may renumber the input nodes (the input node of each work node), or null when work
     * nodes are input nodes. A breadth-first renumbering for cache locality was tried and measured no
     * faster on the benchmark machine, so level 0 currently keeps the input numbering.
     */
    final int[] original;

    private WorkGraph(int n, int[] off, int[] adj, double[] w, double[] self, double[] strength) {
        this(n, off, adj, w, self, strength, null);
    }

    private WorkGraph(int n, int[] off, int[] adj, double[] w, double[] self, double[] strength, int[] original) {
        this.original = original;
        this.n = n;
        this.off = off;
        this.adj = adj;
        this.w = w;
        this.self = self;
        this.strength = strength;
        double s = 0;
        for (int v = 0; v < n; v++) {
            s += strength[v];
        }
        this.twoM = s;
    }

    /** Level 0: the undirected view of {@code g}. O(n + m); directed graphs are converted first. */
    static WorkGraph of(CompactGraph g) {
        CompactGraph u = g.isDirected() ? g.toUndirected() : g;
        int n = u.nodeCount();
        int[] off = new int[n + 1];
        double[] self = new double[n];
        int loops = 0;
        for (int v = 0; v < n; v++) {
            if (u.hasSelfLoop(v)) {
                loops++;
            }
        }
        int arcs = u.arcCount() - loops;
        int[] adj = new int[arcs];
        double[] w = u.isWeighted() ? new double[arcs] : null;
        double[] strength = new double[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            off[v] = k;
            double s = 0;
            for (int i = u.outStart(v), e = u.outEnd(v); i < e; i++) {
                int t = u.target(i);
                double wt = u.weight(i);
                if (t == v) {
                    self[v] = 2 * wt;
                    s += 2 * wt;
                } else {
                    adj[k] = t;
                    if (w != null) {
                        w[k] = wt;
                    }
                    k++;
                    s += wt;
                }
            }
            strength[v] = s;
        }
        off[n] = k;
        return new WorkGraph(n, off, adj, w, self, strength, null);
    }

    /**
     * This graph with its nodes renumbered: node {@code i} of the result is node {@code order[i]} of
     * this graph ({@code order} a permutation). Neighbour lists keep their order. The result's
     * {@link #original} maps to the input nodes (composed with this graph's own renumbering). O(n + m).
     */
    WorkGraph permuted(int[] order) {
        int[] pos = new int[n];
        for (int i = 0; i < n; i++) {
            pos[order[i]] = i;
        }
        int[] noff = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int v = order[i];
            noff[i + 1] = noff[i] + off[v + 1] - off[v];
        }
        int[] nadj = new int[adj.length];
        double[] nw = w == null ? null : new double[w.length];
        double[] nself = new double[n];
        double[] nstr = new double[n];
        int[] norig = new int[n];
        // Rows are read in the old order and written to their new places (scattered writes, which
        // do not stall), rather than read in the new order (a scattered read at every row): 0.25 s
        // instead of 0.39 s for the benchmark's 20M arcs.
        for (int v = 0; v < n; v++) {
            int p = pos[v];
            nself[p] = self[v];
            nstr[p] = strength[v];
            norig[p] = original == null ? v : original[v];
            int from = off[v];
            int to = off[v + 1];
            int dst = noff[p];
            for (int j = from; j < to; j++) {
                nadj[dst + j - from] = pos[adj[j]];
            }
            if (nw != null) {
                System.arraycopy(w, from, nw, dst, to - from);
            }
        }
        return new WorkGraph(n, noff, nadj, nw, nself, nstr, norig);
    }

    /** The nodes grouped by community of dense {@code comm} (k communities), in node order within a group. */
    static int[] groupedOrder(int[] comm, int k) {
        int[] start = new int[k + 1];
        for (int c : comm) {
            start[c + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] order = new int[comm.length];
        for (int v = 0; v < comm.length; v++) {
            order[start[comm[v]]++] = v;
        }
        return order;
    }

    /** {@code out[i] = labels[order[i]]}: per-node labels translated to the numbering of {@link #permuted}. */
    static int[] gather(int[] labels, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = labels[order[i]];
        }
        return out;
    }

    /** Labels of the input nodes from labels of this level-0 graph's nodes. */
    int[] toOriginal(int[] labels) {
        if (original == null) {
            return labels.clone();
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[original[i]] = labels[i];
        }
        return out;
    }

    /** Labels of this level-0 graph's nodes from labels of the input nodes. */
    int[] fromOriginal(int[] labels) {
        if (original == null) {
            return labels.clone();
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = labels[original[i]];
        }
        return out;
    }

    /**
     * A seeded visiting order: a random permutation of consecutive runs of nodes (runs of up to 64
     * nodes on large graphs, single nodes below 4,096 nodes), so that the walk over the adjacency
     * arrays stays mostly sequential while the order still depends on the seed.
     */
    static int[] visitOrder(int n, java.util.SplittableRandom rnd) {
        int run = Math.max(1, Math.min(64, n / 4096));
        int runs = (n + run - 1) / run;
        int[] perm = new int[runs];
        for (int i = 0; i < runs; i++) {
            perm[i] = i;
        }
        for (int i = runs - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] order = new int[n];
        int k = 0;
        for (int r : perm) {
            for (int v = r * run, e = Math.min(n, v + run); v < e; v++) {
                order[k++] = v;
            }
        }
        return order;
    }

    /** Bytes held by this level's arrays. */
    long bytes() {
        return 4L * off.length + 4L * adj.length + (w == null ? 0 : 8L * w.length) + 16L * n
                + (original == null ? 0 : 4L * n);
    }

    /**
     * The graph whose nodes are the communities {@code 0..k-1} of {@code comm} (dense ids), parallel
     * arcs summed and internal arcs folded into {@code self}. O(n + m) time; neighbour lists come out
     * in a deterministic (not sorted) order.
     */
    WorkGraph aggregate(int[] comm, int k) {
        int[] start = new int[k + 1];
        for (int v = 0; v < n; v++) {
            start[comm[v] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] byComm = new int[n];
        int[] cursor = Arrays.copyOf(start, k);
        for (int v = 0; v < n; v++) {
            byComm[cursor[comm[v]]++] = v;
        }
        cursor = null;
        return aggregateRows(comm, k, start, byComm);
    }

    /**
     * First capacity of an aggregate's arc arrays: its exact bound min(arcs, k(k−1)) when that is
     * small, else a quarter of the arcs (about what the benchmark's first level keeps), so that
     * growing and trimming copies stay few. The arrays are trimmed only when more than an eighth
     * would be unused (arcs beyond {@code off[k]} are never read).
     */
    private int initialCapacity(int k) {
        long arcs = off[n];
        long bound = Math.min(arcs, (long) k * (k - 1));
        long cap = bound <= (1 << 22) ? bound : Math.max(4L * k, arcs / 4);
        return (int) Math.max(16, Math.min(cap, bound));
    }

    private WorkGraph aggregateRows(int[] comm, int k, int[] start, int[] byComm) {
        // Plain sums into a zeroed array, first touches found through a per-row stamp without a
        // branch (the inside/outside and first-touch tests were mispredicted often on the fine
        // partitions refinement produces). Making each sum depend on the first-touch test, as
        // before, chained every arc to the previous store: four times slower on an aggregate level.
        double[] acc = new double[k];
        int[] mark = new int[k];
        int[] touched = new int[k + 1];
        int cap = initialCapacity(k);
        int[] nadj = new int[cap];
        double[] nw = new double[cap];
        int[] noff = new int[k + 1];
        double[] nself = new double[k];
        double[] nstr = new double[k];
        final int[] off = this.off;
        final int[] adj = this.adj;
        final double[] w = this.w;
        int pos = 0;
        for (int c = 0; c < k; c++) {
            noff[c] = pos;
            final int stamp = c + 1;
            int cnt = 0;
            double selfC = 0;
            double strC = 0;
            for (int j = start[c], je = start[c + 1]; j < je; j++) {
                int v = byComm[j];
                selfC += self[v];
                strC += strength[v];
                for (int i = off[v], e = off[v + 1]; i < e; i++) {
                    int cc = comm[adj[i]];
                    acc[cc] += w == null ? 1.0 : w[i];
                    boolean fresh = mark[cc] != stamp;
                    mark[cc] = stamp;
                    touched[cnt] = cc;
                    cnt += fresh ? 1 : 0;
                }
            }
            if (pos + cnt > nadj.length) {
                int ncap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) pos + cnt, nadj.length * 2L));
                nadj = Arrays.copyOf(nadj, ncap);
                nw = Arrays.copyOf(nw, ncap);
            }
            for (int i = 0; i < cnt; i++) {
                int cc = touched[i];
                if (cc == c) {
                    selfC += acc[cc];
                } else {
                    nadj[pos] = cc;
                    nw[pos++] = acc[cc];
                }
                acc[cc] = 0.0;
            }
            nself[c] = selfC;
            nstr[c] = strC;
        }
        noff[k] = pos;
        if (pos < nadj.length - nadj.length / 8) {
            nadj = Arrays.copyOf(nadj, pos);
            nw = Arrays.copyOf(nw, pos);
        }
        return new WorkGraph(k, noff, nadj, nw, nself, nstr);
    }

    /**
     * Modularity of dense partition {@code comm} (k communities) at resolution {@code gamma}:
     * {@code Q = (1/2m) Σ_c [I_c − γ K_c² / 2m]}. O(n + m). Zero for an edgeless graph.
     */
    double modularity(int[] comm, int k, double gamma) {
        if (twoM <= 0) {
            return 0;
        }
        double[] tot = new double[k];
        double internal = 0;
        for (int v = 0; v < n; v++) {
            int c = comm[v];
            tot[c] += strength[v];
            internal += self[v];
            for (int i = off[v], e = off[v + 1]; i < e; i++) {
                if (comm[adj[i]] == c) {
                    internal += w == null ? 1.0 : w[i];
                }
            }
        }
        double sq = 0;
        for (int c = 0; c < k; c++) {
            sq += tot[c] * tot[c];
        }
        return (internal - gamma * sq / twoM) / twoM;
    }

    /** Modularity of the partition in which every node of this graph is its own community. */
    double singletonModularity(double gamma) {
        if (twoM <= 0) {
            return 0;
        }
        double internal = 0;
        double sq = 0;
        for (int v = 0; v < n; v++) {
            internal += self[v];
            sq += strength[v] * strength[v];
        }
        return (internal - gamma * sq / twoM) / twoM;
    }

    /** Renumbers {@code comm} densely in order of first appearance; returns the count. */
    static int renumber(int[] comm) {
        int n = comm.length;
        int[] map = new int[n];
        Arrays.fill(map, -1);
        int k = 0;
        for (int v = 0; v < n; v++) {
            int c = comm[v];
            if (map[c] < 0) {
                map[c] = k++;
            }
            comm[v] = map[c];
        }
        return k;
    }
}
