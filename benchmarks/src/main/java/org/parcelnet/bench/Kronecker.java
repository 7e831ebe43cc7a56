package org.parcelnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graphalytics.Dataset;

/**
 * A Graph500-style Kronecker (R-MAT) graph: {@code 16·2^scale} edges, each endpoint pair drawn bit by
 * bit with the Graph500 initiator probabilities A = 0.57, B = 0.19, C = 0.19, D = 0.05, vertex labels
 * then permuted at random (Graph500 specification; D. Chakrabarti, Y. Zhan, C. Faloutsos, "R-MAT: a
 * recursive model for graph mining", SDM 2004, doi:10.1137/1.9781611972740.43). Self loops and
 * duplicate edges are dropped (a Graphalytics graph has neither); the graph is undirected and every
 * edge gets a weight uniform in [0, 1), as in the Graph500 SSSP kernel. Everything follows from
 * the seed.
 *
 * <p>{@code main SCALE SEED DIR} writes it as the Graphalytics dataset {@code DIR/kron-SCALE.{v,e,properties}}
 * (BFS and SSSP from the first vertex with an edge, PR 0.85 × 10 iterations, CDLP 10 iterations), the
 * input of {@code benchmarks/compare_graphalytics_igraph.py} and of {@code parcelnet graphalytics}.
 */
public final class Kronecker {

    private Kronecker() {
    }

    /** Sorted distinct undirected edges as keys {@code min·n + max}, and their weights. */
    record Edges(int nodes, long[] keys, double[] weights) {
    }

    static Edges generate(int scale, long seed) {
        int n = 1 << scale;
        long m = 16L << scale;
        SplittableRandom r = new SplittableRandom(seed);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            int j = r.nextInt(i + 1);
            perm[i] = perm[j];
            perm[j] = i;
        }
        long[] keys = new long[(int) m];
        int k = 0;
        for (long e = 0; e < m; e++) {
            int u = 0;
            int v = 0;
            for (int b = 0; b < scale; b++) {
                double p = r.nextDouble();
                int ub = p >= 0.57 + 0.19 ? 1 : 0;                // C or D
                int vb = (p >= 0.57 && p < 0.76) || p >= 0.95 ? 1 : 0; // B or D
                u |= ub << b;
                v |= vb << b;
            }
            u = perm[u];
            v = perm[v];
            if (u != v) {
                keys[k++] = (long) Math.min(u, v) * n + Math.max(u, v);
            }
        }
        keys = Arrays.copyOf(keys, k);
        Arrays.parallelSort(keys);
        int d = 0;
        for (int i = 0; i < keys.length; i++) {
            if (i == 0 || keys[i] != keys[i - 1]) {
                keys[d++] = keys[i];
            }
        }
        keys = Arrays.copyOf(keys, d);
        double[] w = new double[d];
        for (int i = 0; i < d; i++) {
            w[i] = r.nextDouble();
        }
        return new Edges(n, keys, w);
    }

    static CompactGraph graph(Edges e) {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(e.nodes()).expectedEdges(e.keys().length);
        for (int i = 0; i < e.keys().length; i++) {
            b.addEdge((int) (e.keys()[i] / e.nodes()), (int) (e.keys()[i] % e.nodes()), e.weights()[i]);
        }
        return b.build();
    }

    /** First vertex with an edge: the BFS and SSSP source. */
    static int source(CompactGraph g) {
        for (int v = 0; v < g.nodeCount(); v++) {
            if (g.outDegree(v) > 0) {
                return v;
            }
        }
        return 0;
    }

    static Properties properties(String name, int source) {
        Properties p = new Properties();
        String pre = "graph." + name + ".";
        p.setProperty(pre + "vertex-file", name + ".v");
        p.setProperty(pre + "edge-file", name + ".e");
        p.setProperty(pre + "directed", "false");
        p.setProperty(pre + "edge-properties.names", "weight");
        p.setProperty(pre + "edge-properties.types", "real");
        p.setProperty(pre + "algorithms", "bfs, cdlp, lcc, pr, sssp, wcc");
        p.setProperty(pre + "bfs.source-vertex", Integer.toString(source));
        p.setProperty(pre + "sssp.source-vertex", Integer.toString(source));
        p.setProperty(pre + "sssp.weight-property", "weight");
        p.setProperty(pre + "pr.damping-factor", "0.85");
        p.setProperty(pre + "pr.num-iterations", "10");
        p.setProperty(pre + "cdlp.max-iterations", "10");
        return p;
    }

    /** The dataset in memory (vertex ids 0..n-1). */
    static Dataset dataset(int scale, long seed) {
        CompactGraph g = graph(generate(scale, seed));
        long[] ids = new long[g.nodeCount()];
        Arrays.setAll(ids, i -> i);
        return new Dataset("kron-" + scale, g, ids, properties("kron-" + scale, source(g)));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: Kronecker SCALE SEED DIR");
            System.exit(2);
        }
        int scale = Integer.parseInt(args[0]);
        long seed = Long.parseLong(args[1]);
        Path dir = Path.of(args[2]);
        Files.createDirectories(dir);
        String name = "kron-" + scale;
        Edges e = generate(scale, seed);
        CompactGraph g = graph(e);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(name + ".v"), StandardCharsets.US_ASCII), 1 << 16)) {
            for (int v = 0; v < e.nodes(); v++) {
                w.write(Integer.toString(v));
                w.write('\n');
            }
        }
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(dir.resolve(name + ".e"), StandardCharsets.US_ASCII), 1 << 16)) {
            StringBuilder sb = new StringBuilder(64);
            for (int i = 0; i < e.keys().length; i++) {
                sb.setLength(0);
                sb.append(e.keys()[i] / e.nodes()).append(' ').append(e.keys()[i] % e.nodes()).append(' ')
                        .append(e.weights()[i]).append('\n');
                w.append(sb);
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve(name + ".properties"), StandardCharsets.US_ASCII)) {
            properties(name, source(g)).store(w, "Graph500-style Kronecker graph, scale " + scale + ", seed " + seed);
        }
        System.err.printf("%s: %,d vertices, %,d edges%n", name, g.nodeCount(), g.edgeCount());
    }
}
