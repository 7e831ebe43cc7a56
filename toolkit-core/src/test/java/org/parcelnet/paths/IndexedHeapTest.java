package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IndexedHeapTest {

    @Test
    void popsInKeyOrderWithDecreaseKeyAndTieBreakBySmallerItem() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 500;
        IndexedHeap h = new IndexedHeap(n);
        double[] key = new double[n];
        Arrays.fill(key, Double.POSITIVE_INFINITY);
        for (int step = 0; step < 3000; step++) {
            int item = r.nextInt(n);
            double k = r.nextInt(50); // many equal keys
            h.insertOrDecrease(item, k);
            key[item] = Math.min(key[item], k);
        }
        double lastKey = Double.NEGATIVE_INFINITY;
        int lastItem = -1;
        int popped = 0;
        while (!h.isEmpty()) {
            int item = h.pop();
            assertTrue(key[item] > lastKey || (key[item] == lastKey && item > lastItem), "order");
            lastKey = key[item];
            lastItem = item;
            popped++;
        }
        int distinct = 0;
        for (double k : key) {
            distinct += k != Double.POSITIVE_INFINITY ? 1 : 0;
        }
        assertEquals(distinct, popped);
    }
}
