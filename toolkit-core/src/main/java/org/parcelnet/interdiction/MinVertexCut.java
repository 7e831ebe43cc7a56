package org.parcelnet.interdiction;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

import org.jgrapht.Graph;
import org.jgrapht.alg.flow.DinicMFImpl;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.interfaces.MinimumSTCutAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.AbstractBaseGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DefaultGraphType;
import org.jgrapht.util.SupplierUtil;
import org.parcelnet.graph.CompactGraph;

/**
 * The cheapest set of parties whose removal leaves no directed path from any source to any sink.
 *
 * <p>Method: the classic node splitting — each party {@code v} becomes {@code v_in → v_out} with
 * capacity {@code cost(v)} (1 by default, so the cut is the smallest number of parties), every arc
 * {@code u → v} becomes {@code u_out → v_in} with unbounded capacity, a super source feeds every
 * source and every sink drains into a super sink. By Menger's theorem / max-flow min-cut the maximum
 * flow equals the cost of the cheapest vertex cut, and the split arcs crossing the minimum s-t cut
 * are that vertex set. The flow is computed by JGraphT's {@link PushRelabelMFImpl} (Goldberg &amp;
 * Tarjan, "A new approach to the maximum-flow problem", J. ACM 35(4) (1988) 921–940,
 * doi:10.1145/48014.61051).
 *
 * <p>Sources and sinks themselves are <b>not removable</b> (their split arcs have unbounded
 * capacity): the question is which intermediaries to take out. When a source is also a sink or has an
 * arc straight into a sink no finite cut exists and the result says so ({@code separable = false}).
 *
 * <p>Only parties both reachable from a source and reaching a sink can matter, so the flow network is
 * built on that part alone (two BFS passes first). Cost: O(n + m) for the pruning plus the push-relabel
 * run, O(V²·√E) worst case on the pruned network of V = 2·n' + 2 vertices. The JGraphT network takes
 * roughly 150 bytes per pruned arc.
 */
public final class MinVertexCut {

    private MinVertexCut() {
    }

    /**
     * A cut.
     *
     * @param cut       removed parties, ascending (fresh array)
     * @param cost      total cost of the cut (= the max-flow value)
     * @param separable false when no finite cut exists (then {@code cut} is empty and cost infinite)
     * @param relevant  parties on some source→sink path (size of the pruned network)
     */
    public record Result(int[] cut, double cost, boolean separable, int relevant) {
    }

    /** Which JGraphT max-flow implementation runs on the split network. */
    public enum Algorithm {
        /** Goldberg–Tarjan push-relabel ({@link PushRelabelMFImpl}). */
        PUSH_RELABEL,
        /**
         * Dinic's blocking flows ({@link DinicMFImpl}; E. A. Dinic, Soviet Math. Doklady 11 (1970)
         * 1277–1280), O(E·√V) on the unit-capacity networks of unit party costs.
         */
        DINIC
    }

    /** Unit costs: the smallest number of parties. */
    public static Result compute(CompactGraph g, int[] sources, int[] sinks) {
        return compute(g, sources, sinks, null);
    }

    /** {@link #compute(CompactGraph, int[], int[], double[], Algorithm)} with push-relabel. */
    public static Result compute(CompactGraph g, int[] sources, int[] sinks, double[] cost) {
        return compute(g, sources, sinks, cost, Algorithm.PUSH_RELABEL);
    }

