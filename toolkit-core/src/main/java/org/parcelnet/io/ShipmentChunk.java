package org.parcelnet.io;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

/**
 * The shipment records of one chunk of a file, validated and encoded with chunk-local dictionaries;
 * {@link ShipmentReader} merges chunks into the table in file order. All per-row work (validation,
 * time parsing, phone and address normalisation, hashing) happens here, so it runs on the parsing
 * threads; the merge only maps each chunk's distinct values to global codes.
 *
 * <p>Line numbers are relative to the chunk's first line (absolute when the records come from one
 * parser over the whole file); the merge adds the lines before the chunk.
 */
final class ShipmentChunk {

    /** What the header said, shared by all chunks of a file (immutable). */
    record Layout(String file, int width, int[] col, boolean[] personal, int maxFieldChars, ZoneId zone) {

        /** Schema columns whose values repeat across rows: places, carrier, mode, pieces, goods, flag. */
        private static final List<String> REPEATED = List.of(ShipmentColumns.ORIGIN_PROVINCE,
                ShipmentColumns.ORIGIN_CITY, ShipmentColumns.DESTINATION_PROVINCE, ShipmentColumns.DESTINATION_CITY,
                ShipmentColumns.CARRIER, ShipmentColumns.MODE, ShipmentColumns.PIECES, ShipmentColumns.DECLARED_GOODS,
                ShipmentColumns.FLAGGED);

        /** Per file column: whether {@link FieldCache} should serve its values. */
        boolean[] repeatedValues() {
            boolean[] r = new boolean[width];
            for (String name : REPEATED) {
                int i = col[ShipmentColumns.ALL.indexOf(name)];
                if (i >= 0) {
                    r[i] = true;
                }
            }
            return r;
        }
    }

    private final Layout layout;
    private final TimeParser time;

    int size;
    String[] ids;
    long[] startLine;
    RejectedRow[] rejected;
    long[] epoch;
    int[] originPlace;
    int[] destinationPlace;
    /** Normalised phones and addresses stay strings (hash cached): too many distinct values for a local dictionary to pay. */
    String[] senderPhone;
    String[] receiverPhone;
    int[] senderName;
    int[] receiverName;
    String[] senderAddress;
    String[] receiverAddress;
    int[] carrier;
    int[] goods;
    int[] pieces;
    double[] weight;
    TransportMode[] mode;
    boolean[] flagged;
    /** Places keyed by (province, city) without building the key string per row. */
    final LocalStrings places = new LocalStrings();
    final LocalStrings names = new LocalStrings();
    final LocalStrings carriers = new LocalStrings();
    final LocalStrings goodsValues = new LocalStrings();

    /** Rows kept after the merge's waybill id check (set by the merge). */
    boolean[] kept;
    /** Table codes of the phones and addresses (set by the merge). */
    int[] senderPhoneCode;
    int[] receiverPhoneCode;
    int[] senderAddressCode;
    int[] receiverAddressCode;

    /** Line breaks in the chunk (set by {@link #parse}). */
    long lineCount;
    /** A parse failure after the records above (set by {@link #parse}); the merge rethrows it. */
    IOException failure;

    ShipmentChunk(Layout layout, int capacity) {
        this.layout = layout;
        this.time = new TimeParser(layout.zone());
        int c = Math.max(16, capacity);
        ids = new String[c];
        startLine = new long[c];
        rejected = new RejectedRow[c];
        epoch = new long[c];
        originPlace = new int[c];
        destinationPlace = new int[c];
        senderPhone = new String[c];
        receiverPhone = new String[c];
        senderName = new int[c];
        receiverName = new int[c];
        senderAddress = new String[c];
        receiverAddress = new String[c];
        carrier = new int[c];
        goods = new int[c];
        pieces = new int[c];
        weight = new double[c];
        mode = new TransportMode[c];
        flagged = new boolean[c];
    }

