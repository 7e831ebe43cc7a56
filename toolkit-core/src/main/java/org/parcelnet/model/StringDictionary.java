package org.parcelnet.model;

import java.util.Arrays;

/**
 * Dictionary encoding of strings: each distinct string gets a dense int code in first-seen order.
 * Columns of a {@link ShipmentTable} store codes; the strings are held once here.
 *
 * <p>An open-addressing hash table (linear probing) whose slots pack the string's hash and its code
 * into one {@code long}, so a lookup usually touches one slot and the one candidate string: about
 * half the memory traffic of a {@code HashMap<String,Integer>}, which matters when millions of
 * waybill ids are interned during ingest. Memory: 16 bytes per distinct string at the maximum load
 * factor 0.5 plus 4 bytes for its reference, besides the strings.
 */
public final class StringDictionary {

    private static final long EMPTY = -1L;

    private String[] values = new String[16];
    private long[] slots = newSlots(32);
    private int size;

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, EMPTY);
        return s;
    }

    private int shift = 32 - 5;

    /** Fibonacci hashing: the high bits of the product index the table. */
    private int slotOf(int h) {
        return (h * 0x9E3779B9) >>> shift;
    }

    /** The code of {@code value}, adding it when new. */
    public int intern(String value) {
        int h = value.hashCode();
        long[] s = slots;
        int mask = s.length - 1;
        int i = slotOf(h);
        while (true) {
            long slot = s[i];
            if (slot == EMPTY) {
                break;
            }
            if ((int) (slot >>> 32) == h) {
                int code = (int) slot;
                if (values[code].equals(value)) {
                    return code;
                }
            }
            i = (i + 1) & mask;
        }
        int code = size++;
        if (code == values.length) {
            values = Arrays.copyOf(values, code * 2);
        }
        values[code] = value;
        s[i] = ((long) h << 32) | (code & 0xFFFFFFFFL);
        if (size * 2 > s.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        long[] old = slots;
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
        long[] s = slots;
        int mask = s.length - 1;
        int i = slotOf(h);
        while (true) {
            long slot = s[i];
            if (slot == EMPTY) {
                return -1;
            }
            if ((int) (slot >>> 32) == h && values[(int) slot].equals(value)) {
                return (int) slot;
            }
            i = (i + 1) & mask;
        }
    }

    /** The string of {@code code}; {@code null} for the missing code -1. */
    public String value(int code) {
        if (code < 0) {
            return null;
        }
        if (code >= size) {
            throw new IndexOutOfBoundsException("code " + code + " of " + size);
        }
        return values[code];
    }

    /** Number of distinct strings. */
    public int size() {
        return size;
    }
}
