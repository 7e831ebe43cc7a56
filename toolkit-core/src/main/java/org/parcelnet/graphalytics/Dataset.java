package org.parcelnet.graphalytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.io.InputException;

/**
 * An LDBC Graphalytics dataset: a vertex file ({@code .v}, one 64-bit vertex id per line), an edge
 * file ({@code .e}, {@code src dst [weight]} per line, separated by blanks) and a properties file
 * naming both, whether the graph is directed, and each algorithm's parameters (keys
 * {@code graph.NAME.…}), as the LDBC Graphalytics specification (Iosup et al., PVLDB 9(13) 2016,
 * doi:10.14778/3007263.3007270) defines them.
 *
 * <p>Vertices are numbered by ascending id, so node int order is id order (the spec's CDLP and WCC
 * tie rules compare ids). An edge naming a vertex absent from the vertex file, a repeated edge or a
 * self loop (which the format excludes) is an input error with file, line and column. Memory: the
 * graph ({@link CompactGraph}) plus 8 bytes per vertex for the ids.
 */
public final class Dataset {

    private final String name;
    private final CompactGraph graph;
    private final long[] ids;
    private final Properties properties;

    /**
     * @param name       dataset name (the key prefix in the properties is {@code graph.NAME.})
     * @param graph      the graph, node {@code i} being vertex {@code ids[i]}
     * @param ids        vertex ids, strictly ascending
     * @param properties the dataset's properties (algorithm parameters)
     */
    public Dataset(String name, CompactGraph graph, long[] ids, Properties properties) {
        this.name = Objects.requireNonNull(name, "name");
        this.graph = Objects.requireNonNull(graph, "graph");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.properties = Objects.requireNonNull(properties, "properties");
        if (ids.length != graph.nodeCount()) {
            throw new IllegalArgumentException(ids.length + " ids for " + graph.nodeCount() + " nodes");
        }
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) {
                throw new IllegalArgumentException("ids must be strictly ascending");
            }
        }
    }

    /** The dataset name. */
    public String name() {
        return name;
    }

    /** The graph (weighted when the edge file has weights). */
    public CompactGraph graph() {
        return graph;
    }

    /** Vertex id of node {@code i}. */
    public long id(int i) {
        return ids[i];
    }

    /** Node int of vertex {@code id}, or -1 when absent. O(log n). */
    public int node(long id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? i : -1;
    }

    /** Vertex count plus edge count, the numerator of EVPS. */
    public long size() {
        return (long) graph.nodeCount() + graph.edgeCount();
    }

    /** A property {@code graph.NAME.key}, trimmed, or {@code null}. */
    public String property(String key) {
        String v = properties.getProperty("graph." + name + "." + key);
        return v == null ? null : v.trim();
    }

    private String required(String key) {
        String v = property(key);
        if (v == null) {
            throw new InputException(name + ".properties", "missing property graph." + name + "." + key);
        }
        return v;
    }

    /** The node of the source vertex of {@code bfs} or {@code sssp}. */
    public int sourceNode(String algorithm) {
        String s = required(algorithm + ".source-vertex");
        long id;
        try {
            id = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InputException(name + ".properties", 0, 0, "graph." + name + "." + algorithm
                    + ".source-vertex is not a vertex id", s);
        }
        int v = node(id);
        if (v < 0) {
            throw new InputException(name + ".properties", 0, 0, "source vertex not in the vertex file", s);
        }
        return v;
    }

    /** An integer property. */
    public int intProperty(String key) {
        String s = required(key);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new InputException(name + ".properties", 0, 0, "graph." + name + "." + key + " is not an integer", s);
        }
    }

    /** A real property. */
    public double doubleProperty(String key) {
        String s = required(key);
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(name + ".properties", 0, 0, "graph." + name + "." + key + " is not a number", s);
        }
    }

    /**
     * Loads dataset {@code name} from {@code dir}: the properties from {@code propertiesFile} (or
     * {@code dir/NAME.properties} when null), the vertex and edge files named there (relative to
     * {@code dir}; default {@code NAME.v}, {@code NAME.e}).
     */
    public static Dataset load(Path dir, String name, Path propertiesFile) throws IOException {
        Path propsPath = propertiesFile != null ? propertiesFile : dir.resolve(name + ".properties");
        if (!Files.isRegularFile(propsPath)) {
            throw new InputException(propsPath.toString(), "properties file not found");
        }
        Properties p = new Properties();
        try (var r = Files.newBufferedReader(propsPath, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String prefix = "graph." + name + ".";
        String directed = p.getProperty(prefix + "directed");
        if (directed == null) {
            throw new InputException(propsPath.toString(), "missing property " + prefix + "directed");
        }
        String vName = p.getProperty(prefix + "vertex-file", name + ".v").trim();
        String eName = p.getProperty(prefix + "edge-file", name + ".e").trim();
        Path vFile = dir.resolve(vName);
        Path eFile = dir.resolve(eName);
        if (!Files.isRegularFile(vFile)) {
            vFile = dir.resolve(name + ".v");
        }
        if (!Files.isRegularFile(eFile)) {
            eFile = dir.resolve(name + ".e");
        }
        return read(name, vFile, eFile, Boolean.parseBoolean(directed.trim()), p);
    }

    /** Reads a vertex file and an edge file. */
    public static Dataset read(String name, Path vertexFile, Path edgeFile, boolean directed, Properties properties)
            throws IOException {
        long[] ids = readVertices(vertexFile);
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                throw new InputException(vertexFile.toString(), 0, 1, "vertex listed twice", Long.toString(sorted[i]));
            }
        }
        // ids 0..n-1 or 1..n map by offset; others by binary search
        int n = sorted.length;
        long base = n == 0 ? 0 : sorted[0];
        boolean dense = n == 0 || sorted[n - 1] - base == n - 1;
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        String file = edgeFile.toString();
        try (InputStream in = Files.newInputStream(edgeFile)) {
            Tokens t = new Tokens(in, file);
            while (t.nextLine()) {
                long src = t.longField(1);
                long dst = t.longField(2);
                double w = t.hasField() ? t.doubleField(3) : 1.0;
                t.endLine(4);
                int u = dense ? index(src, base, n) : Arrays.binarySearch(sorted, src);
                int v = dense ? index(dst, base, n) : Arrays.binarySearch(sorted, dst);
                if (u < 0) {
                    throw new InputException(file, t.line, 1, "vertex not in the vertex file", Long.toString(src));
                }
                if (v < 0) {
                    throw new InputException(file, t.line, 2, "vertex not in the vertex file", Long.toString(dst));
                }
                if (u == v) {
                    throw new InputException(file, t.line, 2, "self loop (the format excludes them)", Long.toString(dst));
                }
                b.addEdge(u, v, w);
            }
        }
        int added = b.addedEdges();
        CompactGraph g = b.build();
        if (g.edgeCount() != added) {
            throw new InputException(file, "repeated edges (" + (added - g.edgeCount())
                    + "); a Graphalytics edge file lists each edge once");
        }
        return new Dataset(name, g, sorted, properties);
    }

    private static int index(long id, long base, int n) {
        long i = id - base;
        return i >= 0 && i < n ? (int) i : -1;
    }

    private static long[] readVertices(Path file) throws IOException {
        long[] ids = new long[1024];
        int n = 0;
        try (InputStream in = Files.newInputStream(file)) {
            Tokens t = new Tokens(in, file.toString());
            while (t.nextLine()) {
                long id = t.longField(1);
                t.endLine(2);
                if (n == ids.length) {
                    ids = Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = id;
            }
        }
        return Arrays.copyOf(ids, n);
    }

    /** A byte-level reader of blank-separated number lines (skips empty lines and {@code #} comments). */
    static final class Tokens {
        private final InputStream in;
        private final String file;
        long line;
        private int c = -2; // current byte, -2 before the first read
        private final StringBuilder sb = new StringBuilder();

        Tokens(InputStream in, String file) {
            this.in = in;
            this.file = file;
        }

        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int len;

        private int read() throws IOException {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    c = -1;
                    return c;
                }
            }
            c = buf[pos++] & 0xFF;
            return c;
        }

        /** Moves to the first field of the next non-empty line; false at end of file. */
        boolean nextLine() throws IOException {
            if (c == -2) {
                read();
            }
            while (true) {
                if (c == -1) {
                    return false;
                }
                line++;
                while (c == ' ' || c == '\t') {
                    read();
                }
                if (c == '\r') {
                    read();
                }
                if (c == '\n') {
                    read();
                    continue;
                }
                if (c == '#') {
                    while (c != '\n' && c != -1) {
                        read();
                    }
                    if (c == '\n') {
                        read();
                    }
                    continue;
                }
                if (c == -1) {
                    return false;
                }
                return true;
            }
        }

        boolean hasField() {
            return c != '\n' && c != '\r' && c != -1;
        }

        private String token() throws IOException {
            sb.setLength(0);
            while (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != -1) {
                sb.append((char) c);
                read();
            }
            while (c == ' ' || c == '\t') {
                read();
            }
            return sb.toString();
        }

        long longField(int col) throws IOException {
            if (!hasField()) {
                throw new InputException(file, line, col, "missing field", null);
            }
            // fast path for plain decimal digits
            boolean neg = false;
            if (c == '-') {
                neg = true;
                read();
            }
            long v = 0;
            int digits = 0;
            while (c >= '0' && c <= '9') {
                if (v > (Long.MAX_VALUE - (c - '0')) / 10) {
                    throw new InputException(file, line, col, "vertex id out of the 64-bit range", null);
                }
                v = v * 10 + (c - '0');
                digits++;
                read();
            }
            if (digits == 0 || (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != -1)) {
                String rest = token();
                throw new InputException(file, line, col, "not a vertex id", (neg ? "-" : "") + (digits > 0 ? v : "") + rest);
            }
            while (c == ' ' || c == '\t') {
                read();
            }
            return neg ? -v : v;
        }

        double doubleField(int col) throws IOException {
            String s = token();
            try {
                double d = Double.parseDouble(s);
                if (!Double.isFinite(d) || d < 0) {
                    throw new InputException(file, line, col, "weight must be a finite number >= 0", s);
                }
                return d;
            } catch (NumberFormatException e) {
                throw new InputException(file, line, col, "not a number", s);
            }
        }

        /** Checks that the line has no more fields and moves past its end. */
        void endLine(int col) throws IOException {
            if (hasField()) {
                throw new InputException(file, line, col, "unexpected extra field", token());
            }
            if (c == '\r') {
                read();
            }
            if (c == '\n') {
                read();
            }
        }
    }
}
