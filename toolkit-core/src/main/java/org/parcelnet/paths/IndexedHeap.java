package org.parcelnet.paths;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap of int items {@code 0..capacity-1} keyed by doubles, with decrease-key.
 * Keys live in the heap array next to the items for cache locality; {@code pos[item]} is the item's
 * slot or -1. Ties are broken by the smaller item, so pops are deterministic. 16 bytes per item of
 * capacity. Not thread-safe: one heap per thread.
 */
final class IndexedHeap {

    private final int[] items;
    private final double[] keys;
    private final int[] pos;
    private int size;

    IndexedHeap(int capacity) {
        items = new int[capacity];
        keys = new double[capacity];
        pos = new int[capacity];
        Arrays.fill(pos, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Inserts {@code item} or lowers its key; a higher key is ignored. */
    void insertOrDecrease(int item, double key) {
        int p = pos[item];
        if (p < 0) {
            p = size++;
            siftUp(p, item, key);
        } else if (key < keys[p]) {
            siftUp(p, item, key);
        }
    }

    /** Removes and returns the item with the smallest key. */
    int pop() {
        int top = items[0];
        pos[top] = -1;
        int last = --size;
        if (last > 0) {
            siftDown(0, items[last], keys[last]);
        }
        return top;
    }

    private static boolean less(double k1, int i1, double k2, int i2) {
        return k1 < k2 || (k1 == k2 && i1 < i2);
    }

    private void siftUp(int p, int item, double key) {
        while (p > 0) {
            int parent = (p - 1) >>> 2;
            double pk = keys[parent];
            int pi = items[parent];
            if (!less(key, item, pk, pi)) {
                break;
            }
            items[p] = pi;
            keys[p] = pk;
            pos[pi] = p;
            p = parent;
        }
        items[p] = item;
        keys[p] = key;
        pos[item] = p;
    }

    private void siftDown(int p, int item, double key) {
        int n = size;
        while (true) {
            int c = (p << 2) + 1;
            if (c >= n) {
                break;
            }
            int best = c;
            double bk = keys[c];
            int bi = items[c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                double kj = keys[j];
                int ij = items[j];
                if (less(kj, ij, bk, bi)) {
                    best = j;
                    bk = kj;
                    bi = ij;
                }
            }
            if (!less(bk, bi, key, item)) {
                break;
            }
            items[p] = bi;
            keys[p] = bk;
            pos[bi] = p;
            p = best;
        }
        items[p] = item;
        keys[p] = key;
        pos[item] = p;
    }
}