    /**
     * Parses {@code bytes[0, length)} (whole records, no header): the records come out exactly as
     * {@link #parseWithCommons} gives them (same fields, lines, rejects and failure).
     *
     * <p>Why a hand-written tokeniser: on generated and exported files nearly every record is a line
     * of unquoted fields, and Commons CSV, which decodes the chunk to one string and lexes it character
     * by character through a buffered reader, took about 40 % of the read's CPU. A line without a
     * quote and without a lone carriage return is split here on comma bytes; each field is trimmed of
     * bytes up to U+0020 and decoded on its own, which gives the strings the parser gives: the bytes
     * looked at are ASCII, which never occur inside a UTF-8 sequence, so the decoder replaces malformed
     * input (U+FFFD) the same way field by field. Any record with a quote or a lone carriage return
     * (and whatever follows it up to the record's end) goes to Commons CSV, which keeps RFC 4180's
     * quoting rules, and its failures, in one place: when it fails the whole chunk is parsed again by
     * {@link #parseWithCommons}, so the records before the failure and the error are the reference's.
     */
    static ShipmentChunk parse(Layout layout, byte[] bytes, int length) {
        ShipmentChunk chunk = new ShipmentChunk(layout, length / 96);
        if (!chunk.parseBytes(bytes, length)) {
            return parseWithCommons(layout, bytes, length);
        }
        return chunk;
    }

    /**
     * Decodes and parses {@code bytes[0, length)} (whole records, no header) with Commons CSV.
     * Malformed UTF-8 becomes U+FFFD, rejected per field like the streaming reader does.
     */
    static ShipmentChunk parseWithCommons(Layout layout, byte[] bytes, int length) {
        ShipmentChunk chunk = new ShipmentChunk(layout, length / 96);
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(Csv.FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long prevEnd = 0;
            try {
                while (it.hasNext()) {
                    String[] rec = it.next().values();
                    long end = parser.getCurrentLineNumber();
                    chunk.add(rec, end, prevEnd);
                    prevEnd = end;
                }
                chunk.lineCount = parser.getCurrentLineNumber();
            } catch (UncheckedIOException e) {
                chunk.failure = e.getCause();
            }
        } catch (IOException e) {
            chunk.failure = e;
        }
        return chunk;
    }

    /**
     * The byte-level parse of {@link #parse}; false when Commons CSV failed on a quoted record (the
     * caller then parses the whole chunk with it). Line numbers follow Commons CSV's count: a record
     * ends on the line count after its line break, a last record without one on the count before.
     */
    private boolean parseBytes(byte[] b, int length) {
        int width = layout.width();
        String[] rec = new String[width];
        int[] commas = new int[width + 1];
        boolean[] repeated = layout.repeatedValues();
        FieldCache cache = new FieldCache();
        long lines = 0;
        long prevEnd = 0;
        int pos = 0;
        while (pos < length) {
            int p = pos;
            int fields = 0;
            boolean plain = true;
            int contentEnd;
            int next;
            while (true) {
                if (p == length) {
                    contentEnd = length;
                    next = length;
                    break;
                }
                byte c = b[p];
                if (c == ',') {
                    if (fields == commas.length) {
                        commas = Arrays.copyOf(commas, 2 * fields);
                    }
                    commas[fields++] = p;
                } else if (c == '\n') {
                    contentEnd = p;
                    next = p + 1;
                    break;
                } else if (c == '"' || c == '\r') {
                    if (c == '\r' && p + 1 < length && b[p + 1] == '\n') {
                        contentEnd = p;
                        next = p + 2;
                        break;
                    }
                    plain = false;
                    contentEnd = -1;
                    next = recordEnd(b, pos, length);
                    break;
                }
                p++;
            }
            if (!plain) {
                int before = size;
                long done = parseQuoted(b, pos, next, lines, prevEnd);
                if (done < 0) {
                    return false;
                }
                if (size > before) {
                    prevEnd = lastEnd;
                }
                lines = done;
                pos = next;
                continue;
            }
            boolean terminated = next > contentEnd;
            if (terminated) {
                lines++;
            }
            if (contentEnd == pos) {
                pos = next; // a blank line: skipped, as the parser skips it
                continue;
            }
            String[] r = fields + 1 == width ? rec : new String[fields + 1];
            int from = pos;
            for (int f = 0; f <= fields; f++) {
                int to = f < fields ? commas[f] : contentEnd;
                r[f] = f < repeated.length && repeated[f] ? cache.field(b, from, to) : field(b, from, to);
                from = to + 1;
            }
            long end = terminated ? lines : lines + 1;
            add(r, end, prevEnd);
            lastEnd = end;
            prevEnd = end;
            pos = next;
            if (!terminated) {
                lines++; // the parser counts the unterminated last line too
            }
        }
        lineCount = lines;
        return true;
    }

    /** The end line of the latest record added by {@link #parseBytes} or {@link #parseQuoted}. */
    private long lastEnd;

