package org.parcelnet.paths;

import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;

/**
 * PageRank by synchronous power iteration, as the LDBC Graphalytics PR kernel defines it:
 * {@code PR₀(v) = 1/n} and
 * {@code PRᵢ(v) = (1-d)/n + d·Σ_{u→v} PRᵢ₋₁(u)/out(u) + (d/n)·Σ_{w dangling} PRᵢ₋₁(w)},
 * where a dangling node has no out-arcs and its rank is spread evenly over all nodes. Undirected
 * graphs use neighbours for both directions. With {@code weighted}, {@code u} passes rank in
 * proportion to arc weight ({@code w(u,v)/outStrength(u)}) instead of evenly.
 *
 * <p>Stops after {@code maxIterations} or once the L1 change of an iteration is below
 * {@code tolerance} (0: always run every iteration, as Graphalytics does). Pulls over in-arcs, so
 * each iteration is O(n + m) with no write contention and a fixed summation order. Working state:
 * 3 doubles (24 bytes) per node.
 *
 * <p>References: L. Page, S. Brin, R. Motwani, T. Winograd, "The PageRank citation ranking", Stanford
 * InfoLab 1999-66; A. Iosup et al., "LDBC Graphalytics: a benchmark for large-scale graph analysis on
 * parallel and distributed platforms", PVLDB 9(13) (2016) 1317–1328, doi:10.14778/3007263.3007270.
 */
public final class PageRank {

    private PageRank() {
    }

    /**
     * Options, validated on construction; built with {@link #builder()} (as every algorithm's options).
     *
     * @param damping       damping factor d in [0, 1]
     * @param maxIterations iterations at most (≥ 0)
     * @param tolerance     stop once the L1 change is below this (≥ 0; 0 never stops early)
     * @param weighted      split rank by arc weight instead of evenly
     */
    public record Options(double damping, int maxIterations, double tolerance, boolean weighted) {
        public Options {
            if (!(damping >= 0 && damping <= 1)) {
                throw new IllegalArgumentException("damping must be in [0, 1], got " + damping);
            }
            if (maxIterations < 0) {
                throw new IllegalArgumentException("maxIterations must be >= 0, got " + maxIterations);
            }
            if (!(tolerance >= 0)) {
                throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
            }
        }

        /** d = 0.85, at most 100 iterations, tolerance 1e-10, unweighted. */
        public static final Options DEFAULTS = builder().build();

        /** Graphalytics: a fixed number of iterations, no early stop. */
        public static Options graphalytics(double damping, int iterations) {
            return builder().damping(damping).maxIterations(iterations).tolerance(0).build();
        }

        /** A builder starting from the defaults. */
        public static Builder builder() {
            return new Builder();
        }

        /** A builder starting from these values. */
        public Builder toBuilder() {
            return new Builder().damping(damping).maxIterations(maxIterations).tolerance(tolerance).weighted(weighted);
        }

        /** Builder of {@link Options}. */
        public static final class Builder {
            private double damping = 0.85;
            private int maxIterations = 100;
            private double tolerance = 1e-10;
            private boolean weighted;

            public Builder damping(double v) {
                damping = v;
                return this;
            }

            public Builder maxIterations(int v) {
                maxIterations = v;
                return this;
            }

            public Builder tolerance(double v) {
                tolerance = v;
                return this;
            }

            public Builder weighted(boolean v) {
                weighted = v;
                return this;
            }

            public Options build() {
                return new Options(damping, maxIterations, tolerance, weighted);
            }
        }
    }

    /**
     * Ranks.
     *
     * @param rank       rank per node (sums to 1; fresh array owned by the caller)
     * @param iterations iterations run
     * @param lastChange L1 change of the last iteration
     */
    public record Result(double[] rank, int iterations, double lastChange) {
    }

    /** PageRank of every node. */
    public static Result compute(CompactGraph g, Options o) {
        Objects.requireNonNull(g, "graph");
        Objects.requireNonNull(o, "options");
        int n = g.nodeCount();
        if (n == 0) {
            return new Result(new double[0], 0, 0);
        }
        double[] share = new double[n]; // 1/out(u) or 1/outStrength(u); 0 marks dangling
        for (int u = 0; u < n; u++) {
            double out = o.weighted() ? g.outStrength(u) : g.outDegree(u);
            share[u] = out > 0 ? 1.0 / out : 0;
        }
        double[] pr = new double[n];
        double[] next = new double[n];
        Arrays.fill(pr, 1.0 / n);
        double d = o.damping();
        int it = 0;
        double change = Double.NaN;
        boolean weighted = o.weighted();
        while (it < o.maxIterations()) {
            double dangling = 0;
            for (int u = 0; u < n; u++) {
                if (share[u] == 0) {
                    dangling += pr[u];
                }
            }
            double base = (1 - d) / n + d * dangling / n;
            change = 0;
            for (int v = 0; v < n; v++) {
                double sum = 0;
                for (int a = g.inStart(v), end = g.inEnd(v); a < end; a++) {
                    int u = g.source(a);
                    double w = weighted ? g.inWeight(a) : 1.0;
                    sum += pr[u] * share[u] * w;
                }
                double r = base + d * sum;
                change += Math.abs(r - pr[v]);
                next[v] = r;
            }
            double[] t = pr;
            pr = next;
            next = t;
            it++;
            if (o.tolerance() > 0 && change < o.tolerance()) {
                break;
            }
        }
        return new Result(pr, it, change);
    }
}
