package org.parcelnet.paths;

import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Parallel;

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
 * each iteration is O(n + m) with no write contention and a fixed summation order, and splits over
 * threads by blocks of nodes. Working state: 4 doubles (32 bytes) per node.
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

    /** PageRank of every node, on the calling thread. */
    public static Result compute(CompactGraph g, Options o) {
        return compute(g, o, 1);
    }

    private static final int BLOCK = 4096;

    /**
     * PageRank of every node, the pull loop split over {@code threads} workers. Each node's sum is
     * taken in the same order whatever the thread count, and the L1 change is summed per fixed block
     * of nodes then over blocks in order, so ranks, iterations and change are identical for any
     * {@code threads}.
     */
    public static Result compute(CompactGraph g, Options o, int threads) {
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
        double[] contrib = new double[n];
        double[] blockChange = new double[(n + BLOCK - 1) / BLOCK];
        Arrays.fill(pr, 1.0 / n);
        double d = o.damping();
        int it = 0;
        double change = Double.NaN;
        boolean weighted = o.weighted();
        try (Parallel par = new Parallel(Math.max(1, threads))) {
            while (it < o.maxIterations()) {
                double dangling = 0;
                for (int u = 0; u < n; u++) {
                    if (share[u] == 0) {
                        dangling += pr[u];
                    }
                    contrib[u] = pr[u] * share[u];
                }
                double base = (1 - d) / n + d * dangling / n;
                double[] cur = pr;
                double[] nxt = next;
                par.forRange(blockChange.length, 1, (w, fromBlock, toBlock) -> {
                    for (int b = fromBlock; b < toBlock; b++) {
                        double ch = 0;
                        for (int v = b * BLOCK, end = Math.min(n, v + BLOCK); v < end; v++) {
                            double sum = 0;
                            if (weighted) {
                                for (int a = g.inStart(v), ae = g.inEnd(v); a < ae; a++) {
                                    sum += contrib[g.source(a)] * g.inWeight(a);
                                }
                            } else {
                                for (int a = g.inStart(v), ae = g.inEnd(v); a < ae; a++) {
                                    sum += contrib[g.source(a)];
                                }
                            }
                            double r = base + d * sum;
                            ch += Math.abs(r - cur[v]);
                            nxt[v] = r;
                        }
                        blockChange[b] = ch;
                    }
                });
                change = 0;
                for (double c : blockChange) {
                    change += c;
                }
                double[] t = pr;
                pr = next;
                next = t;
                it++;
                if (o.tolerance() > 0 && change < o.tolerance()) {
                    break;
                }
            }
        }
        return new Result(pr, it, change);
    }
}
