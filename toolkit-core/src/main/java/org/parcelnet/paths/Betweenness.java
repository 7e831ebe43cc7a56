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
 * <p>Weighted searches treat two path costs as equal when they differ by at most {@code 1e-10}
 * relative, so that sums of fractional costs (e.g. {@link Cost#INVERSE}) still count ties. Costs must
 * be positive (zero-cost arcs break the order of the accumulation); infinite-cost arcs are skipped.
 *
 * <p>Parallel over sources: thread {@code t} of {@code T} handles pivots {@code t, t+T, …} into its
 * own score array and the arrays are summed in thread order, so for a fixed thread count the result
 * is bit-for-bit reproducible. Cost O(k·m) unweighted, O(k·(m + n log n)) weighted, for k sources.
 * Working state per thread: 4 (order) + 8 (partial scores) bytes per node, plus 9 (level mod 3 and
 * σ; 12 when directed) when unweighted or 16 (distance, σ) + 16 (heap) when weighted; nothing per arc
 * beyond the shared costs (8 bytes per arc when weighted).
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

    /** Betweenness of every node of {@code g}. */
    public static Result compute(CompactGraph g, Options o) {
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
        int threads = Math.max(1, Math.min(o.threads(), k));
        double[][] partial = new double[threads][];
        ProgressListener progress = o.progress();
        progress.begin("betweenness", k);
        if (threads == 1) {
            partial[0] = new Worker(g, cost, pivots, 0, 1, progress).call();
        } else {
            Thread[] ts = new Thread[threads];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                final int id = t;
                ts[t] = new Thread(() -> {
                    try {
                        partial[id] = new Worker(g, cost, pivots, id, threads, progress).call();
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
        double[] score = partial[0];
        for (int t = 1; t < threads; t++) {
            double[] p = partial[t];
            for (int v = 0; v < n; v++) {
                score[v] += p[v];
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
        if (scale != 1.0) {
            for (int v = 0; v < n; v++) {
                score[v] *= scale;
            }
        }
        return new Result(score, k, exact);
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

    /**
     * One thread's share of the sources and its private arrays. The backward pass overwrites σ(v) with
     * {@code 1/σ(v) + Σ_succ (1+δ(x))/σ(x)} = (1+δ(v))/σ(v), the only value v's predecessors need, so
     * no δ array is kept. Weighted: distance and σ are interleaved ({@code st[2v]}, {@code st[2v+1]})
     * so each arc costs one cache line in either pass. Unweighted: int levels apart from σ, so the
     * level test that rejects most arcs reads a 1-byte-per-node array (levels mod 3) for undirected
     * graphs, a 4-byte one for directed graphs.
     */
    private static final class Worker {
        private final CompactGraph g;
        private final double[] cost;
        private final int[] pivots;
        private final int first;
        private final int stride;
        private final ProgressListener progress;
        private final double[] st;     // weighted: interleaved distance, sigma/coef
        private final byte[] level;    // unweighted undirected: 0 unreached, else 1 + (BFS level mod 3)
        private final int[] depth;     // unweighted directed: 0 unreached, else 1 + BFS level
        private final double[] sigma;  // unweighted: sigma, then (1+delta)/sigma
        private final int[] order;
        private final double[] score;
        private final IndexedHeap heap;

        Worker(CompactGraph g, double[] cost, int[] pivots, int first, int stride, ProgressListener progress) {
            this.g = g;
            this.cost = cost;
            this.pivots = pivots;
            this.first = first;
            this.stride = stride;
            this.progress = progress;
            int n = g.nodeCount();
            if (cost == null) {
                st = null;
                level = g.isDirected() ? null : new byte[n];
                depth = g.isDirected() ? new int[n] : null;
                sigma = new double[n];
            } else {
                st = new double[2 * n];
                for (int v = 0; v < n; v++) {
                    st[2 * v] = Double.POSITIVE_INFINITY;
                }
                level = null;
                depth = null;
                sigma = null;
            }
            order = new int[n];
            score = new double[n];
            heap = cost == null ? null : new IndexedHeap(n);
        }

        double[] call() {
            int done = 0;
            for (int i = first; i < pivots.length; i += stride) {
                int s = pivots[i];
                int count;
                if (cost == null && depth != null) {
                    count = bfsDirected(s);
                    accumulateDirected(s, count);
                } else if (cost == null) {
                    count = bfs(s);
                    accumulateUnit(s, count);
                } else {
                    count = dijkstra(s);
                    accumulateWeighted(s, count);
                }
                if (++done == 64) {
                    progress.advance(done);
                    progress.checkCancelled();
                    done = 0;
                }
            }
            progress.advance(done);
            return score;
        }

        /** The code of the level after the one coded {@code c} (1 → 2 → 3 → 1). */
        private static byte nextCode(int c) {
            return (byte) (c % 3 + 1);
        }

        /**
         * BFS of an undirected graph filling order with reached nodes level by level; returns how many.
         * A neighbour of a node at level l lies at level l−1, l or l+1 (undirected graphs only), so
         * levels are told apart by their value mod 3: one
         * byte per node, a test array that stays in cache on graphs whose σ array does not. σ is touched
         * only on shortest-path arcs.
         */
        private int bfs(int s) {
            final CompactGraph g = this.g;
            final byte[] level = this.level;
            final double[] sigma = this.sigma;
            final int[] q = order;
            level[s] = 1;
            sigma[s] = 1;
            q[0] = s;
            int head = 0;
            int tail = 1;
            while (head < tail) {
                int u = q[head++];
                byte next = nextCode(level[u]);
                double su = sigma[u];
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    int v = g.target(a);
                    byte lv = level[v];
                    if (lv == 0) {
                        level[v] = next;
                        sigma[v] = su;
                        q[tail++] = v;
                    } else if (lv == next) {
                        sigma[v] += su;
                    }
                }
            }
            return tail;
        }

        /**
         * BFS over out-arcs of a directed graph: an out-neighbour may sit at any earlier level, so exact
         * levels (1 + level, 0 unreached) are kept in an int array.
         */
        private int bfsDirected(int s) {
            final CompactGraph g = this.g;
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
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    int v = g.target(a);
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
            return tail;
        }

        /** Backward pass of {@link #bfsDirected}. */
        private void accumulateDirected(int s, int count) {
            final CompactGraph g = this.g;
            final int[] depth = this.depth;
            final double[] sigma = this.sigma;
            final double[] score = this.score;
            for (int i = count - 1; i >= 0; i--) {
                int w = order[i];
                int next = depth[w] + 1;
                double acc = 0;
                for (int a = g.outStart(w), end = g.outEnd(w); a < end; a++) {
                    int x = g.target(a);
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
            for (int i = 0; i < count; i++) {
                int v = order[i];
                depth[v] = 0;
                sigma[v] = 0;
            }
        }

        private int dijkstra(int s) {
            final CompactGraph g = this.g;
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
                for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                    double ca = c[a];
                    if (ca == Double.POSITIVE_INFINITY) {
                        continue;
                    }
                    int v = g.target(a);
                    double d = du + ca;
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
            return count;
        }

        /** Backward pass of {@link #bfs}: successors are the neighbours one level further. */
        private void accumulateUnit(int s, int count) {
            final CompactGraph g = this.g;
            final byte[] level = this.level;
            final double[] sigma = this.sigma;
            final double[] score = this.score;
            for (int i = count - 1; i >= 0; i--) {
                int w = order[i];
                byte next = nextCode(level[w]);
                double acc = 0;
                for (int a = g.outStart(w), end = g.outEnd(w); a < end; a++) {
                    int x = g.target(a);
                    if (level[x] == next) {
                        acc += sigma[x];
                    }
                }
                double sw = sigma[w];
                if (w != s) {
                    score[w] += sw * acc;
                }
                sigma[w] = 1 / sw + acc;
            }
            for (int i = 0; i < count; i++) {
                int v = order[i];
                level[v] = 0;
                sigma[v] = 0;
            }
        }

        /** Backward pass for costs: successors are the heads of tight arcs. */
        private void accumulateWeighted(int s, int count) {
            final CompactGraph g = this.g;
            final double[] st = this.st;
            final double[] c = cost;
            final double[] score = this.score;
            for (int i = count - 1; i >= 0; i--) {
                int w = order[i];
                double dw = st[2 * w];
                double acc = 0;
                for (int a = g.outStart(w), end = g.outEnd(w); a < end; a++) {
                    int x2 = 2 * g.target(a);
                    double dx = st[x2];
                    double d = dw + c[a];
                    // infinite cost or unreached head: d - dx is NaN or infinite, never tight
                    if (Math.abs(d - dx) <= TIE * dx && x2 != 2 * w) {
                        acc += st[x2 + 1];
                    }
                }
                double sw = st[2 * w + 1];
                if (w != s) {
                    score[w] += sw * acc;
                }
                st[2 * w + 1] = 1 / sw + acc;
            }
            reset(count);
        }

        private void reset(int count) {
            for (int i = 0; i < count; i++) {
                int v = order[i];
                st[2 * v] = Double.POSITIVE_INFINITY;
                st[2 * v + 1] = 0;
            }
        }
    }
}
