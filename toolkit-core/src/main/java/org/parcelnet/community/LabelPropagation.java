package org.parcelnet.community;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Asynchronous label propagation: U. N. Raghavan, R. Albert, S. Kumara, "Near linear time algorithm
 * to detect community structures in large-scale networks", Phys. Rev. E 76, 036106 (2007),
 * doi:10.1103/PhysRevE.76.036106.
 *
 * <p>Every node starts with its own label. Each sweep visits the nodes in a fresh seeded random order
 * (runs of neighbouring nodes, see {@code WorkGraph});
 * a node adopts the label of largest total edge weight among its neighbours (self loops ignored),
 * keeping its current label when that is among the largest and otherwise choosing uniformly at random
 * among the tied ones. The run stops when a sweep changes nothing, which is Raghavan's criterion
 * (every node carries a label of maximal weight in its neighbourhood), or after the sweep limit. Only
 * nodes with a neighbour that changed since their last visit are re-examined, which does not change
 * the outcome of a visit (an unchanged neighbourhood keeps its label). Directed graphs are treated as
 * undirected.
 *
 * <p>Threads: a sweep is cut into windows of the visit order holding a fixed number of nodes to
 * visit; the workers sum the neighbour labels of a window's nodes against the labels at the window's
 * start, and the calling thread then applies the visits in order. A visit whose node has a neighbour
 * that changed earlier in the window is evaluated again; ties are broken there, in visit order, from
 * the one seeded generator. Every visit thus sees exactly what a one-thread sweep would, so the
 * partition is the same for every thread count (and equal to the plain sequential algorithm's).
 *
 * <p>Cost O(m) per sweep, near-linear overall; working state: the undirected adjacency (8 bytes per
 * edge, 16 more when weighted) and about 13 bytes per node, with 12 more per node for each thread.
 * Deterministic for a given seed, whatever the thread count.
 */
public final class LabelPropagation {

    /** Degree up to which neighbour labels are summed in a small hash table ({@link SmallSums}). */
    private static final int SMALL = SmallSums.MAX_DEGREE;
    /** {@link Window#proposal} of a node whose tied labels wait in its worker's buffer. */
    private static final int TIED = -1;
    /** {@link Window#proposal} of a node not evaluated ahead (it was inactive when the window was cut). */
    private static final int NONE = -2;
    /** Windows with fewer nodes to visit than this are evaluated on the calling thread alone. */
    private static final int MIN_PARALLEL = 256;

    private final LabelPropagationParams params;

    /** Label propagation with the given options. */
    public LabelPropagation(LabelPropagationParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Label propagation with {@link LabelPropagationParams#DEFAULTS}. */
    public LabelPropagation() {
        this(LabelPropagationParams.DEFAULTS);
    }

    /** The options. */
    public LabelPropagationParams params() {
        return params;
    }

    /** Runs on {@code graph}. */
    public CommunityResult run(CompactGraph graph) {
        return run(graph, ProgressListener.NONE);
    }

    /** Runs on {@code graph}, reporting sweeps to {@code progress} and honouring cancellation. */
    public CommunityResult run(CompactGraph graph, ProgressListener progress) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(progress, "progress");
        WorkGraph g = WorkGraph.of(graph);
        final int n = g.n;
        int threads = params.threads();
        int[] label = Louvain.identity(n);
        int sweeps;
        progress.begin("label propagation", params.maxIterations());
        try (WorkerPool workers = WorkerPool.of(threads, "lpa")) {
            sweeps = new Sweeps(g, label, threads).run(params, workers, progress);
        } finally {
            progress.end();
        }
        int k = WorkGraph.renumber(label);
        double q = g.modularity(label, k, 1.0);
        Partition p = Partition.of(g.toOriginal(label));
        long bytes = g.bytes() + 13L * n + 12L * n * threads;
        return new CommunityResult("lpa", p, q, List.of(new CommunityResult.Level(p, q)), sweeps, 0, bytes);
    }

    /** Per-worker state of evaluating a node: neighbour-label sums and the tied labels found. */
    private static final class Scratch {
        /** Sums of high-degree nodes, indexed by label; -1 when untouched. */
        final double[] acc;
        final int[] touched;
        final int[] keys = new int[SmallSums.SLOTS];
        final double[] vals = new double[SmallSums.SLOTS];
        final int[] used = new int[SMALL];
        final int[] nbrLabel = new int[SMALL];
        /** Labels tied for the largest sum, in order of first occurrence among the arcs. */
        int[] ties = new int[16];
        /** Tied label lists of the current window, one after the other (see {@link Window}). */
        int[] buffer = new int[1024];
        int buffered;

        Scratch(int n) {
            acc = new double[n];
            Arrays.fill(acc, -1.0);
            touched = new int[n];
            Arrays.fill(keys, -1);
        }

        void tie(int k, int l) {
            if (k == ties.length) {
                ties = Arrays.copyOf(ties, k * 2);
            }
            ties[k] = l;
        }

        int keep(int k) {
            if (buffered + k > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + k));
            }
            int at = buffered;
            System.arraycopy(ties, 0, buffer, at, k);
            buffered += k;
            return at;
        }
    }

    /**
     * The labels of largest total weight around {@code v}: 0 when v keeps its label (it is among
     * them, or v has no neighbour), else their number, listed in {@code s.ties}. Reads shared state only.
     */
    private static int candidates(WorkGraph g, int v, int[] label, Scratch s) {
        final int from = g.off[v];
        final int d = g.off[v + 1] - from;
        if (d == 0) {
            return 0;
        }
        final int[] adj = g.adj;
        final double[] w = g.w;
        final int cur = label[v];
        int ties = 0;
        if (d <= SMALL) {
            final int[] nbrLabel = s.nbrLabel;
            final int[] keys = s.keys;
            final double[] vals = s.vals;
            final int[] used = s.used;
            // Gather the labels in a plain loop (independent scattered loads, which overlap), then sum
            // them in a table that stays in L1, instead of in the n-sized accumulator, where each arc
            // was a dependent cache miss.
            for (int j = 0; j < d; j++) {
                nbrLabel[j] = label[adj[from + j]];
            }
            double curW = -1.0; // as the accumulator: −1 when no neighbour has v's label
            int nt = SmallSums.sum(nbrLabel, d, w, from, keys, vals, used);
            // Weights are >= 0, so the largest final sum is the largest running sum.
            double max = 0;
            for (int j = 0; j < nt; j++) {
                double x = vals[used[j]];
                max = x > max ? x : max;
                curW = keys[used[j]] == cur ? x : curW;
            }
            double threshold = max - 1e-12 * max;
            if (!(curW >= threshold)) {
                for (int j = 0; j < nt; j++) {
                    if (vals[used[j]] >= threshold) {
                        s.tie(ties++, keys[used[j]]);
                    }
                }
            }
            for (int j = 0; j < nt; j++) {
                keys[used[j]] = -1;
            }
        } else {
            final double[] acc = s.acc;
            final int[] touched = s.touched;
            int nt = 0;
            double max = 0;
            for (int a = from, e = from + d; a < e; a++) {
                int l = label[adj[a]];
                if (acc[l] < 0) {
                    acc[l] = 0;
                    touched[nt++] = l;
                }
                double x = acc[l] += w == null ? 1.0 : w[a];
                if (x > max) {
                    max = x;
                }
            }
            double threshold = max - 1e-12 * max;
            if (!(acc[cur] >= threshold)) {
                for (int j = 0; j < nt; j++) {
                    if (acc[touched[j]] >= threshold) {
                        s.tie(ties++, touched[j]);
                    }
                }
            }
            for (int j = 0; j < nt; j++) {
                acc[touched[j]] = -1.0;
            }
        }
        return ties;
    }

    /**
     * The nodes of one window that were active when it was cut, with what the workers found for each:
     * the new label, {@link #TIED} (the ties sit in worker {@code owner}'s buffer at {@code tieAt},
     * {@code tieCount} of them), or the node's own label.
     */
    private static final class Window {
        final int[] nodes;
        final int[] proposal;
        final int[] tieAt;
        final int[] tieCount;
        final int[] owner;
        int len;

        Window(int size) {
            nodes = new int[size];
            proposal = new int[size];
            tieAt = new int[size];
            tieCount = new int[size];
            owner = new int[size];
        }
    }

    /** The sweeps of one run. */
    private static final class Sweeps {
        private final WorkGraph g;
        private final int[] label;
        private final boolean[] active;
        /** Nodes with a neighbour relabelled in the current window ({@link #stamp}). */
        private final int[] dirty;
        private int stamp = 1;
        private final Scratch[] scratch;
        private final Window window;

        Sweeps(WorkGraph g, int[] label, int threads) {
            this.g = g;
            this.label = label;
            active = new boolean[g.n];
            Arrays.fill(active, true);
            dirty = new int[g.n];
            scratch = new Scratch[threads];
            for (int t = 0; t < threads; t++) {
                scratch[t] = new Scratch(g.n);
            }
            window = new Window(threads == 1 ? 0 : Math.max(MIN_PARALLEL, Math.min(1 << 14, g.n / 64)));
        }

        int run(LabelPropagationParams params, WorkerPool workers, ProgressListener progress) {
            SplittableRandom rnd = new SplittableRandom(params.seed());
            final int n = g.n;
            int sweeps = 0;
            while (sweeps < params.maxIterations()) {
                sweeps++;
                int[] order = WorkGraph.visitOrder(n, rnd);
                long changed = 0;
                int i = 0;
                while (i < n) {
                    int end = cut(order, i);
                    if (window.len >= MIN_PARALLEL) {
                        propose(workers);
                    } else {
                        window.len = 0;
                    }
                    changed += visit(order, i, end, rnd);
                    i = end;
                    progress.checkCancelled();
                }
                progress.advance(1);
                if (changed == 0) {
                    break;
                }
            }
            return sweeps;
        }

        /**
         * Collects the active nodes of {@code order[from..]} into the window, up to its size (all
         * visits are on the calling thread when it has none); returns the end of the window.
         */
        private int cut(int[] order, int from) {
            Window win = window;
            int size = win.nodes.length;
            if (size == 0) {
                win.len = 0;
                return Math.min(order.length, from + (1 << 14));
            }
            int len = 0;
            int i = from;
            while (i < order.length && len < size) {
                int v = order[i++];
                if (active[v]) {
                    win.nodes[len++] = v;
                }
            }
            win.len = len;
            return i;
        }

        /** The workers evaluate the window's nodes against the current labels. */
        private void propose(WorkerPool workers) {
            Window win = window;
            final int len = win.len;
            final int threads = scratch.length;
            workers.forEach(threads, t -> {
                Scratch s = scratch[t];
                s.buffered = 0;
                int lo = (int) ((long) len * t / threads);
                int hi = (int) ((long) len * (t + 1) / threads);
                for (int k = lo; k < hi; k++) {
                    int v = win.nodes[k];
                    int ties = candidates(g, v, label, s);
                    if (ties == 0) {
                        win.proposal[k] = label[v];
                    } else if (ties == 1) {
                        win.proposal[k] = s.ties[0];
                    } else {
                        win.proposal[k] = TIED;
                        win.tieAt[k] = s.keep(ties);
                        win.tieCount[k] = ties;
                        win.owner[k] = t;
                    }
                }
            }, ProgressListener.NONE);
        }

        /** Visits {@code order[from, to)} in order on the calling thread; returns the labels changed. */
        private long visit(int[] order, int from, int to, SplittableRandom rnd) {
            Window win = window;
            Scratch own = scratch[0];
            final int[] off = g.off;
            final int[] adj = g.adj;
            long changed = 0;
            int slot = 0;
            for (int i = from; i < to; i++) {
                int v = order[i];
                int proposal = NONE;
                if (slot < win.len && win.nodes[slot] == v) {
                    proposal = win.proposal[slot++];
                }
                if (!active[v]) {
                    continue;
                }
                active[v] = false;
                int cur = label[v];
                int chosen;
                if (proposal == NONE || dirty[v] == stamp) {
                    int ties = candidates(g, v, label, own);
                    chosen = ties == 0 ? cur : own.ties[ties == 1 ? 0 : rnd.nextInt(ties)];
                } else if (proposal == TIED) {
                    int k = slot - 1;
                    chosen = scratch[win.owner[k]].buffer[win.tieAt[k] + rnd.nextInt(win.tieCount[k])];
                } else {
                    chosen = proposal;
                }
                if (chosen != cur) {
                    label[v] = chosen;
                    changed++;
                    for (int a = off[v], e = off[v + 1]; a < e; a++) {
                        active[adj[a]] = true;
                    }
                    if (slot < win.len) { // proposals still to apply in this window may be stale
                        for (int a = off[v], e = off[v + 1]; a < e; a++) {
                            dirty[adj[a]] = stamp;
                        }
                    }
                }
            }
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(dirty, 0);
                stamp = 1;
            }
            return changed;
        }
    }
}
