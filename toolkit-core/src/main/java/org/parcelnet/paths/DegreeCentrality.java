package org.parcelnet.paths;

import java.util.Locale;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;

/**
 * Degree and strength (weighted degree) per node, with igraph's conventions (see
 * {@link CompactGraph#degree(int)} and {@link CompactGraph#strength(int)}). O(n + m).
 */
public final class DegreeCentrality {

    /** Which count. */
    public enum Kind {
        /** Distinct neighbours: in + out for directed graphs; undirected self loop counts 2. */
        DEGREE,
        /** Distinct in-neighbours. */
        IN_DEGREE,
        /** Distinct out-neighbours. */
        OUT_DEGREE,
        /** Sum of incident weights (volume). */
        STRENGTH,
        /** Sum of in-arc weights. */
        IN_STRENGTH,
        /** Sum of out-arc weights. */
        OUT_STRENGTH;

        /** Parses {@code degree|in-degree|out-degree|strength|in-strength|out-strength}. */
        public static Kind parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("degree kind must be degree, in-degree, out-degree, strength, "
                        + "in-strength or out-strength, got '" + s + "'");
            }
        }
    }

    private DegreeCentrality() {
    }

    /** The chosen count of every node (fresh array). */
    public static double[] compute(CompactGraph g, Kind kind) {
        Objects.requireNonNull(g, "graph");
        int n = g.nodeCount();
        double[] s = new double[n];
        for (int v = 0; v < n; v++) {
            s[v] = switch (kind) {
                case DEGREE -> g.degree(v);
                case IN_DEGREE -> g.inDegree(v);
                case OUT_DEGREE -> g.outDegree(v);
                case STRENGTH -> g.strength(v);
                case IN_STRENGTH -> g.inStrength(v);
                case OUT_STRENGTH -> g.outStrength(v);
            };
        }
        return s;
    }
}
