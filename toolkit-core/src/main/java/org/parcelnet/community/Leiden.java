package org.parcelnet.community;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.ProgressListener;

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
 * <p>Determinism: the same graph, parameters and seed give the same partition. Refinement draws from
 * a generator seeded per community, and with {@code threads > 1} local moving uses the batched
 * snapshot mode of {@link Louvain}, so the result is also independent of the thread count ≥ 2.
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
        final double gamma = params.resolution();
        WorkGraph g0 = WorkGraph.of(graph);
        final int n0 = g0.n;
        SplittableRandom rnd = new SplittableRandom(params.seed());
        int[] partition = Louvain.identity(n0);
        double q = g0.singletonModularity(gamma);
        List<int[]> levelLabels = new ArrayList<>();
        List<Double> levelQ = new ArrayList<>();
        levelLabels.add(null);
        levelQ.add(q);
        int iterations = 0;
        long peak = 0;
        // Whether the partition is known to have connected communities (Traag et al.'s guarantee).
        boolean connected = true;
        progress.begin("leiden", params.maxIterations());
        try (Workers workers = new Workers(params.threads())) {
            LocalMoving.Scratch[] scratch = LocalMoving.scratch(workers.threads, n0);
            long fixed = 16L * n0 * workers.threads + 8L * n0;
            for (int it = 0; it < params.maxIterations(); it++) {
                progress.checkCancelled();
                iterations++;
                List<int[]> itLabels = new ArrayList<>();
                List<Double> itQ = new ArrayList<>();
                WorkGraph g = g0;
                int[] comm = partition.clone();
                int[] flat = Louvain.identity(n0);
                int[] result = null;
                double resultQ = q;
                boolean itConnected = true;
                for (int level = 0; ; level++) {
                    int n = g.n;
                    double[] tot = new double[n];
                    int[] cnt = new int[n];
                    for (int v = 0; v < n; v++) {
                        tot[comm[v]] += g.strength[v];
                        cnt[comm[v]]++;
                    }
                    int[] order = WorkGraph.visitOrder(n, rnd);
                    LocalMoving.fastLocalMove(g, comm, tot, cnt, order, gamma, workers, scratch, progress);
                    int k = WorkGraph.renumber(comm);
                    if (it == 0 && level == 0 && k < n) {
                        // Renumber the original nodes community by community (once per run): from here
                        // on most arcs point into the same small id range, so the per-arc community
                        // lookups of refinement, aggregation and later iterations hit the cache.
                        // Only the numbering changes; level-0 arrays are translated alongside.
                        int[] byComm = WorkGraph.groupedOrder(comm, k);
                        peak = Math.max(peak, fixed + 2 * g0.bytes() + 8L * n0);
                        g0 = g0.permuted(byComm);
                        g = g0;
                        comm = WorkGraph.gather(comm, byComm);
                        partition = WorkGraph.gather(partition, byComm);
                        tot = null;
                    }
                    int[] flatP = new int[n0];
                    for (int v = 0; v < n0; v++) {
                        flatP[v] = comm[flat[v]];
                    }
                    if (k == n || level + 1 >= params.maxLevels()) {
                        itConnected &= k == n;
                        double lq = g.modularity(comm, k, gamma);
                        itLabels.add(flatP);
                        itQ.add(lq);
                        result = flatP;
                        resultQ = lq;
                        peak = Math.max(peak, fixed + g.bytes() + 28L * n + 4L * n0 * itLabels.size());
                        break;
                    }
                    tot = new double[k];
                    for (int v = 0; v < n; v++) {
                        tot[comm[v]] += g.strength[v];
                    }
                    int[] refined = Refinement.refine(g, comm, k, tot, gamma, params.theta(), rnd.nextLong(),
                            workers, scratch, progress);
                    int kr = WorkGraph.renumber(refined);
                    WorkGraph next;
                    int[] nextComm;
                    if (kr == n) {
                        itConnected = false;
                        next = g.aggregate(comm, k);
                        nextComm = Louvain.identity(k);
                        for (int v = 0; v < n0; v++) {
                            flat[v] = comm[flat[v]];
                        }
                    } else {
                        next = g.aggregate(refined, kr);
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
                    itLabels.add(flatP);
                    itQ.add(next.modularity(nextComm, k, gamma));
                    peak = Math.max(peak, fixed + g.bytes() + next.bytes() + 36L * n + 4L * n0 * itLabels.size());
                    g = next;
                    comm = nextComm;
                }
                progress.advance(1);
                boolean changed = !samePartition(result, partition);
                boolean improved = resultQ - q >= params.tolerance();
                if (it == 0 || resultQ >= q) {
                    partition = result;
                    levelLabels = itLabels;
                    levelQ = itQ;
                    q = resultQ;
                    connected = itConnected;
                }
                if (!changed || !improved) {
                    break;
                }
            }
        } finally {
            progress.end();
        }
        // Only needed when refinement merged nothing on some level or the level limit cut the last
        // iteration short; otherwise every community is one aggregate node, hence connected.
        int repaired = 0;
        int[] split = connected ? partition : ConnectedSplit.split(g0, partition);
        if (!connected) {
            repaired = countCommunities(split) - countCommunities(partition);
        }
        if (repaired > 0) {
            int k = WorkGraph.renumber(split);
            q = g0.modularity(split, k, gamma);
            partition = split;
        }
        List<CommunityResult.Level> levels = new ArrayList<>(levelLabels.size());
        for (int i = 0; i < levelLabels.size(); i++) {
            int[] labels = levelLabels.get(i);
            levels.add(new CommunityResult.Level(labels == null ? Partition.singletons(n0)
                    : Partition.of(g0.toOriginal(labels)), levelQ.get(i)));
        }
        return new CommunityResult("leiden", Partition.of(g0.toOriginal(partition)), q, levels, iterations, repaired, peak);
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