    /** The field {@code b[from, to)} trimmed of bytes up to U+0020, as {@link String#trim()} trims. */
    private static String field(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return from == to ? "" : new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /**
     * Parses the records of {@code b[from, to)} (from a record start to a record end) with Commons CSV;
     * returns the line count after them, or -1 when the parser fails.
     */
    private long parseQuoted(byte[] b, int from, int to, long linesBefore, long prevEnd) {
        String text = new String(b, from, to - from, StandardCharsets.UTF_8);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(Csv.FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long prev = prevEnd;
            while (it.hasNext()) {
                String[] rec = it.next().values();
                long end = linesBefore + parser.getCurrentLineNumber();
                add(rec, end, prev);
                lastEnd = end;
                prev = end;
            }
            return linesBefore + parser.getCurrentLineNumber();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /**
     * Where the record starting at {@code from} ends: after the first line feed outside a quoted
     * field ({@link RecordChunker}'s scan: a quote opens a field only as its first byte, a doubled
     * quote inside is a literal), or {@code length}.
     */
    private static int recordEnd(byte[] b, int from, int length) {
        boolean quoted = false;
        boolean fieldStart = true;
        int i = from;
        while (i < length) {
            byte c = b[i];
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && b[i + 1] == '"') {
                        i++;
                    } else {
                        quoted = false;
                    }
                }
                fieldStart = false;
            } else if (c == '\n') {
                return i + 1;
            } else if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',' || c == '\r';
            }
            i++;
        }
        return length;
    }

    private void grow() {
        int c = ids.length * 2;
        ids = Arrays.copyOf(ids, c);
        startLine = Arrays.copyOf(startLine, c);
        rejected = Arrays.copyOf(rejected, c);
        epoch = Arrays.copyOf(epoch, c);
        originPlace = Arrays.copyOf(originPlace, c);
        destinationPlace = Arrays.copyOf(destinationPlace, c);
        senderPhone = Arrays.copyOf(senderPhone, c);
        receiverPhone = Arrays.copyOf(receiverPhone, c);
        senderName = Arrays.copyOf(senderName, c);
        receiverName = Arrays.copyOf(receiverName, c);
        senderAddress = Arrays.copyOf(senderAddress, c);
        receiverAddress = Arrays.copyOf(receiverAddress, c);
        carrier = Arrays.copyOf(carrier, c);
        goods = Arrays.copyOf(goods, c);
        pieces = Arrays.copyOf(pieces, c);
        weight = Arrays.copyOf(weight, c);
        mode = Arrays.copyOf(mode, c);
        flagged = Arrays.copyOf(flagged, c);
    }

    /**
     * Adds one record. {@code endLine} is the parser's line count after it (its last line),
     * {@code prevEnd} the same for the record before (0 for a chunk's first).
     */
    void add(String[] rec, long endLine, long prevEnd) {
        if (size == ids.length) {
            grow();
        }
        int k = size++;
        // The first physical line: the last one minus the line breaks inside quoted fields. A record
        // right after the previous one on a single line needs no scan, the common case.
        long start = endLine - prevEnd == 1 ? endLine
                : Math.max(prevEnd + 1, endLine - Csv.innerLineBreaks(Arrays.asList(rec)));
        startLine[k] = start;
        RejectedRow bad = check(k, rec);
        if (bad != null) {
            rejected[k] = new RejectedRow(start, bad.column(), bad.reason(), bad.value());
            ids[k] = null;
        }
    }

    private String field(String[] rec, int schemaColumn) {
        int i = layout.col()[schemaColumn];
        return i < 0 ? "" : rec[i];
    }

    private RejectedRow reject(int schemaColumn, String reason, String value) {
        int fieldNo = schemaColumn < 0 ? 0 : layout.col()[schemaColumn] + 1;
        boolean hide = schemaColumn >= 0 && layout.personal()[schemaColumn];
        return new RejectedRow(0, fieldNo, reason, hide ? null : value);
    }

    /** Validates and encodes record {@code k}; returns why it is rejected (line 0), or null. */
    private RejectedRow check(int k, String[] rec) {
        int width = layout.width();
        if (rec.length != width) {
            return new RejectedRow(0, 0, "wrong column count: expected " + width + ", got " + rec.length, null);
        }
        int maxChars = layout.maxFieldChars();
        for (int i = 0; i < width; i++) {
            String v = rec[i];
            if (v.length() > maxChars) {
                return new RejectedRow(0, i + 1, "field longer than " + maxChars + " characters", v.length() + " chars");
            }
            if (v.indexOf('\uFFFD') >= 0) {
                return new RejectedRow(0, i + 1, "invalid UTF-8 bytes", null);
            }
        }
        String id = field(rec, 0);
        if (id.isEmpty()) {
            return reject(0, "empty shipment_id", null);
        }
        String when = field(rec, 1);
        long seconds;
        try {
            seconds = time.parse(when);
        } catch (IllegalArgumentException e) {
            return reject(1, "unparseable date-time", when);
        }
        for (int c = 2; c < 6; c++) {
            if (field(rec, c).isEmpty()) {
                return reject(c, "empty " + ShipmentColumns.ALL.get(c), null);
            }
        }
        String senderPhoneValue = PhoneNormalizer.normalize(field(rec, 6));
        if (senderPhoneValue.isEmpty()) {
            return reject(6, "empty sender_phone", null);
        }
        String receiverPhoneValue = PhoneNormalizer.normalize(field(rec, 7));
        if (receiverPhoneValue.isEmpty()) {
            return reject(7, "empty receiver_phone", null);
        }
        int base = ShipmentColumns.REQUIRED.size();
        String modeText = field(rec, base + 5);
        TransportMode m;
        try {
            m = TransportMode.parse(modeText);
        } catch (IllegalArgumentException e) {
            return reject(base + 5, "mode must be land or air", modeText);
        }
        String piecesText = field(rec, base + 6);
        int p = 1;
        if (!piecesText.isEmpty()) {
            p = parsePositiveInt(piecesText);
            if (p < 1) {
                return reject(base + 6, "pieces must be a positive integer", piecesText);
            }
        }
        String weightText = field(rec, base + 7);
        double w = Double.NaN;
        if (!weightText.isEmpty()) {
            w = parseSimpleDecimal(weightText);
            if (Double.isNaN(w)) {
                try {
                    w = Double.parseDouble(weightText);
                } catch (NumberFormatException e) {
                    return reject(base + 7, "weight_kg is not a number", weightText);
                }
                if (Double.isNaN(w) || Double.isInfinite(w)) {
                    return reject(base + 7, "weight_kg is not a number", weightText);
                }
            }
            if (w < 0) {
                return reject(base + 7, "negative weight_kg", weightText);
            }
        }
        String flagText = field(rec, base + 9);
        boolean f;
        if (flagText.equals("false") || flagText.isEmpty()) {
            f = false; // the common spellings first, without a lower-case copy
        } else if (flagText.equals("true")) {
            f = true;
        } else {
            flagText = flagText.toLowerCase(Locale.ROOT);
            switch (flagText) {
                case "false", "0", "no" -> f = false;
                case "true", "1", "yes" -> f = true;
                default -> {
                    return reject(base + 9, "flagged must be true or false", flagText);
                }
            }
        }
        id.hashCode(); // computed here, on a parsing thread, and cached for the merge's lookup
        ids[k] = id;
        epoch[k] = seconds;
        originPlace[k] = places.intern(field(rec, 2), field(rec, 3));
        destinationPlace[k] = places.intern(field(rec, 4), field(rec, 5));
        senderPhoneValue.hashCode();
        receiverPhoneValue.hashCode();
        senderPhone[k] = senderPhoneValue;
        receiverPhone[k] = receiverPhoneValue;
        senderName[k] = names.internOptional(field(rec, base));
        receiverName[k] = names.internOptional(field(rec, base + 1));
        senderAddress[k] = optional(ShipmentReader.normalizeAddress(field(rec, base + 2)));
        receiverAddress[k] = optional(ShipmentReader.normalizeAddress(field(rec, base + 3)));
        carrier[k] = carriers.internOptional(field(rec, base + 4));
        goods[k] = goodsValues.internOptional(field(rec, base + 8));
        mode[k] = m;
        pieces[k] = p;
        weight[k] = w;
        flagged[k] = f;
        return null;
    }

    /** Null for an empty value, else the value with its hash computed (here, on a parsing thread). */
    private static String optional(String v) {
        if (v.isEmpty()) {
            return null;
        }
        v.hashCode();
        return v;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15};

    /**
     * {@code digits[.digits]} with at most 15 digits, exactly as {@link Double#parseDouble} reads it:
     * the digits form an integer below 2^53 and the power of ten is exact, so one IEEE division is
     * correctly rounded (Clinger's fast path). NaN for anything else (left to parseDouble).
     */
    static double parseSimpleDecimal(String s) {
        int n = s.length();
        long v = 0;
        int digits = 0;
        int frac = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                v = v * 10 + (c - '0');
                if (++digits > 15) {
                    return Double.NaN;
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
        if (digits == 0) {
            return Double.NaN;
        }
        return frac <= 0 ? (double) v : v / POW10[frac];
    }

    static int parsePositiveInt(String s) {
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

    /**
     * The strings of a chunk's few-valued fields (places, carrier, mode, goods ...), keyed by their
     * bytes: a repeated value costs a hash and a byte comparison instead of a new string, and the
     * same string instance reaches {@link LocalStrings}, whose lookup then compares by identity. The
     * string of a byte key is {@link #field}'s, so values are unchanged. Holds at most
     * {@value #MAX_ENTRIES} values; past that, fields are decoded as usual.
     */
    static final class FieldCache {
        private static final int MAX_ENTRIES = 1 << 12;
        private final int[] table = new int[2 * MAX_ENTRIES];
        private byte[][] keys = new byte[64][];
        private String[] strings = new String[64];
        private int size;

        FieldCache() {
            Arrays.fill(table, -1);
        }

        String field(byte[] b, int from, int to) {
            while (from < to && (b[from] & 0xff) <= ' ') {
                from++;
            }
            while (to > from && (b[to - 1] & 0xff) <= ' ') {
                to--;
            }
            if (from == to) {
                return "";
            }
            int h = 1;
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            int mask = table.length - 1;
            int slot = (h * 0x9E3779B9) & mask;
            while (true) {
                int c = table[slot];
                if (c < 0) {
                    break;
                }
                byte[] k = keys[c];
                if (Arrays.equals(k, 0, k.length, b, from, to)) {
                    return strings[c];
                }
                slot = (slot + 1) & mask;
            }
            String v = new String(b, from, to - from, StandardCharsets.UTF_8);
            if (size < MAX_ENTRIES) {
                if (size == keys.length) {
                    keys = Arrays.copyOf(keys, 2 * size);
                    strings = Arrays.copyOf(strings, 2 * size);
                }
                keys[size] = Arrays.copyOfRange(b, from, to);
                strings[size] = v;
                table[slot] = size++;
            }
            return v;
        }
    }

    /**
     * A small chunk-local string → code map (open addressing on {@link String#hashCode()}), keeping
     * the strings themselves: they live only until the chunk is merged.
     */
    static final class LocalStrings {
        private String[] values = new String[64];
        /** Second halves of pair keys (null for single strings). */
        private String[] seconds = new String[64];
        private int[] table = filled(128);
        private int shift = 32 - 7;
        private int size;

        private static int[] filled(int n) {
            int[] t = new int[n];
            Arrays.fill(t, -1);
            return t;
        }

        int internOptional(String v) {
            return v.isEmpty() ? -1 : intern(v);
        }

        int intern(String v) {
            return intern(v, null);
        }

        /** The code of the pair ({@code first}, {@code second}); {@code second} null for a single string. */
        int intern(String first, String second) {
            int h = hash(first, second);
            int[] t = table;
            int mask = t.length - 1;
            int i = (h * 0x9E3779B9) >>> shift;
            while (true) {
                int c = t[i];
                if (c < 0) {
                    break;
                }
                if (values[c].equals(first) && java.util.Objects.equals(seconds[c], second)) {
                    return c;
                }
                i = (i + 1) & mask;
            }
            int code = size++;
            if (code == values.length) {
                values = Arrays.copyOf(values, code * 2);
                seconds = Arrays.copyOf(seconds, code * 2);
            }
            values[code] = first;
            seconds[code] = second;
            t[i] = code;
            if (size * 2 > t.length) {
                rehash();
            }
            return code;
        }

        private static int hash(String first, String second) {
            return second == null ? first.hashCode() : first.hashCode() * 31 + second.hashCode();
        }

        private void rehash() {
            int[] t = filled(table.length * 2);
            shift--;
            int mask = t.length - 1;
            for (int c = 0; c < size; c++) {
                int i = (hash(values[c], seconds[c]) * 0x9E3779B9) >>> shift;
                while (t[i] >= 0) {
                    i = (i + 1) & mask;
                }
                t[i] = c;
            }
            table = t;
        }

        /** The string of a code; for a pair, the place key of the two. */
        String value(int code) {
            String second = seconds[code];
            return second == null ? values[code] : ShipmentTable.placeKey(values[code], second);
        }

        int size() {
            return size;
        }
    }
}
