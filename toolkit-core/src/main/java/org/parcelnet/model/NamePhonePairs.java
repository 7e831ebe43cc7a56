package org.parcelnet.model;

import java.util.Arrays;

/**
 * The distinct (name, phone) pairs of a {@link ShipmentTable}, numbered densely in order of first
 * appearance (rows in order, sender before receiver), and each row's sender and receiver pair id (-1
 * without a name). A name identifies a party only together with its phone, so case linking and the
 * identifier graph both key names by these pairs.
 *
 * <p>Built in one pass over the rows through an open-addressing table of the two dictionary codes
 * packed in a long (load at most one half): O(rows), no sort, no string per row; 12 bytes per slot
 * while building, then 8 per pair and 8 per row.
 *
 * @param keys        per pair id, {@code name << 32 | phone} (dictionary codes)
 * @param rowSender   per row, the sender's pair id or -1
 * @param rowReceiver per row, the receiver's pair id or -1
 */
public record NamePhonePairs(long[] keys, int[] rowSender, int[] rowReceiver) {

    /** No pairs and no rows: for callers that do not use names. */
    public static final NamePhonePairs NONE = new NamePhonePairs(new long[0], new int[0], new int[0]);

    /** Where the prefetching loads of {@link #of} go, so that the JIT keeps them. */
    private static volatile long prefetchSink;

    /** Number of distinct pairs. */
    public int size() {
        return keys.length;
    }

    /** The name code of pair {@code id}. */
    public int name(int id) {
        return (int) (keys[id] >>> 32);
    }

    /** The phone code of pair {@code id}. */
    public int phone(int id) {
        return (int) keys[id];
    }

    /** The pairs of {@code t}. */
    public static NamePhonePairs of(ShipmentTable t) {
        int rows = t.size();
        int[] rowSender = new int[rows];
        int[] rowReceiver = new int[rows];
        int named = 0;
        for (int i = 0; i < rows; i++) {
            named += (t.senderName(i) >= 0 ? 1 : 0) + (t.receiverName(i) >= 0 ? 1 : 0);
        }
        int capacity = Integer.highestOneBit(Math.max(8, named) * 2 - 1) * 2; // load factor ≤ 0.5
        long[] slotKey = new long[capacity];
        int[] slotId = new int[capacity];
        Arrays.fill(slotId, -1);
        long[] keys = new long[16];
        int size = 0;
        int mask = capacity - 1;
        // Rows in blocks: first the block's slots are loaded (independent loads, served in parallel),
        // then the block is inserted with those lines in cache; the same ids as row by row.
        final int block = 128;
        long[] blockKey = new long[2 * block];
        int[] blockSlot = new int[2 * block];
        long touched = 0;
        for (int from = 0; from < rows; from += block) {
            int to = Math.min(rows, from + block);
            for (int i = from; i < to; i++) {
                int k = 2 * (i - from);
                int sn = t.senderName(i);
                int rn = t.receiverName(i);
                blockKey[k] = sn < 0 ? -1L : pairKey(sn, t.senderPhone(i));
                blockKey[k + 1] = rn < 0 ? -1L : pairKey(rn, t.receiverPhone(i));
                for (int side = k; side <= k + 1; side++) {
                    if (blockKey[side] >= 0) {
                        int slot = (int) mix(blockKey[side]) & mask;
                        blockSlot[side] = slot;
                        touched += slotKey[slot] + slotId[slot];
                    }
                }
            }
            for (int i = from; i < to; i++) {
                for (int side = 0; side < 2; side++) {
                    int k = 2 * (i - from) + side;
                    long key = blockKey[k];
                    int id = -1;
                    if (key >= 0) { // names and phones are codes ≥ 0, so a real key is never negative
                        int slot = blockSlot[k];
                        while (slotId[slot] >= 0 && slotKey[slot] != key) {
                            slot = (slot + 1) & mask;
                        }
                        if (slotId[slot] < 0) {
                            slotKey[slot] = key;
                            slotId[slot] = size;
                            if (size == keys.length) {
                                keys = Arrays.copyOf(keys, size * 2);
                            }
                            keys[size++] = key;
                        }
                        id = slotId[slot];
                    }
                    if (side == 0) {
                        rowSender[i] = id;
                    } else {
                        rowReceiver[i] = id;
                    }
                }
            }
        }
        prefetchSink = touched;
        return new NamePhonePairs(Arrays.copyOf(keys, size), rowSender, rowReceiver);
    }

    private static long pairKey(int name, int phone) {
        return ((long) name << 32) | (phone & 0xFFFFFFFFL);
    }

    /** Murmur3's 64-bit finaliser: spreads packed (name, phone) keys over the table. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        return k ^ (k >>> 33);
    }
}
