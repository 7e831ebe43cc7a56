package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void putIfAbsentKeepsTheFirstValueAndGetFindsIt() {
        LongIntMap m = new LongIntMap(0);
        assertEquals(-1, m.get(7));
        assertEquals(3, m.putIfAbsent(7, 3));
        assertEquals(3, m.putIfAbsent(7, 9));
        assertEquals(3, m.get(7));
        assertEquals(0, m.putIfAbsent(-1L, 0));
        assertEquals(5, m.putIfAbsent(Long.MIN_VALUE, 5));
        assertEquals(6, m.putIfAbsent(0L, 6));
        assertEquals(0, m.get(-1L));
        assertEquals(5, m.get(Long.MIN_VALUE));
        assertEquals(6, m.get(0L));
        assertEquals(-1, m.get(Long.MAX_VALUE));
        assertEquals(4, m.size());
        assertThrows(IllegalArgumentException.class, () -> m.putIfAbsent(1, -1));
        assertThrows(IllegalArgumentException.class, () -> new LongIntMap(-1));
    }

    /** Packed pairs (a, b) and (b, a) share {@code Long.hashCode}; every one keeps its own value. */
    @Test
    void packedPairsThatLongHashCodeFoldsTogetherStayApart() {
        LongIntMap m = new LongIntMap(4);
        int k = 0;
        for (long a = 0; a < 300; a++) {
            for (long b = 0; b < 300; b++) {
                assertEquals(k, m.putIfAbsent(a << 32 | b, k));
                k++;
            }
        }
        assertEquals(90_000, m.size());
        k = 0;
        for (long a = 0; a < 300; a++) {
            for (long b = 0; b < 300; b++) {
                assertEquals(k++, m.get(a << 32 | b));
            }
        }
        assertEquals(-1, m.get(300L << 32));
    }

    @Test
    void agreesWithAHashMapOnRandomKeys() {
        SplittableRandom random = new SplittableRandom(11);
        LongIntMap m = new LongIntMap(16);
        Map<Long, Integer> reference = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextLong(-1000, 1000) * 0x1_0000_0001L;
            int value = random.nextInt(1_000_000);
            Integer old = reference.putIfAbsent(key, value);
            assertEquals(old == null ? value : old, m.putIfAbsent(key, value));
        }
        assertEquals(reference.size(), m.size());
        for (long key = -1000; key < 1000; key++) {
            Integer v = reference.get(key * 0x1_0000_0001L);
            assertEquals(v == null ? -1 : v, m.get(key * 0x1_0000_0001L));
            assertEquals(-1, m.get(key * 0x1_0000_0001L + 1));
        }
    }
}
