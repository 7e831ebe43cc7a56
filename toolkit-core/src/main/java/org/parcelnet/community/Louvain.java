package org.parcelnet.community;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;

/**
 * The Louvain method for modularity maximisation: V. D. Blondel, J.-L. Guillaume, R. Lambiotte,
 * E. Lefebvre, "Fast unfolding of communities in large networks", J. Stat. Mech. (2008) P10008,
 * doi:10.1088/1742-5468/2008/10/P10008.
 *
 * <p>Each level starts with every node alone and repeats local-moving passes (nodes in a seeded
 * random order, each moved to the neighbouring community of largest modularity gain) until a pass
 * moves nothing or gains less than the tolerance; the communities then become the nodes of the next
 * level (edge weights summed, internal edges becoming self loops). The run stops when a level moves
 * nothing, gains less than the tolerance, or the level limit is reached. Weighted; resolution γ as
 * in Reichardt–Bornholdt. Every level's partition of the original nodes and its modularity are
 * returned. Unless {@link LouvainParams#refine()} is off, the best level's partition is then refined
 * by local moving of the original nodes (single-level refinement, M. Rotta, A. Noack, "Multilevel
 * local search algorithms for modularity clustering", ACM JEA 16, 2011), which lets a node leave the
 * community its aggregate was frozen into; when that improves modularity the refined partition is
 * appended as a last level. The final partition is the level of highest modularity. Directed graphs
 * are treated as undirected (see the package documentation).
 *
 * <p>Cost: O(m) per pass; typically a handful of passes on the first level dominates. Working state
 * at level 0: the undirected adjacency (8 bytes per edge, plus 16 when weighted) and about 32 bytes
 * per node plus 12 bytes per node per thread; each recorded level keeps a partition (4 bytes per
 * node). The result's {@link CommunityResult#workingBytes()} reports the figure for a run.
 *
 * <p>Determinism: the same graph, parameters and seed give the same partition. With
 * {@code threads > 1} local moving proposes moves for fixed batches of nodes in parallel from a
 * snapshot and applies them in order (see {@code LocalMoving}), so the result is also independent of
 * the thread count ≥ 2 and of scheduling. Louvain may return badly connected communities; use
 * {@link Leiden} when connectivity matters.
 */
public final class Louvain {

    private final LouvainParams params;

