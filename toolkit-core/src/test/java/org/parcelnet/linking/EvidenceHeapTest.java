package org.parcelnet.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.Random;

import org.junit.jupiter.api.Test;

class EvidenceHeapTest {

    /**
     * Pops by evidence, most first, and equal evidence by id, lowest first (the order of a
     * PriorityQueue under that comparator), under random interleaved adds and polls with many ties
     * and ids added out of order.
     */
    @Test
    void popsByEvidenceThenLowestId() {
        Random random = new Random(17);
        for (int round = 0; round < 200; round++) {
            PriorityQueue<double[]> reference = new PriorityQueue<>((x, y) -> x[0] != y[0]
                    ? Double.compare(y[0], x[0]) : Double.compare(x[1], y[1]));
            CaseNetworks.EvidenceHeap heap = new CaseNetworks.EvidenceHeap();
            int next = 0;
            for (int step = 0; step < 500; step++) {
                if (reference.isEmpty() || random.nextInt(3) > 0) {
                    double e = random.nextInt(8) / 8.0; // few distinct values: many ties
                    int id = (next++ * 7919) % 1009; // distinct ids, not in the order they are added
                    reference.add(new double[] {e, id});
                    heap.add(e, id);
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
