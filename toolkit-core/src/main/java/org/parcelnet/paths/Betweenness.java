package org.parcelnet.paths;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;

/**
 * Betweenness centrality by Brandes' algorithm: one single-source shortest-path search per source
 * (BFS when unweighted, Dijkstra otherwise) followed by the backward accumulation of dependencies
 * {@code δ(v) = Σ_{w: v∈pred(w)} σ(v)/σ(w) · (1 + δ(w))}.
 *
 * <p>Conventions (the same as igraph and {@code networkx.betweenness_centrality(normalized=False)}):
 * the score of {@code v} is {@code Σ_{s≠v≠t} σ_st(v)/σ_st} over ordered pairs of a directed graph and
 * over unordered pairs of an undirected graph (each pair counted once). With {@code normalized} the
 * scores are divided as NetworkX does: by {@code (n-1)(n-2)} for directed graphs and by
 * {@code (n-1)(n-2)/2} for undirected graphs (no scaling when {@code n ≤ 2}). JGraphT's
 * {@code BetweennessCentrality} agrees unnormalised; its normalised undirected value is half of ours.
 *
 * <p>Sampling (Brandes &amp; Pich 2007): with {@code samples = k < n}, only {@code k} pivot sources
 * drawn uniformly without replacement from a {@link SplittableRandom} seeded with {@code seed} are
 * searched and the sums are scaled by {@code n/k}, an unbiased estimate of the exact value. With
 * {@code k ≥ n} the result is exact.
 *
 * <p>Kernels, chosen from the graph and costs (all exact; none keeps predecessor lists, the backward
 * pass tests which arcs are tight and overwrites σ(v) with (1+δ(v))/σ(v), the only value v's
 * predecessors need):
 * <ul>
 *   <li>undirected, no costs (or all costs 1): BFS for 32 sources at once (16, 8, … when
 *       {@code threads · n · (8·width + 64)} bytes would exceed 1 GiB), one scan of a node's arcs per
 *       level serving every source of the batch, with 2-bit level codes (level mod 3) per source;</li>
 *   <li>directed, no costs: one BFS per source with int levels;</li>
 *   <li>integer costs 1..65,536 (with largest cost × (n−1) &lt; 2³¹): Dijkstra with Dial's bucket
 *       queue, ties exact;</li>
 *   <li>other costs: Dijkstra with an indexed 4-ary heap; two path costs within {@code 1e-10}
 *       relative count as equal, so that sums of fractional costs (e.g. {@link Cost#INVERSE}) still
 *       count ties.</li>
 * </ul>
 * Costs must be positive (zero-cost arcs break the order of the accumulation); infinite-cost arcs
 * are dropped.
 *
 * <p>Locality: graphs of at least 65,536 nodes are renumbered first ({@link LocalityOrder}, a few
 * label-propagation sweeps, then nodes grouped by label) so that the nodes a search touches together
 * sit together in memory; scores are mapped back. On the 1M-node planted-partition fixture, whose ids
 * are a random permutation, this and the batching cut the CPU per pivot from about 1.2 s to 0.2 s.
 *
 * <p>Parallel over sources: the pivots are cut into units (batches of the BFS kernel, single
 * sources otherwise); thread {@code t} of {@code T} handles units {@code t, t+T, …} into its own
 * score array and the arrays are summed in thread order, so the result is bit-for-bit reproducible
 * for a given graph, seed and thread count. Other thread counts group the sums differently and agree
 * to rounding only. Cost O(k·m) unweighted, O(k·(m + D)) with integer costs (D the largest
 * distance), O(k·(m + n log n)) otherwise, for k sources, plus O(m) for the private copy of the
 * graph (4 bytes per node and per arc, plus 4 or 8 per arc for costs; for the renumbering, transiently
 * 4 more per arc and 20 per node). Working state per thread: 8 bytes per node (partial scores) plus 8·width + 16
 * per node and 12 per entry of the level lists (about 3.4 entries per node for 32 sources on the 1M
 * fixture) for the undirected BFS; 16 (directed BFS); 24, plus 4·(C+1) bytes of bucket heads (Dial);
 * 36 (heap).
 *
 * <p>References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2)
 * (2001) 163–177, doi:10.1080/0022250X.2001.9990249; U. Brandes and C. Pich, "Centrality estimation in
 * large networks", Int. J. Bifurcation and Chaos 17(7) (2007) 2303–2318, doi:10.1142/S0218127407018403.
 */
