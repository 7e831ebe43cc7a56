package org.parcelnet.paths;

import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

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
 *       {@code n · (8·width + 64)} bytes would exceed 512 MiB), one scan of a node's arcs per
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
 * <p>Parallel over sources, with results independent of the thread count: the pivots are cut into
 * units (batches of the BFS kernel, single sources otherwise) and the units into at most
 * {@value #LANES} contiguous <em>lanes</em>, a function of the pivot count only. Each lane sums its
 * sources' dependencies, in pivot order, into its own array; the workers take lanes by index, and
 * the lanes' arrays are added to the total in lane order. The scores, to the last bit, and so the
 * order of ties, depend only on the graph, the costs, the samples and the seed. The batch width is a
 * function of n only; the thread count is capped so that the kernels' memory stays within
 * {@link #BATCH_MEMORY}. Cost O(k·m) unweighted, O(k·(m + D)) with integer costs (D the largest
 * distance), O(k·(m + n log n)) otherwise, for k sources, plus O(m) for the private copy of the
 * graph (4 bytes per node and per arc, plus 4 or 8 per arc for costs; for the renumbering, transiently
 * 4 more per arc and 20 per node). Working state per thread: 8 bytes per node for a lane's partial
 * scores (a finished lane waits for the lanes before it, so a few more may be held), plus 8·width +
 * 16 per node and 12 per entry of the level lists (about 3.4 entries per node for 32 sources on the
 * 1M fixture) for the undirected BFS; 16 (directed BFS); 24, plus 4·(C+1) bytes of bucket heads
 * (Dial); 36 (heap). The kernels live in their own classes ({@code BatchedBfs}, {@code DirectedBfs},
 * {@code DialDijkstra}, {@code HeapDijkstra}) over a shared private copy of the graph
 * ({@code BrandesGraph}).
 *
 * <p>References: U. Brandes, "A faster algorithm for betweenness centrality", J. Math. Sociology 25(2)
 * (2001) 163–177, doi:10.1080/0022250X.2001.9990249; U. Brandes and C. Pich, "Centrality estimation in
 * large networks", Int. J. Bifurcation and Chaos 17(7) (2007) 2303–2318, doi:10.1142/S0218127407018403.
 */
public final class Betweenness {

    private Betweenness() {
    }

    /**
     * Options, validated on construction; built with {@link #builder()} (as every algorithm's options).
     *
     * @param arcCost    cost per out-arc, or null for hop counts (BFS)
     * @param normalized divide as NetworkX does
     * @param samples    number of pivot sources; 0 (or ≥ n) for the exact value
     * @param seed       seed of the pivot sample
     * @param threads    worker threads (≥ 1); the scores do not depend on it
     */
    public record Options(double[] arcCost, boolean normalized, int samples, long seed, int threads) {

        /** Exact, unweighted, unnormalised, seed 1, all available processors. */
        public static final Options DEFAULTS = builder().build();

        public Options {
            if (samples < 0) {
                throw new IllegalArgumentException("samples must be >= 0, got " + samples);
            }
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            }
        }

        /** A builder starting from the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these values. */
        public Builder toBuilder() {
            return new Builder().arcCost(arcCost).normalized(normalized).samples(samples).seed(seed).threads(threads);
        }

        /** Builder of {@link Options}. */
        public static final class Builder {
            private double[] arcCost;
            private boolean normalized;
            private int samples;
            private long seed = 1;
            private int threads = Runtime.getRuntime().availableProcessors();

            public Builder arcCost(double[] v) {
                arcCost = v;
                return this;
            }

            public Builder normalized(boolean v) {
                normalized = v;
                return this;
            }

            public Builder samples(int v) {
                samples = v;
                return this;
            }

            public Builder seed(long v) {
                seed = v;
                return this;
            }

            public Builder threads(int v) {
                threads = v;
                return this;
            }

            public Options build() {
                return new Options(arcCost, normalized, samples, seed, threads);
            }
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
        return compute(g, Options.DEFAULTS).score();
    }

    /** Graphs with at least this many nodes are renumbered by {@link LocalityOrder} first. */
    static final int RELABEL_MIN_NODES = 1 << 16;

    /** Betweenness of every node of {@code g}. */
    public static Result compute(CompactGraph g, Options o) {
        return compute(g, o, ProgressListener.NONE);
    }

    /**
     * Betweenness of every node of {@code g}, reporting pivots searched to {@code progress} and
     * honouring its cancellation.
     */
    public static Result compute(CompactGraph g, Options o, ProgressListener progress) {
        Objects.requireNonNull(g, "graph");
        return compute(g, o, progress, g.nodeCount() >= RELABEL_MIN_NODES);
    }

    /** As {@link #compute(CompactGraph, Options, ProgressListener)}, renumbering for locality when asked. */
    static Result compute(CompactGraph g, Options o, ProgressListener progress, boolean relabel) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(o, "options");
        Objects.requireNonNull(progress, "progress");
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
        BrandesGraph bg = BrandesGraph.of(g, cost, relabel);
        if (bg.rank != null) {
            for (int i = 0; i < k; i++) {
                pivots[i] = bg.rank[pivots[i]];
            }
        }
        int width = bg.kind == BrandesGraph.Kind.BFS_UNDIRECTED ? Math.max(1, Math.min(batchWidth(n), k)) : 1;
        progress.begin("betweenness", k);
        double[] sum;
        try {
            sum = sumOverSources(bg, pivots, width, o.threads(), progress);
        } finally {
            progress.end();
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
        if (bg.rank != null) {
            score = new double[n];
            for (int v = 0; v < n; v++) {
                score[v] = sum[bg.rank[v]];
            }
        }
        if (scale != 1.0) {
            for (int v = 0; v < n; v++) {
                score[v] *= scale;
            }
        }
        return new Result(score, k, exact);
    }

    /** Memory the kernels may take across all threads (for the batched BFS: σ lanes and level lists). */
    static final long BATCH_MEMORY = 1L << 30;

    /** Memory one batched BFS kernel may take; its width follows from n alone. */
    static final long KERNEL_MEMORY = BATCH_MEMORY / 2;

    /** Lanes at most: the pivots' units are summed in this many fixed groups (see the class comment). */
    static final int LANES = 32;

    /**
     * Sources per batch of the undirected BFS kernel: 32 (the most a 64-bit word of 2-bit level codes
     * holds), halved while {@code n · (8·width + 64)} bytes exceed {@link #KERNEL_MEMORY}. A function of
     * n only (not of the heap size or the thread count), so results stay reproducible.
     */
    static int batchWidth(int n) {
        for (int w = BatchedBfs.MAX_WIDTH; w > 1; w >>= 1) {
            if ((long) n * (8L * w + 64) <= KERNEL_MEMORY && (long) n * w <= Integer.MAX_VALUE - 16) {
                return w;
            }
        }
        return 1;
    }

    /** Bytes of one kernel's working state for a graph of n nodes (see the class comment). */
    private static long kernelBytes(BrandesGraph g, int width) {
        long n = g.n;
        return switch (g.kind) {
            case BFS_UNDIRECTED -> n * (8L * width + 64);
            case BFS_DIRECTED -> 24 * n;
            case DIAL -> 32 * n + 4L * (g.maxCost + 1);
            case HEAP -> 44 * n;
        };
    }

    /**
     * The sum over the pivots of their dependencies, in the graph's numbering: units of {@code width}
     * pivots grouped into lanes, lanes run on up to {@code threads} workers, their arrays added in
     * lane order. Bit-for-bit the same for every thread count.
     */
    static double[] sumOverSources(BrandesGraph g, int[] pivots, int width, int threads, ProgressListener progress) {
        final int k = pivots.length;
        final int units = (k + width - 1) / width;
        final int lanes = Math.max(1, Math.min(LANES, units));
        long perKernel = kernelBytes(g, width) + 8L * g.n;
        int workers = (int) Math.max(1, Math.min(Math.min(threads, lanes), BATCH_MEMORY / Math.max(1, perKernel)));
        LaneSum total = new LaneSum(lanes);
        ConcurrentLinkedQueue<BrandesKernel> idle = new ConcurrentLinkedQueue<>();
        try (WorkerPool pool = WorkerPool.of(workers, "betweenness")) {
            pool.forEach(lanes, lane -> {
                int from = (int) Math.min(k, (long) units * lane / lanes * width);
                int to = (int) Math.min(k, (long) units * (lane + 1) / lanes * width);
                BrandesKernel kernel = idle.poll();
                if (kernel == null) {
                    kernel = BrandesKernel.of(g, width);
                }
                double[] score = new double[g.n];
                int done = 0;
                for (int u = from; u < to; u += width) {
                    int e = Math.min(to, u + width);
                    kernel.run(pivots, u, e, score);
                    done += e - u;
                    if (done >= 64) {
                        progress.advance(done);
                        progress.checkCancelled();
                        done = 0;
                    }
                }
                progress.advance(done);
                idle.add(kernel);
                total.add(lane, score);
            }, progress);
        }
        return total.sum();
    }

    /** Lane arrays added to the total strictly in lane order, whatever order they finish in. */
    private static final class LaneSum {
        private final double[][] pending;
        private double[] sum;
        private int next;

        LaneSum(int lanes) {
            pending = new double[lanes][];
        }

        synchronized void add(int lane, double[] score) {
            pending[lane] = score;
            while (next < pending.length && pending[next] != null) {
                double[] p = pending[next];
                pending[next++] = null;
                if (sum == null) {
                    sum = p;
                } else {
                    for (int v = 0; v < p.length; v++) {
                        sum[v] += p[v];
                    }
                }
            }
        }

        synchronized double[] sum() {
            if (next != pending.length) {
                throw new IllegalStateException("lanes missing");
            }
            return sum;
        }
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
}
