package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class CentralityRankingTest {

    /** The order the ranking promises, by a plain comparison sort. */
    private static int[] byComparison(double[] score) {
        Integer[] idx = new Integer[score.length];
        Arrays.setAll(idx, i -> i);
        Arrays.sort(idx, (a, b) -> {
            int c = Double.compare(score[b], score[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    @Test
    void agreesWithAComparisonSortIncludingTiesSignedZeroInfinitiesAndNaN() {
        SplittableRandom r = new SplittableRandom(13);
        double[] special = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1.0, 1.0 + Math.ulp(1.0)};
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(300);
            double[] score = new double[n];
            for (int i = 0; i < n; i++) {
                score[i] = switch (r.nextInt(4)) {
                    case 0 -> special[r.nextInt(special.length)];
                    case 1 -> r.nextInt(5); // many ties
                    case 2 -> -r.nextDouble() * 1e6;
                    default -> r.nextDouble();
                };
            }
            assertArrayEquals(byComparison(score), CentralityCommand.ranking(score), "round " + round);
        }
        assertArrayEquals(new int[0], CentralityCommand.ranking(new double[0]));
    }
}
