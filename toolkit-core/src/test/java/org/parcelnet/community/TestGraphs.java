package org.parcelnet.community;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/** Graphs shared by the community tests. */
final class TestGraphs {

    private TestGraphs() {
    }

    /** A reference data set bundled in the repository ({@code sample-data/reference/SUB}). */
    static Path reference(String sub) {
        Path p = Paths.get("..", "sample-data", "reference", sub);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException(p.toAbsolutePath().normalize() + " not found");
        }
        return p;
    }

    /** Zachary's karate club (34 nodes, 78 edges), node ids 0..33 as in the reference file. */
    static CompactGraph karate() throws IOException {
        List<String> lines = Files.readAllLines(reference("karate").resolve("karate.edges.csv"), StandardCharsets.UTF_8);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(34);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            b.addEdge(Integer.parseInt(f[0].trim()), Integer.parseInt(f[1].trim()));
        }
        return b.build();
    }

    /** The karate factions: 0 = Mr. Hi, 1 = Officer. */
    static int[] karateFactions() throws IOException {
        List<String> lines = Files.readAllLines(reference("karate").resolve("karate.truth.csv"), StandardCharsets.UTF_8);
        int[] f = new int[34];
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] p = line.split(",");
            f[Integer.parseInt(p[0].trim())] = p[1].trim().equals("Mr. Hi") ? 0 : 1;
        }
        return f;
    }

    /** A planted partition: blocks of {@code block} consecutive nodes, {@code m} edges, {@code pin} inside. */
    static CompactGraph planted(int n, int block, int m, double pin, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int e = 0; e < m; e++) {
            int u = r.nextInt(n);
            int v;
            if (r.nextDouble() < pin) {
                int start = u / block * block;
                int size = Math.min(block, n - start);
                v = start + r.nextInt(size);
            } else {
                v = r.nextInt(n);
            }
            if (u != v) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    static int[] plantedTruth(int n, int block) {
        int[] t = new int[n];
        for (int v = 0; v < n; v++) {
            t[v] = v / block;
        }
        return t;
    }

    /** Erdős–Rényi style random graph with optional random weights and self loops. */
    static CompactGraph random(int n, int m, boolean weighted, boolean loops, boolean directed, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        for (int e = 0; e < m; e++) {
            int u = r.nextInt(n);
            int v = r.nextInt(n);
            if (u == v && !loops) {
                continue;
            }
            b.addEdge(u, v, weighted ? 0.5 + r.nextInt(5) : 1.0);
        }
        return b.build();
    }

    /** Whether every community of {@code p} induces a connected subgraph of (the undirected view of) g. */
    static boolean allConnected(CompactGraph g, Partition p) {
        CompactGraph u = g.toUndirected();
        int n = u.nodeCount();
        boolean[] seen = new boolean[n];
        boolean[] communityStarted = new boolean[p.communityCount()];
        for (int s = 0; s < n; s++) {
            if (seen[s]) {
                continue;
            }
            int c = p.community(s);
            if (communityStarted[c]) {
                return false; // a second component of the same community
            }
            communityStarted[c] = true;
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(s);
            seen[s] = true;
            while (!q.isEmpty()) {
                int x = q.poll();
                for (int i = u.outStart(x); i < u.outEnd(x); i++) {
                    int y = u.target(i);
                    if (!seen[y] && p.community(y) == c) {
                        seen[y] = true;
                        q.add(y);
                    }
                }
            }
        }
        return true;
    }

    /** Modularity straight from the definition with a dense adjacency matrix (independent check). */
    static double naiveModularity(CompactGraph g, int[] comm, double gamma) {
        int n = g.nodeCount();
        double[][] a = new double[n][n];
        for (int x = 0; x < n; x++) {
            for (int i = g.outStart(x); i < g.outEnd(x); i++) {
                int y = g.target(i);
                double w = g.weight(i);
                if (g.isDirected()) {
                    a[x][y] += w;
                    a[y][x] += w;
                } else {
                    a[x][y] += x == y ? 2 * w : w;
                }
            }
        }
        double[] k = new double[n];
        double twoM = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                k[x] += a[x][y];
            }
            twoM += k[x];
        }
        if (twoM == 0) {
            return 0;
        }
        double q = 0;
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                if (comm[x] == comm[y]) {
                    q += a[x][y] - gamma * k[x] * k[y] / twoM;
                }
            }
        }
        return q / twoM;
    }
}
