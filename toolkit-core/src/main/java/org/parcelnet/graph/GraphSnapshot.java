package org.parcelnet.graph;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.InputException;
import org.parcelnet.progress.WorkerPool;

/**
 * Binary graph snapshots: a {@link LabeledGraph}'s CSR arrays and node ids in one versioned,
 * checksummed file that loads with a few bulk copies instead of parsing text (format: {@code
 * docs/data-format.md}, "Graph snapshots").
 *
 * <p>Layout, little-endian: a 64-byte header (magic {@code 89 50 4E 42 0D 0A 1A 0A}, i.e. {@code \x89PNB\r\n\x1a\n}
 * in the manner of PNG, so that text-mode newline translation and 7-bit transfers are detected; format
 * version; flags; counts; CRC-32C of the body; CRC-32C of the header), then sections each starting at a
 * multiple of 8: out-offsets ({@code n+1} int32), out-targets (int32 per arc), out-weights (float32 or
 * float64 per arc, absent when every weight is 1), the same three for the in-adjacency of a directed
 * graph, node-id end offsets ({@code n} int64) and the node ids as UTF-8. The sections are laid out so that
 * the file can be memory-mapped and read in place; {@link #read} reads each section into
 * the heap arrays that {@link CompactGraph} holds.
 *
 * <p>Reading checks, in order, size, magic, version, the header checksum, the declared section sizes
 * against the file size, the body checksum, then the CSR invariants (offsets non-decreasing and ending at
 * the arc count, targets in range and strictly increasing within each list, weights finite and
 * non-negative, ids distinct on first lookup). Any failure is an
 * {@link InputException} naming the file and what is wrong; nothing else escapes for a bad file.
 *
 * <p>Cost: writing and reading are O(n + m) sequential passes (one CRC-32C pass, which the JIT
 * compiles to the CPU's CRC instructions); reading decodes the node ids on a second thread while the
 * arrays are copied and checked (a string per node is the largest single cost of a read); the file takes 4 bytes per arc for targets, 4 or 8 per arc
 * for weights, 4 per node for offsets (twice for directed graphs) plus the ids' UTF-8 and 8 bytes per
 * node.
 */
public final class GraphSnapshot {

    /** The first eight bytes of every snapshot. */
    static final byte[] MAGIC = {(byte) 0x89, 'P', 'N', 'B', '\r', '\n', 0x1a, '\n'};
    /** The format version this code writes and reads. */
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 64;

    static final int DIRECTED = 1;
    static final int WEIGHTED = 2;
    static final int FLOAT_WEIGHTS = 4;

    private GraphSnapshot() {
    }

