package org.parcelnet.eval;

import java.util.Arrays;
import java.util.Objects;

/**
 * How well a score ranks the positives (true ring members) of a labelled set above the rest.
 *
 * <ul>
 *   <li><b>AUC</b>: the probability that a random positive scores above a random negative, ties
 *       counting one half — the Mann-Whitney U statistic over {@code P · N} (Hanley and McNeil,
 *       Radiology 143(1), 1982, doi:10.1148/radiology.143.1.7063747), computed from mid-ranks;</li>
 *   <li><b>precision at k</b>: positives among the k best-scored items, over k;</li>
 *   <li><b>R-precision</b>: precision at k = R, the number of positives (Manning, Raghavan and
 *       Schütze, Introduction to Information Retrieval, 2008, §8.4); it equals recall at R.</li>
 * </ul>
 * Ranks break ties by item index (lower first), as {@link org.parcelnet.leads.LeadScorer} does.
 * Cost: O(n log n) for the sort, O(n) memory.
 */
public final class RankingMetrics {

    private final double auc;
    private final int positives;
    private final boolean[] rankedPositive;

    private RankingMetrics(double auc, int positives, boolean[] rankedPositive) {
        this.auc = auc;
        this.positives = positives;
        this.rankedPositive = rankedPositive;
    }

    /**
     * Metrics of {@code score} against {@code positive}.
     *
     * @param score    a finite score per item (higher = more likely positive)
     * @param positive whether each item is a positive
     */
    public static RankingMetrics of(double[] score, boolean[] positive) {
        Objects.requireNonNull(score, "score");
        Objects.requireNonNull(positive, "positive");
        int n = score.length;
        if (positive.length != n) {
            throw new IllegalArgumentException("score has " + n + " entries, positive " + positive.length);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(score[i])) {
                throw new IllegalArgumentException("scores must be finite, got " + score[i] + " at " + i);
            }
            order[i] = i;
        }
        // best first, ties by index
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        boolean[] ranked = new boolean[n];
        int pos = 0;
        for (int r = 0; r < n; r++) {
            ranked[r] = positive[order[r]];
            pos += ranked[r] ? 1 : 0;
        }
        // AUC from ascending mid-ranks of the positives
        double rankSum = 0;
        int r = 0;
        while (r < n) {
            int e = r;
            while (e + 1 < n && score[order[e + 1]] == score[order[r]]) {
                e++;
            }
            // items r..e tie; descending positions r..e are ascending ranks n-e..n-r (1-based)
            double mid = ((n - e) + (n - r)) / 2.0;
            for (int i = r; i <= e; i++) {
                if (ranked[i]) {
                    rankSum += mid;
                }
            }
            r = e + 1;
        }
        long neg = n - pos;
        double auc = pos == 0 || neg == 0 ? Double.NaN : (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
        return new RankingMetrics(auc, pos, ranked);
    }

    /** AUC (NaN when there are no positives or no negatives). */
    public double auc() {
        return auc;
    }

    /** Number of positives R. */
    public int positives() {
        return positives;
    }

    /** Positives among the first {@code k} (≥ 1) ranked items, over k. */
    public double precisionAt(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        int hits = 0;
        for (int i = 0; i < Math.min(k, rankedPositive.length); i++) {
            hits += rankedPositive[i] ? 1 : 0;
        }
        return (double) hits / k;
    }

    /** Precision at R, the number of positives (NaN without positives). */
    public double rPrecision() {
        return positives == 0 ? Double.NaN : precisionAt(positives);
    }
}
