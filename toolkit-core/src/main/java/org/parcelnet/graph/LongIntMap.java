package org.parcelnet.graph;

import java.util.Arrays;

/**
 * A map from {@code long} keys to non-negative {@code int} values: open addressing with linear probing
 * and Fibonacci hashing (Knuth, TAOCP vol. 3, §6.4: the key times 2^64/φ, top bits), load at most 1/2.
 * Keys that pack two ints ({@code hi << 32 | lo}) spread evenly, where {@link Long#hashCode()} folds
 * them to {@code hi ^ lo} and a {@code HashMap<Long, Integer>} of small pairs piles them into a few
 * buckets. Memory: 12 bytes a slot, 24–48 bytes an entry; no boxing. Not thread-safe.
 */
public final class LongIntMap {

    private long[] keys;
    /** Value of the slot, or -1 when the slot is empty. */
    private int[] values;
    private int shift;
    private int size;

    /** An empty map sized for {@code expected} entries without growing. */
    public LongIntMap(int expected) {
        if (expected < 0) {
            throw new IllegalArgumentException("expected must be >= 0, got " + expected);
        }
        int cap = Integer.highestOneBit(Math.max(8, 2 * expected) - 1) << 1;
        keys = new long[cap];
        values = new int[cap];
        Arrays.fill(values, -1);
        shift = 64 - Integer.numberOfTrailingZeros(cap);
    }

    /** Number of keys. */
    public int size() {
        return size;
    }

    /** The value of {@code key}, or -1 when absent. O(1) expected. */
    public int get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v < 0 || keys[i] == key) {
                return v;
            }
        }
    }

    /**
     * The value of {@code key}; when absent, {@code value} after putting it. O(1) expected (amortised
     * over the doubling of the table).
     *
     * @param value the value to put, at least 0
     */
    public int putIfAbsent(long key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("value must be >= 0, got " + value);
        }
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int v = values[i];
            if (v < 0) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return value;
            }
            if (keys[i] == key) {
                return v;
            }
        }
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(values, -1);
        shift--;
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] >= 0) {
                int i = slot(oldKeys[j]);
                while (values[i] >= 0) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }
}
