package org.parcelnet.paths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;

/** Reads the LDBC Graphalytics validation graphs bundled in sample-data/reference/graphalytics (Apache 2.0). */
final class Graphalytics {

    static final Path ROOT = Path.of("..", "sample-data", "reference", "graphalytics");

    private Graphalytics() {
    }

    static Properties properties(String name) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(ROOT.resolve("properties").resolve(name + ".properties"))) {
            p.load(r);
        }
        return p;
    }

    /** Vertex → value lines of an expected output. */
    static Map<String, Double> output(String relative) throws IOException {
        Map<String, Double> m = new HashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("graphs").resolve(relative))) {
            String[] f = line.trim().split("\\s+");
            if (f.length == 2) {
                m.put(f[0], f[1].equalsIgnoreCase("infinity") ? Double.POSITIVE_INFINITY : Double.parseDouble(f[1]));
            }
        }
        return m;
    }

    /** A graph from a vertex file and an edge file {@code src dst [weight]}. */
    static LabeledGraph vertexEdge(String vFile, String eFile, boolean directed) throws IOException {
        IdMap<String> ids = new IdMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("graphs").resolve(vFile))) {
            if (!line.isBlank()) {
                ids.intern(line.trim());
            }
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, ids.size());
        for (String line : Files.readAllLines(ROOT.resolve("graphs").resolve(eFile))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 2) {
                b.addEdge(ids.intern(f[0]), ids.intern(f[1]), f.length > 2 ? Double.parseDouble(f[2]) : 1.0);
            }
        }
        b.ensureNodes(ids.size());
        return new LabeledGraph(b.build(), ids);
    }

    /**
     * A graph from an adjacency list; vertices also taken from {@code expectedIds}. An undirected edge
     * listed from both ends merges into one (weight 2, which unweighted kernels ignore).
     */
    static LabeledGraph adjacency(String file, boolean directed, Iterable<String> expectedIds) throws IOException {
        IdMap<String> ids = new IdMap<>();
        List<String> lines = Files.readAllLines(ROOT.resolve("graphs").resolve(file));
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            for (String s : f) {
                if (!s.isEmpty()) {
                    ids.intern(s);
                }
            }
        }
        for (String s : expectedIds) {
            ids.intern(s);
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, ids.size());
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            for (int i = 1; i < f.length; i++) {
                int u = ids.indexOf(f[0]);
                int v = ids.indexOf(f[i]);
                b.addEdge(u, v);
            }
        }
        b.ensureNodes(ids.size());
        return new LabeledGraph(b.build(), ids);
    }
}