    /** Louvain with the given options. */
    public Louvain(LouvainParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Louvain with {@link LouvainParams#DEFAULTS}. */
    public Louvain() {
        this(LouvainParams.DEFAULTS);
    }

    /** The options. */
    public LouvainParams params() {
        return params;
    }

    /** Runs on {@code graph} (its undirected view). */
    public CommunityResult run(CompactGraph graph) {
        return run(graph, ProgressListener.NONE);
    }

    /** Runs on {@code graph}, reporting levels to {@code progress} and honouring cancellation. */
    public CommunityResult run(CompactGraph graph, ProgressListener progress) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(progress, "progress");
        final double gamma = params.resolution();
        final WorkGraph g0 = WorkGraph.of(graph);
        final int n0 = g0.n;
        progress.begin("louvain", params.maxLevels());
        SplittableRandom rnd = new SplittableRandom(params.seed());
        List<CommunityResult.Level> levels;
        long[] passes = new long[1];
        long[] peak = new long[1];
        try (Workers workers = new Workers(params.threads())) {
            LocalMoving.Scratch[] scratch = LocalMoving.scratch(workers.threads, n0);
            levels = multilevel(g0, identity(n0), rnd, workers, scratch, progress, passes, peak);
            // Rotta & Noack (2011) refinement: nodes of the original graph may leave the communities
            // their aggregate was frozen into; if that helps, the multi-level phase resumes from the
            // refined partition (its communities as the first level's nodes).
            for (int round = 0; params.refine() && round < MAX_REFINEMENT_ROUNDS; round++) {
                CommunityResult.Level last = best(levels);
                int[] comm = g0.fromOriginal(last.partition().membership());
                double[] tot = new double[n0];
                for (int v = 0; v < n0; v++) {
                    tot[comm[v]] += g0.strength[v];
                }
                long moves = LocalMoving.louvainPasses(g0, comm, tot, WorkGraph.visitOrder(n0, rnd), gamma, params.tolerance(),
                        params.maxPasses(), workers, scratch, progress, passes);
                if (moves == 0) {
                    break;
                }
                int k = WorkGraph.renumber(comm);
                double rq = g0.modularity(comm, k, gamma);
                if (rq - last.modularity() < params.tolerance()) {
                    break;
                }
                List<CommunityResult.Level> again = multilevel(g0, comm, rnd, workers, scratch, progress, passes, peak);
                again.add(0, new CommunityResult.Level(Partition.of(g0.toOriginal(comm)), rq));
                levels = again;
            }
        } finally {
            progress.end();
        }
        CommunityResult.Level best = best(levels);
        return new CommunityResult("louvain", best.partition(), best.modularity(), levels,
                (int) Math.min(Integer.MAX_VALUE, passes[0]), 0, peak[0]);
    }

    /** Refinement rounds (a local-moving phase on the original graph, then the levels again). */
    private static final int MAX_REFINEMENT_ROUNDS = 1;

    /**
     * Levels of local moving and aggregation starting with the original nodes in the communities of
     * {@code start} (dense ids in [0, n)). Returns each level's partition of the original nodes.
     */
    private List<CommunityResult.Level> multilevel(WorkGraph g0, int[] start, SplittableRandom rnd, Workers workers,
                                                   LocalMoving.Scratch[] scratch, ProgressListener progress,
                                                   long[] passes, long[] peak) {
        final double gamma = params.resolution();
        final int n0 = g0.n;
        WorkGraph g = g0;
        int[] flat = identity(n0);
        int[] comm = start.clone();
        List<CommunityResult.Level> levels = new ArrayList<>();
        double q = g0.modularity(comm, WorkGraph.renumber(comm), gamma);
        long fixed = 12L * n0 * workers.threads + 4L * n0;
        for (int level = 0; level < params.maxLevels(); level++) {
            progress.checkCancelled();
            int n = g.n;
            double[] tot = new double[n];
            for (int v = 0; v < n; v++) {
                tot[comm[v]] += g.strength[v];
            }
            int[] order = WorkGraph.visitOrder(n, rnd);
            LocalMoving.louvainPasses(g, comm, tot, order, gamma, params.tolerance(), params.maxPasses(), workers,
                    scratch, progress, passes);
            int k = WorkGraph.renumber(comm);
            if (k == n) {
                peak[0] = Math.max(peak[0], fixed + g.bytes() + 21L * n);
                break;
            }
            WorkGraph next = g.aggregate(comm, k);
            peak[0] = Math.max(peak[0], fixed + g.bytes() + next.bytes() + 21L * n + 4L * n0 * (levels.size() + 1));
            for (int v = 0; v < n0; v++) {
                flat[v] = comm[flat[v]];
            }
            double nq = next.singletonModularity(gamma);
            levels.add(new CommunityResult.Level(Partition.of(g0.toOriginal(flat)), nq));
            progress.advance(1);
            boolean improved = nq - q >= params.tolerance();
            q = nq;
            g = next;
            comm = identity(k);
            if (!improved) {
                break;
            }
        }
        if (levels.isEmpty()) {
            int[] p = start.clone();
            double pq = g0.modularity(p, WorkGraph.renumber(p), gamma);
            levels.add(new CommunityResult.Level(Partition.of(g0.toOriginal(p)), pq));
        }
        return levels;
    }

    private static CommunityResult.Level best(List<CommunityResult.Level> levels) {
        CommunityResult.Level best = levels.get(0);
        for (CommunityResult.Level l : levels) {
            if (l.modularity() >= best.modularity()) {
                best = l;
            }
        }
        return best;
    }

    static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    static int[] permutation(int n, SplittableRandom rnd) {
        int[] a = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
