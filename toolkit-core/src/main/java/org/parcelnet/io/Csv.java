package org.parcelnet.io;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;

/** CSV helpers shared by the readers and writers. */
public final class Csv {

    /**
     * RFC 4180 with a header row read by the caller, blank lines skipped, values trimmed of
     * surrounding white space (in the parser, so that the pipelined readers trim on the parsing
     * thread).
     */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private Csv() {
    }

    /** Quotes a field when it holds a comma, quote, or line break (RFC 4180). */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        boolean needs = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                needs = true;
                break;
            }
        }
        if (!needs && !(s.length() > 0 && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '))) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /**
     * A text cell of a table meant for people (a spreadsheet may open it), written safely: a value a
     * spreadsheet would run as a formula — one starting with {@code =}, {@code +}, {@code -}, {@code @},
     * a tab or a carriage return — gets a leading apostrophe and is quoted, as the OWASP "CSV
     * injection" guidance recommends; a value already starting with an apostrophe gets one more, so
     * that the rule can be undone exactly ({@link #uncell}). Plain decimal numbers ({@code -1.5},
     * {@code +3}, {@code -2e-3}, {@code -Infinity}) stay as they are: a spreadsheet reads them as
     * numbers, never as formulas. Then RFC 4180 quoting ({@link #quote}).
     */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (needsNeutralising(s)) {
            return '"' + ("'" + s).replace("\"", "\"\"") + '"';
        }
        return quote(s);
    }

    /** Whether {@link #cell} prefixes {@code s} with an apostrophe. */
    public static boolean needsNeutralising(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (c == '\'') {
            return true;
        }
        if (c != '=' && c != '+' && c != '-' && c != '@' && c != '\t' && c != '\r') {
            return false;
        }
        return !PLAIN_NUMBER.matcher(s).matches();
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(?:(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|Infinity)");

    /**
     * The value {@link #cell} neutralised, as read back by a CSV parser: one leading apostrophe is
     * removed. Readers of ParcelNet's own result tables (a communities file, a node list) apply it, so
     * that a result table can be read back as input.
     */
    public static String uncell(String s) {
        return s != null && s.length() > 1 && s.charAt(0) == '\'' ? s.substring(1) : s;
    }

    /**
     * What a header row holds, for an error message that must never show personal values: its names
     * when at least one of them is a known column name (it is a header), else only its field count —
     * a file without a header row has a data row there (phones, names, addresses).
     *
     * @param header the first row
     * @param known  column names the reader knows (compared case-insensitively, trimmed)
     */
    public static String describeHeader(java.util.List<String> header, java.util.Collection<String> known) {
        if (looksLikeHeader(header, known)) {
            return "header has: " + String.join(", ", header);
        }
        return "line 1 has " + header.size() + " field(s) and none is a known column name: is the header row "
                + "missing? (values not shown)";
    }

    /** Whether at least one of {@code header}'s fields is one of the {@code known} column names. */
    public static boolean looksLikeHeader(java.util.List<String> header, java.util.Collection<String> known) {
        java.util.Set<String> k = new java.util.HashSet<>();
        for (String s : known) {
            k.add(s.trim().toLowerCase(java.util.Locale.ROOT));
        }
        for (String h : header) {
            if (h != null && k.contains(h.trim().toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Line breaks inside a record's (quoted) fields: the record's first physical line is the parser's
     * line count after it minus this. {@code \r\n} counts once.
     */
    public static int innerLineBreaks(Iterable<String> fields) {
        int inner = 0;
        for (String v : fields) {
            if (v == null) {
                continue;
            }
            for (int i = 0, n = v.length(); i < n; i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == n || v.charAt(i + 1) != '\n'))) {
                    inner++;
                }
            }
        }
        return inner;
    }

    /** Counts bytes read, for progress. */
    public static final class CountingInputStream extends FilterInputStream {
        /** Written by the reading thread, read for progress by another ({@link ReadAheadInputStream}). */
        private volatile long count;

        public CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        /** Bytes read so far. */
        public long count() {
            return count;
        }
    }

    /** An opened text file: the reader and the byte counter of the underlying file. */
    public record Opened(Reader reader, CountingInputStream counter, long fileBytes) {
    }

    /** An opened file as bytes: the (gunzipped) data and the byte counter of the underlying file. */
    public record OpenedBytes(InputStream data, CountingInputStream counter, long fileBytes) {
    }

    /** Opens a file as bytes, gunzipping when it starts with the gzip magic bytes. */
    public static OpenedBytes openBytes(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new InputException(file.toString(), "is a folder, not a file");
        }
        long size = Files.size(file);
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(file));
        BufferedInputStream in = new BufferedInputStream(counter, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream data = in;
        if (b0 == 0x1f && b1 == 0x8b) {
            data = new GZIPInputStream(in, 1 << 16);
        }
        return new OpenedBytes(data, counter, size);
    }

    /**
     * Opens a UTF-8 text file, gunzipping when it starts with the gzip magic bytes. Malformed UTF-8
     * becomes U+FFFD, which the readers then reject with a position.
     */
    public static Opened open(Path file) throws IOException {
        OpenedBytes o = openBytes(file);
        Reader r = new InputStreamReader(o.data(), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
        return new Opened(new java.io.BufferedReader(r, 1 << 16), o.counter(), o.fileBytes());
    }

    /** Opens a file ({@link #open}, {@link #openBytes}). */
    interface Opener<T> {
        T open() throws IOException;
    }

    /** Opens with {@code opener}; a file that is not gzip inside its .gz name becomes an input error. */
    static <T> T openChecked(String name, Opener<T> opener) throws IOException {
        try {
            return opener.open();
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new InputException(name, "not a valid gzip file (" + e.getMessage() + ")");
        }
    }

    /**
     * Where the quoted field that is still open at the end of the file began: {@code {line, field}},
     * both 1-based (physical lines, {@code \r\n} counted once), or null when every quote closes or the
     * file cannot be read again. Scans the file once with the RFC 4180 rules of {@link #FORMAT}: a
     * quote opens a field only as its first character, {@code ""} inside is an escaped quote.
     */
    static long[] openQuoteAtEnd(Path file) {
        try {
            Opened o = open(file);
            try (Reader r = o.reader()) {
                char[] buf = new char[1 << 16];
                long line = 1;
                long field = 1;
                boolean fieldStart = true;
                boolean inQuotes = false;
                boolean quoteSeen = false; // in quotes: the previous char was a quote (closing or escaping)
                boolean lastCr = false;
                long openLine = 0;
                long openField = 0;
                int n;
                while ((n = r.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        char c = buf[i];
                        boolean newline = c == '\n' && !lastCr || c == '\r';
                        lastCr = c == '\r';
                        if (inQuotes) {
                            if (quoteSeen) {
                                quoteSeen = false;
                                if (c == '"') {
                                    continue; // escaped quote
                                }
                                inQuotes = false; // the previous quote closed the field; c is read below
                            } else {
                                if (c == '"') {
                                    quoteSeen = true;
                                } else if (newline) {
                                    line++;
                                }
                                continue;
                            }
                        }
                        if (c == ',') {
                            field++;
                            fieldStart = true;
                        } else if (c == '\n' || c == '\r') {
                            if (newline) {
                                line++;
                            }
                            field = 1;
                            fieldStart = true;
                        } else if (c == '"' && fieldStart) {
                            inQuotes = true;
                            openLine = line;
                            openField = field;
                            fieldStart = false;
                        } else {
                            fieldStart = false;
                        }
                    }
                }
                return inQuotes && !quoteSeen ? new long[] {openLine, openField} : null;
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("line:? ?([0-9][0-9,]*)");

    /**
     * The input error behind a parser or stream failure (truncated gzip, an unterminated quote, a
     * character after a closing quote), with absolute line numbers ({@code lineBase}: lines before
     * the chunk that failed, 0 for one parser over the file); other I/O errors are rethrown as they are.
     */
    static RuntimeException inputError(String name, IOException e, long lineBase) throws IOException {
        if (e instanceof java.io.EOFException || e instanceof java.util.zip.ZipException) {
            throw new InputException(name, "truncated or corrupt gzip stream (" + e.getMessage() + ")");
        }
        String msg = e.getMessage() == null ? "" : e.getMessage();
        if (msg.contains("EOF reached before encapsulated token finished")) {
            long[] at = openQuoteAtEnd(Path.of(name));
            if (at != null) {
                throw new InputException(name, at[0], (int) at[1], "unterminated quoted field: the quote opened here never closes", null);
            }
            throw new InputException(name, "unterminated quoted field: a quote opened and never closed");
        }
        if (msg.toLowerCase(java.util.Locale.ROOT).contains("invalid char")) {
            java.util.regex.Matcher m = LINE.matcher(msg);
            long line = m.find() ? lineBase + Long.parseLong(m.group(1).replace(",", "")) : 0;
            throw new InputException(name, line, 0, "invalid character after a closing quote", null);
        }
        throw e;
    }
}
