package org.parcelnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.StringDictionary;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Streams {@code shipments.csv} (or {@code .csv.gz}; schema in docs/data-format.md) into a
 * {@link ShipmentTable}: lines of unquoted fields are split and checked on their bytes, their ids,
 * phones, names and addresses interned from the bytes without a string each; records with quotes go
 * to Apache Commons CSV (see {@link ShipmentChunk#parse}).
 *
 * <p>UTF-8 with or without a byte-order mark; RFC 4180 quoting (commas and line breaks inside quoted
 * fields); blank lines skipped. Column names map through {@link Options#columnMap()}; unknown extra
 * columns are ignored. Phones are normalised by {@link PhoneNormalizer}; times without an offset are
 * read in {@link Options#zone()}.
 *
 * <p>Validation: a header that lacks a required column or repeats a name fails the whole file. A bad
 * row (wrong column count, empty id or phone, unparseable date, pieces not a positive integer,
 * negative or non-numeric weight, bad mode or flag, duplicate shipment_id, invalid UTF-8, a field
 * over {@link Options#maxFieldChars()}) stops the read in strict mode with an {@link InputException}
 * naming file, line and column; in lenient mode it is counted and kept as a {@link RejectedRow}.
 * Values of personal columns (phones, names, addresses) never appear in messages.
 *
 * <p>Threads: the file is cut into chunks of whole records ({@link RecordChunker}), parsed on one
 * thread per core ({@link ShipmentChunk}) and merged in file order, so the result, the rejected rows
 * and the first error are those of a one-thread read. A gzipped file is inflated on a thread of its
 * own, a few blocks ahead of the cutting ({@link ReadAheadInputStream}). A junk character after a
 * closing quote, a truncated gzip stream or an unterminated quote always fails.
 *
 * <p>Cost: one pass, O(rows × columns) work spread over the cores; memory
 * {@link ShipmentTable#bytesPerShipment()} bytes per row plus the dictionaries (about 100-120 bytes
 * per shipment in all on the benchmark file), and a few 256 KiB chunks in flight (each held until
 * its rows are merged: the parsed values point into its bytes).
 */
public final class ShipmentReader {

    /**
     * Read options.
     *
     * @param columnMap     schema column → column name in the file (only for names that differ)
     * @param zone          zone of times without an offset
     * @param lenient       reject bad rows instead of stopping at the first
     * @param maxFieldChars longest accepted field
     * @param progress      receives bytes read
     */
    public record Options(Map<String, String> columnMap, ZoneId zone, boolean lenient, int maxFieldChars,
                          ProgressListener progress) {

        /** Default longest field: 1 MiB of characters. */
        public static final int DEFAULT_MAX_FIELD_CHARS = 1 << 20;

        public Options {
            columnMap = Map.copyOf(columnMap);
            for (String target : columnMap.keySet()) {
                if (!ShipmentColumns.ALL.contains(target)) {
                    throw new IllegalArgumentException("--map: unknown shipment column '" + target + "' (known: "
                            + String.join(", ", ShipmentColumns.ALL) + ")");
                }
            }
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(progress, "progress");
            if (maxFieldChars < 1) {
                throw new IllegalArgumentException("maxFieldChars must be >= 1");
            }
        }

        /** Strict, UTC, no mapping. */
        public static Options defaults() {
            return new Options(Map.of(), ZoneOffset.UTC, false, DEFAULT_MAX_FIELD_CHARS, ProgressListener.NONE);
        }

        public Options withLenient(boolean v) {
            return new Options(columnMap, zone, v, maxFieldChars, progress);
        }

        public Options withZone(ZoneId v) {
            return new Options(columnMap, v, lenient, maxFieldChars, progress);
        }

        public Options withColumnMap(Map<String, String> v) {
            return new Options(v, zone, lenient, maxFieldChars, progress);
        }

        public Options withMaxFieldChars(int v) {
            return new Options(columnMap, zone, lenient, v, progress);
        }

        public Options withProgress(ProgressListener v) {
            return new Options(columnMap, zone, lenient, maxFieldChars, v);
        }
    }

    /** A read table and its counts. */
    public record Result(ShipmentTable table, ReadStats stats) {
    }

    private ShipmentReader() {
    }

    /**
     * Bytes per chunk handed to a parsing thread (whole records; a chunk ends at the first record end
     * after this). Small chunks keep few parsed strings alive at a time, so young collections copy
     * little (1 MiB chunks cost 2-3x the collector time of 256 KiB ones).
     */
    static final int CHUNK_BYTES = 256 << 10;

    /** Inflated bytes per block read ahead of the chunker, and blocks held at most (2 MiB). */
    static final int READ_AHEAD_BLOCK_BYTES = 256 << 10;
    static final int READ_AHEAD_BLOCKS = 8;

    /** Reads with default options (strict, UTC). */
    public static Result read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    /**
     * Reads a shipments file. The bytes are cut into chunks of whole records (a quote-aware scan,
     * see {@link RecordChunker}); parsing threads (one per core) tokenise (on bytes, Commons CSV for quoted records), decode,
     * validate and encode the chunks, and the calling thread merges them in file order. The table,
     * the rejected rows and the first error are therefore those of a one-thread read of the file.
     *
     * @throws InputException on bad input (always for header problems; for rows only when strict)
     * @throws IOException    when the file cannot be read
     */
    public static Result read(Path file, Options options) throws IOException {
        return read(file, options, CHUNK_BYTES, Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    /**
     * Reads with {@code threads} parsing threads and chunks of about {@code chunkBytes}; with
     * {@code chunkBytes <= 0} one Commons CSV parser reads the whole stream on a second thread
     * ({@link RecordPipe}) and the calling thread converts: the sequential reference.
     */
    static Result read(Path file, Options options, int chunkBytes, int threads) throws IOException {
        String name = file.toString();
        ProgressListener progress = options.progress();
        if (chunkBytes <= 0) {
            Csv.Opened opened = Csv.openChecked(name, () -> Csv.open(file));
            progress.begin("read " + file.getFileName(), opened.fileBytes());
            try (CSVParser parser = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
                return new Run(name, options, opened.counter(), opened.fileBytes()).readSequential(parser);
            } catch (UncheckedIOException e) {
                throw Csv.inputError(name, e.getCause(), 0);
            } finally {
                progress.end();
            }
        }
        Csv.OpenedBytes opened = Csv.openChecked(name, () -> Csv.openBytes(file));
        progress.begin("read " + file.getFileName(), opened.fileBytes());
        // Inflating gzip takes about as much CPU as the parsing threads' work: beside them rather than
        // in turns with the merges on this thread.
        InputStream data = opened.data() instanceof GZIPInputStream && threads > 1
                ? new ReadAheadInputStream(opened.data(), READ_AHEAD_BLOCK_BYTES, READ_AHEAD_BLOCKS)
                : opened.data();
        try (InputStream in = data) {
            return new Run(name, options, opened.counter(), opened.fileBytes())
                    .readChunked(new RecordChunker(in, chunkBytes + (1 << 16)), chunkBytes, threads);
        } finally {
            progress.end();
        }
    }


    /** Per-file state of one read: the header, the table being built, the rejected rows. */
    private static final class Run {
        private final String file;
        private final Options options;
        private final Csv.CountingInputStream counter;
        /** Bytes of the file as stored (compressed, for gzip), or 0 when unknown. */
        private final long fileBytes;
        /** Rows read before the table is sized by {@link #expectedRows}. */
        private static final int ESTIMATE_AFTER_ROWS = 1 << 20;
        private final ShipmentTable.Builder table = new ShipmentTable.Builder();
        private final RejectSpool rejected = new RejectSpool();
        private ShipmentChunk.Layout layout;
        private long rowsIn;
        private long reportedBytes;

        Run(String file, Options options, Csv.CountingInputStream counter, long fileBytes) {
            this.file = file;
            this.options = options;
            this.counter = counter;
            this.fileBytes = fileBytes;
        }

        private void reportProgress() {
            long bytes = counter.count();
            options.progress().advance(bytes - reportedBytes);
            reportedBytes = bytes;
        }

        private Result finish() {
            reportProgress();
            ReadStats stats = new ReadStats(file, rowsIn, table.size(), rejected);
            return new Result(table.build(), stats);
        }

        /** One parser over the whole stream on its own thread; conversion and merge here. */
        Result readSequential(CSVParser parser) throws IOException {
            try (RecordPipe pipe = new RecordPipe(parser, file)) {
                String[] header = pipe.header();
                if (header == null) {
                    throw new InputException(file, "empty file: no header row");
                }
                readHeader(header);
                long prevEnd = pipe.headerEndLine();
                RecordPipe.Batch batch;
                while ((batch = pipe.next()) != null) {
                    ShipmentChunk chunk = new ShipmentChunk(layout, batch.size());
                    for (int k = 0; k < batch.size(); k++) {
                        long end = batch.endLines()[k];
                        chunk.add(batch.rows()[k], end, prevEnd);
                        prevEnd = end;
                    }
                    merge(chunk, 0);
                    reportProgress();
                    options.progress().checkCancelled();
                }
            }
            return finish();
        }

        /** Chunks parsed on {@code threads} threads, merged here in file order. */
        Result readChunked(RecordChunker chunker, int chunkBytes, int threads) throws IOException {
            long lineBase = readHeaderChunk(chunker);
            ArrayDeque<WorkerPool.Pending<ShipmentChunk>> inFlight = new ArrayDeque<>();
            ArrayDeque<ShipmentChunk> merging = new ArrayDeque<>();
            ArrayDeque<WorkerPool.Pending<Void>[]> merged = new ArrayDeque<>();
            IOException streamFailure = null;
            boolean more = true;
            ShipmentChunk.Layout l = layout;
            try (WorkerPool pool = WorkerPool.of(threads, "csv")) {
                // One sequence per column group: a group's merges run in chunk order, groups in parallel.
                WorkerPool.Sequence[] groups = new WorkerPool.Sequence[GROUPS];
                for (int g = 0; g < GROUPS; g++) {
                    groups[g] = pool.sequence();
                }
                while (true) {
                    while (more && inFlight.size() < threads + 1) {
                        RecordChunker.Chunk c;
                        try {
                            c = chunker.next(chunkBytes);
                        } catch (IOException e) {
                            streamFailure = e; // after the records read before it, as a one-thread read
                            more = false;
                            break;
                        }
                        if (c == null) {
                            more = false;
                            break;
                        }
                        // The chunk's keys point into its bytes: recycled once it is merged.
                        inFlight.add(pool.submit(() -> ShipmentChunk.parse(l, c.bytes(), c.length(), c.lineFeeds() + 1)));
                    }
                    WorkerPool.Pending<ShipmentChunk> next = inFlight.poll();
                    if (next == null) {
                        break;
                    }
                    ShipmentChunk chunk = next.get();
                    mergeIds(chunk, lineBase);
                    lineBase += chunk.lineCount;
                    @SuppressWarnings("unchecked")
                    WorkerPool.Pending<Void>[] done = new WorkerPool.Pending[GROUPS];
                    for (int g = 0; g < GROUPS; g++) {
                        int group = g;
                        done[g] = groups[g].submit(() -> mergeOther(chunk, group));
                    }
                    merging.add(chunk);
                    merged.add(done);
                    while (!merging.isEmpty() && (allDone(merged.peek()) || merging.size() > threads)) {
                        WorkerPool.awaitAll(merged.poll());
                        appendAndRecycle(merging.poll(), chunker);
                    }
                    reportProgress();
                    options.progress().checkCancelled();
                }
                while (!merging.isEmpty()) {
                    WorkerPool.awaitAll(merged.poll());
                    appendAndRecycle(merging.poll(), chunker);
                }
            }
            if (streamFailure != null) {
                throw Csv.inputError(file, streamFailure, lineBase);
            }
            return finish();
        }

        private static boolean allDone(WorkerPool.Pending<Void>[] pending) {
            for (WorkerPool.Pending<Void> p : pending) {
                if (!p.isDone()) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Reads the header: the first record, cut out of the stream on its own (blank lines before it
         * are skipped as the parser skips them). Returns the line count after it.
         */
        private long readHeaderChunk(RecordChunker chunker) throws IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            while (true) {
                RecordChunker.Chunk c;
                try {
                    c = chunker.next(1);
                } catch (IOException e) {
                    throw Csv.inputError(file, e, 0);
                }
                if (c == null) {
                    throw new InputException(file, "empty file: no header row");
                }
                bytes.write(c.bytes(), 0, c.length());
                String text = bytes.toString(StandardCharsets.UTF_8);
                try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(Csv.FORMAT).get()) {
                    Iterator<CSVRecord> it = parser.iterator();
                    if (it.hasNext()) {
                        String[] header = it.next().values();
                        long lines = parser.getCurrentLineNumber();
                        readHeader(header);
                        return lines;
                    }
                } catch (UncheckedIOException e) {
                    throw Csv.inputError(file, e.getCause(), 0);
                }
            }
        }

        /**
         * Merge step 1, in file order on the calling thread: counts the chunk's rows, reports or
         * keeps its rejected rows, and interns each remaining row's waybill id, rejecting duplicates
         * (across chunks too). Marks the kept rows; the other values follow in
         * {@link #mergeOther}, before {@link #append}.
         */
        private void mergeIds(ShipmentChunk c, long lineBase) throws IOException {
            StringDictionary ids = table.ids();
            boolean[] kept = new boolean[c.size];
            int[] codes = new int[c.size];
            int nextNew = ids.size();
            ids.internAll(c.ids, c.size, codes); // rejected rows have no id (null → -1)
            int idColumn = layout.col()[0] + 1;
            for (int k = 0; k < c.size; k++) {
                rowsIn++;
                RejectedRow bad = c.rejected[k];
                if (bad == null) {
                    // New ids get codes in row order, so a row is the first with its id iff it got the next one.
                    if (codes[k] == nextNew) {
                        nextNew++;
                        kept[k] = true;
                        continue;
                    }
                    bad = new RejectedRow(c.startLine[k], idColumn, "duplicate shipment_id", c.ids.get(k));
                }
                long line = bad.line() + lineBase;
                if (!options.lenient()) {
                    throw new InputException(file, line, bad.column(), bad.reason(), bad.value());
                }
                rejected.add(new RejectedRow(line, bad.column(), bad.reason(), bad.value()));
            }
            c.kept = kept;
            c.ids = null; // interned: let the bytes go
            if (c.failure != null) {
                throw Csv.inputError(file, c.failure, lineBase);
            }
        }

        /**
         * Merge step 2 for one group of dictionaries: the kept rows' values are interned into the
         * table's dictionaries in row order, so codes come out in first-seen order of the whole file.
         * The groups touch disjoint dictionaries, so they may run on different threads; each group
         * must see the chunks in file order.
         */
        private void mergeOther(ShipmentChunk c, int group) {
            boolean[] kept = c.kept;
            int n = c.size;
            switch (group) {
                case 0 -> {
                    int[][] codes = internPairs(table.phones(), c.phones, kept, n);
                    c.senderPhoneCode = codes[0];
                    c.receiverPhoneCode = codes[1];
                    c.phones = null;
                }
                case 1 -> {
                    int[][] codes = internPairs(table.addresses(), c.addresses, kept, n);
                    c.senderAddressCode = codes[0];
                    c.receiverAddressCode = codes[1];
                    c.addresses = null;
                }
                case 2 -> {
                    int[][] codes = internPairs(table.names(), c.names, kept, n);
                    c.senderNameCode = codes[0];
                    c.receiverNameCode = codes[1];
                    c.names = null;
                }
                default -> {
                    int[] placeMap = globalCodes(table.placeKeys(), c.places, kept, n, c.originPlace, c.destinationPlace);
                    int[] carrierMap = globalCodes(table.carriers(), c.carriers, kept, n, c.carrier, null);
                    int[] goodsMap = globalCodes(table.goods(), c.goodsValues, kept, n, c.goods, null);
                    for (int k = 0; k < n; k++) {
                        if (kept[k]) {
                            c.originPlace[k] = placeMap[c.originPlace[k]];
                            c.destinationPlace[k] = placeMap[c.destinationPlace[k]];
                            c.carrier[k] = remap(carrierMap, c.carrier[k]);
                            c.goods[k] = remap(goodsMap, c.goods[k]);
                        }
                    }
                }
            }
        }

        private static int remap(int[] map, int localCode) {
            return localCode < 0 ? -1 : map[localCode];
        }

        /**
         * The table codes of a chunk's local values ({@code -1} for values no kept row uses), interned
         * in the order in which the kept rows first use them, column {@code first} before
         * {@code second} in each row: the codes that interning row by row would give, looked up in one
         * batch.
         */
        private static int[] globalCodes(StringDictionary global, ShipmentChunk.LocalStrings local, boolean[] kept,
                int n, int[] first, int[] second) {
            int m = local.size();
            int[] map = unmapped(m);
            int[] order = new int[m];
            int count = 0;
            for (int k = 0; k < n; k++) {
                if (kept[k]) {
                    int a = first[k];
                    if (a >= 0 && map[a] == -1) {
                        map[a] = -2;
                        order[count++] = a;
                    }
                    int b = second == null ? -1 : second[k];
                    if (b >= 0 && map[b] == -1) {
                        map[b] = -2;
                        order[count++] = b;
                    }
                }
            }
            String[] values = new String[count];
            for (int i = 0; i < count; i++) {
                values[i] = local.value(order[i]);
            }
            int[] codes = new int[count];
            global.internAll(values, count, codes);
            for (int i = 0; i < count; i++) {
                map[order[i]] = codes[i];
            }
            return map;
        }

        /**
         * Interns the kept rows' sender and receiver values ({@code pairs[2k]} and {@code pairs[2k + 1]})
         * in row order (sender before receiver, so codes come out in first-seen order as with one
         * intern call per value); null, and the rows not kept, stay -1.
         */
        private static int[][] internPairs(StringDictionary d, StringDictionary.Keys pairs, boolean[] kept, int n) {
            for (int k = 0; k < n; k++) {
                if (!kept[k]) {
                    pairs.setNull(2 * k);
                    pairs.setNull(2 * k + 1);
                }
            }
            int[] codes = new int[2 * n];
            d.internAll(pairs, 2 * n, codes);
            int[] s = new int[n];
            int[] r = new int[n];
            for (int k = 0; k < n; k++) {
                s[k] = codes[2 * k];
                r[k] = codes[2 * k + 1];
            }
            return new int[][] {s, r};
        }

        static final int GROUPS = 4;

        /** {@link #append}, then gives the chunk's bytes back to the chunker: nothing points into them any more. */
        private void appendAndRecycle(ShipmentChunk c, RecordChunker chunker) {
            append(c);
            if (c.source != null) {
                chunker.recycle(c.source);
            }
        }

        /** Merge step 3, in file order: appends the chunk's kept rows, all values encoded. */
        private void append(ShipmentChunk c) {
            ShipmentTable.Builder t = table;
            int needed = t.size() + c.size;
            if (needed > t.capacity()) {
                int expected = expectedRows();
                t.ensureCapacity(expected >= needed ? expected
                        : (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * t.capacity())));
            }
            for (int k = 0; k < c.size; k++) {
                if (c.kept[k]) {
                    t.appendEncoded(c.epoch[k], c.originPlace[k], c.destinationPlace[k], c.senderPhoneCode[k],
                            c.receiverPhoneCode[k], c.senderNameCode[k], c.receiverNameCode[k], c.senderAddressCode[k],
                            c.receiverAddressCode[k], c.carrier[k], c.mode[k], c.pieces[k], c.weight[k], c.goods[k],
                            c.flagged[k]);
                }
            }
        }

        /**
         * The file's rows extrapolated from the rows so far and the share of the file's bytes read,
         * with 5 % to spare; 0 before {@value #ESTIMATE_AFTER_ROWS} rows (too few to tell). The bytes
         * read run a few blocks ahead of the rows appended, so the estimate errs low; one that is
         * still short grows the table by doubling as before.
         */
        private int expectedRows() {
            long read = counter == null ? 0 : counter.count();
            if (table.size() < ESTIMATE_AFTER_ROWS || read <= 0 || fileBytes <= read) {
                return 0;
            }
            double rows = table.size() * (double) fileBytes / read * 1.05;
            return (int) Math.min(Integer.MAX_VALUE - 8, rows);
        }

        /** All merge steps on the calling thread. */
        private void merge(ShipmentChunk c, long lineBase) throws IOException {
            mergeIds(c, lineBase);
            for (int g = 0; g < GROUPS; g++) {
                mergeOther(c, g);
            }
            append(c);
        }

        private static int[] unmapped(int n) {
            int[] m = new int[n];
            Arrays.fill(m, -1);
            return m;
        }

        private void readHeader(String[] header) {
            int width = header.length;
            // A file without a header row has a data row here: never echo it (personal values).
            List<String> known = new ArrayList<>(ShipmentColumns.ALL);
            known.addAll(options.columnMap().values());
            List<String> first = new ArrayList<>(width);
            for (String h : header) {
                first.add(h.replace("\uFEFF", ""));
            }
            if (!Csv.looksLikeHeader(first, known)) {
                throw new InputException(file, 1, 0, "missing required column '" + ShipmentColumns.SHIPMENT_ID + "'; "
                        + Csv.describeHeader(first, known), null);
            }
            Map<String, Integer> sourceIndex = new HashMap<>();
            List<String> names = new ArrayList<>(width);
            for (int i = 0; i < width; i++) {
                String h = header[i];
                if (i == 0 && !h.isEmpty() && h.charAt(0) == '\uFEFF') {
                    h = h.substring(1);
                }
                h = h.trim();
                if (h.indexOf('\uFFFD') >= 0) {
                    throw new InputException(file, 1, i + 1, "invalid UTF-8 bytes in header", h);
                }
                Integer prev = sourceIndex.putIfAbsent(h, i);
                if (prev != null) {
                    throw new InputException(file, 1, i + 1, "duplicate column name '" + h + "' (also column "
                            + (prev + 1) + ")", null);
                }
                names.add(h);
            }
            int[] col = new int[ShipmentColumns.ALL.size()];
            for (int c = 0; c < col.length; c++) {
                String target = ShipmentColumns.ALL.get(c);
                String source = options.columnMap().getOrDefault(target, target);
                Integer idx = sourceIndex.get(source);
                col[c] = idx == null ? -1 : idx;
                if (idx == null && c < ShipmentColumns.REQUIRED.size()) {
                    String mapped = source.equals(target) ? "" : " (mapped from '" + source + "')";
                    throw new InputException(file, 1, 0, "missing required column '" + target + "'" + mapped
                            + "; header has: " + String.join(", ", names), null);
                }
            }
            boolean[] personal = new boolean[col.length];
            for (int c = 0; c < personal.length; c++) {
                personal[c] = ShipmentColumns.PERSONAL.contains(ShipmentColumns.ALL.get(c));
            }
            layout = new ShipmentChunk.Layout(file, width, col, personal, options.maxFieldChars(), options.zone());
        }
    }

    /** Collapses runs of white space and trims, so trivially different spellings of an address match. */
    static String normalizeAddress(String raw) {
        if (isNormalAddress(raw)) {
            return raw;
        }
        String s = raw.trim();
        if (s.isEmpty()) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                space = true;
            } else {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Whether the well-formed UTF-8 text {@code b[from, to)} is its own {@link #normalizeAddress}
     * form, without decoding it: {@link #isNormalAddress(String)} on bytes. A lead byte of a character
     * that may be white space beyond ASCII (U+0080 to U+00BF, U+1680, U+2000 to U+2FFF, U+3000) answers
     * no, which only sends the value through {@code normalizeAddress}, whose result is then exact.
     */
    static boolean isNormalAddress(byte[] b, int from, int to) {
        boolean prevSpace = true; // a leading space is not normal
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c > ' ') { // printable ASCII, the common byte: one comparison
                prevSpace = false;
            } else if (c == ' ') {
                if (prevSpace) {
                    return false;
                }
                prevSpace = true;
            } else if (c >= 0) {
                return false; // a control character
            } else if (c == (byte) 0xC2 || c == (byte) 0xE1 || c == (byte) 0xE2
                    || (c == (byte) 0xE3 && i + 2 < to && b[i + 1] == (byte) 0x80 && b[i + 2] == (byte) 0x80)) {
                return false;
            } else {
                prevSpace = false;
            }
        }
        return !prevSpace || to == from;
    }

    /** Whether {@code s} has no white space to trim or collapse (single inner ASCII spaces allowed). */
    private static boolean isNormalAddress(String s) {
        int n = s.length();
        boolean prevSpace = true; // a leading space is not normal
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == ' ') {
                if (prevSpace) {
                    return false;
                }
                prevSpace = true;
            } else if (c < ' ' || c == '\u3000' || (c >= 0x80 && Character.isWhitespace(c))) {
                return false;
            } else {
                prevSpace = false;
            }
        }
        return !prevSpace || n == 0;
    }
}
