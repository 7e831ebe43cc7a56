package org.parcelnet.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EvidenceHeapTest {

    /** Pops in exactly PriorityQueue's order, ties included, under random interleaved adds and polls. */
    @Test
    void popsInPriorityQueueOrderWithTies() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            PriorityQueue<double[]> reference = new PriorityQueue<>((x, y) -> Double.compare(y[0], x[0]));
            CaseNetworks.EvidenceHeap heap = new CaseNetworks.EvidenceHeap();
            int next = 0;
            for (int step = 0; step < 500; step++) {
                if (reference.isEmpty() || random.nextInt(3) > 0) {
                    double e = random.nextInt(8) / 8.0; // few distinct values: many ties
                    reference.add(new double[] {e, next});
                    heap.add(e, next++);
                } else {
                    double[] top = reference.poll();
                    assertEquals(top[0], heap.topEvidence());
                    assertEquals((int) top[1], heap.poll());
                }
            }
            while (!reference.isEmpty()) {
                assertEquals((int) reference.poll()[1], heap.poll());
            }
            assertEquals(true, heap.isEmpty());
        }
    }
}
