package org.parcelnet.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * The Leiden algorithm: V. A. Traag, L. Waltman, N. J. van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities", Sci. Rep. 9, 5233 (2019), doi:10.1038/s41598-019-41695-z, maximising
 * modularity with resolution γ on weighted graphs.
 *
 * <p>One iteration repeats three phases until local moving leaves every (aggregate) node alone:
 * <ol>
 *   <li><b>fast local moving</b> (queue-based; only neighbours of moved nodes are revisited; a node
 *       may also move to an empty community);</li>
 *   <li><b>refinement</b>: inside each community, nodes start alone and merge, randomly with
 *       randomness θ, into well-connected sub-clusters (see {@code Refinement});</li>
 *   <li><b>aggregation</b> on the refined partition, the next level starting from the unrefined one
 *       (each aggregate node in the community that contains it).</li>
 * </ol>
 * Every returned community is therefore a single aggregate node of the last level, hence connected.
 * Iterations repeat from the previous partition until one changes nothing, gains less than the
 * tolerance, or the iteration limit is reached. If refinement merges nothing on some level, that level
 * aggregates the unrefined partition instead (as leidenalg does) so the run progresses; because that
 * and the level limit could in principle leave a community disconnected, the final partition is
 * checked (only then) and any disconnected community is split into its components (which never
 * lowers modularity); {@link CommunityResult#repairedCommunities()} counts such splits. Directed graphs are
 * treated as undirected.
 *
 * <p>Cost: O(m) per local-moving sweep and per refinement; memory as {@link Louvain} plus 28 bytes
 * per node for the refinement and the queue, and 1 per node per thread. After the first local-moving
 * phase the original nodes are renumbered community by community (one O(m) copy of the adjacency),
 * so that the per-arc community lookups of refinement, aggregation and the second iteration stay in
 * cache; a second iteration starts from a converged partition, moves few nodes and costs mainly one
 * refinement and one aggregation of the original graph.
 *
 * <p>Determinism: the same graph, parameters and seed give the same partition, whatever the thread
 * count. Refinement draws from a generator seeded per community, and local moving runs in the mode of
 * {@link LeidenParams#moveMode()} (batched by default, see {@link LocalMoveMode}), whose result does
 * not depend on the threads.
 */
public final class Leiden {

    private final LeidenParams params;

    /** Leiden with the given options. */
    public Leiden(LeidenParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    /** Leiden with {@link LeidenParams#DEFAULTS}. */
    public Leiden() {
        this(LeidenParams.DEFAULTS);
    }

    /** The options. */
    public LeidenParams params() {
        return params;
    }

    /** Runs on {@code graph} (its undirected view). */
    public CommunityResult run(CompactGraph graph) {
        return run(graph, ProgressListener.NONE);
    }

    /** Runs on {@code graph}, reporting iterations to {@code progress} and honouring cancellation. */
    public CommunityResult run(CompactGraph graph, ProgressListener progress) {
        Objects.requireNonNull(graph, "graph");
        Objects.requireNonNull(progress, "progress");
        progress.begin("leiden", params.maxIterations());
        Run run;
        try (WorkerPool workers = WorkerPool.of(params.threads(), "leiden")) {
            run = new Run(WorkGraph.of(graph, workers), workers, progress);
            for (int it = 0; it < params.maxIterations(); it++) {
                progress.checkCancelled();
                Iteration next = run.iterate(it);
                progress.advance(1);
                boolean changed = !samePartition(next.partition, run.best.partition);
                boolean improved = next.modularity - run.best.modularity >= params.tolerance();
                if (it == 0 || next.modularity >= run.best.modularity) {
                    run.best = next;
                }
                if (!changed || !improved) {
                    break;
                }
            }
        } finally {
            progress.end();
        }
        return run.result();
    }

    /**
     * The outcome of one iteration: its final partition of the (renumbered) original nodes, its
     * modularity, each level's partition and modularity (a null partition stands for singletons),
     * and whether its communities are known to be connected (Traag et al.'s guarantee).
     */
    private record Iteration(int[] partition, double modularity, List<int[]> levelPartitions,
                             List<Double> levelModularity, boolean connected) {
    }

    /**
     * The state of one run: the original graph (renumbered community by community after the first
     * local-moving phase), the best iteration so far, the random generator that every phase draws
     * from in a fixed order, the workers and their scratch.
     */
    private final class Run {
        final double gamma = params.resolution();
        final int n0;
        final WorkerPool workers;
        final LocalMoving.Scratch[] scratch;
        final ProgressListener progress;
        final SplittableRandom rnd = new SplittableRandom(params.seed());
        WorkGraph g0;
        Iteration best;
        int iterations;
        long peakBytes;

        Run(WorkGraph g0, WorkerPool workers, ProgressListener progress) {
            this.g0 = g0;
            this.n0 = g0.n;
            this.workers = workers;
            this.scratch = LocalMoving.scratch(workers.threads(), n0);
            this.progress = progress;
            List<int[]> labels = new ArrayList<>();
            labels.add(null);
            double q = g0.singletonModularity(gamma);
            this.best = new Iteration(identity(n0), q, labels, new ArrayList<>(List.of(q)), true);
        }

        long fixedBytes() {
            return 16L * n0 * workers.threads() + 8L * n0;
        }

        /**
         * One Leiden iteration from the best partition so far: on each level, local moving, then
         * refinement of the moved partition, then aggregation of the refined one, until local moving
         * leaves every aggregate node alone or the level limit is reached.
         */
        Iteration iterate(int it) {
            iterations++;
            List<int[]> labels = new ArrayList<>();
            List<Double> qs = new ArrayList<>();
            WorkGraph g = g0;
            int[] comm = best.partition.clone();
            int[] flat = identity(n0);
            boolean connected = true;
            for (int level = 0; ; level++) {
                int n = g.n;
                localMove(g, comm);
                int k = WorkGraph.renumber(comm);
                if (it == 0 && level == 0 && k < n) {
                    comm = renumberOriginal(comm, k);
                    g = g0;
                }
                int[] flatP = new int[n0];
                for (int v = 0; v < n0; v++) {
                    flatP[v] = comm[flat[v]];
                }
                if (k == n || level + 1 >= params.maxLevels()) {
                    connected &= k == n;
                    double lq = g.modularity(comm, k, gamma);
                    labels.add(flatP);
                    qs.add(lq);
                    peakBytes = Math.max(peakBytes, fixedBytes() + g.bytes() + 28L * n + 4L * n0 * labels.size());
                    return new Iteration(flatP, lq, labels, qs, connected);
                }
                int[] refined = refine(g, comm, k);
                int kr = WorkGraph.renumber(refined);
                // Aggregation on the refined partition, each aggregate node starting in the community
                // that contains it; when refinement merged nothing, on the moved partition itself.
                WorkGraph next;
                int[] nextComm;
                if (kr == n) {
                    connected = false;
                    next = g.aggregate(comm, k, workers, scratch);
                    nextComm = identity(k);
                    for (int v = 0; v < n0; v++) {
                        flat[v] = comm[flat[v]];
                    }
                } else {
                    next = g.aggregate(refined, kr, workers, scratch);
                    nextComm = new int[kr];
                    for (int v = 0; v < n; v++) {
                        nextComm[refined[v]] = comm[v];
                    }
                    for (int v = 0; v < n0; v++) {
                        flat[v] = refined[flat[v]];
                    }
                }
                // Aggregation keeps modularity, so this level's value is computed on the (much
                // smaller) next graph.
                labels.add(flatP);
                qs.add(next.modularity(nextComm, k, gamma));
                peakBytes = Math.max(peakBytes, fixedBytes() + g.bytes() + next.bytes() + 36L * n + 4L * n0 * labels.size());
                g = next;
                comm = nextComm;
            }
        }

        /** Fast local moving on one level from {@code comm}, in place, from a fresh random order. */
        void localMove(WorkGraph g, int[] comm) {
            int n = g.n;
            double[] tot = new double[n];
            int[] cnt = new int[n];
            for (int v = 0; v < n; v++) {
                tot[comm[v]] += g.strength[v];
                cnt[comm[v]]++;
            }
            int[] order = WorkGraph.visitOrder(n, rnd);
            LocalMoving.fastLocalMove(g, comm, tot, cnt, order, gamma, params.moveMode(), workers, scratch, progress);
        }

        /** The refined partition of dense partition {@code comm} (k communities); ids not dense. */
        int[] refine(WorkGraph g, int[] comm, int k) {
            double[] tot = new double[k];
            for (int v = 0; v < g.n; v++) {
                tot[comm[v]] += g.strength[v];
            }
            return Refinement.refine(g, comm, k, tot, gamma, params.theta(), rnd.nextLong(), workers, scratch, progress);
        }

        /**
         * Renumbers the original nodes community by community (once per run): from here on most arcs
         * point into the same small id range, so the per-arc community lookups of refinement,
         * aggregation and later iterations hit the cache. Replaces {@link #g0}, translates the best
         * partition alongside and returns {@code comm} in the new numbering.
         */
        int[] renumberOriginal(int[] comm, int k) {
            int[] byComm = WorkGraph.groupedOrder(comm, k);
            peakBytes = Math.max(peakBytes, fixedBytes() + 2 * g0.bytes() + 8L * n0);
            g0 = g0.permuted(byComm, workers);
            best = new Iteration(WorkGraph.gather(best.partition, byComm), best.modularity, best.levelPartitions,
                    best.levelModularity, best.connected);
            return WorkGraph.gather(comm, byComm);
        }

        /**
         * The best iteration as a result. Only when refinement merged nothing on some level or the
         * level limit cut the iteration short can a community be disconnected; then every community
         * is split into its connected components.
         */
        CommunityResult result() {
            int[] partition = best.partition;
            double q = best.modularity;
            int repaired = 0;
            if (!best.connected) {
                int[] split = ConnectedSplit.split(g0, partition);
                repaired = countCommunities(split) - countCommunities(partition);
                if (repaired > 0) {
                    int k = WorkGraph.renumber(split);
                    q = g0.modularity(split, k, gamma);
                    partition = split;
                }
            }
            List<CommunityResult.Level> levels = new ArrayList<>(best.levelPartitions.size());
            for (int i = 0; i < best.levelPartitions.size(); i++) {
                int[] labels = best.levelPartitions.get(i);
                levels.add(new CommunityResult.Level(labels == null ? Partition.singletons(n0)
                        : Partition.of(g0.toOriginal(labels)), best.levelModularity.get(i)));
            }
            return new CommunityResult("leiden", Partition.of(g0.toOriginal(partition)), q, levels, iterations,
                    repaired, peakBytes);
        }
    }

    private static int[] identity(int n) {
        return Louvain.identity(n);
    }

    private static int countCommunities(int[] labels) {
        return WorkGraph.renumber(labels.clone());
    }

    private static boolean samePartition(int[] a, int[] b) {
        int[] x = a.clone();
        int[] y = b.clone();
        WorkGraph.renumber(x);
        WorkGraph.renumber(y);
        return Arrays.equals(x, y);
    }
}
