package org.parcelnet.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Dictionary encoding of strings: each distinct string gets a dense int code in first-seen order.
 * Columns of a {@link ShipmentTable} store codes; the strings are held once here.
 *
 * <p>Storage is compact: the characters of all values sit in one byte arena (each UTF-16 unit in one
 * to three bytes, as in CESU-8, so ASCII waybill ids and phones take a byte per character and Chinese
 * text three), with one {@code int} end offset per value; a {@code String} is created only when
 * {@link #value(int)} asks for one. Lookups go through an open-addressing hash table (linear probing)
 * whose slots pack the string's {@link String#hashCode()} and its code into one {@code long}, so a
 * lookup usually touches one slot and compares one candidate's bytes with the query's characters,
 * without allocating. Memory per distinct string: its encoded bytes + 4 (offset) + 8 to 16 (slots at
 * load factor 0.25–0.5), against about 60–80 bytes for a {@code String} object in a {@code HashMap}.
 *
 * <p>Not thread-safe while values are added; safe to read from many threads once filled.
 */
public final class StringDictionary {

    private static final long EMPTY = -1L;
    /** Largest arena: arrays are indexed by int. */
    private static final int MAX_BYTES = Integer.MAX_VALUE - 16;

    private byte[] bytes = new byte[256];
    private int used;
    /** {@code ends[c]} is the arena offset just past value {@code c}; value c starts at {@code ends[c-1]}. */
    private int[] ends = new int[16];
    /** The hash index; null once {@link #dropIndex() dropped} until a lookup rebuilds it. */
    private volatile long[] slots = newSlots(32);
    /** {@code 32 - log2(slots.length)}, kept while the index is dropped. */
    private int shift = 32 - 5;
    private int size;
    /** Scratch of {@link #internAll}: candidate codes and offsets of one batch. */
    private int[] batchScratch;
    /** Where the prefetching loads go, so that the JIT keeps them. */
    private int prefetchSink;

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }

    /** Fibonacci hashing: the high bits of the product index the table. */
    private int slotOf(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** The code of {@code value}, adding it when new. */
    public int intern(String value) {
        int h = value.hashCode();
        long[] s = index();
        int mask = s.length - 1;
        int i = slotOf(h);
        while (true) {
            long slot = s[i];
            if (slot == EMPTY) {
                break;
            }
            if ((int) (slot >>> 32) == h && matches((int) slot, value)) {
                return (int) slot;
            }
            i = (i + 1) & mask;
        }
        append(value);
        return added(s, i, h);
    }

    /** Records the value just appended (hash {@code h}) in empty slot {@code i} of {@code s}; its code. */
    private int added(long[] s, int i, int h) {
        int code = size++;
        s[i] = ((long) h << 32) | (code & 0xFFFFFFFFL);
        if (size * 2 > s.length) {
            rehash();
        }
        return code;
    }

    /** Values per batch of {@link #internAll}: enough independent loads in flight, small enough to stay in L1/L2. */
    private static final int BATCH = 256;

    /**
     * Interns {@code values[0, n)} in order, writing each code to {@code codes} (-1 for a null
     * value): the same codes as {@code n} calls of {@link #intern}, about twice as fast on a large
     * dictionary. Looking up one value costs two or three dependent cache misses (slot, end offset,
     * bytes); one at a time, the processor waits for each. Here the values go in batches of
     * {@value #BATCH}: first every batch value's slot is loaded, then the offsets and first bytes of
     * the candidates whose hash matches, each pass a loop of independent loads that the memory
     * system serves in parallel; then the batch is interned with its lines in cache.
     */
    public void internAll(String[] values, int n, int[] codes) {
        if (batchScratch == null) {
            batchScratch = new int[BATCH];
        }
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            prefetch(values, from, to);
            for (int k = from; k < to; k++) {
                String v = values[k];
                codes[k] = v == null ? -1 : intern(v);
            }
        }
    }

    /**
     * Interns {@code keys[0, n)} in order, writing each code to {@code codes} (-1 for a null key):
     * the codes that {@link #internAll(String[], int, int[])} gives for the same strings. The keys are
     * already in the arena's encoding, so a lookup compares bytes (a vectorised comparison) instead of
     * encoding characters one by one, and a new value is copied in; batches prefetch as there.
     */
    public void internAll(Keys keys, int n, int[] codes) {
        if (batchScratch == null) {
            batchScratch = new int[BATCH];
        }
        byte[] shared = keys.shared;
        byte[] own = keys.own;
        int[] ks = keys.start;
        int[] ke = keys.end;
        int[] kh = keys.hash;
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            prefetch(ks, kh, from, to);
            for (int k = from; k < to; k++) {
                int s = ks[k];
                codes[k] = s == -1 ? -1 : s >= 0 ? internEncoded(shared, s, ke[k], kh[k])
                        : internEncoded(own, -2 - s, ke[k], kh[k]);
            }
        }
    }

    /** {@link #intern} of the string encoded in {@code key[from, to)} with hash code {@code h}. */
    private int internEncoded(byte[] key, int from, int to, int h) {
        long[] s = index();
        int mask = s.length - 1;
        int i = slotOf(h);
        while (true) {
            long slot = s[i];
            if (slot == EMPTY) {
                break;
            }
            if ((int) (slot >>> 32) == h) {
                int code = (int) slot;
                int p = code == 0 ? 0 : ends[code - 1];
                if (Arrays.equals(bytes, p, ends[code], key, from, to)) {
                    return code;
                }
            }
            i = (i + 1) & mask;
        }
        appendEncoded(key, from, to);
        return added(s, i, h);
    }

    /** {@link #prefetch(String[], int, int)} for keys given by hash ({@code start == -1}: null). */
    private void prefetch(int[] start, int[] hash, int from, int to) {
        int[] candidate = batchScratch;
        long[] s = index();
        int count = to - from;
        for (int k = 0; k < count; k++) {
            int c = -1;
            if (start[from + k] != -1) {
                int h = hash[from + k];
                long slot = s[slotOf(h)];
                if (slot != EMPTY && (int) (slot >>> 32) == h) {
                    c = (int) slot;
                }
            }
            candidate[k] = c;
        }
        prefetchCandidates(count);
    }

    /** Loads the lines that interning {@code values[from, to)} will read; changes nothing. */
    private void prefetch(String[] values, int from, int to) {
        int[] candidate = batchScratch;
        long[] s = index();
        int count = to - from;
        for (int k = 0; k < count; k++) {
            String v = values[from + k];
            int c = -1;
            if (v != null) {
                int h = v.hashCode();
                long slot = s[slotOf(h)];
                if (slot != EMPTY && (int) (slot >>> 32) == h) {
                    c = (int) slot;
                }
            }
            candidate[k] = c;
        }
        prefetchCandidates(count);
    }

    /** Loads the end offsets and first bytes of the candidate codes in {@code batchScratch[0, count)}. */
    private void prefetchCandidates(int count) {
        int[] candidate = batchScratch;
        int[] e = ends;
        for (int k = 0; k < count; k++) {
            int c = candidate[k];
            candidate[k] = c <= 0 ? 0 : e[c - 1]; // value c starts there (value 0 at 0)
        }
        byte[] b = bytes;
        int sum = 0;
        for (int k = 0; k < count; k++) {
            int offset = candidate[k];
            if (offset < b.length) { // an empty last value starts at the end of a trimmed arena
                sum += b[offset];
            }
        }
        prefetchSink += sum;
    }

    private void append(String value) {
        int n = value.length();
        ensureArena((long) used + 3L * n);
        used = encode(value, bytes, used);
        addEnd();
    }

    /** Appends a value given in the arena's encoding. */
    private void appendEncoded(byte[] key, int from, int to) {
        ensureArena((long) used + (to - from));
        System.arraycopy(key, from, bytes, used, to - from);
        used += to - from;
        addEnd();
    }

    private void ensureArena(long need) {
        if (need > bytes.length) {
            if (need > MAX_BYTES) {
                throw new IllegalStateException("string dictionary over " + MAX_BYTES + " bytes");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_BYTES, Math.max(need, 2L * bytes.length)));
        }
    }

    private void addEnd() {
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size] = used;
    }

    /**
     * Writes the arena encoding of {@code value} at {@code b[p]} (room for three bytes per character
     * needed): each UTF-16 unit in one to three bytes, as in CESU-8. Returns the end offset.
     */
    static int encode(String value, byte[] b, int p) {
        int n = value.length();
        for (int k = 0; k < n; k++) {
            char c = value.charAt(k);
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | (c >> 6));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else {
                b[p++] = (byte) (0xE0 | (c >> 12));
                b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return p;
    }

    /**
     * The {@link String#hashCode()} of the string whose arena encoding is {@code b[from, to)}. Four
     * ASCII bytes at a time where it can ({@code h·31⁴ + b0·31³ + b1·31² + b2·31 + b3}, the same
     * sum modulo 2³²): the multiplications are then independent instead of a chain of one per byte.
     */
    static int hashEncoded(byte[] b, int from, int to) {
        int h = 0;
        int p = from;
        while (p < to) {
            if (p + 4 <= to) {
                int b0 = b[p];
                int b1 = b[p + 1];
                int b2 = b[p + 2];
                int b3 = b[p + 3];
                if ((b0 | b1 | b2 | b3) >= 0) {
                    h = h * 923_521 + b0 * 29_791 + b1 * 961 + b2 * 31 + b3;
                    p += 4;
                    continue;
                }
            }
            int c = b[p];
            if (c >= 0) {
                p++;
            } else if ((c & 0xE0) == 0xC0) {
                c = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
                p += 2;
            } else {
                c = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
                p += 3;
            }
            h = 31 * h + c;
        }
        return h;
    }

    /** Whether value {@code code} has exactly the characters of {@code s} (no decoding, no allocation). */
    private boolean matches(int code, String s) {
        int p = code == 0 ? 0 : ends[code - 1];
        int end = ends[code];
        int n = s.length();
        if (end - p < n || end - p > 3 * n) {
            return false;
        }
        byte[] b = bytes;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c < 0x80) {
                if (p >= end || b[p++] != (byte) c) {
                    return false;
                }
            } else if (c < 0x800) {
                if (p + 2 > end || b[p] != (byte) (0xC0 | (c >> 6)) || b[p + 1] != (byte) (0x80 | (c & 0x3F))) {
                    return false;
                }
                p += 2;
            } else {
                if (p + 3 > end || b[p] != (byte) (0xE0 | (c >> 12)) || b[p + 1] != (byte) (0x80 | ((c >> 6) & 0x3F))
                        || b[p + 2] != (byte) (0x80 | (c & 0x3F))) {
                    return false;
                }
                p += 3;
            }
        }
        return p == end;
    }

    private void rehash() {
        long[] old = index();
        long[] s = newSlots(old.length * 2);
        shift--;
        int mask = s.length - 1;
        for (long slot : old) {
            if (slot != EMPTY) {
                int i = slotOf((int) (slot >>> 32));
                while (s[i] != EMPTY) {
                    i = (i + 1) & mask;
                }
                s[i] = slot;
            }
        }
        slots = s;
    }

    /** The code of {@code value}, or -1 when absent. */
    public int code(String value) {
        if (value == null) {
            return -1;
        }
        int h = value.hashCode();
        long[] s = index();
        int mask = s.length - 1;
        int i = slotOf(h);
        while (true) {
            long slot = s[i];
            if (slot == EMPTY) {
                return -1;
            }
            if ((int) (slot >>> 32) == h && matches((int) slot, value)) {
                return (int) slot;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * The string of {@code code}; {@code null} for the missing code -1. Decodes a new {@code String}
     * on every call (O(length)): callers that need the same values many times should decode once.
     */
    public String value(int code) {
        if (code < 0) {
            return null;
        }
        if (code >= size) {
            throw new IndexOutOfBoundsException("code " + code + " of " + size);
        }
        return decode(bytes, code == 0 ? 0 : ends[code - 1], ends[code]);
    }

    /** The string whose arena encoding is {@code b[start, end)}. */
    static String decode(byte[] b, int start, int end) {
        int p = start;
        while (p < end && b[p] >= 0) {
            p++;
        }
        if (p == end) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        char[] out = new char[end - start];
        int n = 0;
        for (int k = start; k < p; k++) {
            out[n++] = (char) b[k];
        }
        while (p < end) {
            int c = b[p] & 0xFF;
            if (c < 0x80) {
                out[n++] = (char) c;
                p++;
            } else if (c < 0xE0) {
                out[n++] = (char) (((c & 0x1F) << 6) | (b[p + 1] & 0x3F));
                p += 2;
            } else {
                out[n++] = (char) (((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F));
                p += 3;
            }
        }
        return new String(out, 0, n);
    }

    /** Number of distinct strings. */
    public int size() {
        return size;
    }

    /** Bytes held by this dictionary's arrays (arena, offsets, hash slots), for footprint reports. */
    public long memoryBytes() {
        long[] s = slots;
        return (long) bytes.length + 4L * ends.length + (s == null ? 0 : 8L * s.length) + 3 * 16;
    }

    /**
     * Frees the hash index (8 to 16 bytes per value) of a dictionary that is only decoded from now
     * on, such as the waybill ids once a table is read. A later lookup or insertion rebuilds it, once,
     * from the arena in O(total characters); codes never change.
     */
    void dropIndex() {
        slots = null;
    }

    private long[] index() {
        long[] s = slots;
        return s != null ? s : rebuildIndex();
    }

    /** The index of the values in the arena: their {@link String#hashCode()}s, decoded from the bytes. */
    private synchronized long[] rebuildIndex() {
        long[] s = slots;
        if (s != null) {
            return s; // another reader rebuilt it
        }
        s = newSlots(1 << (32 - shift));
        int mask = s.length - 1;
        byte[] b = bytes;
        int p = 0;
        for (int code = 0; code < size; code++) {
            int end = ends[code];
            int h = 0;
            while (p < end) {
                int c = b[p] & 0xFF;
                if (c < 0x80) {
                    p++;
                } else if (c < 0xE0) {
                    c = ((c & 0x1F) << 6) | (b[p + 1] & 0x3F);
                    p += 2;
                } else {
                    c = ((c & 0x0F) << 12) | ((b[p + 1] & 0x3F) << 6) | (b[p + 2] & 0x3F);
                    p += 3;
                }
                h = 31 * h + c;
            }
            int i = slotOf(h);
            while (s[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            s[i] = ((long) h << 32) | (code & 0xFFFFFFFFL);
        }
        slots = s;
        return s;
    }

    /** Drops the spare capacity of the arena and the offsets (after the last value is added). */
    void trimToSize() {
        if (bytes.length != used) {
            bytes = Arrays.copyOf(bytes, used);
        }
        if (ends.length != size) {
            ends = Arrays.copyOf(ends, Math.max(size, 1));
        }
    }

    /**
     * A list of strings (or nulls) held in a dictionary's encoding, to be interned with
     * {@link StringDictionary#internAll(Keys, int, int[])}: each entry's bytes and its
     * {@link String#hashCode()}. A reader fills it straight from a file's bytes, which are this
     * encoding already when they are valid UTF-8 without four-byte sequences: an entry may point into
     * a borrowed buffer (the file's bytes, not copied; the caller keeps them unchanged while the keys
     * are used) or into an arena of its own. So a value needs no {@code String} and no copy on its way
     * from the file to the dictionary. Not thread-safe.
     */
    public static final class Keys {
        private final byte[] shared;
        private byte[] own = new byte[64];
        private int used;
        /**
         * Entry i is {@code shared[start[i], end[i])} when {@code start[i] >= 0},
         * {@code own[-2 - start[i], end[i])} when {@code start[i] <= -2}, null when -1.
         */
        private int[] start;
        private int[] end;
        private int[] hash;

        /** Room for {@code capacity} entries (all null), none of them in a borrowed buffer. */
        public Keys(int capacity) {
            this(capacity, null);
        }

        /** Room for {@code capacity} entries (all null), entries of {@link #setShared} in {@code shared}. */
        public Keys(int capacity, byte[] shared) {
            this.shared = shared;
            start = new int[capacity];
            end = new int[capacity];
            hash = new int[capacity];
            Arrays.fill(start, -1);
        }

        /** Number of entries. */
        public int capacity() {
            return start.length;
        }

        /** Grows to at least {@code capacity} entries (new ones null). */
        public void ensureCapacity(int capacity) {
            int old = start.length;
            if (capacity > old) {
                start = Arrays.copyOf(start, capacity);
                Arrays.fill(start, old, capacity, -1);
                end = Arrays.copyOf(end, capacity);
                hash = Arrays.copyOf(hash, capacity);
            }
        }

        /** Makes entry {@code i} null. */
        public void setNull(int i) {
            start[i] = -1;
        }

        /** Whether entry {@code i} is null. */
        public boolean isNull(int i) {
            return start[i] == -1;
        }

        /** Sets entry {@code i} to {@code value} (null allowed), encoded into the own arena. */
        public void set(int i, String value) {
            if (value == null) {
                start[i] = -1;
                return;
            }
            reserve(3L * value.length());
            int from = used;
            used = encode(value, own, from);
            start[i] = -2 - from;
            end[i] = used;
            hash[i] = value.hashCode();
        }

        /**
         * Sets entry {@code i} to the string encoded in {@code b[from, to)}, copied into the own arena:
         * UTF-8 without four-byte sequences, surrogates or other malformed input (the caller has
         * checked), which is this encoding byte for byte.
         */
        public void setEncoded(int i, byte[] b, int from, int to) {
            int n = to - from;
            reserve(n);
            int at = used;
            System.arraycopy(b, from, own, at, n);
            used = at + n;
            start[i] = -2 - at;
            end[i] = used;
            hash[i] = hashEncoded(own, at, used);
        }

        /** {@link #setEncoded} of the borrowed buffer's {@code [from, to)}, without a copy. */
        public void setShared(int i, int from, int to) {
            start[i] = from;
            end[i] = to;
            hash[i] = hashEncoded(shared, from, to);
        }

        /** Entry {@code i} as a new string, or null. */
        public String get(int i) {
            int s = start[i];
            if (s == -1) {
                return null;
            }
            return s >= 0 ? decode(shared, s, end[i]) : decode(own, -2 - s, end[i]);
        }

        private void reserve(long n) {
            long need = used + n;
            if (need > own.length) {
                if (need > MAX_BYTES) {
                    throw new IllegalStateException("keys over " + MAX_BYTES + " bytes");
                }
                own = Arrays.copyOf(own, (int) Math.min(MAX_BYTES, Math.max(need, 2L * own.length)));
            }
        }
    }
}
