package org.parcelnet.interdiction;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Subgraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

/**
 * Interdiction on the rings' network: the directed party graph restricted to ring members, with
 * the members classed {@link Tier#SOURCE source} as sources and the {@link Tier#RETAILER retailers}
 * as sinks. Goods travel along ring members' parcels; a path through ordinary traffic (a source's
 * innocent parcel to a shop that also serves a retailer) is no smuggling route, and cutting it would
 * spend the budget on shops. A retailer that a source ships to directly cannot be cut off by
 * removing intermediaries (sources and sinks are never removed), so such retailers are counted and
 * left out of the sinks.
 *
 * <p>Then the three answers of {@link InterdictionPlan#betweenSourcesAndSinks}: the minimum vertex
 * cut, the greedy key players and the top parties by a given score (usually betweenness of the
 * whole party graph), each evaluated pick by pick.
 *
 * <p>Cost: the induced subgraph (O(members + their arcs)) plus {@link InterdictionPlan}'s cost on
 * it. Deterministic.
 */
public final class RingInterdiction {

    private RingInterdiction() {
    }

    /** One method's picks, as party ids of the whole party graph, with the reachability after each. */
    public record Picks(String method, int[] parties, long[] reachabilityAfter, long initial) {
        public Picks {
            Objects.requireNonNull(method, "method");
            parties = parties.clone();
            reachabilityAfter = reachabilityAfter.clone();
        }

        @Override
        public int[] parties() {
            return parties.clone();
        }

        @Override
        public long[] reachabilityAfter() {
            return reachabilityAfter.clone();
        }

        /** Sinks reached before any removal, then after each pick. */
        public long[] curve() {
            long[] c = new long[reachabilityAfter.length + 1];
            c[0] = initial;
            System.arraycopy(reachabilityAfter, 0, c, 1, reachabilityAfter.length);
            return c;
        }

        /** Sinks reached after every pick is removed. */
        public long finalReachability() {
            return reachabilityAfter.length == 0 ? initial : reachabilityAfter[reachabilityAfter.length - 1];
        }
    }

    /**
     * The plan.
     *
     * @param networkParties     parties in the rings' network
     * @param networkLinks       directed links among them
     * @param sources            source parties (whole party graph ids)
     * @param sinks              sink parties (retailers not supplied directly by a source)
     * @param directSinks        retailers a source ships to directly (left out of the sinks)
     * @param initialReach       sinks reached from the sources before any removal (0 without a plan)
     * @param cut                the minimum vertex cut, or null when there are no sources or no sinks
     * @param picks              per method ({@code min_cut} when evaluated, {@code greedy},
     *                           {@code betweenness}), in that order; empty without sources or sinks
     */
    public record Result(int networkParties, int networkLinks, int[] sources, int[] sinks, int directSinks,
                         long initialReach, MinVertexCut.Result cut, List<Picks> picks) {
        public Result {
            sources = sources.clone();
            sinks = sinks.clone();
            picks = List.copyOf(picks);
        }

        @Override
        public int[] sources() {
            return sources.clone();
        }

        @Override
        public int[] sinks() {
            return sinks.clone();
        }

        /** Each method's curve of sinks reached (before, then after each pick), in method order. */
        public Map<String, long[]> curves() {
            Map<String, long[]> m = new LinkedHashMap<>();
            for (Picks p : picks) {
                m.put(p.method(), p.curve());
            }
            return m;
        }

        /** The picks of {@code method}, or null. */
        public Picks picks(String method) {
            for (Picks p : picks) {
                if (p.method().equals(method)) {
                    return p;
                }
            }
            return null;
        }
    }

    /**
     * Plans interdiction on the rings' network.
     *
     * @param partyGraph the directed party graph
     * @param ringOf     ring of each party, -1 outside rings
     * @param tier       tier of each party (null where unclassified)
     * @param score      score ranking the comparison picks (betweenness of the party graph), per party
     * @param options    budget and flow algorithm
     * @param progress   progress and cancellation
     */
    public static Result plan(CompactGraph partyGraph, int[] ringOf, Tier[] tier, double[] score,
                              InterdictionPlan.Options options, ProgressListener progress) {
        int n = partyGraph.nodeCount();
        if (ringOf.length != n || tier.length != n || score.length != n) {
            throw new IllegalArgumentException("ringOf, tier and score need one entry per party (" + n + ")");
        }
        int members = 0;
        for (int r : ringOf) {
            members += r >= 0 ? 1 : 0;
        }
        int[] ringNodes = new int[members];
        for (int v = 0, k = 0; v < n; v++) {
            if (ringOf[v] >= 0) {
                ringNodes[k++] = v;
            }
        }
        Subgraph net = Subgraph.induced(partyGraph, ringNodes);
        CompactGraph g = net.graph();
        int[] original = net.original();
        Tier[] localTier = new Tier[g.nodeCount()];
        for (int i = 0; i < localTier.length; i++) {
            localTier[i] = tier[original[i]];
        }
        int[] localSources = TierClassifier.withTier(localTier, Tier.SOURCE);
        int[] retailers = TierClassifier.withTier(localTier, Tier.RETAILER);
        int[] localSinks = new int[retailers.length];
        int kept = 0;
        for (int v : retailers) {
            boolean fed = false;
            for (int i = g.inStart(v); i < g.inEnd(v) && !fed; i++) {
                fed = localTier[g.source(i)] == Tier.SOURCE;
            }
            if (!fed) {
                localSinks[kept++] = v;
            }
        }
        int directSinks = retailers.length - kept;
        localSinks = Arrays.copyOf(localSinks, kept);
        int[] sources = toOriginal(localSources, original);
        int[] sinks = toOriginal(localSinks, original);
        if (localSources.length == 0 || localSinks.length == 0) {
            return new Result(g.nodeCount(), g.edgeCount(), sources, sinks, directSinks, 0, null, List.of());
        }
        double[] localScore = new double[g.nodeCount()];
        for (int i = 0; i < localScore.length; i++) {
            localScore[i] = score[original[i]];
        }
        InterdictionPlan.Result plan = InterdictionPlan.betweenSourcesAndSinks(g, localSources, localSinks, localScore,
                options, progress);
        List<Picks> picks = new java.util.ArrayList<>(3);
        if (plan.cutPicks() != null) {
            picks.add(picks("min_cut", plan.cutPicks(), original));
        }
        picks.add(picks("greedy", plan.greedy(), original));
        picks.add(picks("betweenness", plan.byScore(), original));
        return new Result(g.nodeCount(), g.edgeCount(), sources, sinks, directSinks, plan.initial(), plan.cut(), picks);
    }

    private static Picks picks(String method, KeyPlayers.Result r, int[] original) {
        return new Picks(method, toOriginal(r.picks(), original), r.reachabilityAfter(), r.initial());
    }

    private static int[] toOriginal(int[] local, int[] original) {
        int[] out = new int[local.length];
        for (int i = 0; i < local.length; i++) {
            out[i] = original[local[i]];
        }
        return out;
    }
}
