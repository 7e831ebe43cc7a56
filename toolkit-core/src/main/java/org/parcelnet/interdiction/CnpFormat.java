package org.parcelnet.interdiction;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.io.InputException;

/**
 * Reads the adjacency format of the critical node problem benchmark (Ventresca 2012; Aringhieri et
 * al. 2016; Zhou et al. 2023, doi:10.1287/ijoc.2022.0130): the first line holds the node count
 * {@code n}, then one line {@code v: u1 u2 …} per node {@code v = 0..n−1}. Each edge normally appears
 * on both endpoints' lines; an edge listed once, or twice on the same line, gives the same single
 * undirected edge. CRLF line ends and trailing blanks are accepted.
 */
public final class CnpFormat {

    private CnpFormat() {
    }

    /** The undirected simple graph of a CNP file; bad content throws {@link InputException} with file, line and column. */
    public static CompactGraph read(Path file) throws IOException {
        String name = file.toString();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String first = r.readLine();
            if (first == null) {
                throw new InputException(name, 1, 1, "empty file, expected the node count", null);
            }
            int n = parse(name, 1, 1, first.trim(), Integer.MAX_VALUE);
            CompactGraphBuilder b = CompactGraphBuilder.undirected(n).dropSelfLoops();
            boolean[] seen = new boolean[n];
            String line;
            long lineNo = 1;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new InputException(name, lineNo, 1, "expected 'node: neighbours'", line);
                }
                int v = parse(name, lineNo, 1, line.substring(0, colon).trim(), n);
                if (seen[v]) {
                    throw new InputException(name, lineNo, 1, "node listed twice", Integer.toString(v));
                }
                seen[v] = true;
                String[] f = line.substring(colon + 1).trim().split("\\s+");
                for (int i = 0; i < f.length; i++) {
                    if (f[i].isEmpty()) {
                        continue;
                    }
                    int u = parse(name, lineNo, i + 2, f[i], n);
                    if (v < u) {
                        b.addEdge(v, u);
                    } else if (u < v) {
                        b.addEdge(u, v);
                    }
                }
            }
            CompactGraph g = b.build();
            return unitWeights(g);
        }
    }

    /** Merged duplicates carry weight 2; the CNP is unweighted, so rebuild with weight 1. */
    private static CompactGraph unitWeights(CompactGraph g) {
        if (!g.isWeighted()) {
            return g;
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(g.nodeCount());
        for (int v = 0; v < g.nodeCount(); v++) {
            for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                if (v < g.target(a)) {
                    b.addEdge(v, g.target(a));
                }
            }
        }
        return b.build();
    }

    private static int parse(String file, long line, int col, String s, int bound) {
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(file, line, col, "not a node number", s);
        }
        if (v < 0 || v >= bound) {
            throw new InputException(file, line, col, bound == Integer.MAX_VALUE ? "negative node count"
                    : "node out of range 0.." + (bound - 1), s);
        }
        return v;
    }
}
