package org.parcelnet.graphalytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;

import org.parcelnet.graph.CompactGraphBuilder;

/** The LDBC Graphalytics validation graphs bundled in sample-data/reference/graphalytics (Apache 2.0). */
final class ReferenceGraphs {

    static final Path ROOT = Path.of("..", "sample-data", "reference", "graphalytics");
    static final Path GRAPHS = ROOT.resolve("graphs");
    static final Path PROPERTIES = ROOT.resolve("properties");

    private ReferenceGraphs() {
    }

    static Properties properties(String name) throws IOException {
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(PROPERTIES.resolve(name + ".properties"))) {
            p.load(r);
        }
        return p;
    }

    /** An example graph in the dataset layout (.v, .e) with its properties file. */
    static Dataset example(String name) throws IOException {
        return Dataset.load(GRAPHS.resolve("example"), name, PROPERTIES.resolve(name + ".properties"));
    }

    /**
     * A test graph given as an adjacency list ({@code vertex neighbour…}; undirected edges appear from
     * both ends), its vertices those of the list and of the expected output.
     */
    static Dataset adjacency(String name, String input, String output, boolean directed) throws IOException {
        TreeSet<Long> ids = new TreeSet<>();
        var lines = Files.readAllLines(GRAPHS.resolve(input), StandardCharsets.UTF_8);
        for (String line : lines) {
            for (String s : line.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    ids.add(Long.parseLong(s));
                }
            }
        }
        for (String line : Files.readAllLines(GRAPHS.resolve(output), StandardCharsets.UTF_8)) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].isEmpty()) {
                ids.add(Long.parseLong(f[0]));
            }
        }
        long[] sorted = ids.stream().mapToLong(Long::longValue).toArray();
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, sorted.length);
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f[0].isEmpty()) {
                continue;
            }
            int u = java.util.Arrays.binarySearch(sorted, Long.parseLong(f[0]));
            for (int i = 1; i < f.length; i++) {
                int v = java.util.Arrays.binarySearch(sorted, Long.parseLong(f[i]));
                if (directed || u < v) {
                    b.addEdge(u, v);
                }
            }
        }
        return new Dataset(name, b.build(), sorted, properties(name));
    }
}
