package org.parcelnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVParser;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;
import org.parcelnet.progress.ProgressListener;

/**
 * Streams {@code shipments.csv} (or {@code .csv.gz}; schema in ARCHITECTURE §3) into a
 * {@link ShipmentTable} with Apache Commons CSV.
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
 * naming file, line and column; in lenient mode it is counted and kept as a {@link RejectedRow}. A
 * truncated gzip stream or an unterminated quote always fails. Values of personal columns (phones,
 * names, addresses) never appear in messages.
 *
 * <p>Cost: one pass, O(rows × columns); memory {@link ShipmentTable#bytesPerShipment()} bytes per row
 * plus the distinct strings.
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

    /** Reads with default options (strict, UTC). */
    public static Result read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    /**
     * Reads a shipments file.
     *
     * @throws InputException on bad input (always for header problems; for rows only when strict)
     * @throws IOException    when the file cannot be read
     */
    public static Result read(Path file, Options options) throws IOException {
        String name = file.toString();
        Csv.Opened opened;
        try {
            opened = Csv.open(file);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InputException(name, "not a valid gzip file (" + e.getMessage() + ")");
        }
        ProgressListener progress = options.progress();
        progress.begin("read " + file.getFileName(), opened.fileBytes());
        try (CSVParser parser = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
            return new Run(name, options, parser, opened).read();
        } catch (UncheckedIOException e) {
            throw translate(name, e.getCause());
        } finally {
            progress.end();
        }
    }

    private static RuntimeException translate(String name, IOException e) throws IOException {
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
            throw new InputException(name, "truncated or corrupt gzip stream (" + e.getMessage() + ")");
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("EOF reached before encapsulated token finished")) {
            throw new InputException(name, 0, 0, "unterminated quoted field: a quote opened and never closed", null);
        }
        if (msg.contains("invalid char between encapsulated token and delimiter")) {
            throw new InputException(name, lineOf(msg), 0, "invalid character after a closing quote", null);
        }
        throw e;
    }

    private static long lineOf(String msg) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("line (\\d+)").matcher(msg);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** Per-file state of one read. */
    private static final class Run {
        private final String file;
        private final Options options;
        private final CSVParser parser;
        private final Csv.Opened opened;
        private final TimeParser time;
        private final ShipmentTable.Builder table = new ShipmentTable.Builder();
        private final List<RejectedRow> rejected = new ArrayList<>();
        private final Map<String, Integer> sourceIndex = new HashMap<>();
        private final boolean[] personal;
        private int[] col; // schema column → field index, -1 absent
        private int width;
        private long rowsIn;
        private long lastEndLine;
        private long reportedBytes;

        Run(String file, Options options, CSVParser parser, Csv.Opened opened) {
            this.file = file;
            this.options = options;
            this.parser = parser;
            this.opened = opened;
            this.time = new TimeParser(options.zone());
            this.personal = new boolean[ShipmentColumns.ALL.size()];
            for (int c = 0; c < personal.length; c++) {
                personal[c] = ShipmentColumns.PERSONAL.contains(ShipmentColumns.ALL.get(c));
            }
        }

        Result read() throws IOException {
            try (RecordPipe pipe = new RecordPipe(parser, file)) {
                String[] header = pipe.header();
                if (header == null) {
                    throw new InputException(file, "empty file: no header row");
                }
                readHeader(header);
                lastEndLine = pipe.headerEndLine();
                RecordPipe.Batch batch;
                while ((batch = pipe.next()) != null) {
                    for (int k = 0; k < batch.size(); k++) {
                        String[] rec = batch.rows()[k];
                        long endLine = batch.endLines()[k];
                        rowsIn++;
                        RejectedRow bad = readRow(rec, endLine);
                        lastEndLine = endLine;
                        if (bad != null) {
                            if (!options.lenient()) {
                                throw new InputException(file, bad.line(), bad.column(), bad.reason(), bad.value());
                            }
                            rejected.add(bad);
                        }
                    }
                    long bytes = opened.counter().count();
                    options.progress().advance(bytes - reportedBytes);
                    reportedBytes = bytes;
                    options.progress().checkCancelled();
                }
            }
            options.progress().advance(opened.counter().count() - reportedBytes);
            ReadStats stats = new ReadStats(file, rowsIn, table.size(), rejected);
            return new Result(table.build(), stats);
        }

        /**
         * First physical line of a record. After a record the parser's line counter stands at the
         * record's last line (1-based), so the first line is that minus the line breaks inside its
         * quoted fields.
         */
        private long startLine(String[] rec, long endLine) {
            return Math.max(lastEndLine + 1, endLine - Csv.innerLineBreaks(java.util.Arrays.asList(rec)));
        }

        private void readHeader(String[] header) {
            width = header.length;
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
            col = new int[ShipmentColumns.ALL.size()];
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
        }

        private String field(String[] rec, int schemaColumn) {
            int i = col[schemaColumn];
            return i < 0 ? "" : rec[i];
        }

        private RejectedRow reject(long line, int schemaColumn, String reason, String value) {
            int fieldNo = schemaColumn < 0 ? 0 : col[schemaColumn] + 1;
            boolean hide = schemaColumn >= 0 && personal[schemaColumn];
            return new RejectedRow(line, fieldNo, reason, hide ? null : value);
        }

        private RejectedRow readRow(String[] rec, long endLine) {
            RejectedRow bad = checkRow(rec);
            if (bad == null) {
                return null;
            }
            // Positions are only worked out for rejected rows: good rows never pay for it.
            return new RejectedRow(startLine(rec, endLine), bad.column(), bad.reason(), bad.value());
        }

        private RejectedRow checkRow(String[] rec) {
            final long line = 0;
            if (rec.length != width) {
                return new RejectedRow(line, 0, "wrong column count: expected " + width + ", got " + rec.length, null);
            }
            for (int i = 0; i < width; i++) {
                String v = rec[i];
                if (v.length() > options.maxFieldChars()) {
                    return new RejectedRow(line, i + 1, "field longer than " + options.maxFieldChars() + " characters",
                            v.length() + " chars");
                }
                if (v.indexOf('\uFFFD') >= 0) {
                    return new RejectedRow(line, i + 1, "invalid UTF-8 bytes", null);
                }
            }
            String id = field(rec, 0);
            if (id.isEmpty()) {
                return reject(line, 0, "empty shipment_id", null);
            }
            String when = field(rec, 1);
            long epoch;
            try {
                epoch = time.parse(when);
            } catch (IllegalArgumentException e) {
                return reject(line, 1, "unparseable date-time", when);
            }
            String[] place = new String[4];
            for (int c = 2; c < 6; c++) {
                String v = field(rec, c);
                if (v.isEmpty()) {
                    return reject(line, c, "empty " + ShipmentColumns.ALL.get(c), null);
                }
                place[c - 2] = v;
            }
            String senderPhone = PhoneNormalizer.normalize(field(rec, 6));
            if (senderPhone.isEmpty()) {
                return reject(line, 6, "empty sender_phone", null);
            }
            String receiverPhone = PhoneNormalizer.normalize(field(rec, 7));
            if (receiverPhone.isEmpty()) {
                return reject(line, 7, "empty receiver_phone", null);
            }
            int base = ShipmentColumns.REQUIRED.size();
            String modeText = field(rec, base + 5);
            TransportMode mode;
            try {
                mode = TransportMode.parse(modeText);
            } catch (IllegalArgumentException e) {
                return reject(line, base + 5, "mode must be land or air", modeText);
            }
            String piecesText = field(rec, base + 6);
            int pieces = 1;
            if (!piecesText.isEmpty()) {
                pieces = parsePositiveInt(piecesText);
                if (pieces < 1) {
                    return reject(line, base + 6, "pieces must be a positive integer", piecesText);
                }
            }
            String weightText = field(rec, base + 7);
            double weight = Double.NaN;
            if (!weightText.isEmpty()) {
                try {
                    weight = Double.parseDouble(weightText);
                } catch (NumberFormatException e) {
                    return reject(line, base + 7, "weight_kg is not a number", weightText);
                }
                if (Double.isNaN(weight) || Double.isInfinite(weight)) {
                    return reject(line, base + 7, "weight_kg is not a number", weightText);
                }
                if (weight < 0) {
                    return reject(line, base + 7, "negative weight_kg", weightText);
                }
            }
            String flagText = field(rec, base + 9).toLowerCase(Locale.ROOT);
            boolean flagged;
            switch (flagText) {
                case "", "false", "0", "no" -> flagged = false;
                case "true", "1", "yes" -> flagged = true;
                default -> {
                    return reject(line, base + 9, "flagged must be true or false", flagText);
                }
            }
            boolean added = table.tryAdd(id, epoch, place[0], place[1], place[2], place[3], senderPhone, receiverPhone,
                    field(rec, base), field(rec, base + 1), normalizeAddress(field(rec, base + 2)),
                    normalizeAddress(field(rec, base + 3)), field(rec, base + 4), mode, pieces, weight,
                    field(rec, base + 8), flagged);
            if (!added) {
                return reject(line, 0, "duplicate shipment_id", id);
            }
            return null;
        }
    }

    /** Collapses runs of white space and trims, so trivially different spellings of an address match. */
    static String normalizeAddress(String raw) {
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

    private static int parsePositiveInt(String s) {
        if (s.length() > 9) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Column index of a schema column name, for callers building messages. */
    static Map<String, Integer> schemaIndex() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < ShipmentColumns.ALL.size(); i++) {
            m.put(ShipmentColumns.ALL.get(i), i);
        }
        return m;
    }
}