public final class Betweenness {

    private static final double TIE = 1e-10;

    private Betweenness() {
    }

    /**
     * Options, validated on construction.
     *
     * @param arcCost    cost per out-arc, or null for hop counts (BFS)
     * @param normalized divide as NetworkX does
     * @param samples    number of pivot sources; 0 (or ≥ n) for the exact value
     * @param seed       seed of the pivot sample
     * @param threads    worker threads (≥ 1)
     * @param progress   progress and cancellation
     */
    public record Options(double[] arcCost, boolean normalized, int samples, long seed, int threads,
                          ProgressListener progress) {

        public Options {
            if (samples < 0) {
                throw new IllegalArgumentException("samples must be >= 0, got " + samples);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
            Objects.requireNonNull(progress, "progress");
        }

        /** Exact, unweighted, unnormalised, all available processors. */
        public static Options defaults() {
            return new Options(null, false, 0, 1L, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
        }

        public Options withArcCost(double[] c) {
            return new Options(c, normalized, samples, seed, threads, progress);
        }

        public Options withNormalized(boolean b) {
            return new Options(arcCost, b, samples, seed, threads, progress);
        }

        public Options withSamples(int k) {
            return new Options(arcCost, normalized, k, seed, threads, progress);
        }

        public Options withSeed(long s) {
            return new Options(arcCost, normalized, samples, s, threads, progress);
        }

        public Options withThreads(int t) {
            return new Options(arcCost, normalized, samples, seed, t, progress);
        }

        public Options withProgress(ProgressListener p) {
            return new Options(arcCost, normalized, samples, seed, threads, p);
        }
    }

    /**
     * Scores and how they were obtained.
     *
     * @param score  betweenness per node (fresh array owned by the caller)
     * @param pivots number of sources searched
     * @param exact  whether every node was a source
     */
    public record Result(double[] score, int pivots, boolean exact) {
    }

    /** Exact unweighted betweenness with default options. */
    public static double[] exact(CompactGraph g) {
        return compute(g, Options.defaults()).score();
    }

    /** Graphs with at least this many nodes are renumbered by {@link LocalityOrder} first. */
    static final int RELABEL_MIN_NODES = 1 << 16;

    /** Betweenness of every node of {@code g}. */
    public static Result compute(CompactGraph g, Options o) {
        Objects.requireNonNull(g, "graph");
        return compute(g, o, g.nodeCount() >= RELABEL_MIN_NODES);
    }

    /** As {@link #compute(CompactGraph, Options)}, renumbering the nodes for locality when asked. */
    static Result compute(CompactGraph g, Options o, boolean relabel) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(o, "options");
        int n = g.nodeCount();
        double[] cost = o.arcCost();
        if (cost != null) {
            if (cost.length != g.arcCount()) {
                throw new IllegalArgumentException("arcCost has " + cost.length + " entries for " + g.arcCount() + " arcs");
            }
            for (int a = 0; a < cost.length; a++) {
                if (!(cost[a] > 0)) {
                    throw new IllegalArgumentException("betweenness needs positive arc costs, arc " + a + " has " + cost[a]);
                }
            }
        }
        int[] pivots = pivots(n, o.samples(), o.seed());
        int k = pivots.length;
        Csr csr = Csr.of(g, cost, relabel);
        if (csr.rank != null) {
            for (int i = 0; i < k; i++) {
                pivots[i] = csr.rank[pivots[i]];
            }
        }
        int width = csr.kind == Kind.BFS_UNDIRECTED ? Math.max(1, Math.min(batchWidth(n, o.threads()), k)) : 1;
        int units = (k + width - 1) / width;
        int threads = Math.max(1, Math.min(o.threads(), units));
        double[][] partial = new double[threads][];
        ProgressListener progress = o.progress();
        progress.begin("betweenness", k);
        if (threads == 1) {
            partial[0] = run(csr, pivots, width, 0, 1, progress);
        } else {
            Thread[] ts = new Thread[threads];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                ts[t] = new Thread(() -> {
                    try {
                        partial[id] = run(csr, pivots, width, id, threads, progress);
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }, "betweenness-" + t);
                ts[t].start();
            }
            for (Thread t : ts) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            Throwable f = failure.get();
            if (f instanceof RuntimeException r) {
                throw r;
            } else if (f instanceof Error err) {
                throw err;
            } else if (f != null) {
                throw new IllegalStateException(f);
            }
        }
        progress.end();
        double[] sum = partial[0];
        for (int t = 1; t < threads; t++) {
            double[] p = partial[t];
            for (int v = 0; v < n; v++) {
                sum[v] += p[v];
            }
        }
        boolean exact = k == n;
        double scale = exact ? 1.0 : (double) n / k;
        if (!g.isDirected()) {
            scale *= 0.5;
        }
        if (o.normalized() && n > 2) {
            scale /= g.isDirected() ? (n - 1.0) * (n - 2.0) : (n - 1.0) * (n - 2.0) / 2.0;
        }
        double[] score = sum;
        if (csr.rank != null) {
            score = new double[n];
            for (int v = 0; v < n; v++) {
                score[v] = sum[csr.rank[v]];
            }
        }
        if (scale != 1.0) {
            for (int v = 0; v < n; v++) {
                score[v] *= scale;
            }
        }
        return new Result(score, k, exact);
    }

    /** Memory the batched BFS kernel may take across all threads (σ lanes and level lists). */
    static final long BATCH_MEMORY = 1L << 30;

    /**
     * Sources per batch of the undirected BFS kernel: 32 (the most a 64-bit word of 2-bit level codes
     * holds), halved while {@code threads · n · (8·width + 64)} bytes exceed {@link #BATCH_MEMORY}. A
     * function of n and the thread count only (not of the heap size), so results stay reproducible.
     */
    static int batchWidth(int n, int threads) {
        for (int w = BatchedBfs.MAX_WIDTH; w > 1; w >>= 1) {
            if ((long) threads * n * (8L * w + 64) <= BATCH_MEMORY && (long) n * w <= Integer.MAX_VALUE - 16) {
                return w;
            }
        }
        return 1;
    }

    /** All nodes when {@code samples} is 0 or ≥ n, else a seeded uniform sample without replacement. */
    static int[] pivots(int n, int samples, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (samples == 0 || samples >= n) {
            return all;
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < samples; i++) {
            int j = i + rnd.nextInt(n - i);
            int tmp = all[i];
            all[i] = all[j];
            all[j] = tmp;
        }
        return Arrays.copyOf(all, samples);
    }

    /** One thread's share: units (batches of {@code width} pivots) {@code first, first+stride, …}. */
    private static double[] run(Csr csr, int[] pivots, int width, int first, int stride, ProgressListener progress) {
        double[] score = new double[csr.n];
        Kernel kernel = switch (csr.kind) {
            case BFS_UNDIRECTED -> new BatchedBfs(csr, width);
            case BFS_DIRECTED -> new DirectedBfs(csr);
            case DIAL -> new DialDijkstra(csr);
            case HEAP -> new HeapDijkstra(csr);
        };
        int done = 0;
        for (int from = first * width; from < pivots.length; from += stride * width) {
            int to = Math.min(pivots.length, from + width);
            kernel.run(pivots, from, to, score);
            done += to - from;
            if (done >= 64) {
                progress.advance(done);
                progress.checkCancelled();
                done = 0;
            }
        }
        progress.advance(done);
        return score;
    }

    /** Which kernel a graph needs. */
    private enum Kind { BFS_UNDIRECTED, BFS_DIRECTED, DIAL, HEAP }

    /**
     * The kernels' private copy of the graph: CSR arrays (renumbered when {@code rank} is set), arcs
     * of infinite cost dropped, costs as ints when they are all small integers (bucket queue) or as
     * doubles (heap), none when all are 1 or absent (BFS).
     */
    private static final class Csr {
        final int n;
        final int[] off;
        final int[] tgt;
        final int[] icost;
        final double[] cost;
        final int maxCost;
        final int[] rank;
        final Kind kind;

        private Csr(int n, int[] off, int[] tgt, int[] icost, double[] cost, int maxCost, int[] rank, Kind kind) {
            this.n = n;
            this.off = off;
            this.tgt = tgt;
            this.icost = icost;
            this.cost = cost;
            this.maxCost = maxCost;
            this.rank = rank;
            this.kind = kind;
        }

        static Csr of(CompactGraph g, double[] cost, boolean relabel) {
            int n = g.nodeCount();
            boolean unit = true;
            boolean integral = true;
            double max = 0;
            if (cost != null) {
                for (double c : cost) {
                    if (c == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    unit &= c == 1.0;
                    integral &= c == Math.rint(c) && c <= DialDijkstra.MAX_COST;
                    max = Math.max(max, c);
                }
            }
            Kind kind;
            if (cost == null || unit) {
                kind = g.isDirected() ? Kind.BFS_DIRECTED : Kind.BFS_UNDIRECTED;
            } else if (integral && max * Math.max(1, n - 1) < Integer.MAX_VALUE) {
                kind = Kind.DIAL;
            } else {
                kind = Kind.HEAP;
            }
            int m = 0;
            for (int a = 0; a < g.arcCount(); a++) {
                if (cost == null || cost[a] != Double.POSITIVE_INFINITY) {
                    m++;
                }
            }
            int[] off = new int[n + 1];
            int[] tgt = new int[m];
            int[] ic = kind == Kind.DIAL ? new int[m] : null;
            double[] dc = kind == Kind.HEAP ? new double[m] : null;
            int[] rank = null;
            int[] inv = null;
            if (relabel) {
                int[] o0 = new int[n + 1];
                int[] t0 = new int[g.arcCount()];
                for (int v = 0; v < n; v++) {
                    o0[v] = g.outStart(v);
                    for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                        t0[a] = g.target(a);
                    }
                }
                o0[n] = g.arcCount();
                rank = LocalityOrder.rank(n, o0, t0, 3);
                inv = new int[n];
                for (int v = 0; v < n; v++) {
                    inv[rank[v]] = v;
                }
            }
            int p = 0;
            for (int nv = 0; nv < n; nv++) {
                off[nv] = p;
                int u = inv == null ? nv : inv[nv];
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    if (cost != null && cost[a] == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    int v = g.target(a);
                    tgt[p] = rank == null ? v : rank[v];
                    if (ic != null) {
                        ic[p] = (int) cost[a];
                    } else if (dc != null) {
                        dc[p] = cost[a];
                    }
                    p++;
                }
                if (rank != null && ic == null && dc == null) {
                    Arrays.sort(tgt, off[nv], p); // neighbours in memory order: a few % faster traversals
                }
            }
            off[n] = p;
            return new Csr(n, off, tgt, ic, dc, (int) Math.min(max, Integer.MAX_VALUE), rank, kind);
        }
    }

    /** Brandes for the sources {@code src[from..to)}, adding their dependencies to {@code score}. */
    private interface Kernel {
        void run(int[] src, int from, int to, double[] score);
    }

    /**
     * Undirected BFS for up to 32 sources at once, level by level (multi-source traversal in the
     * manner of M. Then et al., "The more the merrier: efficient multi-source graph traversal", PVLDB
     * 8(4) (2014) 449–460, doi:10.14778/2735496.2735507, extended with path counts). Node v holds, per
     * source j of the batch, a 2-bit level code (0 unreached, else 1 + level mod 3; the neighbours of a
     * node at level l sit at l−1, l or l+1, so mod 3 tells them apart) in one long, and σ_j(v) in
     * {@code sig[v·K + j]}, later overwritten by (1+δ_j(v))/σ_j(v). The frontier of a level is a list of
     * (node, mask of the sources for which the node is at that level), sorted by node: one scan of a
     * node's arcs serves every source of its mask, and the σ values of all sources share the node's
     * cache lines. Masks keep source j at bit 2j to match the codes.
     * Memory per thread: 8K + 16 bytes per node, plus 12 bytes per list entry (about 3 per node).
     */
    private static final class BatchedBfs implements Kernel {
        static final int MAX_WIDTH = 32;
        private static final long LOW = 0x5555555555555555L;
        private final int n;
        private final int[] off;
        private final int[] tgt;
        private final int width;
        private final long[] code;
        private final long[] nextMask;
        private final double[] sig;
        private final double[] acc;
        private int[] ent;
        private long[] entMask;
        private int[] levelStart = new int[64];

        BatchedBfs(Csr g, int width) {
            n = g.n;
            off = g.off;
            tgt = g.tgt;
            this.width = width;
            code = new long[n];
            nextMask = new long[n];
            sig = new double[n * width];
            acc = new double[width];
            ent = new int[n + width];
            entMask = new long[n + width];
        }

        private void grow() {
            int cap = ent.length + (ent.length >> 1) + 16;
            ent = Arrays.copyOf(ent, cap);
            entMask = Arrays.copyOf(entMask, cap);
        }

        @Override
        public void run(int[] src, int from, int to, double[] score) {
            final int[] off = this.off;
            final int[] tgt = this.tgt;
            final long[] code = this.code;
            final long[] nextMask = this.nextMask;
            final double[] sig = this.sig;
            final int kw = width;
            int end = 0;
            for (int j = 0; j < to - from; j++) {
                int s = src[from + j];
                code[s] |= 1L << (2 * j);
                sig[s * kw + j] = 1;
                ent[end] = s;
                entMask[end] = 1L << (2 * j);
                end++;
            }
            Arrays.sort(ent, 0, end); // sources are distinct: one entry each, re-derive masks
            for (int e = 0; e < end; e++) {
                int s = ent[e];
                entMask[e] = code[s];
            }
            levelStart[0] = 0;
            levelStart[1] = end;
            int l = 0;
            while (levelStart[l] < levelStart[l + 1]) {
                int lo = levelStart[l];
                int hi = levelStart[l + 1];
                for (int e = lo; e < hi; e++) {
                    int u = ent[e];
                    long mask = entMask[e];
                    int bu = u * kw;
                    for (int a = off[u], ae = off[u + 1]; a < ae; a++) {
                        int v = tgt[a];
                        long cv = code[v];
                        long d = mask & ~((cv | (cv >>> 1)) & LOW); // sources for which v is new
                        if (d == 0) {
                            continue;
                        }
                        long nm = nextMask[v];
                        if (nm == 0) {
                            if (end == ent.length) {
                                grow();
                            }
                            ent[end++] = v;
                        }
                        nextMask[v] = nm | d;
                        int bv = v * kw;
                        do {
                            int j = Long.numberOfTrailingZeros(d) >>> 1;
                            sig[bv + j] += sig[bu + j];
                            d &= d - 1;
                        } while (d != 0);
                    }
                }
                // next level, sorted by node: a sweep of the mask array when large, else a sort
                if (end - hi > n >>> 5) {
                    int p = hi;
                    for (int v = 0; v < n; v++) {
                        if (nextMask[v] != 0) {
                            ent[p++] = v;
                        }
                    }
                } else {
                    Arrays.sort(ent, hi, end);
                }
                long c = 1 + (l + 1) % 3;
                for (int e = hi; e < end; e++) {
                    int v = ent[e];
                    long m = nextMask[v];
                    entMask[e] = m;
                    code[v] |= m * c; // m has isolated bits 2j, so m·c writes c into each field j
                    nextMask[v] = 0;
                }
                l++;
                if (l + 1 >= levelStart.length) {
                    levelStart = Arrays.copyOf(levelStart, 2 * levelStart.length);
                }
                levelStart[l + 1] = end;
            }
            final double[] acc = this.acc;
            for (int lv = l - 1; lv >= 0; lv--) {
                long next = (1 + (lv + 1) % 3) * LOW;
                for (int e = levelStart[lv], ee = levelStart[lv + 1]; e < ee; e++) {
                    int w = ent[e];
                    long mask = entMask[e];
                    for (int a = off[w], ae = off[w + 1]; a < ae; a++) {
                        int x = tgt[a];
                        long t = code[x] ^ next;
                        long succ = ~(t | (t >>> 1)) & mask; // sources for which x is one level further
                        if (succ == 0) {
                            continue;
                        }
                        int bx = x * kw;
                        do {
                            int j = Long.numberOfTrailingZeros(succ) >>> 1;
                            acc[j] += sig[bx + j];
                            succ &= succ - 1;
                        } while (succ != 0);
                    }
                    int bw = w * kw;
                    double sum = 0;
                    do {
                        int j = Long.numberOfTrailingZeros(mask) >>> 1;
                        double sw = sig[bw + j];
                        double aj = acc[j];
                        sum += sw * aj;
                        sig[bw + j] = 1 / sw + aj;
                        acc[j] = 0;
                        mask &= mask - 1;
                    } while (mask != 0);
                    if (lv > 0) {
                        score[w] += sum;
                    }
                }
            }
            for (int e = 0; e < end; e++) {
                int v = ent[e];
                code[v] = 0;
                Arrays.fill(sig, v * kw, v * kw + kw, 0.0);
            }
        }
    }

    /**
     * One directed BFS per source. An out-neighbour may sit at any earlier level, so exact levels
     * (1 + level, 0 unreached) are kept in an int array. The backward pass overwrites σ(v) with
     * (1+δ(v))/σ(v), the only value v's predecessors need. 16 bytes per node per thread.
     */
    private static final class DirectedBfs implements Kernel {
        private final int[] off;
        private final int[] tgt;
        private final int[] depth;
        private final double[] sigma;
        private final int[] order;

        DirectedBfs(Csr g) {
            off = g.off;
            tgt = g.tgt;
            depth = new int[g.n];
            sigma = new double[g.n];
            order = new int[g.n];
        }

        @Override
        public void run(int[] src, int from, int to, double[] score) {
            for (int i = from; i < to; i++) {
                one(src[i], score);
            }
        }

        private void one(int s, double[] score) {
            final int[] off = this.off;
            final int[] tgt = this.tgt;
            final int[] depth = this.depth;
            final double[] sigma = this.sigma;
            final int[] q = order;
            depth[s] = 1;
            sigma[s] = 1;
            q[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int u = q[head++];
                int next = depth[u] + 1;
                double su = sigma[u];
                for (int a = off[u], end = off[u + 1]; a < end; a++) {
                    int v = tgt[a];
                    int dv = depth[v];
                    if (dv == 0) {
                        depth[v] = next;
                        sigma[v] = su;
                        q[tail++] = v;
                    } else if (dv == next) {
                        sigma[v] += su;
                    }
                }
            }
            for (int i = tail - 1; i >= 0; i--) {
                int w = q[i];
                int next = depth[w] + 1;
                double acc = 0;
                for (int a = off[w], end = off[w + 1]; a < end; a++) {
                    int x = tgt[a];
                    if (depth[x] == next) {
                        acc += sigma[x];
                    }
                }
                double sw = sigma[w];
                if (w != s) {
                    score[w] += sw * acc;
                }
                sigma[w] = 1 / sw + acc;
            }
            for (int i = 0; i < tail; i++) {
                int v = q[i];
                depth[v] = 0;
                sigma[v] = 0;
            }
        }
    }

    /**
     * Dijkstra with Dial's bucket queue (R. B. Dial, "Algorithm 360", Comm. ACM 12(11) (1969) 632–633,
     * doi:10.1145/363269.363610) for integer costs 1..C: C+1 circular buckets of doubly linked nodes,
     * O(m + D) per source for a largest distance D; ties are exact in integer arithmetic. 24 bytes per
     * node per thread plus the C+1 bucket heads.
     */
    private static final class DialDijkstra implements Kernel {
        static final int MAX_COST = 1 << 16;
        private static final int UNREACHED = Integer.MAX_VALUE;
        private final int[] off;
        private final int[] tgt;
        private final int[] cost;
        private final int[] dist;
        private final double[] sigma;
        private final int[] order;
        private final int[] head;
        private final int[] next;
        private final int[] prev;

        DialDijkstra(Csr g) {
            off = g.off;
            tgt = g.tgt;
            cost = g.icost;
            dist = new int[g.n];
            Arrays.fill(dist, UNREACHED);
            sigma = new double[g.n];
            order = new int[g.n];
            head = new int[g.maxCost + 1];
            Arrays.fill(head, -1);
            next = new int[g.n];
            prev = new int[g.n];
        }

        @Override
        public void run(int[] src, int from, int to, double[] score) {
            for (int i = from; i < to; i++) {
                one(src[i], score);
            }
        }

        private void one(int s, double[] score) {
            final int[] off = this.off;
            final int[] tgt = this.tgt;
            final int[] cost = this.cost;
            final int[] dist = this.dist;
            final double[] sigma = this.sigma;
            final int[] head = this.head;
            final int[] next = this.next;
            final int[] prev = this.prev;
            final int buckets = head.length;
            dist[s] = 0;
            sigma[s] = 1;
            head[0] = s;
            next[s] = -1;
            prev[s] = -1;
            int queued = 1;
            int count = 0;
            int cur = 0;
            int b = 0; // cur mod buckets
            while (queued > 0) {
                int u;
                while ((u = head[b]) < 0) {
                    cur++;
                    if (++b == buckets) {
                        b = 0;
                    }
                }
                // pop u: every node of bucket b is at distance cur (distances pending lie in [cur, cur+C])
                int nu = next[u];
                head[b] = nu;
                if (nu >= 0) {
                    prev[nu] = -1;
                }
                queued--;
                order[count++] = u;
                int du = cur;
                double su = sigma[u];
                for (int a = off[u], end = off[u + 1]; a < end; a++) {
                    int v = tgt[a];
                    int d = du + cost[a];
                    int dv = dist[v];
                    if (d < dv) {
                        if (dv == UNREACHED) {
                            queued++;
                        } else {
                            int pv = prev[v];
                            int xv = next[v];
                            if (pv >= 0) {
                                next[pv] = xv;
                            } else {
                                head[dv % buckets] = xv;
                            }
                            if (xv >= 0) {
                                prev[xv] = pv;
                            }
                        }
                        dist[v] = d;
                        sigma[v] = su;
                        int bv = d % buckets;
                        int h = head[bv];
                        next[v] = h;
                        prev[v] = -1;
                        if (h >= 0) {
                            prev[h] = v;
                        }
                        head[bv] = v;
                    } else if (d == dv) {
                        sigma[v] += su;
                    }
                }
            }
            for (int i = count - 1; i >= 0; i--) {
                int w = order[i];
                int dw = dist[w];
                double acc = 0;
                for (int a = off[w], end = off[w + 1]; a < end; a++) {
                    int x = tgt[a];
                    // a select rather than a branch: whether an arc is tight is unpredictable
                    acc += dist[x] == dw + cost[a] ? sigma[x] : 0.0;
                }
                double sw = sigma[w];
                if (w != s) {
                    score[w] += sw * acc;
                }
                sigma[w] = 1 / sw + acc;
            }
            for (int i = 0; i < count; i++) {
                int v = order[i];
                dist[v] = UNREACHED;
                sigma[v] = 0;
            }
        }
    }

    /**
     * Dijkstra with an indexed 4-ary heap, for costs that are not small integers. Two path costs are
     * equal when they differ by at most {@code 1e-10} relative. Distance and σ are interleaved
     * ({@code st[2v]}, {@code st[2v+1]}) so that each arc costs one cache line in either pass; 36 bytes
     * per node per thread.
     */
    private static final class HeapDijkstra implements Kernel {
        private final int[] off;
        private final int[] tgt;
        private final double[] cost;
        private final double[] st;
        private final int[] order;
        private final IndexedHeap heap;

        HeapDijkstra(Csr g) {
            off = g.off;
            tgt = g.tgt;
            cost = g.cost;
            st = new double[2 * g.n];
            for (int v = 0; v < g.n; v++) {
                st[2 * v] = Double.POSITIVE_INFINITY;
            }
            order = new int[g.n];
            heap = new IndexedHeap(g.n);
        }

        @Override
        public void run(int[] src, int from, int to, double[] score) {
            for (int i = from; i < to; i++) {
                one(src[i], score);
            }
        }

        private void one(int s, double[] score) {
            final int[] off = this.off;
            final int[] tgt = this.tgt;
            final double[] st = this.st;
            final double[] c = cost;
            final IndexedHeap h = heap;
            st[2 * s] = 0;
            st[2 * s + 1] = 1;
            h.insertOrDecrease(s, 0);
            int count = 0;
            while (!h.isEmpty()) {
                int u = h.pop();
                order[count++] = u;
                double du = st[2 * u];
                double su = st[2 * u + 1];
                for (int a = off[u], end = off[u + 1]; a < end; a++) {
                    int v = tgt[a];
                    double d = du + c[a];
                    double dv = st[2 * v];
                    if (dv == Double.POSITIVE_INFINITY || d < dv - TIE * dv) {
                        st[2 * v] = d;
                        st[2 * v + 1] = su;
                        h.insertOrDecrease(v, d);
                    } else if (d <= dv + TIE * dv) {
                        st[2 * v + 1] += su;
                    }
                }
            }
            for (int i = count - 1; i >= 0; i--) {
                int w = order[i];
                double dw = st[2 * w];
                double acc = 0;
                for (int a = off[w], end = off[w + 1]; a < end; a++) {
                    int x2 = 2 * tgt[a];
                    double dx = st[x2];
                    if (Math.abs(dw + c[a] - dx) <= TIE * dx && x2 != 2 * w) {
                        acc += st[x2 + 1];
                    }
                }
                double sw = st[2 * w + 1];
                if (w != s) {
                    score[w] += sw * acc;
                }
                st[2 * w + 1] = 1 / sw + acc;
            }
            for (int i = 0; i < count; i++) {
                int v = order[i];
                st[2 * v] = Double.POSITIVE_INFINITY;
                st[2 * v + 1] = 0;
            }
        }
    }
}