    /** Whether the file starts with the snapshot magic bytes (false when shorter or unreadable as such). */
    public static boolean isSnapshot(Path file) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) < MAGIC.length) {
            return false;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(MAGIC.length);
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // fill
            }
            return Arrays.equals(b.array(), MAGIC);
        }
    }

    /** Writes {@code g} to {@code file} atomically. */
    public static void write(LabeledGraph g, Path file) throws IOException {
        CompactGraph c = g.graph();
        int n = c.nodeCount();
        boolean weighted = c.isWeighted();
        boolean asFloat = c.outWeightsFloatArray() != null;
        int flags = (c.isDirected() ? DIRECTED : 0) | (weighted ? WEIGHTED : 0) | (weighted && asFloat ? FLOAT_WEIGHTS : 0);
        byte[][] ids = new byte[n][];
        long idBytes = 0;
        for (int v = 0; v < n; v++) {
            ids[v] = g.label(v).getBytes(StandardCharsets.UTF_8);
            idBytes += ids[v].length;
        }
        long idTotal = idBytes;
        long arcs = c.arcCount();
        long inArcs = c.isDirected() ? c.inSourcesArray().length : 0;
        // The body is serialised twice: once into the checksum, then after the header into the file.
        Sink sum = new Sink(null);
        body(c, ids, asFloat, sum);
        sum.flush();
        int bodyCrc = (int) sum.crc.getValue();
        long bodyBytes = sum.written;
        AtomicFiles.write(file, raw -> {
            raw.write(header(flags, n, arcs, inArcs, idTotal, bodyBytes, bodyCrc).array());
            Sink out = new Sink(raw);
            body(c, ids, asFloat, out);
            out.flush();
        });
    }

    private static void body(CompactGraph c, byte[][] ids, boolean asFloat, Sink out) throws IOException {
        int n = c.nodeCount();
        out.ints(c.outOffsetsArray(), n + 1);
        out.ints(c.outTargetsArray(), c.outTargetsArray().length);
        if (c.isWeighted()) {
            out.weights(asFloat, c.outWeightsArray(), c.outWeightsFloatArray(), c.outTargetsArray().length);
        }
        if (c.isDirected()) {
            out.ints(c.inOffsetsArray(), n + 1);
            out.ints(c.inSourcesArray(), c.inSourcesArray().length);
            if (c.isWeighted()) {
                out.weights(asFloat, c.inWeightsArray(), c.inWeightsFloatArray(), c.inSourcesArray().length);
            }
        }
        long at = 0;
        for (int v = 0; v < n; v++) {
            at += ids[v].length;
            out.room(8);
            out.buf.putLong(at);
        }
        out.pad();
        for (byte[] id : ids) {
            out.bytes(id);
        }
        out.pad();
    }

    /**
     * The 64-byte header: magic (8), version (4), flags (4), nodes (4), reserved (4), out-arcs (8),
     * in-arcs (8), id bytes (8), body bytes (8), body CRC-32C (4), header CRC-32C of bytes 0..59 (4).
     */
    static ByteBuffer header(int flags, int n, long arcs, long inArcs, long idBytes, long bodyBytes, int bodyCrc) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC);
        h.putInt(VERSION);
        h.putInt(flags);
        h.putInt(n);
        h.putInt(0);
        h.putLong(arcs);
        h.putLong(inArcs);
        h.putLong(idBytes);
        h.putLong(bodyBytes);
        h.putInt(bodyCrc);
        CRC32C crc = new CRC32C();
        crc.update(h.array(), 0, 60);
        h.putInt((int) crc.getValue());
        return h;
    }

    /** Buffers little-endian values, checksums them and pads sections to 8 bytes; {@code out} null: checksum only. */
    private static final class Sink {
        final OutputStream out;
        final CRC32C crc = new CRC32C();
        long written;
        final ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);

        Sink(OutputStream out) {
            this.out = out;
        }

        private void drain() throws IOException {
            crc.update(buf.array(), 0, buf.position());
            if (out != null) {
                out.write(buf.array(), 0, buf.position());
            }
            written += buf.position();
            buf.clear();
        }

        void room(int bytes) throws IOException {
            if (buf.remaining() < bytes) {
                drain();
            }
        }

        void ints(int[] a, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                room(4);
                buf.putInt(a[i]);
            }
            pad();
        }

        void weights(boolean asFloat, double[] d, float[] f, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                if (asFloat) {
                    room(4);
                    buf.putFloat(f[i]);
                } else {
                    room(8);
                    buf.putDouble(d[i]);
                }
            }
            pad();
        }

        void bytes(byte[] b) throws IOException {
            int at = 0;
            while (at < b.length) {
                if (!buf.hasRemaining()) {
                    drain();
                }
                int k = Math.min(buf.remaining(), b.length - at);
                buf.put(b, at, k);
                at += k;
            }
        }

        void pad() throws IOException {
            while (((written + buf.position()) & 7) != 0) {
                room(1);
                buf.put((byte) 0);
            }
        }

        void flush() throws IOException {
            drain();
            if (out != null) {
                out.flush();
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a snapshot.
     *
     * @throws InputException when the file is not a snapshot, is of another version, truncated, corrupt or
     *                        inconsistent
     */
    public static LabeledGraph read(Path file) throws IOException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES) {
                throw new InputException(name, "not a ParcelNet graph snapshot: " + size + " bytes, shorter than the "
                        + HEADER_BYTES + "-byte header (truncated?)");
            }
            ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (h.hasRemaining() && ch.read(h, h.position()) >= 0) {
                // fill
            }
            h.flip();
            byte[] magic = new byte[MAGIC.length];
            h.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new InputException(name, "not a ParcelNet graph snapshot (wrong magic bytes)");
            }
            int version = h.getInt();
            int flags = h.getInt();
            int n = h.getInt();
            h.getInt();
            long arcs = h.getLong();
            long inArcs = h.getLong();
            long idBytes = h.getLong();
            long bodyBytes = h.getLong();
            int bodyCrc = h.getInt();
            int headerCrc = h.getInt();
            CRC32C hc = new CRC32C();
            hc.update(h.array(), 0, 60);
            if ((int) hc.getValue() != headerCrc) {
                if (version > VERSION) {
                    throw new InputException(name, "graph snapshot format version " + version
                            + " is newer than this ParcelNet reads (" + VERSION + "); convert the edge list again");
                }
                throw new InputException(name, "corrupt graph snapshot: header checksum mismatch");
            }
            if (version != VERSION) {
                throw new InputException(name, "graph snapshot format version " + version + " is not the version this "
                        + "ParcelNet reads (" + VERSION + "); convert the edge list again");
            }
            boolean directed = (flags & DIRECTED) != 0;
            boolean weighted = (flags & WEIGHTED) != 0;
            boolean asFloat = (flags & FLOAT_WEIGHTS) != 0;
            if ((flags & ~(DIRECTED | WEIGHTED | FLOAT_WEIGHTS)) != 0 || n < 0 || arcs < 0 || inArcs < 0 || idBytes < 0
                    || arcs > Integer.MAX_VALUE - 8 || inArcs > Integer.MAX_VALUE - 8 || idBytes > Integer.MAX_VALUE - 8
                    || (!directed && inArcs != 0) || n == Integer.MAX_VALUE) {
                throw new InputException(name, "corrupt graph snapshot: impossible counts in the header");
            }
            int wb = weighted ? (asFloat ? 4 : 8) : 0;
            long expected = align(4L * (n + 1)) + align(4 * arcs) + align(wb * arcs);
            if (directed) {
                expected += align(4L * (n + 1)) + align(4 * inArcs) + align(wb * inArcs);
            }
            expected += align(8L * n) + align(idBytes);
            if (expected != bodyBytes || HEADER_BYTES + bodyBytes != size) {
                throw new InputException(name, "truncated or corrupt graph snapshot: " + size + " bytes, the header "
                        + "announces " + (HEADER_BYTES + expected));
            }
            // The node ids (a string each) are decoded beside the arrays' copy and checksum; their
            // sections are the last two of the body.
            long idsAt = HEADER_BYTES + bodyBytes - align(8L * n) - align(idBytes);
            try (WorkerPool beside = WorkerPool.beside("snapshot")) {
                WorkerPool.Pending<Object> idsRead = beside.submit(() -> nodeIds(ch, idsAt, n, idBytes));
                Body b = new Body(ch, HEADER_BYTES);
                int[] outOffsets = b.ints(n + 1);
                int[] outTargets = b.ints((int) arcs);
                double[] outW = weighted && !asFloat ? b.doubles((int) arcs) : null;
                float[] outWF = weighted && asFloat ? b.floats((int) arcs) : null;
                int[] inOffsets = null;
                int[] inSources = null;
                double[] inW = null;
                float[] inWF = null;
                if (directed) {
                    inOffsets = b.ints(n + 1);
                    inSources = b.ints((int) inArcs);
                    inW = weighted && !asFloat ? b.doubles((int) inArcs) : null;
                    inWF = weighted && asFloat ? b.floats((int) inArcs) : null;
                }
                b.checksumOnly(8L * n);
                b.checksumOnly(idBytes);
                if ((int) b.crc.getValue() != bodyCrc) {
                    throw new InputException(name, "corrupt graph snapshot: body checksum mismatch");
                }
                check(name, n, outOffsets, outTargets, outW, outWF);
                if (directed) {
                    check(name, n, inOffsets, inSources, inW, inWF);
                    if (inArcs != arcs) {
                        throw new InputException(name, "corrupt graph snapshot: " + arcs + " out-arcs but " + inArcs
                                + " in-arcs");
                    }
                }
                Object ids = idsRead.get();
                if (ids instanceof String problem) {
                    throw new InputException(name, "corrupt graph snapshot: " + problem);
                }
                @SuppressWarnings("unchecked")
                List<String> idList = (List<String>) ids;
                CompactGraph g = new CompactGraph(directed, n, outOffsets, outTargets, outW, outWF, inOffsets,
                        inSources, inW, inWF);
                return new LabeledGraph(g, IdMap.ofDistinct(idList));
            }
        }
    }

    /**
     * The node ids from the id-offset and id-byte sections at {@code at}: a list of strings, or a
     * description of what is wrong with the sections (reported only once the checksum has passed).
     */
    private static Object nodeIds(FileChannel ch, long at, int n, long idBytes) throws IOException {
        long[] ends = new long[n];
        byte[] blob = new byte[(int) idBytes];
        ByteBuffer endBytes = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, endBytes, at);
        endBytes.flip().asLongBuffer().get(ends);
        readFully(ch, ByteBuffer.wrap(blob), at + align(8L * n));
        String[] ids = new String[n];
        long prev = 0;
        for (int v = 0; v < n; v++) {
            long e = ends[v];
            if (e < prev || e > idBytes) {
                return "node id offsets out of order";
            }
            ids[v] = new String(blob, (int) prev, (int) (e - prev), StandardCharsets.UTF_8);
            prev = e;
        }
        if (prev != idBytes) {
            return "node ids do not fill their section";
        }
        return Arrays.asList(ids);
    }

    /** Fills {@code buf} from {@code ch} at {@code at}; a short file is a truncated snapshot. */
    private static void readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        long pos = at;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos);
            if (r < 0) {
                throw new java.io.EOFException();
            }
            pos += r;
        }
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /**
     * The CSR invariants that keep every algorithm's array accesses in range: offsets from 0,
     * non-decreasing, ending at the arc count; targets in range and strictly increasing within a list;
     * weights finite and non-negative. One sequential pass. (Whether an undirected graph's arcs pair up
     * is not checked: that takes a random access per edge, and damage is the checksum's job; a file
     * crafted with a valid checksum reads as the graph its arrays describe.)
     */
    private static void check(String name, int n, int[] offsets, int[] targets, double[] w, float[] wf) {
        if (offsets[0] != 0 || offsets[n] != targets.length) {
            throw new InputException(name, "corrupt graph snapshot: offsets do not span the arcs");
        }
        for (int u = 0; u < n; u++) {
            int s = offsets[u];
            int e = offsets[u + 1];
            if (e < s || e > targets.length) {
                throw new InputException(name, "corrupt graph snapshot: offsets out of order at node " + u);
            }
            int last = -1;
            for (int i = s; i < e; i++) {
                int v = targets[i];
                if (v <= last || v >= n) {
                    throw new InputException(name, "corrupt graph snapshot: bad neighbour list at node " + u);
                }
                last = v;
                double x = w != null ? w[i] : wf != null ? wf[i] : 1.0;
                if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                    throw new InputException(name, "corrupt graph snapshot: weight not finite and >= 0 at node " + u);
                }
            }
        }
    }

    /**
     * Reads the body section by section through one 4 MiB buffer, checksumming as it goes: positional
     * reads cost less CPU than faulting in a memory map page by page for a file read once.
     */
    private static final class Body {
        final FileChannel ch;
        long pos;
        final CRC32C crc = new CRC32C();

        Body(FileChannel ch, long pos) {
            this.ch = ch;
            this.pos = pos;
        }

        private interface Copy {
            void copy(ByteBuffer bytes, int from, int count);
        }

        private final ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20).order(ByteOrder.LITTLE_ENDIAN);

        /** Reads {@code count} elements of {@code size} bytes and the padding to 8, copying the elements. */
        private void section(long count, int size, Copy copy) throws IOException {
            long bytes = count * size;
            long padded = align(bytes);
            long done = 0;
            int elemsDone = 0;
            while (done < padded) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), padded - done));
                readFully(ch, buf, pos + done);
                buf.flip();
                crc.update(buf.duplicate());
                int usable = (int) Math.min(buf.limit(), bytes - done);
                int elems = usable / size;
                if (elems > 0) {
                    ByteBuffer d = buf.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                    d.limit(elems * size);
                    copy.copy(d, elemsDone, elems);
                }
                elemsDone += elems;
                done += buf.limit();
            }
            pos += padded;
        }

        /** Checksums a section of {@code bytes} bytes without copying it. */
        void checksumOnly(long bytes) throws IOException {
            section(bytes, 1, (m, from, k) -> { });
        }

        int[] ints(int count) throws IOException {
            int[] a = new int[count];
            section(count, 4, (m, from, k) -> m.asIntBuffer().get(a, from, k));
            return a;
        }

        float[] floats(int count) throws IOException {
            float[] a = new float[count];
            section(count, 4, (m, from, k) -> m.asFloatBuffer().get(a, from, k));
            return a;
        }

        double[] doubles(int count) throws IOException {
            double[] a = new double[count];
            section(count, 8, (m, from, k) -> m.asDoubleBuffer().get(a, from, k));
            return a;
        }
    }
}
