package org.parcelnet.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.parcelnet.progress.WorkerPool;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.LongIntMap;
import org.parcelnet.model.StringDictionary;

/**
 * The byte-level, region-parallel path of {@link EdgeListReader} for plain (not gzipped) edge lists
 * without quote characters. The result — graph, node numbering, read counts, rejected rows and the
 * first error of a strict read — is the same as the Commons CSV path's; the equality is tested on
 * seeded messy files.
 *
 * <p>Why hand-written: an edge list is two ids and a number per line, and the general CSV parser spent
 * most of the time building a {@code String} per field, a record per row and a hash lookup per id.
 * Here the data lines are split into one contiguous byte region per thread (each region starts just
 * after a line break, so no line is split); each thread reads its region in large blocks, splits
 * lines and fields on bytes, parses canonical decimal ids ({@code 0} or a digit string without a
 * leading zero, at most 18 digits, so that the id's text is {@code Long.toString} of its value) straight
 * to {@code long}s and numbers them in a region-local open-addressing table; other ids go through a
 * region-local {@link StringDictionary}. The region dictionaries are then merged in region order,
 * which reproduces the global first-seen numbering (a node new to the file in region k is numbered in
 * its region-local first-seen order), and the edges are renumbered into flat {@code int}/{@code double}
 * arrays that {@link CompactGraphBuilder#fromEdges} turns into CSR without per-edge objects.
 *
 * <p>Weights: decimal literals of at most 15 significant digits and at most 22 fraction digits are converted as
 * {@code m / 10^k} with both operands exact doubles, which IEEE division rounds correctly (Clinger,
 * "How to read floating point numbers accurately", PLDI 1990, doi:10.1145/93542.93557); anything else
 * (exponents, signs, long mantissas, {@code NaN}, hex) goes to {@link Double#parseDouble} on the field's
 * text, so the accepted syntax and every value are exactly those of the Commons CSV path.
 *
 * <p>A quote character anywhere makes the read return {@code null}: the caller then uses the Commons
 * CSV path, which handles RFC 4180 quoting (quoted edge lists are rare, and exact line bookkeeping of
 * multi-line quoted fields is what the general parser is for).
 *
 * <p>Cost: one pass over the bytes split across threads, O(m) hash lookups in region tables of the
 * region's distinct ids, one sequential merge of O(Σ distinct ids per region), then the CSR build.
 * Memory while reading: 16 bytes per edge in the region arrays and again in the flat arrays (8 + 8
 * when the file has no weight column: no weight arrays), plus the region tables (12-24 bytes per distinct id per
 * region) and the read blocks (4 MB per thread).
 */
final class FastEdgeListReader {

    /** Read block per region thread; lines longer than this grow it. */
    static final int BLOCK_BYTES = 4 << 20;

    private FastEdgeListReader() {
    }

    /** Layout of the header: the columns and where data begins. */
    record Header(int width, int src, int dst, int wcol, long dataStart, long linesBefore) {
    }

    /**
     * Reads the edge list, or returns {@code null} when the file is gzipped or holds a quote character
     * (the caller then reads it with Commons CSV).
     *
     * @param threads     region threads, at least 1
     * @param regionBytes the largest region (tests make it tiny to put region boundaries everywhere)
     * @param blockBytes  read block (tests make it tiny to split lines across blocks)
     */
    static EdgeListReader.Result read(Path file, EdgeListReader.Options o, int threads, long regionBytes,
                                      int blockBytes) throws IOException {
        String name = file.toString();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size >= 2) {
                ByteBuffer magic = ByteBuffer.allocate(2);
                readFully(ch, magic, 0);
                if ((magic.get(0) & 0xff) == 0x1f && (magic.get(1) & 0xff) == 0x8b) {
                    return null;
                }
            }
            Header h = header(ch, size, name, o);
            if (h == null) {
                return null;
            }
            o.progress().begin("read " + file.getFileName(), size);
            try {
                return readData(ch, size, name, o, h, Math.max(1, threads), Math.max(1, regionBytes),
                        Math.max(1, blockBytes));
            } finally {
                o.progress().end();
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
    }