    /**
     * The cheapest cut separating {@code sources} from {@code sinks}.
     *
     * @param cost      per-party removal cost ({@code > 0}, finite), or null for 1 each
     * @param algorithm the max-flow implementation (both give a minimum cut; ties between equally
     *                  cheap cuts may differ)
     */
    public static Result compute(CompactGraph g, int[] sources, int[] sinks, double[] cost, Algorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(sinks, "sinks");
        int n = g.nodeCount();
        Reach.checkNodes(g, sources, "source");
        Reach.checkNodes(g, sinks, "sink");
        if (cost != null) {
            if (cost.length != n) {
                throw new IllegalArgumentException("cost has " + cost.length + " entries for " + n + " parties");
            }
            for (int v = 0; v < n; v++) {
                if (!(cost[v] > 0) || Double.isInfinite(cost[v])) {
                    throw new IllegalArgumentException("party costs must be finite and > 0, party " + v + " has " + cost[v]);
                }
            }
        }
        boolean[] isSource = new boolean[n];
        boolean[] isSink = new boolean[n];
        for (int s : sources) {
            isSource[s] = true;
        }
        for (int t : sinks) {
            isSink[t] = true;
            if (isSource[t]) {
                return new Result(new int[0], Double.POSITIVE_INFINITY, false, 0);
            }
        }
        // Sinks stop the forward search and sources the backward one: paths through a terminal are
        // cut at that terminal's unremovable node anyway.
        boolean[] fwd = Reach.from(g, sources, null, isSink, true);
        boolean[] bwd = Reach.from(g, sinks, null, isSource, false);
        int[] compact = new int[n];
        Arrays.fill(compact, -1);
        int r = 0;
        double finite = 0;
        for (int v = 0; v < n; v++) {
            if ((fwd[v] && bwd[v]) || (isSink[v] && fwd[v]) || (isSource[v] && bwd[v])) {
                compact[v] = r++;
                finite += cost == null ? 1 : cost[v];
            }
        }
        int relevant = r;
        boolean anySinkReached = false;
        for (int t : sinks) {
            anySinkReached |= fwd[t];
        }
        if (!anySinkReached) {
            return new Result(new int[0], 0, true, relevant);
        }
        double inf = finite + 1; // more than any finite cut
        Graph<Integer, DefaultWeightedEdge> net = new FlowNetwork();
        int superSource = 2 * r;
        int superSink = 2 * r + 1;
        for (int i = 0; i < 2 * r + 2; i++) {
            net.addVertex(i);
        }
        for (int v = 0; v < n; v++) {
            int cv = compact[v];
            if (cv < 0) {
                continue;
            }
            boolean terminal = isSource[v] || isSink[v];
            net.setEdgeWeight(net.addEdge(2 * cv, 2 * cv + 1), terminal ? inf : (cost == null ? 1 : cost[v]));
            if (isSource[v]) {
                net.setEdgeWeight(net.addEdge(superSource, 2 * cv), inf);
            }
            if (isSink[v]) {
                net.setEdgeWeight(net.addEdge(2 * cv + 1, superSink), inf);
                continue; // arcs out of a sink cannot lead to another sink without passing it
            }
            for (int a = g.outStart(v), end = g.outEnd(v); a < end; a++) {
                int w = g.target(a);
                int cw = compact[w];
                if (cw < 0 || w == v || isSource[w]) {
                    continue;
                }
                net.setEdgeWeight(net.addEdge(2 * cv + 1, 2 * cw), inf);
            }
        }
        MinimumSTCutAlgorithm<Integer, DefaultWeightedEdge> flow = algorithm == Algorithm.DINIC
                ? new DinicMFImpl<>(net) : new PushRelabelMFImpl<>(net);
        double value = flow.calculateMinCut(superSource, superSink);
        if (value >= inf) {
            return new Result(new int[0], Double.POSITIVE_INFINITY, false, relevant);
        }
        Set<Integer> side = flow.getSourcePartition();
        int[] cut = new int[n];
        int k = 0;
        for (int v = 0; v < n; v++) {
            int cv = compact[v];
            if (cv >= 0 && side.contains(2 * cv) && !side.contains(2 * cv + 1)) {
                cut[k++] = v;
            }
        }
        return new Result(Arrays.copyOf(cut, k), value, true, relevant);
    }

    /**
     * The split network: a directed weighted JGraphT graph with the plain (not fast-lookup) specifics,
     * which skips the per-edge index JGraphT otherwise keeps; every arc is added once, so nothing needs
     * the index, and the allocation (and garbage-collection) load halves on big party graphs.
     */
    private static final class FlowNetwork extends AbstractBaseGraph<Integer, DefaultWeightedEdge> {
        private static final long serialVersionUID = 1L;

        FlowNetwork() {
            super(null, SupplierUtil.createSupplier(DefaultWeightedEdge.class),
                    DefaultGraphType.directedPseudograph().asWeighted(), new DefaultGraphSpecificsStrategy<>());
        }
    }
}
