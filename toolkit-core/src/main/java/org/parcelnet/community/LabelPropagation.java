package org.parcelnet.community;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;

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
 * <p>Cost O(m) per sweep, near-linear overall; working state: the undirected adjacency (8 bytes per
 * edge, 16 more when weighted) and about 41 bytes per node. Deterministic for a given seed.
 */
public final class LabelPropagation {

    /** Degree up to which neighbour labels are summed in a small hash table ({@link SmallSums}). */
    private static final int SMALL = SmallSums.MAX_DEGREE;

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
        final int[] off = g.off;
        final int[] adj = g.adj;
        final double[] w = g.w;
        SplittableRandom rnd = new SplittableRandom(params.seed());
        int[] label = Louvain.identity(n);
        int[] order;
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        double[] acc = new double[n];
        Arrays.fill(acc, -1.0);
        int[] touched = new int[n];
        // Low-degree nodes sum their neighbours' labels in a small hash table (which stays in L1)
        // after gathering the labels in a plain loop (independent scattered loads, which overlap),
        // instead of in the n-sized accumulator, where each arc was a dependent cache miss.
        final int[] keys = new int[SmallSums.SLOTS];
        Arrays.fill(keys, -1);
        final double[] vals = new double[SmallSums.SLOTS];
        final int[] used = new int[SMALL];
        final int[] nbrLabel = new int[SMALL];
        int sweeps = 0;
        progress.begin("label propagation", params.maxIterations());
        try {
            while (sweeps < params.maxIterations()) {
                sweeps++;
                order = WorkGraph.visitOrder(n, rnd);
                long changed = 0;
                for (int i = 0; i < n; i++) {
                    int v = order[i];
                    if (!active[v]) {
                        continue;
                    }
                    active[v] = false;
                    final int from = off[v];
                    final int d = off[v + 1] - from;
                    if (d == 0) {
                        continue;
                    }
                    int cur = label[v];
                    int chosen = cur;
                    if (d <= SMALL) {
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
                            int ties = 0;
                            for (int j = 0; j < nt; j++) {
                                ties += vals[used[j]] >= threshold ? 1 : 0;
                            }
                            int pick = ties == 1 ? 0 : rnd.nextInt(ties);
                            for (int j = 0; j < nt; j++) {
                                if (vals[used[j]] >= threshold && pick-- == 0) {
                                    chosen = keys[used[j]];
                                    break;
                                }
                            }
                        }
                        for (int j = 0; j < nt; j++) {
                            keys[used[j]] = -1;
                        }
                    } else {
                        int nt = 0;
                        double max = 0;
                        for (int a = from, e = from + d; a < e; a++) {
                            int l = label[adj[a]];
                            if (acc[l] < 0) {
                                acc[l] = 0;
                                touched[nt++] = l;
                            }
                            double s = acc[l] += w == null ? 1.0 : w[a];
                            if (s > max) {
                                max = s;
                            }
                        }
                        double threshold = max - 1e-12 * max;
                        if (!(acc[cur] >= threshold)) {
                            int ties = 0;
                            for (int j = 0; j < nt; j++) {
                                if (acc[touched[j]] >= threshold) {
                                    ties++;
                                }
                            }
                            int pick = ties == 1 ? 0 : rnd.nextInt(ties);
                            for (int j = 0; j < nt; j++) {
                                if (acc[touched[j]] >= threshold && pick-- == 0) {
                                    chosen = touched[j];
                                    break;
                                }
                            }
                        }
                        for (int j = 0; j < nt; j++) {
                            acc[touched[j]] = -1.0;
                        }
                    }
                    if (chosen != cur) {
                        label[v] = chosen;
                        changed++;
                        for (int a = off[v], e = off[v + 1]; a < e; a++) {
                            active[adj[a]] = true;
                        }
                    }
                    if ((i & 0x3FFF) == 0) {
                        progress.checkCancelled();
                    }
                }
                progress.advance(1);
                if (changed == 0) {
                    break;
                }
            }
        } finally {
            progress.end();
        }
        int k = WorkGraph.renumber(label);
        double q = g.modularity(label, k, 1.0);
        Partition p = Partition.of(g.toOriginal(label));
        long bytes = g.bytes() + 4L * n * 3 + 8L * n + n;
        return new CommunityResult("lpa", p, q, List.of(new CommunityResult.Level(p, q)), sweeps, 0, bytes);
    }
}