    /** The header line (the first non-empty line), parsed as the Commons CSV path does; null on a quote. */
    private static Header header(FileChannel ch, long size, String name, EdgeListReader.Options o) throws IOException {
        long pos = 0;
        long lines = 0;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(size, 1), 1 << 16));
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        boolean prevCr = false;
        while (pos < size) {
            buf.clear();
            readFully(ch, buf, pos);
            buf.flip();
            int n = buf.limit();
            if (n == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '\n' && prevCr) {
                    prevCr = false;
                    continue; // the \n of a \r\n already counted
                }
                prevCr = false;
                if (b == '\n' || b == '\r') {
                    lines++;
                    prevCr = b == '\r';
                    if (line.size() > 0) {
                        long end = pos + i + 1;
                        if (b == '\r' && end < size) {
                            ByteBuffer one = ByteBuffer.allocate(1);
                            readFully(ch, one, end);
                            if (one.get(0) == '\n') {
                                end++;
                            }
                        }
                        return parseHeader(line.toByteArray(), name, o, end, lines);
                    }
                } else {
                    line.write(b);
                }
            }
            pos += n;
        }
        if (line.size() == 0) {
            throw new InputException(name, "empty file: no header row");
        }
        return parseHeader(line.toByteArray(), name, o, size, lines);
    }

    private static Header parseHeader(byte[] line, String name, EdgeListReader.Options o, long dataStart,
                                      long linesBefore) {
        for (byte b : line) {
            if (b == '"') {
                return null;
            }
        }
        String text = decode(line, 0, line.length);
        List<String> fields = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ',') {
                fields.add(text.substring(from, i).trim());
                from = i + 1;
            }
        }
        int[] cols = EdgeListReader.headerColumns(name, fields, o);
        return new Header(fields.size(), cols[0], cols[1], cols[2], dataStart, linesBefore);
    }

    static String decode(byte[] b, int from, int to) {
        // Malformed input becomes U+FFFD, as in the decoder of the Commons CSV path.
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** Start of the first line that begins at or after {@code nominal}: just past a line break. */
    private static long lineStartAtOrAfter(FileChannel ch, long size, long nominal, long dataStart) throws IOException {
        if (nominal <= dataStart) {
            return dataStart;
        }
        long pos = nominal - 1;
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        while (pos < size) {
            buf.clear();
            readFully(ch, buf, pos);
            buf.flip();
            int n = buf.limit();
            if (n == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                byte b = buf.get(i);
                if (b == '\n') {
                    return pos + i + 1;
                }
                if (b == '\r') {
                    long next = pos + i + 1;
                    if (next >= size) {
                        return size;
                    }
                    byte after;
                    if (i + 1 < n) {
                        after = buf.get(i + 1);
                    } else {
                        ByteBuffer one = ByteBuffer.allocate(1);
                        readFully(ch, one, next);
                        after = one.get(0);
                    }
                    return after == '\n' ? next + 1 : next;
                }
            }
            pos += n;
        }
        return size;
    }

    private static EdgeListReader.Result readData(FileChannel ch, long size, String name, EdgeListReader.Options o,
                                                  Header h, int threads, long regionBytes, int blockBytes)
            throws IOException {
        long span = size - h.dataStart();
        long regions = Math.max(threads, (span + regionBytes - 1) / regionBytes);
        regions = Math.max(1, Math.min(regions, Math.max(1, span)));
        long[] starts = new long[(int) regions + 1];
        starts[0] = h.dataStart();
        starts[(int) regions] = size;
        for (int r = 1; r < regions; r++) {
            long nominal = h.dataStart() + span / regions * r + Math.min(r, span % regions);
            starts[r] = Math.max(starts[r - 1], lineStartAtOrAfter(ch, size, nominal, h.dataStart()));
        }
        AtomicBoolean quoteSeen = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger firstErrorRegion = new java.util.concurrent.atomic.AtomicInteger(Integer.MAX_VALUE);
        AtomicLong bytesDone = new AtomicLong();
        Region[] parts = new Region[(int) regions];
        for (int r = 0; r < regions; r++) {
            parts[r] = new Region(r, ch, starts[r], starts[r + 1], h, o, blockBytes, quoteSeen, stop, firstErrorRegion,
                    bytesDone);
        }
        runAll(parts, threads, o, bytesDone, stop);
        if (quoteSeen.get()) {
            return null;
        }
        long line = h.linesBefore();
        long rowsIn = 0;
        long kept = 0;
        RejectSpool rejected = new RejectSpool();
        for (Region p : parts) {
            if (p.error != null) {
                RejectedRow e = p.error;
                rejected.discard();
                throw new InputException(name, line + e.line(), e.column(), e.reason(), e.value());
            }
            for (RejectedRow x : p.rejected) {
                rejected.add(new RejectedRow(line + x.line(), x.column(), x.reason(), x.value()));
            }
            line += p.lines;
            rowsIn += p.rowsIn;
            kept += p.edges;
        }
        if (kept > Integer.MAX_VALUE - 8) {
            throw new InputException(name, "too many edges for one graph: " + kept);
        }
        // Merge the region dictionaries in region order: global first-seen numbering.
        LongIntTable numeric = new LongIntTable(1 << 10);
        StringDictionary strings = new StringDictionary();
        int[] stringNode = new int[64];
        long[] order = new long[1 << 10];
        int nodes = 0;
        int[][] toGlobal = new int[parts.length][];
        for (int r = 0; r < parts.length; r++) {
            Region p = parts[r];
            int[] map = new int[p.localCount];
            for (int l = 0; l < p.localCount; l++) {
                long key = p.localKeys[l];
                int g;
                if (key >= 0) {
                    g = numeric.putIfAbsent(key, nodes);
                } else {
                    int before = strings.size();
                    int code = strings.intern(p.strings.value((int) ~key));
                    if (code < before) {
                        g = stringNode[code];
                    } else {
                        if (code == stringNode.length) {
                            stringNode = Arrays.copyOf(stringNode, code * 2);
                        }
                        stringNode[code] = nodes;
                        g = nodes;
                    }
                    key = ~(long) code;
                }
                if (g == nodes) {
                    if (nodes == order.length) {
                        order = Arrays.copyOf(order, nodes * 2);
                    }
                    order[nodes++] = key;
                }
                map[l] = g;
            }
            toGlobal[r] = map;
            p.dropDictionary();
        }
        int m = (int) kept;
        boolean weighted = false;
        for (Region p : parts) {
            weighted |= !p.allUnit;
        }
        int[] tails = new int[m];
        int[] heads = new int[m];
        double[] weights = weighted ? new double[m] : null;
        int[] offsets = new int[parts.length];
        for (int r = 1; r < parts.length; r++) {
            offsets[r] = offsets[r - 1] + parts[r - 1].edges;
        }
        Runnable[] remaps = new Runnable[parts.length];
        for (int r = 0; r < parts.length; r++) {
            final int rr = r;
            remaps[r] = () -> parts[rr].renumberInto(toGlobal[rr], tails, heads, weights, offsets[rr]);
        }
        runPlain(remaps, threads);
        List<String> ids = new ArrayList<>(nodes);
        for (int v = 0; v < nodes; v++) {
            long key = order[v];
            ids.add(key >= 0 ? Long.toString(key) : strings.value((int) ~key));
        }
        CompactGraph g = CompactGraphBuilder.fromEdges(o.directed(), nodes, tails, heads, weights, m, threads);
        return new EdgeListReader.Result(new LabeledGraph(g, IdMap.ofDistinct(ids)),
                new ReadStats(name, rowsIn, kept, rejected));
    }

    private static void runAll(Region[] parts, int threads, EdgeListReader.Options o, AtomicLong bytesDone,
                               AtomicBoolean stop) throws IOException {
        long[] reported = {0};
        if (threads == 1 || parts.length == 1) {
            for (Region p : parts) {
                p.parse();
                advance(o, bytesDone, reported);
                o.progress().checkCancelled();
            }
            return;
        }
        try (WorkerPool pool = WorkerPool.of(Math.min(threads, parts.length), "edge-reader")) {
            List<WorkerPool.Pending<Void>> pending = new ArrayList<>();
            for (Region p : parts) {
                pending.add(pool.submit(() -> {
                    p.parse();
                    return null;
                }));
            }
            for (WorkerPool.Pending<Void> f : pending) {
                while (!f.isDone()) {
                    Thread.sleep(100);
                    advance(o, bytesDone, reported);
                    try {
                        o.progress().checkCancelled();
                    } catch (RuntimeException cancelled) {
                        stop.set(true);
                        throw cancelled;
                    }
                }
                try {
                    f.get();
                } catch (IOException | RuntimeException | Error failed) {
                    stop.set(true);
                    throw failed;
                }
            }
            advance(o, bytesDone, reported);
        } catch (InterruptedException e) {
            stop.set(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
    }

    /** Reports the bytes parsed since the last call (progress is driven from the calling thread only). */
    private static void advance(EdgeListReader.Options o, AtomicLong bytesDone, long[] reported) {
        long now = bytesDone.get();
        if (now > reported[0]) {
            o.progress().advance(now - reported[0]);
            reported[0] = now;
        }
    }

    private static void runPlain(Runnable[] tasks, int threads) {
        try (WorkerPool pool = WorkerPool.of(Math.max(1, Math.min(threads, tasks.length)), "edge-reader")) {
            pool.forEach(tasks.length, i -> tasks[i].run());
        }
    }

    /**
     * One contiguous byte range of data lines, parsed by one thread into region-local node numbers.
     * Line numbers of rejects and of the error are relative to the region's first line (1-based).
     */
    private static final class Region {
        private final FileChannel ch;
        private final long from;
        private final long to;
        private final int width;
        private final int src;
        private final int dst;
        private final int wcol;
        private final EdgeListReader.Options o;
        private final int blockBytes;
        private final AtomicBoolean quoteSeen;
        private final AtomicBoolean stop;
        private final AtomicLong bytesDone;
        private final int index;
        /** Lowest region with an error of a strict read: regions after it need not go on. */
        private final java.util.concurrent.atomic.AtomicInteger firstErrorRegion;

        long lines;
        long rowsIn;
        int edges;
        boolean allUnit = true;
        RejectedRow error;
        final List<RejectedRow> rejected = new ArrayList<>();

        int[] tails = new int[1024];
        int[] heads = new int[1024];
        /** Null when the header has no weight column: every weight is 1. */
        double[] weights;

        LongIntTable numeric = new LongIntTable(1 << 12);
        StringDictionary strings = new StringDictionary();
        int[] stringLocal = new int[64];
        long[] localKeys = new long[1024];
        int localCount;

        private final int[] fieldStart;
        private final int[] fieldEnd;

        Region(int index, FileChannel ch, long from, long to, Header h, EdgeListReader.Options o, int blockBytes,
               AtomicBoolean quoteSeen, AtomicBoolean stop, java.util.concurrent.atomic.AtomicInteger firstErrorRegion,
               AtomicLong bytesDone) {
            this.index = index;
            this.firstErrorRegion = firstErrorRegion;
            this.ch = ch;
            this.from = from;
            this.to = to;
            this.width = h.width();
            this.src = h.src();
            this.dst = h.dst();
            this.wcol = h.wcol();
            this.o = o;
            this.blockBytes = blockBytes;
            this.quoteSeen = quoteSeen;
            this.stop = stop;
            this.bytesDone = bytesDone;
            this.weights = wcol >= 0 ? new double[1024] : null;
            this.fieldStart = new int[width];
            this.fieldEnd = new int[width];
        }

        void dropDictionary() {
            numeric = null;
            strings = null;
            stringLocal = null;
            localKeys = null;
        }

        /** Reads the region block by block; a line cut by a block end moves to the next block's start. */
        void parse() throws IOException {
            if (from >= to) {
                return;
            }
            byte[] buf = new byte[(int) Math.min(blockBytes, to - from)];
            int carry = 0;
            long pos = from;
            while (pos < to || carry > 0) {
                if (stop.get() || quoteSeen.get() || firstErrorRegion.get() < index) {
                    return;
                }
                int want = (int) Math.min(buf.length - carry, to - pos);
                if (want == 0 && carry == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                    continue;
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, carry, want);
                readFully(ch, bb, pos);
                int got = bb.position() - carry;
                pos += got;
                int limit = carry + got;
                boolean last = pos >= to;
                int consumed = lines(buf, limit, last);
                if (consumed < 0) {
                    return; // stopped: quote, or a strict error
                }
                bytesDone.addAndGet(got);
                if (pos - got == from && edges > 0 && pos < to) {
                    presize(consumed, to - from);
                }
                carry = limit - consumed;
                if (carry > 0) {
                    if (last) {
                        throw new IllegalStateException("unconsumed bytes at region end");
                    }
                    System.arraycopy(buf, consumed, buf, 0, carry);
                    if (carry == buf.length) {
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                } else if (last) {
                    return;
                }
            }
        }

        /**
         * Sizes the edge arrays for the whole region from the first block's bytes per edge (plus 5%), so
         * that they are allocated once instead of regrown by doubling: on 10M edges the copies of
         * regrowth took more time than the parsing.
         */
        private void presize(long bytesSeen, long regionBytes) {
            long expected = (long) (regionBytes / ((double) bytesSeen / edges) * 1.05) + 1024;
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, expected);
            if (cap > tails.length) {
                tails = Arrays.copyOf(tails, cap);
                heads = Arrays.copyOf(heads, cap);
                weights = weights == null ? null : Arrays.copyOf(weights, cap);
            }
        }

        /**
         * Parses the complete lines of {@code buf[0, limit)} (all of it when {@code last}); returns the
         * bytes consumed, or -1 when parsing must stop.
         */
        private int lines(byte[] buf, int limit, boolean last) {
            int start = 0;
            int i = 0;
            while (true) {
                // find the line end
                int end = i;
                while (end < limit) {
                    byte b = buf[end];
                    if (b == '\n' || b == '\r') {
                        break;
                    }
                    if (b == '"') {
                        quoteSeen.set(true);
                        return -1;
                    }
                    end++;
                }
                int next;
                if (end < limit) {
                    if (buf[end] == '\r') {
                        if (end + 1 < limit) {
                            next = buf[end + 1] == '\n' ? end + 2 : end + 1;
                        } else if (last) {
                            next = end + 1;
                        } else {
                            return start; // \r at the block end: its \n may follow
                        }
                    } else {
                        next = end + 1;
                    }
                } else if (last && end > start) {
                    next = limit;
                } else {
                    return start;
                }
                lines++;
                if (end > start && !row(buf, start, end)) {
                    return -1;
                }
                start = next;
                i = next;
                if (start >= limit) {
                    return start;
                }
            }
        }

        /** One non-empty line; false when a strict read must stop here. */
        private boolean row(byte[] b, int start, int end) {
            rowsIn++;
            int count = 0;
            int fs = start;
            for (int i = start; i <= end; i++) {
                if (i == end || b[i] == ',') {
                    if (count < width) {
                        fieldStart[count] = fs;
                        fieldEnd[count] = i;
                    }
                    count++;
                    fs = i + 1;
                }
            }
            if (count != width) {
                return reject(new RejectedRow(lines, 0, "wrong column count: expected " + width + ", got " + count, null));
            }
            for (int f = 0; f < width; f++) {
                int s = Bytes.trimStart(b, fieldStart[f], fieldEnd[f]);
                fieldEnd[f] = Bytes.trimEnd(b, s, fieldEnd[f]);
                fieldStart[f] = s;
            }
            for (int f = 0; f < width; f++) {
                if (hasHighByte(b, fieldStart[f], fieldEnd[f])
                        && decode(b, fieldStart[f], fieldEnd[f]).indexOf('\uFFFD') >= 0) {
                    return reject(new RejectedRow(lines, f + 1, "invalid UTF-8 bytes", null));
                }
            }
            int ss = fieldStart[src];
            int se = fieldEnd[src];
            int ts = fieldStart[dst];
            int te = fieldEnd[dst];
            if (ss == se) {
                return reject(new RejectedRow(lines, src + 1, "empty " + o.sourceColumn(), null));
            }
            if (ts == te) {
                return reject(new RejectedRow(lines, dst + 1, "empty " + o.targetColumn(), null));
            }
            double w = 1.0;
            if (wcol >= 0 && fieldEnd[wcol] > fieldStart[wcol]) {
                int ws = fieldStart[wcol];
                int we = fieldEnd[wcol];
                w = decimal(b, ws, we);
                if (Double.isNaN(w)) { // not a plain decimal: Java's own syntax and rounding
                    String text = decode(b, ws, we);
                    try {
                        w = Double.parseDouble(text);
                    } catch (NumberFormatException ex) {
                        return reject(new RejectedRow(lines, wcol + 1, "weight is not a number", text));
                    }
                }
                if (Double.isNaN(w) || Double.isInfinite(w)) {
                    return reject(new RejectedRow(lines, wcol + 1, "weight is not a finite number", decode(b, ws, we)));
                } else if (w < 0) {
                    return reject(new RejectedRow(lines, wcol + 1, "negative weight", decode(b, ws, we)));
                }
            }
            long sk = canonical(b, ss, se);
            long tk = canonical(b, ts, te);
            String sStr = sk < 0 ? decode(b, ss, se) : null;
            String tStr = tk < 0 ? decode(b, ts, te) : null;
            if (o.dropSelfLoops() && (sk >= 0 ? sk == tk : tk < 0 && sStr.equals(tStr))) {
                // counted as rejected in strict mode too
                rejected.add(new RejectedRow(lines, 0, "self loop dropped (--drop-self-loops)", null));
                return true;
            }
            int u = sk >= 0 ? localNumeric(sk) : localString(sStr);
            int v = tk >= 0 ? localNumeric(tk) : localString(tStr);
            if (edges == tails.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, tails.length * 2L);
                tails = Arrays.copyOf(tails, cap);
                heads = Arrays.copyOf(heads, cap);
                weights = weights == null ? null : Arrays.copyOf(weights, cap);
            }
            tails[edges] = u;
            heads[edges] = v;
            if (weights != null) {
                weights[edges] = w;
            }
            edges++;
            if (w != 1.0) {
                allUnit = false;
            }
            return true;
        }

        private boolean reject(RejectedRow bad) {
            if (!o.lenient()) {
                error = bad;
                firstErrorRegion.accumulateAndGet(index, Math::min);
                return false;
            }
            rejected.add(bad);
            return true;
        }

        private int localNumeric(long key) {
            int l = numeric.putIfAbsent(key, localCount);
            if (l == localCount) {
                addLocal(key);
            }
            return l;
        }

        private int localString(String s) {
            int before = strings.size();
            int code = strings.intern(s);
            if (code < before) {
                return stringLocal[code];
            }
            if (code == stringLocal.length) {
                stringLocal = Arrays.copyOf(stringLocal, code * 2);
            }
            stringLocal[code] = localCount;
            int l = localCount;
            addLocal(~(long) code);
            return l;
        }

        private void addLocal(long key) {
            if (localCount == localKeys.length) {
                localKeys = Arrays.copyOf(localKeys, localCount * 2);
            }
            localKeys[localCount++] = key;
        }

        void renumberInto(int[] toGlobal, int[] gt, int[] gh, double[] gw, int offset) {
            for (int e = 0; e < edges; e++) {
                gt[offset + e] = toGlobal[tails[e]];
                gh[offset + e] = toGlobal[heads[e]];
            }
            if (gw != null) {
                if (weights != null) {
                    System.arraycopy(weights, 0, gw, offset, edges);
                } else {
                    Arrays.fill(gw, offset, offset + edges, 1.0);
                }
            }
            tails = null;
            heads = null;
            weights = null;
        }
    }

    private static boolean hasHighByte(byte[] b, int s, int e) {
        for (int i = s; i < e; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The id as a non-negative long when its text is canonical ({@code Long.toString} of the value:
     * {@code 0}, or 1 to 18 digits without a leading zero); else -1.
     */
    static long canonical(byte[] b, int s, int e) {
        int len = e - s;
        if (len == 0 || len > 18 || (b[s] == '0' && len > 1)) {
            return -1;
        }
        long v = 0;
        for (int i = s; i < e; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    /**
     * {@code digits[.digits]} with at most 15 significant digits and at most 22 after the point, converted exactly
     * (see the class comment); {@code NaN} for any other text, which the caller hands to
     * {@link Double#parseDouble}.
     */
    static double decimal(byte[] b, int s, int e) {
        long m = 0;
        int digits = 0; // significant: leading zeros do not count
        boolean any = false;
        int frac = -1;
        for (int i = s; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                any = true;
                if (m != 0) {
                    digits++;
                }
                if (frac >= 0) {
                    frac++;
                }
            } else if (c == '.' && frac < 0) {
                frac = 0;
            } else {
                return Double.NaN;
            }
        }
        if (!any || digits > 15 || frac > 22) {
            return Double.NaN;
        }
        return frac <= 0 ? (double) m : m / POW10[frac];
    }

    /**
     * Map from non-negative longs to ints. Small keys (below {@link #DIRECT_LIMIT}, the usual dense
     * numeric ids) index an {@code int} array directly, grown to the largest key seen: one memory access
     * per lookup instead of a probe sequence over key and value arrays. Larger keys go to a
     * {@link LongIntMap}.
     */
    static final class LongIntTable {
        /** Direct slots cover keys below this (64 MB of {@code int}s at most). */
        static final int DIRECT_LIMIT = 1 << 24;
        /** {@code direct[key] - 1} is the value; 0 marks absent. */
        private int[] direct = new int[1 << 10];
        private final LongIntMap large;

        LongIntTable(int capacity) {
            large = new LongIntMap(capacity / 2);
        }

        /** The value of {@code key}, or {@code value} after putting it when absent. */
        int putIfAbsent(long key, int value) {
            if (key < DIRECT_LIMIT) {
                int d = (int) key;
                int[] dir = direct;
                if (d >= dir.length) {
                    dir = direct = Arrays.copyOf(dir, Math.min(DIRECT_LIMIT, Integer.highestOneBit(d) << 1));
                }
                int known = dir[d];
                if (known != 0) {
                    return known - 1;
                }
                dir[d] = value + 1;
                return value;
            }
            return large.putIfAbsent(key, value);
        }
    }
}
