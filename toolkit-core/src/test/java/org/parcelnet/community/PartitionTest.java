package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PartitionTest {

    @Test
    void denseIdsLargestFirstTiesBySmallestNode() {
        Partition p = Partition.of(new int[] {7, 3, 3, 9, 9, 9, -4, 7});
        // Sizes: label 9 → 3 nodes; 7 and 3 → 2 each (7 has node 0, first); -4 → 1.
        assertArrayEquals(new int[] {1, 2, 2, 0, 0, 0, 3, 1}, p.membership());
        assertArrayEquals(new int[] {3, 2, 2, 1}, p.sizes());
        assertEquals(4, p.communityCount());
        assertArrayEquals(new int[] {3, 4, 5}, p.members()[0]);
        assertEquals(Partition.of(new int[] {1, 0, 0, 2, 2, 2, 5, 1}), p);
    }

    @Test
    void accessorsReturnCopies() {
        Partition p = Partition.of(new int[] {0, 0, 1});
        p.membership()[0] = 5;
        p.sizes()[0] = 9;
        assertEquals(0, p.community(0));
        assertEquals(2, p.size(0));
    }
}
