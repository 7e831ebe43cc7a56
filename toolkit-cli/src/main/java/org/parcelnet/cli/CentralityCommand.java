package org.parcelnet.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.Cost;
import org.parcelnet.paths.DegreeCentrality;
import org.parcelnet.paths.PageRank;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet centrality}: betweenness, PageRank or degree per node. */
@Command(name = "centrality", mixinStandardHelpOptions = true,
        description = {"Centrality scores to centrality.csv (node,score), highest first.",
                "betweenness: Brandes; --samples K estimates from K seeded pivots (Brandes & Pich); undirected pairs "
                        + "counted once; --normalized divides as NetworkX does. pagerank: damping, dangling rank spread "
                        + "evenly. degree: distinct neighbours (strength with --weighted)."})
public final class CentralityCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--measure", required = true, paramLabel = "M", description = "betweenness, pagerank or degree")
    String measure;

    @Option(names = "--samples", defaultValue = "0", paramLabel = "K", description = "betweenness pivots (0: exact; default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the pivot sample (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--normalized", description = "betweenness divided as NetworkX normalized=True")
    boolean normalized;

    @Option(names = "--cost", defaultValue = "one", paramLabel = "COST", description = "betweenness arc cost: one, weight, inverse or km (default: ${DEFAULT-VALUE})")
    String cost;

    @Option(names = "--threads", paramLabel = "T", description = "betweenness worker threads; does not change the scores (default: processors)")
    Integer threads;

    @Option(names = "--damping", defaultValue = "0.85", paramLabel = "D", description = "PageRank damping (default: ${DEFAULT-VALUE})")
    double damping;

    @Option(names = "--iterations", defaultValue = "100", paramLabel = "N", description = "PageRank iterations at most (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--tolerance", defaultValue = "1e-10", paramLabel = "E", description = "PageRank stops once the L1 change is below this (0: never; default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--weighted", description = "PageRank splits rank by weight; degree becomes strength")
    boolean weighted;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        String m = measure.toLowerCase(Locale.ROOT);
        if (!m.equals("betweenness") && !m.equals("pagerank") && !m.equals("degree")) {
            throw new IllegalArgumentException("--measure must be betweenness, pagerank or degree, got '" + measure + "'");
        }
        Cost c = Cost.parse(cost);
        validateOptions(m, c);
        input.validate(out);
        ReportFolder.claim(out, input.outputs("centrality.csv", "summary.json"));
        long started = System.nanoTime();
        LabeledGraph g = input.loadGraph(out);
        Map<String, Object> summary = Json.object();
        summary.put("command", "centrality");
        summary.put("input", input.file().toString());
        summary.put("graph", CommandSupport.graphSummary(g));
        summary.put("measure", m);
        double[] score;
        switch (m) {
            case "betweenness" -> {
                System.err.println("cost: " + CommandSupport.describe(c));
                double[] arcCost = c == Cost.ONE ? null : CommandSupport.arcCosts(g, c, input, false);
                Betweenness.Options.Builder ob = Betweenness.Options.builder().arcCost(arcCost).normalized(normalized)
                        .samples(samples).seed(seed);
                if (threads != null) {
                    ob.threads(threads);
                }
                Betweenness.Options o = ob.build();
                Betweenness.Result r = Betweenness.compute(g.graph(), o, input.progress());
                score = r.score();
                summary.put("cost", c.label());
                summary.put("normalized", normalized);
                summary.put("pivots", r.pivots());
                summary.put("exact", r.exact());
                summary.put("seed", seed);
                summary.put("threads", o.threads());
            }
            case "pagerank" -> {
                PageRank.Result r = PageRank.compute(g.graph(), pageRankOptions());
                score = r.rank();
                summary.put("damping", damping);
                summary.put("iterations", r.iterations());
                summary.put("last_change", r.lastChange());
                summary.put("weighted", weighted);
            }
            default -> {
                score = DegreeCentrality.compute(g.graph(), weighted ? DegreeCentrality.Kind.STRENGTH : DegreeCentrality.Kind.DEGREE);
                summary.put("kind", weighted ? "strength" : "degree");
            }
        }
        int[] order = ranking(score);
        NodeColumns nc = NodeColumns.of(input, g);
        AtomicFiles.writeText(out.resolve("centrality.csv"), w -> {
            w.write("node,score" + nc.header() + "\n");
            for (int v : order) {
                w.write(Csv.cell(g.label(v)));
                w.write(',');
                w.write(CommandSupport.number(score[v]));
                w.write(nc.cells(v));
                w.write('\n');
            }
        });
        if (nc.hasRegions()) {
            summary.put("by_region", byRegion(nc, g, order, score));
        }
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.println(m + " of " + score.length + " nodes written to " + out.resolve("centrality.csv"));
        return Cli.OK;
    }

    /** Per region of {@code --nodes}: node count, score sum and the three highest-scoring nodes. */
    private static Map<String, Map<String, Object>> byRegion(NodeColumns nc, LabeledGraph g, int[] order, double[] score) {
        Map<String, Map<String, Object>> groups = NodeColumns.groups();
        for (int v : order) {
            Map<String, Object> r = NodeColumns.group(groups, nc.region(v));
            r.merge("nodes", 1, (a, b) -> (Integer) a + (Integer) b);
            r.merge("score_sum", score[v], (a, b) -> (Double) a + (Double) b);
            @SuppressWarnings("unchecked")
            java.util.List<Object> top = (java.util.List<Object>) r.computeIfAbsent("top", k -> new java.util.ArrayList<>());
            if (top.size() < 3) {
                Map<String, Object> t = Json.object();
                t.put("node", g.label(v));
                t.put("label", nc.label(v));
                t.put("score", score[v]);
                top.add(t);
            }
        }
        return groups;
    }

    /** Nodes by descending score ({@link Double#compare} order), ties by node order. O(n), primitive arrays. */
    static int[] ranking(double[] score) {
        int n = score.length;
        if (n == 0) {
            return new int[0];
        }
        // Each score as a 64-bit key whose unsigned order is Double.compare's order, reversed; a
        // stable LSD radix sort (four 16-bit digits) then keeps ascending node order within ties.
        long[] key = new long[n];
        int[] node = new int[n];
        for (int v = 0; v < n; v++) {
            long bits = Double.doubleToLongBits(score[v]);
            key[v] = ~(bits < 0 ? ~bits : bits ^ Long.MIN_VALUE);
            node[v] = v;
        }
        long[] keyOut = new long[n];
        int[] nodeOut = new int[n];
        int[] start = new int[(1 << 16) + 1];
        for (int shift = 0; shift < 64; shift += 16) {
            java.util.Arrays.fill(start, 0);
            for (int j = 0; j < n; j++) {
                start[(int) ((key[j] >>> shift) & 0xFFFF) + 1]++;
            }
            if (start[(int) ((key[0] >>> shift) & 0xFFFF) + 1] == n) {
                continue; // every key has this digit: the pass would not move anything
            }
            for (int d = 0; d < 1 << 16; d++) {
                start[d + 1] += start[d];
            }
            for (int j = 0; j < n; j++) {
                int p = start[(int) ((key[j] >>> shift) & 0xFFFF)]++;
                keyOut[p] = key[j];
                nodeOut[p] = node[j];
            }
            long[] k = key;
            key = keyOut;
            keyOut = k;
            int[] t = node;
            node = nodeOut;
            nodeOut = t;
        }
        return node;
    }

    /** Checks the measure's options before any input is read (messages name the option). */
    private void validateOptions(String m, Cost c) {
        if (m.equals("betweenness")) {
            if (samples < 0) {
                throw new IllegalArgumentException("--samples must be >= 0 (0: exact), got " + samples);
            }
            if (threads != null && threads < 1) {
                throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
            }
            if (c == Cost.KM && input.nodes == null) {
                throw new IllegalArgumentException("--cost km needs --nodes FILE with lat,lon columns");
            }
        } else if (m.equals("pagerank")) {
            pageRankOptions();
        }
    }

    private PageRank.Options pageRankOptions() {
        if (!(damping >= 0 && damping <= 1)) {
            throw new IllegalArgumentException("--damping must be in [0, 1], got " + damping);
        }
        if (iterations < 0) {
            throw new IllegalArgumentException("--iterations must be >= 0, got " + iterations);
        }
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("--tolerance must be >= 0, got " + tolerance);
        }
        return PageRank.Options.builder().damping(damping).maxIterations(iterations).tolerance(tolerance)
                .weighted(weighted).build();
    }
}
