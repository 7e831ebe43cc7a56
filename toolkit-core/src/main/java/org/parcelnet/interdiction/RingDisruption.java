package org.parcelnet.interdiction;

import java.util.ArrayList;
import java.util.List;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Subgraph;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;

/**
 * Strike waves on the rings' network (the same network, sources and sinks as
 * {@link RingInterdiction}): every {@link Disruption.Strategy} removes targets wave by wave, and the
 * curves record the sinks still reached after each removal. Strategies that need what the plan
 * lacks are left out ({@code MIN_CUT} and {@code TIER} without sources and sinks). Nodes in the
 * returned points are party-graph ids. Cost: {@link Disruption#run}'s per strategy on the rings'
 * network. Deterministic for a seed.
 */
public final class RingDisruption {

    private RingDisruption() {
    }

    /**
     * Runs every strategy on the rings' network.
     *
     * @param partyGraph the directed party graph
     * @param ringOf     ring of each party, -1 outside rings
     * @param tier       tier of each party (null where unclassified)
     * @param plan       the interdiction plan, whose sources and sinks are used
     * @param options    waves, removals per wave, recovery rule and seed; its strategy is ignored
     * @param progress   progress and cancellation
     * @return one curve per strategy (empty when the plan has no sources or no sinks)
     */
    public static List<Disruption.Curve> run(CompactGraph partyGraph, int[] ringOf, Tier[] tier,
                                             RingInterdiction.Result plan, Disruption.Options options,
                                             ProgressListener progress) {
        if (plan.sources().length == 0 || plan.sinks().length == 0) {
            return List.of();
        }
        int n = partyGraph.nodeCount();
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
        int[] original = net.original();
        int[] local = new int[n];
        java.util.Arrays.fill(local, -1);
        for (int i = 0; i < original.length; i++) {
            local[original[i]] = i;
        }
        int[] sources = toLocal(plan.sources(), local);
        int[] sinks = toLocal(plan.sinks(), local);
        Tier[] localTier = new Tier[original.length];
        for (int i = 0; i < original.length; i++) {
            localTier[i] = tier[original[i]];
        }
        List<Disruption.Curve> curves = new ArrayList<>();
        for (Disruption.Strategy s : Disruption.Strategy.values()) {
            Disruption.Options o = new Disruption.Options(s, options.waves(), options.budgetPerWave(),
                    options.adaptation(), options.seed());
            Disruption.Curve c = Disruption.run(net.graph(), sources, sinks, localTier, o, progress);
            List<Disruption.Point> points = new ArrayList<>(c.points().size());
            for (Disruption.Point p : c.points()) {
                points.add(new Disruption.Point(p.wave(), p.removed(), p.node() < 0 ? -1 : original[p.node()],
                        p.sinksReached(), p.flowLeft(), p.largestComponent(), p.connectedPairs(), p.addedArcs()));
            }
            curves.add(new Disruption.Curve(c.strategy(), c.adaptation(), points));
        }
        return curves;
    }

    private static int[] toLocal(int[] parties, int[] local) {
        int[] out = new int[parties.length];
        for (int i = 0; i < parties.length; i++) {
            out[i] = local[parties[i]];
            if (out[i] < 0) {
                throw new IllegalArgumentException("party " + parties[i] + " of the plan is not a ring member");
            }
        }
        return out;
    }
}
