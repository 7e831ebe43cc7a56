package org.parcelnet.community;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PartitionComparisonTest {

    @Test
    void identicalPartitionsScoreOne() {
        int[] a = {0, 0, 1, 1, 2, 2, 2};
        int[] b = {5, 5, 9, 9, -1, -1, -1}; // same classes, other labels
        assertEquals(1.0, PartitionComparison.nmi(a, b), 1e-12);
        assertEquals(1.0, PartitionComparison.ari(a, b), 1e-12);
        assertEquals(1.0, PartitionComparison.compare(a, b).meanF1(), 1e-12);
    }

    @Test
    void smallExampleByHand() {
        int[] a = {0, 0, 1, 1};
        int[] b = {0, 0, 0, 1};
        // H(a) = ln 2, H(b) = −(¾ ln ¾ + ¼ ln ¼), I = ½ ln(4/3) + ¼ ln(2/3) + ¼ ln 2; NMI = 2I/(H(a)+H(b)).
        double ha = Math.log(2);
        double hb = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
        double i = 0.5 * Math.log(4.0 / 3) + 0.25 * Math.log(2.0 / 3) + 0.25 * Math.log(2);
        assertEquals(2 * i / (ha + hb), PartitionComparison.nmi(a, b), 1e-12);
        assertEquals(0.3437110184854508, PartitionComparison.nmi(a, b), 1e-12);
        // ARI: index 1, Σ C(a_i,2) = 2, Σ C(b_j,2) = 3, expected 2·3/6 = 1, max 2.5 → 0.
        assertEquals(0.0, PartitionComparison.ari(a, b), 1e-12);
    }

    @Test
    void ariByHand() {
        int[] a = {0, 0, 0, 1, 1, 1};
        int[] b = {0, 0, 1, 1, 2, 2};
        // index 2, a-pairs 6, b-pairs 3, expected 18/15, max 4.5: (2 − 1.2)/(4.5 − 1.2).
        assertEquals(0.8 / 3.3, PartitionComparison.ari(a, b), 1e-12);
    }

    @Test
    void independentPartitionsScoreAboutZero() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 20000;
        int[] a = new int[n];
        int[] b = new int[n];
        for (int v = 0; v < n; v++) {
            a[v] = r.nextInt(2);
            b[v] = r.nextInt(2);
        }
        assertTrue(PartitionComparison.nmi(a, b) < 1e-3);
        assertTrue(Math.abs(PartitionComparison.ari(a, b)) < 1e-2);
    }

    @Test
    void bestMatchF1IgnoresBackgroundAndCountsWholeCommunities() {
        // Truth: group 0 = {0,1,2}, group 1 = {3,4}; nodes 5..7 are background (-1).
        int[] truth = {0, 0, 0, 1, 1, -1, -1, -1};
        // Found: {0,1,2,5,6} and {3,4} and {7}.
        int[] found = {0, 0, 0, 1, 1, 0, 0, 2};
        PartitionComparison.Comparison c = PartitionComparison.compare(truth, found);
        // Group 0 best: 2·3/(3+5) = 0.75; group 1: 2·2/(2+2) = 1.
        assertArrayEquals(new double[] {0.75, 1.0}, c.groupF1(), 1e-12);
        assertEquals(0.875, c.meanF1(), 1e-12);
        assertEquals(5, c.labelledNodes());
        // NMI/ARI over labelled nodes only: found restricted to them matches the truth exactly.
        assertEquals(1.0, c.nmi(), 1e-12);
        assertEquals(1.0, c.ari(), 1e-12);
    }

    @Test
    void pairwisePrecisionAndRecallByHand() {
        // Truth {0,1,2} {3,4}; node 5 unlabelled. Found {0,1} {2,3,4,5}.
        int[] truth = {0, 0, 0, 1, 1, -1};
        int[] found = {7, 7, 8, 8, 8, 8};
        PartitionComparison.PairScores s = PartitionComparison.pairwise(truth, found);
        // True pairs: 3 + 1 = 4. Predicted among labelled: {0,1} 1 + {2,3,4} 3 = 4. Both: (0,1), (3,4) = 2.
        assertEquals(4, s.truePairs(), 0);
        assertEquals(4, s.predictedPairs(), 0);
        assertEquals(0.5, s.precision(), 1e-12);
        assertEquals(0.5, s.recall(), 1e-12);
    }

    @Test
    void trivialPartitions() {
        assertEquals(1.0, PartitionComparison.nmi(new int[5], new int[5]), 1e-12);
        assertEquals(1.0, PartitionComparison.ari(new int[5], new int[5]), 1e-12);
        // One community against singletons: no shared information.
        assertEquals(0.0, PartitionComparison.nmi(new int[4], new int[] {0, 1, 2, 3}), 1e-12);
    }
}
