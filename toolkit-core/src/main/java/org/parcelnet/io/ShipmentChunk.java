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
import org.parcelnet.model.StringDictionary;
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
    /**
     * The bytes parsed by {@link #parse}, which the ids, phones, names and addresses point into:
     * the reader recycles them only once the chunk is merged. Null for a chunk of strings.
     */
    final byte[] source;

    int size;
    /** Waybill ids (null for rejected rows), held as the dictionary's bytes: no string per value. */
    StringDictionary.Keys ids;
    long[] startLine;
    RejectedRow[] rejected;
    long[] epoch;
    int[] originPlace;
    int[] destinationPlace;
    /**
     * Normalised phones, row k's sender at {@code 2k} and receiver at {@code 2k + 1}, held as the
     * dictionary's bytes with their hash codes: too many distinct values for a local dictionary to
     * pay, and a phone read from plain bytes never becomes a {@code String}.
     */
    StringDictionary.Keys phones;
    /** Names as {@link #phones} (null for an empty one): nearly one per party, so few repeat in a chunk. */
    StringDictionary.Keys names;
    /** Normalised addresses as {@link #phones} (null for an empty one). */
    StringDictionary.Keys addresses;
    int[] carrier;
    int[] goods;
    int[] pieces;
    double[] weight;
    TransportMode[] mode;
    boolean[] flagged;
    /** Places keyed by (province, city) without building the key string per row. */
    final LocalStrings places = new LocalStrings();
    final LocalStrings carriers = new LocalStrings();
    final LocalStrings goodsValues = new LocalStrings();

    /** Rows kept after the merge's waybill id check (set by the merge). */
    boolean[] kept;
    /** Table codes of the phones and addresses (set by the merge). */
    int[] senderPhoneCode;
    int[] receiverPhoneCode;
    int[] senderNameCode;
    int[] receiverNameCode;
    int[] senderAddressCode;
    int[] receiverAddressCode;

    /** Line breaks in the chunk (set by {@link #parse}). */
    long lineCount;
    /** A parse failure after the records above (set by {@link #parse}); the merge rethrows it. */
    IOException failure;

    ShipmentChunk(Layout layout, int capacity) {
        this(layout, capacity, null);
    }

    /**
     * A chunk of at first {@code capacity} rows whose keys may point into {@code source}, the bytes
     * being parsed: they must stay unchanged until the chunk is merged (then see {@link #source}).
     */
    ShipmentChunk(Layout layout, int capacity, byte[] source) {
        this.layout = layout;
        this.source = source;
        this.time = new TimeParser(layout.zone());
        int c = Math.max(16, capacity);
        ids = new StringDictionary.Keys(c, source);
        startLine = new long[c];
        rejected = new RejectedRow[c];
        epoch = new long[c];
        originPlace = new int[c];
        destinationPlace = new int[c];
        phones = new StringDictionary.Keys(2 * c, source);
        names = new StringDictionary.Keys(2 * c, source);
        addresses = new StringDictionary.Keys(2 * c, source);
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
     * bytes up to U+0020, which gives the values the parser gives decoded field by field: the bytes
     * looked at are ASCII, which never occur inside a UTF-8 sequence, so the decoder replaces malformed
     * input (U+FFFD) the same way field by field. Such a record is then checked on its bytes without a
     * string per field ({@link #checkPlain}: the values, rejects and messages of {@link #check} on the
     * decoded fields), its ids, phones, names and addresses kept as {@link StringDictionary.Keys}
     * pointing into {@code bytes}, which must therefore stay unchanged until the chunk is merged.
     * Cost: one pass to split (eight bytes at a time between separators), one to trim and, for a
     * record that is not ASCII, one to check its UTF-8; the values' own parsing and hashing.
     * Any record with a quote or a lone carriage return
     * (and whatever follows it up to the record's end) goes to Commons CSV, which keeps RFC 4180's
     * quoting rules, and its failures, in one place: when it fails the whole chunk is parsed again by
     * {@link #parseWithCommons}, so the records before the failure and the error are the reference's.
     */
    static ShipmentChunk parse(Layout layout, byte[] bytes, int length) {
        return parse(layout, bytes, length, length / 96);
    }

    /** {@link #parse(Layout, byte[], int)} with arrays sized for {@code records} records (they grow past it). */
    static ShipmentChunk parse(Layout layout, byte[] bytes, int length, int records) {
        ShipmentChunk chunk = new ShipmentChunk(layout, records, bytes);
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
        int[] commas = new int[width + 1];
        repeated = layout.repeatedValues();
        cache = FieldCache.forThisThread();
        fieldFrom = new int[width];
        fieldTo = new int[width];
        decoded = new boolean[width];
        long lines = 0;
        long prevEnd = 0;
        int pos = 0;
        while (pos < length) {
            int p = pos;
            int fields = 0;
            int bits = 0; // the record's bytes or-ed: negative when any is not ASCII
            long wordBits = 0; // the same for the bytes skipped eight at a time
            boolean plain = true;
            int contentEnd;
            int next;
            while (true) {
                if (p + 8 <= length) {
                    // Eight bytes at a time up to the next comma, line break, quote or carriage return.
                    long w = (long) LONGS.get(b, p);
                    long special = special(w);
                    if (special == 0) {
                        wordBits |= w;
                        p += 8;
                        continue;
                    }
                    int skip = Long.numberOfTrailingZeros(special) >>> 3;
                    if (skip > 0) {
                        wordBits |= w & (-1L >>> (64 - 8 * skip));
                        p += skip;
                    }
                }
                if (p == length) {
                    contentEnd = length;
                    next = length;
                    break;
                }
                byte c = b[p];
                bits |= c;
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
            if ((wordBits & 0x8080_8080_8080_8080L) != 0) {
                bits = -1; // a byte that is not ASCII among those skipped
            }
            boolean terminated = next > contentEnd;
            if (terminated) {
                lines++;
            }
            if (contentEnd == pos) {
                pos = next; // a blank line: skipped, as the parser skips it
                continue;
            }
            long end = terminated ? lines : lines + 1;
            addPlain(b, pos, commas, fields, contentEnd, bits >= 0, end);
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

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    /**
     * The high bit of each byte of the little-endian word {@code w} that is a comma, line feed, quote
     * or carriage return, the others clear: per byte, {@code x = byte ^ target} is zero exactly when
     * {@code ((x & 0x7F) + 0x7F) | x} has its high bit clear, and no sum carries into the next byte.
     */
    static long special(long w) {
        return zeroBytes(w ^ (',' * ONES)) | zeroBytes(w ^ ('\n' * ONES)) | zeroBytes(w ^ ('"' * ONES))
                | zeroBytes(w ^ ('\r' * ONES));
    }

    private static long zeroBytes(long x) {
        return ~(((x & LOW7) + LOW7) | x | LOW7);
    }

    /** The end line of the latest record added by {@link #parseBytes} or {@link #parseQuoted}. */
    private long lastEnd;

    /**
     * The UTF-16 length of {@code b[from, to)} decoded as UTF-8 when those bytes are well-formed
     * UTF-8 (Unicode's table 3-7, which the JDK's decoder follows: no overlong forms, no surrogates)
     * of characters in the Basic Multilingual Plane other than U+FFFD; -1 otherwise. So a count means
     * the decoded string has no U+FFFD and that length, and the bytes are already the
     * {@link StringDictionary} encoding; -1 leaves the answer to decoding.
     */
    static int utf8Chars(byte[] b, int from, int to) {
        int chars = 0;
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
            } else if (c >= (byte) 0xC2 && c <= (byte) 0xDF) {
                if (i + 1 >= to || !continuation(b[i + 1])) {
                    return -1;
                }
                i += 2;
            } else if (c >= (byte) 0xE0 && c <= (byte) 0xEF) {
                if (i + 2 >= to) {
                    return -1;
                }
                int c1 = b[i + 1];
                int lo = c == (byte) 0xE0 ? (byte) 0xA0 : (byte) 0x80;
                int hi = c == (byte) 0xED ? (byte) 0x9F : (byte) 0xBF;
                if (c1 < lo || c1 > hi || !continuation(b[i + 2])) {
                    return -1;
                }
                if (c == (byte) 0xEF && c1 == (byte) 0xBF && b[i + 2] == (byte) 0xBD) {
                    return -1; // U+FFFD itself
                }
                i += 3;
            } else {
                return -1; // a four-byte character or malformed
            }
            chars++;
        }
        return chars;
    }

    private static boolean continuation(byte c) {
        return c >= (byte) 0x80 && c <= (byte) 0xBF;
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

    /** Per file column: whether {@link #cache} serves its strings (set by {@link #parseBytes}). */
    private boolean[] repeated;
    private FieldCache cache;
    /** The trimmed bounds of the fields of the plain record being checked. */
    private int[] fieldFrom;
    private int[] fieldTo;
    /** Per field of that record: its bytes are not the dictionary's encoding, use the decoded string. */
    private boolean[] decoded;
    /** The normal forms of the two phones of that record (ASCII). */
    private byte[] senderPhoneBytes = new byte[32];
    private byte[] receiverPhoneBytes = new byte[32];

    /**
     * Adds the plain record {@code b[from, contentEnd)} (no quote, no lone carriage return; its fields
     * end at {@code commas[0, fields)} and {@code contentEnd}): {@link #add} of its fields, each
     * trimmed of bytes up to U+0020 (as {@link String#trim()} and Commons CSV trim) and decoded as
     * UTF-8, but checked on the bytes. It starts on its last line: no field of a plain record holds a
     * line break.
     */
    private void addPlain(byte[] b, int from, int[] commas, int fields, int contentEnd, boolean ascii, long endLine) {
        if (size == startLine.length) {
            grow();
        }
        int k = size++;
        startLine[k] = endLine;
        RejectedRow bad = checkPlain(k, b, from, commas, fields, contentEnd, ascii);
        if (bad != null) {
            rejected[k] = new RejectedRow(endLine, bad.column(), bad.reason(), bad.value());
            ids.setNull(k);
        }
    }

    /**
     * {@link #check} of a plain record on its bytes: the same validations in the same order, with the
     * same rejects. A field becomes a string only where one is kept (places, carrier and goods, once
     * per new value: they are looked up by their bytes) or a reject message shows it; the waybill id,
     * phones, names and addresses go to the keys as bytes, and time, mode, pieces, weight and flag are parsed
     * from the bytes when they are in their plain forms (anything else takes the string path).
     */
    private RejectedRow checkPlain(int k, byte[] b, int start, int[] commas, int fields, int contentEnd,
            boolean ascii) {
        int width = layout.width();
        if (fields + 1 != width) {
            return new RejectedRow(0, 0, "wrong column count: expected " + width + ", got " + (fields + 1), null);
        }
        int[] fFrom = fieldFrom;
        int[] fTo = fieldTo;
        int maxChars = layout.maxFieldChars();
        int from = start;
        for (int i = 0; i < width; i++) {
            int to = i < fields ? commas[i] : contentEnd;
            int f = Bytes.trimStart(b, from, to);
            fFrom[i] = f;
            fTo[i] = Bytes.trimEnd(b, f, to);
            from = to + 1;
        }
        for (int i = 0; i < width; i++) {
            int f = fFrom[i];
            int t = fTo[i];
            decoded[i] = false;
            if (ascii) {
                if (t - f > maxChars) {
                    return new RejectedRow(0, i + 1, "field longer than " + maxChars + " characters", (t - f) + " chars");
                }
                continue;
            }
            int chars = utf8Chars(b, f, t);
            if (chars < 0) { // malformed, or U+FFFD or a four-byte character: decode to tell
                String v = string(b, i);
                if (v.length() > maxChars) {
                    return new RejectedRow(0, i + 1, "field longer than " + maxChars + " characters", v.length() + " chars");
                }
                if (v.indexOf('\uFFFD') >= 0) {
                    return new RejectedRow(0, i + 1, "invalid UTF-8 bytes", null);
                }
                decoded[i] = true;
            } else if (chars > maxChars) {
                return new RejectedRow(0, i + 1, "field longer than " + maxChars + " characters", chars + " chars");
            }
        }
        int[] col = layout.col();
        int idCol = col[0];
        if (fFrom[idCol] == fTo[idCol]) {
            return reject(0, "empty shipment_id", null);
        }
        int timeCol = col[1];
        long seconds;
        try {
            seconds = time.parse(b, fFrom[timeCol], fTo[timeCol]);
        } catch (IllegalArgumentException e) {
            return reject(1, "unparseable date-time", string(b, timeCol));
        }
        for (int c = 2; c < 6; c++) {
            if (fFrom[col[c]] == fTo[col[c]]) {
                return reject(c, "empty " + ShipmentColumns.ALL.get(c), null);
            }
        }
        int senderPhoneLength = phone(b, col[6], true);
        if (senderPhoneLength == 0) {
            return reject(6, "empty sender_phone", null);
        }
        int receiverPhoneLength = phone(b, col[7], false);
        if (receiverPhoneLength == 0) {
            return reject(7, "empty receiver_phone", null);
        }
        int base = ShipmentColumns.REQUIRED.size();
        int modeCol = col[base + 5];
        TransportMode m;
        if (modeCol < 0 || fFrom[modeCol] == fTo[modeCol]) {
            m = TransportMode.UNKNOWN;
        } else if (is(b, modeCol, LAND)) {
            m = TransportMode.LAND;
        } else if (is(b, modeCol, AIR)) {
            m = TransportMode.AIR;
        } else {
            String modeText = string(b, modeCol);
            try {
                m = TransportMode.parse(modeText);
            } catch (IllegalArgumentException e) {
                return reject(base + 5, "mode must be land or air", modeText);
            }
        }
        int piecesCol = col[base + 6];
        int p = 1;
        if (piecesCol >= 0 && fFrom[piecesCol] < fTo[piecesCol]) {
            p = parsePositiveInt(b, fFrom[piecesCol], fTo[piecesCol]);
            if (p < 1) {
                return reject(base + 6, "pieces must be a positive integer", string(b, piecesCol));
            }
        }
        int weightCol = col[base + 7];
        double w = Double.NaN;
        if (weightCol >= 0 && fFrom[weightCol] < fTo[weightCol]) {
            w = parseSimpleDecimal(b, fFrom[weightCol], fTo[weightCol]);
            if (Double.isNaN(w)) {
                String weightText = string(b, weightCol);
                w = parseOtherDecimal(weightText);
                if (Double.isNaN(w)) {
                    return reject(base + 7, "weight_kg is not a number", weightText);
                }
            }
            if (w < 0) {
                return reject(base + 7, "negative weight_kg", string(b, weightCol));
            }
        }
        int flagCol = col[base + 9];
        boolean f;
        if (flagCol < 0 || fFrom[flagCol] == fTo[flagCol] || is(b, flagCol, FALSE)) {
            f = false;
        } else if (is(b, flagCol, TRUE)) {
            f = true;
        } else {
            String flagText = string(b, flagCol).toLowerCase(Locale.ROOT);
            switch (flagText) {
                case "false", "0", "no" -> f = false;
                case "true", "1", "yes" -> f = true;
                default -> {
                    return reject(base + 9, "flagged must be true or false", flagText);
                }
            }
        }
        key(ids, k, b, idCol);
        epoch[k] = seconds;
        originPlace[k] = internFields(places, b, col[2], col[3]);
        destinationPlace[k] = internFields(places, b, col[4], col[5]);
        setPhone(2 * k, b, col[6], senderPhoneBytes, senderPhoneLength);
        setPhone(2 * k + 1, b, col[7], receiverPhoneBytes, receiverPhoneLength);
        key(names, 2 * k, b, col[base]);
        key(names, 2 * k + 1, b, col[base + 1]);
        address(b, col[base + 2], 2 * k);
        address(b, col[base + 3], 2 * k + 1);
        carrier[k] = internOptionalField(carriers, b, col[base + 4]);
        goods[k] = internOptionalField(goodsValues, b, col[base + 8]);
        mode[k] = m;
        pieces[k] = p;
        weight[k] = w;
        flagged[k] = f;
        return null;
    }

    private static final byte[] LAND = {'l', 'a', 'n', 'd'};
    private static final byte[] AIR = {'a', 'i', 'r'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};

    /** Whether field {@code i} of the plain record is exactly {@code word}. */
    private boolean is(byte[] b, int i, byte[] word) {
        return Arrays.equals(b, fieldFrom[i], fieldTo[i], word, 0, word.length);
    }

    /**
     * The local code of the pair of fields {@code i} and {@code j} of the plain record (both present
     * and non-empty): {@code local.intern(string(i), string(j))}, looked up by the fields' bytes, so a
     * pair seen before in the chunk costs one hash over its bytes and one comparison.
     */
    private int internFields(LocalStrings local, byte[] b, int i, int j) {
        int f1 = fieldFrom[i];
        int t1 = fieldTo[i];
        int f2 = fieldFrom[j];
        int t2 = fieldTo[j];
        int h = LocalStrings.hashBytes(LocalStrings.hashBytes(1, b, f1, t1) * 31 + (t1 - f1), b, f2, t2);
        int code = local.findBytes(h, b, f1, t1, f2, t2);
        if (code < 0) {
            code = local.intern(string(b, i), string(b, j));
            local.addBytes(h, b, f1, t1, f2, t2, code);
        }
        return code;
    }

    /** {@code local.internOptional(string(i))} of the plain record, looked up by the field's bytes. */
    private int internOptionalField(LocalStrings local, byte[] b, int i) {
        if (i < 0 || fieldFrom[i] == fieldTo[i]) {
            return -1;
        }
        int f = fieldFrom[i];
        int t = fieldTo[i];
        int h = LocalStrings.hashBytes(1, b, f, t);
        int code = local.findBytes(h, b, f, t, t, t);
        if (code < 0) {
            code = local.intern(string(b, i));
            local.addBytes(h, b, f, t, t, t, code);
        }
        return code;
    }

    /** Field {@code i} of the plain record as {@link #parseBytes} decoded it ("" when the column is absent). */
    private String string(byte[] b, int i) {
        if (i < 0) {
            return "";
        }
        int f = fieldFrom[i];
        int t = fieldTo[i];
        if (f == t) {
            return "";
        }
        return repeated[i] ? cache.field(b, f, t) : new String(b, f, t - f, StandardCharsets.UTF_8);
    }

    /**
     * Sets {@code keys[slot]} to field {@code i} of the plain record (bytes as they are where they
     * can be); null when the field is empty or the column absent.
     */
    private void key(StringDictionary.Keys keys, int slot, byte[] b, int i) {
        if (i < 0 || fieldFrom[i] == fieldTo[i]) {
            keys.setNull(slot);
        } else if (decoded[i]) {
            keys.set(slot, string(b, i));
        } else {
            keys.setShared(slot, fieldFrom[i], fieldTo[i]);
        }
    }

    /**
     * Normalises phone field {@code i} of the plain record into the sender's or the receiver's buffer;
     * returns the normal form's length (0: empty), or -1 when the field is its own normal form (the
     * common case: nothing written).
     */
    private int phone(byte[] b, int i, boolean sender) {
        int f = fieldFrom[i];
        int t = fieldTo[i];
        if (!decoded[i] && PhoneNormalizer.isNormal(b, f, t)) {
            return -1;
        }
        byte[] out = sender ? senderPhoneBytes : receiverPhoneBytes;
        if (out.length < t - f) {
            out = new byte[Math.max(2 * out.length, t - f)];
            if (sender) {
                senderPhoneBytes = out;
            } else {
                receiverPhoneBytes = out;
            }
        }
        if (decoded[i]) {
            byte[] v = PhoneNormalizer.normalize(string(b, i)).getBytes(StandardCharsets.ISO_8859_1); // ASCII
            System.arraycopy(v, 0, out, 0, v.length);
            return v.length;
        }
        return PhoneNormalizer.normalize(b, f, t, out);
    }

    /** Sets {@code phones[slot]} to a result of {@link #phone}: the field {@code i} itself, or {@code out[0, length)}. */
    private void setPhone(int slot, byte[] b, int i, byte[] out, int length) {
        if (length < 0) {
            phones.setShared(slot, fieldFrom[i], fieldTo[i]);
        } else {
            phones.setEncoded(slot, out, 0, length);
        }
    }

    /** Sets {@code addresses[slot]} to address field {@code i} of the plain record, normalised; null when empty. */
    private void address(byte[] b, int i, int slot) {
        if (i < 0 || fieldFrom[i] == fieldTo[i]) {
            addresses.setNull(slot);
        } else if (!decoded[i] && ShipmentReader.isNormalAddress(b, fieldFrom[i], fieldTo[i])) {
            addresses.setShared(slot, fieldFrom[i], fieldTo[i]);
        } else {
            addresses.set(slot, optional(ShipmentReader.normalizeAddress(string(b, i))));
        }
    }

    private void grow() {
        int c = startLine.length * 2;
        ids.ensureCapacity(c);
        startLine = Arrays.copyOf(startLine, c);
        rejected = Arrays.copyOf(rejected, c);
        epoch = Arrays.copyOf(epoch, c);
        originPlace = Arrays.copyOf(originPlace, c);
        destinationPlace = Arrays.copyOf(destinationPlace, c);
        phones.ensureCapacity(2 * c);
        names.ensureCapacity(2 * c);
        addresses.ensureCapacity(2 * c);
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
        if (size == startLine.length) {
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
            ids.setNull(k);
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
                w = parseOtherDecimal(weightText);
                if (Double.isNaN(w)) {
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
        ids.set(k, id); // encoded and hashed here, on a parsing thread, for the merge's lookup
        epoch[k] = seconds;
        originPlace[k] = places.intern(field(rec, 2), field(rec, 3));
        destinationPlace[k] = places.intern(field(rec, 4), field(rec, 5));
        phones.set(2 * k, senderPhoneValue);
        phones.set(2 * k + 1, receiverPhoneValue);
        names.set(2 * k, optional(field(rec, base)));
        names.set(2 * k + 1, optional(field(rec, base + 1)));
        addresses.set(2 * k, optional(ShipmentReader.normalizeAddress(field(rec, base + 2))));
        addresses.set(2 * k + 1, optional(ShipmentReader.normalizeAddress(field(rec, base + 3))));
        carrier[k] = carriers.internOptional(field(rec, base + 4));
        goods[k] = goodsValues.internOptional(field(rec, base + 8));
        mode[k] = m;
        pieces[k] = p;
        weight[k] = w;
        flagged[k] = f;
        return null;
    }

    /** Null for an empty value. */
    private static String optional(String v) {
        return v.isEmpty() ? null : v;
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13,
        1e14, 1e15};

    /**
     * A number in any other form {@link Double#parseDouble} reads (signs, exponents, more digits);
     * NaN when it is none, or not finite.
     */
    static double parseOtherDecimal(String s) {
        try {
            double v = Double.parseDouble(s);
            return Double.isInfinite(v) ? Double.NaN : v;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * {@code digits[.digits]} with at most 15 digits, exactly as {@link Double#parseDouble} reads it:
     * the digits form an integer below 2^53 and the power of ten is exact, so one IEEE division is
     * correctly rounded (Clinger's fast path). NaN for anything else (left to parseDouble).
     */
    static double parseSimpleDecimal(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parseSimpleDecimal(b, 0, b.length);
    }

    /** {@link #parseSimpleDecimal(String)} of bytes (a byte that is not ASCII is neither digit nor point). */
    static double parseSimpleDecimal(byte[] b, int from, int to) {
        long v = 0;
        int digits = 0;
        int frac = -1;
        for (int i = from; i < to; i++) {
            int c = b[i];
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

    /** {@link #parsePositiveInt(String)} of bytes: a byte that is not an ASCII digit gives -1. */
    static int parsePositiveInt(byte[] b, int from, int to) {
        if (to - from > 9) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    static int parsePositiveInt(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parsePositiveInt(b, 0, b.length);
    }

    /**
     * The strings of a parsing thread's few-valued fields (places, carrier, goods ...), keyed by their
     * bytes: a repeated value costs a hash and a byte comparison instead of a new string, and the
     * same string instance reaches {@link LocalStrings}, whose lookup then compares by identity. The
     * string of a byte key is its UTF-8 decoding, so values are unchanged. Holds at most
     * {@value #MAX_ENTRIES} values; past that, fields are decoded as usual until the next chunk.
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

        private static final ThreadLocal<FieldCache> PER_THREAD = ThreadLocal.withInitial(FieldCache::new);

        /**
         * The calling thread's cache, emptied first when full: a parsing thread keeps its few-valued
         * strings from chunk to chunk instead of building a table and decoding them again per chunk.
         */
        static FieldCache forThisThread() {
            FieldCache c = PER_THREAD.get();
            if (c.size == MAX_ENTRIES) {
                Arrays.fill(c.table, -1);
                Arrays.fill(c.keys, null);
                Arrays.fill(c.strings, null);
                c.size = 0;
            }
            return c;
        }

        String field(byte[] b, int from, int to) {
            from = Bytes.trimStart(b, from, to);
            to = Bytes.trimEnd(b, from, to);
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

        /*
         * Byte keys: a cache in front of the string table for values read from plain records. Key e
         * is the bytes of its two fields, one after the other, in keyBytes[keyStart[e], keyStart[e+1]),
         * the first keyFirst[e] long; it maps to the code its strings got. An instance holds pairs or
         * single values (an empty second field), never both.
         */
        private byte[] keyBytes;
        private int[] keyStart;
        private int[] keyFirst;
        private int[] keyCode;
        private int[] keyHash;
        private int keys;
        private int[] byteTable;
        private int byteShift;

        static int hashBytes(int h, byte[] b, int from, int to) {
            for (int i = from; i < to; i++) {
                h = 31 * h + b[i];
            }
            return h;
        }

        /** The code of the byte key ({@code b[f1, t1)}, {@code b[f2, t2)}) with hash {@code h}, or -1. */
        int findBytes(int h, byte[] b, int f1, int t1, int f2, int t2) {
            if (keys == 0) {
                return -1;
            }
            int[] t = byteTable;
            int mask = t.length - 1;
            int i = (h * 0x9E3779B9) >>> byteShift;
            int first = t1 - f1;
            int total = first + (t2 - f2);
            while (true) {
                int e = t[i];
                if (e < 0) {
                    return -1;
                }
                int s = keyStart[e];
                if (keyFirst[e] == first && keyStart[e + 1] - s == total
                        && Arrays.equals(keyBytes, s, s + first, b, f1, t1)
                        && Arrays.equals(keyBytes, s + first, s + total, b, f2, t2)) {
                    return keyCode[e];
                }
                i = (i + 1) & mask;
            }
        }

        /** Adds the byte key of {@link #findBytes} (absent) with {@code code}. */
        void addBytes(int h, byte[] b, int f1, int t1, int f2, int t2, int code) {
            if (keys == 0 && byteTable == null) {
                keyBytes = new byte[256];
                keyStart = new int[65];
                keyFirst = new int[64];
                keyCode = new int[64];
                keyHash = new int[64];
                byteTable = filled(128);
                byteShift = 32 - 7;
            }
            int first = t1 - f1;
            int second = t2 - f2;
            int s = keyStart[keys];
            if (s + first + second > keyBytes.length) {
                keyBytes = Arrays.copyOf(keyBytes, Math.max(2 * keyBytes.length, s + first + second));
            }
            if (keys + 1 == keyFirst.length) {
                keyStart = Arrays.copyOf(keyStart, 2 * keyStart.length);
                keyFirst = Arrays.copyOf(keyFirst, 2 * keyFirst.length);
                keyCode = Arrays.copyOf(keyCode, 2 * keyCode.length);
                keyHash = Arrays.copyOf(keyHash, 2 * keyHash.length);
            }
            System.arraycopy(b, f1, keyBytes, s, first);
            System.arraycopy(b, f2, keyBytes, s + first, second);
            int e = keys++;
            keyStart[e + 1] = s + first + second;
            keyFirst[e] = first;
            keyCode[e] = code;
            keyHash[e] = h;
            int[] t = byteTable;
            int mask = t.length - 1;
            int i = (h * 0x9E3779B9) >>> byteShift;
            while (t[i] >= 0) {
                i = (i + 1) & mask;
            }
            t[i] = e;
            if (keys * 2 > t.length) {
                rehashBytes();
            }
        }

        private void rehashBytes() {
            int[] t = filled(byteTable.length * 2);
            byteShift--;
            int mask = t.length - 1;
            for (int e = 0; e < keys; e++) {
                int i = (keyHash[e] * 0x9E3779B9) >>> byteShift;
                while (t[i] >= 0) {
                    i = (i + 1) & mask;
                }
                t[i] = e;
            }
            byteTable = t;
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
