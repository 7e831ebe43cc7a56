package org.parcelnet.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void handComputedExample() {
        // ranked: 0.9 P, 0.8 N, 0.7 P, 0.5 N, 0.5 P (tie), 0.1 N
        double[] s = {0.9, 0.8, 0.7, 0.5, 0.5, 0.1};
        boolean[] p = {true, false, true, false, true, false};
        RankingMetrics m = RankingMetrics.of(s, p);
        // pairs (P, N): 0.9 beats all 3; 0.7 beats 0.5 and 0.1; 0.5 ties 0.5 (1/2) and beats 0.1 -> 3 + 2 + 1.5 = 6.5 of 9
        assertEquals(6.5 / 9, m.auc(), 1e-12);
        assertEquals(3, m.positives());
        assertEquals(2.0 / 3, m.rPrecision(), 1e-12);
        assertEquals(1.0, m.precisionAt(1));
        assertEquals(0.5, m.precisionAt(2));
        // tie at 0.5 broken by index: item 3 (negative) before item 4 (positive)
        assertEquals(2.0 / 4, m.precisionAt(4));
        assertEquals(3.0 / 10, m.precisionAt(10));
    }

    @Test
    void aucMatchesPairCountingOnRandomScores() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 400;
        double[] s = new double[n];
        boolean[] p = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = rnd.nextInt(50) / 10.0; // many ties
            p[i] = rnd.nextDouble() < 0.3 + s[i] / 10;
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (p[i] && !p[j]) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, RankingMetrics.of(s, p).auc(), 1e-12);
    }

    @Test
    void perfectAndReversedRankings() {
        double[] s = {4, 3, 2, 1};
        assertEquals(1.0, RankingMetrics.of(s, new boolean[] {true, true, false, false}).auc());
        assertEquals(1.0, RankingMetrics.of(s, new boolean[] {true, true, false, false}).rPrecision());
        assertEquals(0.0, RankingMetrics.of(s, new boolean[] {false, false, true, true}).auc());
        assertTrue(Double.isNaN(RankingMetrics.of(s, new boolean[4]).auc()));
    }
}
