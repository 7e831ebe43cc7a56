package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.LabelPropagation;
import org.parcelnet.community.LabelPropagationParams;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Louvain;
import org.parcelnet.community.LouvainParams;
import org.parcelnet.community.Modularity;
import org.parcelnet.community.Partition;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet communities}: Louvain, Leiden or label propagation on a graph or party graph. */
@Command(name = "communities", mixinStandardHelpOptions = true,
        description = {"Community detection to communities.csv (node,community; 0 = largest) and summary.json.",
                "Runs on the undirected view of the graph (--shipments: the party graph, sender-receiver ties in "
                        + "either direction). With --truth (node,community or the generator's truth_parties.csv "
                        + "or its folder) the summary adds NMI, ARI and best-match F1."})
public final class CommunitiesCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--algorithm", defaultValue = "leiden", paramLabel = "A", description = "louvain, leiden or lpa (default: ${DEFAULT-VALUE})")
    String algorithm;

    @Option(names = "--resolution", defaultValue = "1.0", paramLabel = "R", description = "modularity resolution γ > 0 (louvain, leiden; default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of node orders and random choices (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads of louvain and leiden (default: the "
            + "available processors); the partition is the same for every N, lpa runs on one thread")
    Integer threads;

    @Option(names = "--theta", defaultValue = "0.01", paramLabel = "T", description = "Leiden refinement randomness (default: ${DEFAULT-VALUE})")
    double theta;

    @Option(names = "--iterations", defaultValue = "2", paramLabel = "N", description = "Leiden iterations at most (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--max-sweeps", defaultValue = "100", paramLabel = "N", description = "label-propagation sweeps at most (default: ${DEFAULT-VALUE})")
    int maxSweeps;

    @Option(names = "--max-levels", defaultValue = "50", paramLabel = "N", description = "aggregation levels at most (default: ${DEFAULT-VALUE})")
    int maxLevels;

    @Option(names = "--tolerance", defaultValue = "1e-7", paramLabel = "E", description = "stop once a pass, level or iteration gains less modularity (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--truth", paramLabel = "FILE", description = "ground truth: node,community or truth_parties.csv (party,ring,tier) or the generator's output folder")
    Path truth;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    @Override
    public Integer call() throws Exception {
        String alg = algorithm.toLowerCase(Locale.ROOT);
        if (!alg.equals("louvain") && !alg.equals("leiden") && !alg.equals("lpa")) {
            throw new IllegalArgumentException("--algorithm must be louvain, leiden or lpa, got '" + algorithm + "'");
        }
        // The default uses every core: local moving and refinement give the same partition for any count.
        int threads = this.threads == null ? Runtime.getRuntime().availableProcessors() : this.threads;
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        Map<String, Object> parameters = Json.object();
        Louvain louvain = null;
        Leiden leiden = null;
        LabelPropagation lpa = null;
        // Validate every option before reading input.
        switch (alg) {
            case "louvain" -> {
                LouvainParams p = LouvainParams.builder().resolution(resolution).seed(seed).threads(threads)
                        .maxLevels(maxLevels).tolerance(tolerance).build();
                louvain = new Louvain(p);
                parameters.put("resolution", p.resolution());
                parameters.put("seed", p.seed());
                parameters.put("threads", p.threads());
                parameters.put("move_mode", p.moveMode().name().toLowerCase(java.util.Locale.ROOT));
                parameters.put("tolerance", p.tolerance());
                parameters.put("max_levels", p.maxLevels());
                parameters.put("refine", p.refine());
            }
            case "leiden" -> {
                LeidenParams p = LeidenParams.builder().resolution(resolution).seed(seed).threads(threads)
                        .theta(theta).maxIterations(iterations).maxLevels(maxLevels).tolerance(tolerance).build();
                leiden = new Leiden(p);
                parameters.put("resolution", p.resolution());
                parameters.put("seed", p.seed());
                parameters.put("threads", p.threads());
                parameters.put("move_mode", p.moveMode().name().toLowerCase(java.util.Locale.ROOT));
                parameters.put("theta", p.theta());
                parameters.put("max_iterations", p.maxIterations());
                parameters.put("tolerance", p.tolerance());
                parameters.put("max_levels", p.maxLevels());
            }
            default -> {
                LabelPropagationParams p = LabelPropagationParams.builder().seed(seed).maxIterations(maxSweeps).build();
                lpa = new LabelPropagation(p);
                parameters.put("seed", p.seed());
                parameters.put("max_iterations", p.maxIterations());
            }
        }
        input.validate(out);
        ReportFolder.claim(out, input.outputs("communities.csv", "summary.json"));
        long started = System.nanoTime();
        LabeledGraph g = input.loadGraph(out);
        double readSeconds = (System.nanoTime() - started) / 1e9;
        GroundTruth gt = truth == null ? null : GroundTruth.read(truth);
        long algStarted = System.nanoTime();
        CommunityResult r = louvain != null ? louvain.run(g.graph(), input.progress())
                : leiden != null ? leiden.run(g.graph(), input.progress()) : lpa.run(g.graph(), input.progress());
        double algSeconds = (System.nanoTime() - algStarted) / 1e9;
        Partition p = r.partition();
        NodeColumns nc = NodeColumns.of(input, g);
        long writeStarted = System.nanoTime();
        writeCommunities(out.resolve("communities.csv"), g, p, nc);
        double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;

        Map<String, Object> summary = Json.object();
        summary.put("command", "communities");
        summary.put("input", input.file().toString());
        summary.put("graph", CommandSupport.graphSummary(g));
        summary.put("algorithm", alg);
        summary.put("parameters", parameters);
        summary.put("communities", p.communityCount());
        summary.put("modularity", r.modularity());
        if (!alg.equals("lpa") && resolution != 1.0) {
            summary.put("modularity_gamma_1", Modularity.of(g.graph(), p));
        }
        int[] sizes = p.sizes();
        summary.put("largest_sizes", Arrays.copyOf(sizes, Math.min(10, sizes.length)));
        summary.put("singletons", countAtMost(sizes, 1));
        double[] phi = Modularity.conductance(g.graph(), p);
        summary.put("conductance_largest", Arrays.copyOf(phi, Math.min(10, phi.length)));
        summary.put("conductance_median_nontrivial", medianNonTrivial(phi, sizes));
        List<Object> levels = new ArrayList<>();
        for (CommunityResult.Level l : r.levels()) {
            Map<String, Object> m = Json.object();
            m.put("communities", l.partition().communityCount());
            m.put("modularity", l.modularity());
            levels.add(m);
        }
        summary.put("levels", levels);
        summary.put("iterations", r.iterations());
        if (alg.equals("leiden")) {
            summary.put("repaired_communities", r.repairedCommunities());
        }
        summary.put("working_bytes", r.workingBytes());
        if (gt != null) {
            int[] labels = gt.ringLabels(g.ids());
            PartitionComparison.Comparison c = PartitionComparison.compare(labels, p.membership());
            Map<String, Object> t = Json.object();
            t.put("file", truth.toString());
            t.put("labelled_nodes", c.labelledNodes());
            t.put("groups", c.groupF1().length);
            t.put("nmi", c.nmi());
            t.put("ari", c.ari());
            t.put("mean_best_match_f1", c.meanF1());
            t.put("group_f1", c.groupF1());
            summary.put("truth", t);
            System.err.printf(Locale.ROOT, "truth: NMI %.4f, ARI %.4f, mean best-match F1 %.4f over %,d groups%n",
                    c.nmi(), c.ari(), c.meanF1(), c.groupF1().length);
        }
        if (nc.hasRegions()) {
            summary.put("regions", regionSummary(nc, p));
        }
        summary.put("read_seconds", readSeconds);
        summary.put("algorithm_seconds", algSeconds);
        summary.put("communities_csv_seconds", writeSeconds);
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.printf(Locale.ROOT, "%s: %,d communities, modularity %.5f, %.2f s; written to %s%n", alg,
                p.communityCount(), r.modularity(), algSeconds, out.resolve("communities.csv"));
        return Cli.OK;
    }

    /** node,community rows grouped by community (0 first), nodes in graph order inside. */
    static void writeCommunities(Path file, LabeledGraph g, Partition p) throws IOException {
        writeCommunities(file, g, p, null);
    }

    /**
     * As above, with the label,region columns of {@code --nodes} when {@code nc} has them. Rows are
     * encoded straight into a byte buffer (ASCII characters copied, others through UTF-8), which writes a
     * million rows in a small fraction of a second where a character {@code Writer} took several times as
     * long; every cell still goes through {@link Csv#cell}.
     */
    static void writeCommunities(Path file, LabeledGraph g, Partition p, NodeColumns nc) throws IOException {
        int[][] members = p.members();
        AtomicFiles.write(file, out -> {
            Utf8Rows rows = new Utf8Rows(out);
            rows.text("node,community" + (nc == null ? "" : nc.header()) + "\n");
            for (int c = 0; c < members.length; c++) {
                for (int v : members[c]) {
                    rows.text(Csv.cell(g.label(v)));
                    rows.ascii(',');
                    rows.number(c);
                    if (nc != null) {
                        rows.text(nc.cells(v));
                    }
                    rows.ascii('\n');
                }
            }
            rows.flush();
        });
    }

    /** A byte buffer of UTF-8 text in front of a stream. */
    static final class Utf8Rows {
        private final java.io.OutputStream out;
        private final byte[] buf = new byte[1 << 16];
        private int at;

        Utf8Rows(java.io.OutputStream out) {
            this.out = out;
        }

        void ascii(char c) throws IOException {
            if (at == buf.length) {
                drain();
            }
            buf[at++] = (byte) c;
        }

        void text(String s) throws IOException {
            int n = s.length();
            if (buf.length - at < n) {
                drain();
            }
            if (n > buf.length) {
                out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            int start = at;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    at = start;
                    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    if (buf.length - at < b.length) {
                        drain();
                    }
                    if (b.length > buf.length) {
                        out.write(b);
                    } else {
                        System.arraycopy(b, 0, buf, at, b.length);
                        at += b.length;
                    }
                    return;
                }
                buf[at++] = (byte) c;
            }
        }

        /** A non-negative int in decimal. */
        void number(int v) throws IOException {
            if (buf.length - at < 11) {
                drain();
            }
            if (v == 0) {
                buf[at++] = '0';
                return;
            }
            int end = at + digits(v);
            int i = end;
            while (v > 0) {
                buf[--i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            at = end;
        }

        private static int digits(int v) {
            int d = 1;
            while (v >= 10) {
                v /= 10;
                d++;
            }
            return d;
        }

        private void drain() throws IOException {
            out.write(buf, 0, at);
            at = 0;
        }

        void flush() throws IOException {
            drain();
            out.flush();
        }
    }

    /**
     * Communities against the {@code region} column of {@code --nodes}: NMI and ARI over the nodes with a
     * region, and per region its node count, the number of communities it spans and its largest share
     * in one community.
     */
    private static Map<String, Object> regionSummary(NodeColumns nc, Partition p) {
        int[] membership = p.membership();
        PartitionComparison.Comparison c = PartitionComparison.compare(nc.regionCodes(), membership);
        Map<String, Object> m = Json.object();
        m.put("labelled_nodes", c.labelledNodes());
        m.put("nmi", c.nmi());
        m.put("ari", c.ari());
        Map<String, Map<String, Object>> groups = NodeColumns.groups();
        Map<String, Map<Integer, Integer>> counts = new java.util.TreeMap<>();
        for (int v = 0; v < membership.length; v++) {
            counts.computeIfAbsent(nc.region(v), r -> new java.util.HashMap<>()).merge(membership[v], 1, Integer::sum);
        }
        for (Map.Entry<String, Map<Integer, Integer>> e : counts.entrySet()) {
            int nodes = 0;
            int main = -1;
            int mainCount = 0;
            for (Map.Entry<Integer, Integer> x : e.getValue().entrySet()) {
                nodes += x.getValue();
                if (x.getValue() > mainCount || (x.getValue() == mainCount && x.getKey() < main)) {
                    main = x.getKey();
                    mainCount = x.getValue();
                }
            }
            Map<String, Object> r = NodeColumns.group(groups, e.getKey());
            r.put("nodes", nodes);
            r.put("communities", e.getValue().size());
            r.put("main_community", main);
            r.put("main_share", (double) mainCount / nodes);
        }
        m.put("by_region", groups);
        System.err.printf(Locale.ROOT, "regions: NMI %.4f, ARI %.4f over %,d nodes with a region%n", c.nmi(), c.ari(),
                c.labelledNodes());
        return m;
    }

    private static int countAtMost(int[] sizes, int max) {
        int c = 0;
        for (int s : sizes) {
            if (s <= max) {
                c++;
            }
        }
        return c;
    }

    private static double medianNonTrivial(double[] phi, int[] sizes) {
        double[] v = new double[phi.length];
        int k = 0;
        for (int c = 0; c < phi.length; c++) {
            if (sizes[c] >= 2) {
                v[k++] = phi[c];
            }
        }
        if (k == 0) {
            return 0;
        }
        Arrays.sort(v, 0, k);
        return k % 2 == 1 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
    }
}
