package org.parcelnet.community;

import java.util.Arrays;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.WorkerPool;

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
        return of(g, null);
    }

    /**
     * {@link #of(CompactGraph)} with the rows copied on the {@code workers} (null: on the caller); each
     * row's place is known before the copy, so the result does not depend on the threads.
     */
    static WorkGraph of(CompactGraph g, WorkerPool workers) {
        CompactGraph u = g.isDirected() ? g.toUndirected() : g;
        int n = u.nodeCount();
        int[] off = new int[n + 1];
        double[] self = new double[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            off[v] = k;
            k += u.outEnd(v) - u.outStart(v) - (u.hasSelfLoop(v) ? 1 : 0);
        }
        off[n] = k;
        int[] adj = new int[k];
        double[] w = u.isWeighted() ? new double[k] : null;
        double[] strength = new double[n];
        if (workers == null || workers.threads() == 1 || k < PARALLEL_ARCS) {
            copyRows(u, 0, n, off, adj, w, self, strength);
        } else {
            workers.forRange(n, Math.max(4096, n / (8 * workers.threads())),
                    (worker, from, to) -> copyRows(u, from, to, off, adj, w, self, strength));
        }
        return new WorkGraph(n, off, adj, w, self, strength, null);
    }

    /** Rows {@code from..to-1} of {@link #of}: arcs without the self loop, which goes to {@code self}. */
    private static void copyRows(CompactGraph u, int from, int to, int[] off, int[] adj, double[] w, double[] self,
                                 double[] strength) {
        for (int v = from; v < to; v++) {
            int k = off[v];
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
    }

    /**
     * This graph with its nodes renumbered: node {@code i} of the result is node {@code order[i]} of
     * this graph ({@code order} a permutation). Neighbour lists keep their order. The result's
     * {@link #original} maps to the input nodes (composed with this graph's own renumbering). O(n + m).
     */
    WorkGraph permuted(int[] order) {
        return permuted(order, null);
    }

    /**
     * {@link #permuted(int[])} with the rows copied on the {@code workers} (null: on the caller); every
     * row has its place before the copy starts, so the result does not depend on the threads.
     */
    WorkGraph permuted(int[] order, WorkerPool workers) {
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
        if (workers == null || workers.threads() == 1 || off[n] < PARALLEL_ARCS) {
            copyRows(0, n, pos, noff, nadj, nw, nself, nstr, norig);
        } else {
            workers.forRange(n, Math.max(4096, n / (8 * workers.threads())),
                    (worker, from, to) -> copyRows(from, to, pos, noff, nadj, nw, nself, nstr, norig));
        }
        return new WorkGraph(n, noff, nadj, nw, nself, nstr, norig);
    }

    /** Rows {@code from..to-1} (old numbering) of {@link #permuted} written to their new places. */
    private void copyRows(int from, int to, int[] pos, int[] noff, int[] nadj, double[] nw, double[] nself,
                          double[] nstr, int[] norig) {
        // Rows are read in the old order and written to their new places (scattered writes, which
        // do not stall), rather than read in the new order (a scattered read at every row): 0.25 s
        // instead of 0.39 s for the benchmark's 20M arcs.
        final int[] off = this.off;
        final int[] adj = this.adj;
        for (int v = from; v < to; v++) {
            int p = pos[v];
            nself[p] = self[v];
            nstr[p] = strength[v];
            norig[p] = original == null ? v : original[v];
            int a = off[v];
            int b = off[v + 1];
            int dst = noff[p];
            for (int j = a; j < b; j++) {
                nadj[dst + j - a] = pos[adj[j]];
            }
            if (nw != null) {
                System.arraycopy(w, a, nw, dst, b - a);
            }
        }
    }

    /** The nodes grouped by community of dense {@code comm} (k communities), in node order within a group. */
    static int[] groupedOrder(int[] comm, int k) {
        return groupedOrder(comm, k, groupStarts(comm, k));
    }

    /**
     * Where each community's group starts in {@link #groupedOrder}: {@code start[c]..start[c + 1]}
     * (k + 1 entries, a counting sort's prefix sums).
     */
    static int[] groupStarts(int[] comm, int k) {
        int[] start = new int[k + 1];
        for (int c : comm) {
            start[c + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        return start;
    }

    /** {@link #groupedOrder} with the groups' starts computed already ({@link #groupStarts}; not changed). */
    static int[] groupedOrder(int[] comm, int k, int[] start) {
        int[] next = Arrays.copyOf(start, k);
        int[] order = new int[comm.length];
        for (int v = 0; v < comm.length; v++) {
            order[next[comm[v]]++] = v;
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
        return aggregate(comm, k, null, null);
    }

    /**
     * {@link #aggregate(int[], int)} on the {@code workers} (null: on the caller), summing with the
     * workers' {@code scratch} (null: fresh arrays). Large graphs are cut into as many consecutive
     * ranges of communities as there are workers, of about equal arc counts; each range is summed
     * into its own arrays, which are then joined in range order, so the result is the same array for
     * array as on one thread.
     */
    WorkGraph aggregate(int[] comm, int k, WorkerPool workers, LocalMoving.Scratch[] scratch) {
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
        double[] nself = new double[k];
        double[] nstr = new double[k];
        int[] noff = new int[k + 1];
        int parts = workers == null || off[n] < PARALLEL_ARCS ? 1 : Math.min(workers.threads(), k);
        // The sums write touched[cnt] before knowing whether the community is new, so up to k + 1 slots.
        final LocalMoving.Scratch[] sums = scratch != null && scratch.length >= parts && scratch[0].touched.length > k
                ? scratch : null;
        if (parts == 1) {
            LocalMoving.Scratch s = sums != null ? sums[0] : new LocalMoving.Scratch(k + 1);
            Rows r = aggregateRows(comm, 0, k, start, byComm, initialCapacity(k), noff, nself, nstr, s);
            noff[k] = r.len;
            int[] nadj = r.adj;
            double[] nw = r.w;
            if (r.len < nadj.length - nadj.length / 8) {
                nadj = Arrays.copyOf(nadj, r.len);
                nw = Arrays.copyOf(nw, r.len);
            }
            return new WorkGraph(k, noff, nadj, nw, nself, nstr);
        }
        // Community ranges of about equal work (arcs plus members).
        int[] bound = new int[parts + 1];
        long total = (long) off[n] + n;
        long sum = 0;
        int p = 1;
        for (int c = 0; c < k && p < parts; c++) {
            for (int j = start[c], je = start[c + 1]; j < je; j++) {
                int v = byComm[j];
                sum += off[v + 1] - off[v] + 1;
            }
            while (p < parts && sum >= total * p / parts) {
                bound[p++] = c + 1;
            }
        }
        while (p < parts) {
            bound[p++] = k;
        }
        bound[parts] = k;
        Rows[] rows = new Rows[parts];
        final int[] fstart = start;
        final int[] fbyComm = byComm;
        workers.forEach(parts, t -> {
            int from = bound[t];
            int to = bound[t + 1];
            long arcs = 0;
            for (int j = fstart[from]; j < fstart[to]; j++) {
                int v = fbyComm[j];
                arcs += off[v + 1] - off[v];
            }
            // A quarter of the range's arcs, as initialCapacity does for the whole graph.
            int cap = (int) Math.max(16, Math.min(Integer.MAX_VALUE - 8, arcs / 4));
            LocalMoving.Scratch s = sums != null ? sums[t] : new LocalMoving.Scratch(k + 1);
            rows[t] = aggregateRows(comm, from, to, fstart, fbyComm, cap, noff, nself, nstr, s);
        });
        int len = 0;
        for (Rows r : rows) {
            len += r.len;
        }
        int[] nadj = new int[len];
        double[] nw = new double[len];
        int at = 0;
        for (int t = 0; t < parts; t++) {
            Rows r = rows[t];
            System.arraycopy(r.adj, 0, nadj, at, r.len);
            System.arraycopy(r.w, 0, nw, at, r.len);
            if (at > 0) {
                for (int c = bound[t], e = bound[t + 1]; c < e; c++) {
                    noff[c] += at;
                }
            }
            at += r.len;
            rows[t] = null;
        }
        noff[k] = len;
        return new WorkGraph(k, noff, nadj, nw, nself, nstr);
    }

    /** Arcs at which aggregating and renumbering run on the workers (below, the hand-off costs more than it saves). */
    static final int PARALLEL_ARCS = 1 << 18;

    /** The arcs of a range of aggregate rows: {@code adj} and {@code w} hold {@code len} of them. */
    private record Rows(int[] adj, double[] w, int len) {
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

    /**
     * Rows {@code from..to-1} of the aggregate: sets their {@code noff} (relative to the returned
     * arrays), {@code nself} and {@code nstr} and returns their arcs. Sums go into {@code s.acc}
     * (left zeroed), first touches are found through {@code s.mark} stamps.
     */
    private Rows aggregateRows(int[] comm, int from, int to, int[] start, int[] byComm, int cap, int[] noff,
                               double[] nself, double[] nstr, LocalMoving.Scratch s) {
        // Plain sums into a zeroed array, first touches found through a per-row stamp without a
        // branch (the inside/outside and first-touch tests were mispredicted often on the fine
        // partitions refinement produces). Making each sum depend on the first-touch test, as
        // before, chained every arc to the previous store: four times slower on an aggregate level.
        // The two loops over arcs are small methods of their own, so that a fresh JVM compiles them
        // early and keeps them compiled when this method is recompiled for a later level.
        int[] nadj = new int[cap];
        double[] nw = new double[cap];
        int pos = 0;
        for (int c = from; c < to; c++) {
            noff[c] = pos;
            final int stamp = s.nextStamp();
            int cnt = 0;
            double selfC = 0;
            double strC = 0;
            for (int j = start[c], je = start[c + 1]; j < je; j++) {
                int v = byComm[j];
                selfC += self[v];
                strC += strength[v];
                cnt = sumArcs(v, comm, s, stamp, cnt);
            }
            if (pos + cnt > nadj.length) {
                int ncap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) pos + cnt, nadj.length * 2L));
                nadj = Arrays.copyOf(nadj, ncap);
                nw = Arrays.copyOf(nw, ncap);
            }
            nself[c] = s.mark[c] == stamp ? selfC + s.acc[c] : selfC;
            nstr[c] = strC;
            pos = emitRow(c, cnt, s, nadj, nw, pos);
        }
        return new Rows(nadj, nw, pos);
    }

    /**
     * Adds the arcs of node {@code v} to the sums by community of {@code comm} in {@code s.acc},
     * listing first touches in {@code s.touched} from index {@code cnt} on; returns the new count.
     */
    private int sumArcs(int v, int[] comm, LocalMoving.Scratch s, int stamp, int cnt) {
        final double[] acc = s.acc;
        final int[] mark = s.mark;
        final int[] touched = s.touched;
        final int[] adj = this.adj;
        final double[] w = this.w;
        for (int i = off[v], e = off[v + 1]; i < e; i++) {
            int cc = comm[adj[i]];
            acc[cc] += w == null ? 1.0 : w[i];
            boolean fresh = mark[cc] != stamp;
            mark[cc] = stamp;
            touched[cnt] = cc;
            cnt += fresh ? 1 : 0;
        }
        return cnt;
    }

    /**
     * Writes the {@code cnt} summed communities of row {@code c} except {@code c} itself (its sum is
     * the row's internal weight, read by the caller) as arcs from {@code pos}, zeroing the sums;
     * returns the position after them.
     */
    private static int emitRow(int c, int cnt, LocalMoving.Scratch s, int[] nadj, double[] nw, int pos) {
        final double[] acc = s.acc;
        final int[] touched = s.touched;
        for (int i = 0; i < cnt; i++) {
            int cc = touched[i];
            if (cc != c) {
                nadj[pos] = cc;
                nw[pos++] = acc[cc];
            }
            acc[cc] = 0.0;
        }
        return pos;
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
