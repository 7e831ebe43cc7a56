package org.parcelnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Cuts a CSV byte stream into chunks of whole records, so that chunks can be parsed independently
 * and in parallel. A chunk ends right after a {@code \n} that ends a record. The scan follows RFC 4180
 * the way Commons CSV lexes it: a quote opens a quoted field only as the first character of a field;
 * inside one, a doubled quote is a literal quote and line breaks belong to the field. So a cut never
 * falls inside a quoted field, and parsing the chunks one after another yields the records of the
 * whole stream. It works on bytes: the characters it looks at are ASCII, which never occur inside a
 * multi-byte UTF-8 sequence, so no chunk splits a character either.
 *
 * <p>Cost: one pass over the bytes with a few comparisons each; the bytes of a chunk are handed over
 * without copying (only the tail after the cut moves to a fresh buffer, or to a buffer of a chunk the
 * caller is done with and gave back through {@link #recycle}).
 */
final class RecordChunker {

    /**
     * Bytes {@code [0, length)} of {@code bytes}: whole records. {@code lineFeeds} counts the line
     * feeds outside quoted fields (record ends and blank lines), so the records are at most one more:
     * a parser sizes its arrays by it.
     */
    record Chunk(byte[] bytes, int length, int lineFeeds) {
    }

    private final InputStream in;
    private final int initialCapacity;
    private byte[] buf;
    private int len;
    private int scanned;
    private boolean quoted;
    private boolean fieldStart = true;
    /** The latest cut point found in {@code buf} (0: none yet). */
    private int lastCut;
    /** Line feeds outside quoted fields scanned since the last chunk was cut. */
    private int lineFeeds;
    private boolean eof;
    private IOException failure;
    /** Buffers of parsed chunks, given back from any thread. */
    private final ConcurrentLinkedQueue<byte[]> spare = new ConcurrentLinkedQueue<>();

    /** Most spare buffers kept: the chunks in flight at once are a few per core. */
    private static final int MAX_SPARE = 16;

    RecordChunker(InputStream in, int initialCapacity) {
        this.in = in;
        this.initialCapacity = Math.max(16, initialCapacity);
        this.buf = new byte[this.initialCapacity];
    }

    /**
     * The next chunk: whole records from the current position up to the first record end at or
     * after {@code targetBytes}, or to the end of the stream; null at the end. When the stream fails,
     * the whole records read before the failure come out first and the next call throws.
     */
    Chunk next(int targetBytes) throws IOException {
        if (failure != null) {
            IOException e = failure;
            failure = null;
            eof = true;
            len = 0;
            throw e;
        }
        while (true) {
            int cut = scan(targetBytes);
            if (cut > 0) {
                return emit(cut);
            }
            if (eof) {
                return len == 0 ? null : emit(len);
            }
            if (len == buf.length) {
                buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 16, 2L * buf.length));
                if (len == buf.length) {
                    throw new IOException("a CSV record larger than 2 GiB");
                }
            }
            int n;
            try {
                n = in.read(buf, len, buf.length - len);
            } catch (IOException e) {
                if (lastCut > 0) {
                    failure = e;
                    return emit(lastCut);
                }
                eof = true;
                len = 0;
                throw e;
            }
            if (n < 0) {
                eof = true;
            } else {
                len += n;
            }
        }
    }

    private Chunk emit(int cut) {
        byte[] out = buf;
        int rest = len - cut;
        // back to the usual size after a chunk that had to grow (a huge field)
        byte[] next = rest + 16 <= initialCapacity ? spare.poll() : null;
        if (next == null) {
            next = new byte[Math.max(initialCapacity, rest + 16)];
        }
        System.arraycopy(out, cut, next, 0, rest);
        buf = next;
        len = rest;
        if (scanned >= cut) {
            // the cut is a record start: the scan resumes from a clean state
            scanned -= cut;
        } else {
            // only at the end of the stream: everything was handed out
            scanned = 0;
            quoted = false;
            fieldStart = true;
        }
        lastCut = 0;
        int feeds = lineFeeds;
        lineFeeds = 0;
        return new Chunk(out, cut, feeds);
    }

    /**
     * Gives back the bytes of a chunk whose records have been parsed, to be filled again; the caller
     * must not touch them afterwards. Any thread; buffers of another size are left to the collector.
     */
    void recycle(byte[] bytes) {
        if (bytes.length == initialCapacity && spare.size() < MAX_SPARE) {
            spare.offer(bytes);
        }
    }

    private static boolean separator(byte c) {
        return c == ',' || c == '\r' || c == '\n';
    }

    /** Scans on from {@link #scanned}; returns the first cut point at or after {@code target}, or 0. */
    private int scan(int target) {
        byte[] b = buf;
        int n = len;
        int i = scanned;
        boolean q = quoted;
        boolean fs = fieldStart;
        while (i < n) {
            if (q) {
                while (i < n && b[i] != '"') {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                if (i + 1 >= n && !eof) {
                    break; // a doubled quote or a closing one: wait for the next byte
                }
                if (i + 1 < n && b[i + 1] == '"') {
                    i += 2;
                } else {
                    q = false;
                    fs = false;
                    i++;
                }
            } else {
                // Unquoted: only a line feed, or a quote at the start of a field, matters. Whether a
                // position starts a field is read off the byte before it (or the state at the
                // scan's start), so the common bytes cost two comparisons.
                int from = i;
                while (i < n) {
                    byte c = b[i];
                    if (c == '\n' || c == '"') {
                        break;
                    }
                    i++;
                }
                boolean atStart = i == from ? fs : separator(b[i - 1]);
                if (i >= n) {
                    fs = atStart;
                    break;
                }
                i++;
                if (b[i - 1] == '\n') {
                    fs = true;
                    lastCut = i;
                    lineFeeds++;
                    if (i >= target) {
                        scanned = i;
                        quoted = false;
                        fieldStart = true;
                        return i;
                    }
                } else if (atStart) {
                    q = true;
                    fs = false;
                } else {
                    fs = false; // a literal quote inside an unquoted field
                }
            }
        }
        scanned = i;
        quoted = q;
        fieldStart = fs;
        return 0;
    }
}
