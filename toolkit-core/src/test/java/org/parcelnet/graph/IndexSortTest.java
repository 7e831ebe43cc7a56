package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class IndexSortTest {

    @Test
    void sortsByKeyThenSecondKeyKeepingPositionsOfTies() {
        long[] key = {5, 3, 5, 3, 1, 5};
        assertArrayEquals(new int[] {4, 1, 3, 0, 2, 5}, IndexSort.stableOrder(key));
        long[] second = {2, 9, 1, 9, 0, 2};
        assertArrayEquals(new int[] {4, 1, 3, 2, 0, 5}, IndexSort.stableOrder(key, second));
        assertArrayEquals(new int[] {0, 1, 2, 3}, IndexSort.stableOrder(new long[] {1, 1, 2, 3}, new long[] {4, 4, 0, 0}));
        assertArrayEquals(new int[] {1, 0, 2, 3}, IndexSort.stableOrder(new long[] {1, 1, 2, 3}, new long[] {4, 3, 0, 0}));
        assertArrayEquals(new int[0], IndexSort.stableOrder(new long[0]));
        assertArrayEquals(new int[] {0}, IndexSort.stableOrder(new long[] {Long.MIN_VALUE}));
        assertThrows(IllegalArgumentException.class, () -> IndexSort.stableOrder(key, new long[2]));
    }

    /** The same order as a boxed stable sort with the same comparator, on keys with many ties. */
    @Test
    void agreesWithTheBoxedStableSort() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {1, 2, 3, 7, 64, 1000, 4099}) {
            long[] p = new long[n];
            long[] s = new long[n];
            for (int i = 0; i < n; i++) {
                p[i] = random.nextInt(20) - 10;
                s[i] = random.nextInt(5) == 0 ? Long.MAX_VALUE : random.nextInt(3);
            }
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> p[x] != p[y] ? Long.compare(p[x], p[y]) : Long.compare(s[x], s[y]));
            assertArrayEquals(Arrays.stream(boxed).mapToInt(Integer::intValue).toArray(), IndexSort.stableOrder(p, s));
        }
    }
}
