package org.parcelnet.graphalytics;

import java.util.Locale;

import org.parcelnet.progress.WorkerPool;
import org.parcelnet.paths.PageRank;

/**
 * The six LDBC Graphalytics kernels on a {@link Dataset}, with the parameters of its properties
 * (A. Iosup et al., "LDBC Graphalytics: a benchmark for large-scale graph analysis on parallel and
 * distributed platforms", PVLDB 9(13) (2016) 1317–1328, doi:10.14778/3007263.3007270; the kernels as
 * the specification defines them): {@link Bfs}, PageRank ({@link PageRank} with a fixed iteration
 * count, dangling rank spread evenly), {@link Wcc}, {@link Cdlp}, {@link Lcc} and {@link Sssp}.
 * Every kernel's output is the same for any thread count.
 */
public final class Graphalytics {

    private Graphalytics() {
    }

    /** The kernels, by the specification's short names. */
    public enum Algorithm {
        BFS, PR, WCC, CDLP, LCC, SSSP;

        /** The lower-case name used in properties and on the command line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The algorithm for a short name (case-insensitive). */
        public static Algorithm parse(String s) {
            for (Algorithm a : values()) {
                if (a.key().equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown algorithm " + s + " (bfs, pr, wcc, cdlp, lcc, sssp)");
        }

        /** Whether the output is compared exactly (BFS, CDLP), by equivalence (WCC) or within 1e-4 relative. */
        public Validation.Rule rule() {
            return switch (this) {
                case BFS, CDLP -> Validation.Rule.EXACT;
                case WCC -> Validation.Rule.EQUIVALENCE;
                default -> Validation.Rule.EPSILON;
            };
        }
    }

    /**
     * A kernel's output per node: integers ({@code longs}: BFS depth, WCC and CDLP vertex ids) or reals
     * ({@code doubles}: PR, LCC, SSSP); exactly one is non-null.
     *
     * @param algorithm the kernel
     * @param longs     integer values, or null
     * @param doubles   real values, or null
     * @param nanos     processing time of the kernel alone
     */
    public record Output(Algorithm algorithm, long[] longs, double[] doubles, long nanos) {

        /** The value of node {@code v} as the output file writes it. */
        public String format(int v) {
            if (longs != null) {
                return Long.toString(longs[v]);
            }
            double d = doubles[v];
            return Double.isInfinite(d) ? "infinity" : Double.toString(d);
        }
    }

    /** Runs {@code algorithm} on {@code data} with its properties' parameters on {@code threads} threads. */
    public static Output run(Dataset data, Algorithm algorithm, int threads) {
        var g = data.graph();
        try (WorkerPool par = WorkerPool.of(Math.max(1, threads), "graphalytics")) {
            long t0;
            switch (algorithm) {
                case BFS -> {
                    int src = data.sourceNode("bfs");
                    t0 = System.nanoTime();
                    long[] d = Bfs.depths(g, src, par);
                    return new Output(algorithm, d, null, System.nanoTime() - t0);
                }
                case PR -> {
                    double damping = data.doubleProperty("pr.damping-factor");
                    int it = data.intProperty("pr.num-iterations");
                    t0 = System.nanoTime();
                    double[] r = PageRank.compute(g, PageRank.Options.graphalytics(damping, it), threads).rank();
                    return new Output(algorithm, null, r, System.nanoTime() - t0);
                }
                case WCC -> {
                    t0 = System.nanoTime();
                    int[] c = Wcc.components(g, par);
                    long ns = System.nanoTime() - t0;
                    return new Output(algorithm, toIds(data, c), null, ns);
                }
                case CDLP -> {
                    int it = data.intProperty("cdlp.max-iterations");
                    t0 = System.nanoTime();
                    int[] l = Cdlp.labels(g, it, par);
                    long ns = System.nanoTime() - t0;
                    return new Output(algorithm, toIds(data, l), null, ns);
                }
                case LCC -> {
                    t0 = System.nanoTime();
                    double[] c = Lcc.coefficients(g, par);
                    return new Output(algorithm, null, c, System.nanoTime() - t0);
                }
                case SSSP -> {
                    int src = data.sourceNode("sssp");
                    t0 = System.nanoTime();
                    double[] d = Sssp.distances(g, src, par);
                    return new Output(algorithm, null, d, System.nanoTime() - t0);
                }
                default -> throw new AssertionError(algorithm);
            }
        }
    }

    private static long[] toIds(Dataset data, int[] nodes) {
        long[] out = new long[nodes.length];
        for (int v = 0; v < nodes.length; v++) {
            out[v] = data.id(nodes[v]);
        }
        return out;
    }

    /** Edges and vertices processed per second: {@code (n + m) / seconds}. */
    public static double evps(Dataset data, long nanos) {
        return data.size() / (Math.max(1, nanos) / 1e9);
    }
}
