package org.parcelnet.community;

import java.util.HashMap;
import java.util.Map;

import org.parcelnet.graph.CompactGraph;

/** Raghavan's stopping criterion, checked independently with boxed maps. */
final class LpaInvariants {

    private LpaInvariants() {
    }

    static boolean everyLabelDominant(CompactGraph g, Partition p) {
        CompactGraph u = g.toUndirected();
        for (int v = 0; v < u.nodeCount(); v++) {
            Map<Integer, Double> w = new HashMap<>();
            for (int i = u.outStart(v); i < u.outEnd(v); i++) {
                int t = u.target(i);
                if (t != v) {
                    w.merge(p.community(t), u.weight(i), Double::sum);
                }
            }
            if (w.isEmpty()) {
                continue;
            }
            double max = w.values().stream().mapToDouble(Double::doubleValue).max().getAsDouble();
            if (w.getOrDefault(p.community(v), 0.0) < max - 1e-9) {
                return false;
            }
        }
        return true;
    }
}
