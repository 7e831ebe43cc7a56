package org.parcelnet.community;

import java.util.Arrays;
import java.util.Objects;

/**
 * Agreement between a found partition and a ground truth.
 *
 * <ul>
 *   <li><b>NMI</b>, normalised mutual information with arithmetic-mean normalisation
 *       {@code 2 I(X;Y) / (H(X) + H(Y))} (Danon et al. 2005; igraph's {@code compare_communities(method="nmi")});
 *       1 when both partitions have a single community.</li>
 *   <li><b>ARI</b>, the adjusted Rand index of Hubert and Arabie (1985); 1 for identical partitions,
 *       about 0 for independent ones.</li>
 *   <li><b>best-match F1</b>: for each truth group G, {@code max_C 2|G∩C| / (|G| + |C|)} over the found
 *       communities C (sizes of C count every node, so a community that swallows background nodes is
 *       penalised), and their mean over the groups.</li>
 * </ul>
 * Truth labels below 0 mean "in no group" (background parties): such nodes are left out of NMI and
 * ARI and form no F1 group. Cost O(n log n) (a sort of the contingency pairs).
 */
public final class PartitionComparison {

    private PartitionComparison() {
    }

    /**
     * All figures of one comparison.
     *
     * @param nmi          normalised mutual information over the labelled nodes
     * @param ari          adjusted Rand index over the labelled nodes
     * @param meanF1       mean best-match F1 over the truth groups (0 when there are none)
     * @param groupF1      best-match F1 of each truth group, in order of the groups' dense ids
     *                     (first appearance in {@code truth})
     * @param labelledNodes number of nodes with a truth label ≥ 0
     */
    public record Comparison(double nmi, double ari, double meanF1, double[] groupF1, int labelledNodes) {
        @Override
        public double[] groupF1() {
            return groupF1.clone();
        }
    }

    /** NMI, ARI and best-match F1 of {@code found} against {@code truth} (same length). */
    public static Comparison compare(int[] truth, int[] found) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(found, "found");
        if (truth.length != found.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " nodes, found " + found.length);
        }
        int n = truth.length;
        int labelled = 0;
        for (int t : truth) {
            if (t >= 0) {
                labelled++;
            }
        }
        int[] t = new int[labelled];
        int[] f = new int[labelled];
        int[] fAll = new int[n];
        int kf = Partition.denseFirstSeen(found, fAll);
        int j = 0;
        for (int v = 0; v < n; v++) {
            if (truth[v] >= 0) {
                t[j] = truth[v];
                f[j++] = fAll[v];
            }
        }
        int[] tDense = new int[labelled];
        int kt = Partition.denseFirstSeen(t, tDense);
        Contingency ct = Contingency.of(tDense, kt, f, kf);
        double nmi = nmi(ct, labelled);
        double ari = ari(ct, labelled);
        // F1: found community sizes over all nodes.
        long[] fullSize = new long[kf];
        for (int v = 0; v < n; v++) {
            fullSize[fAll[v]]++;
        }
        double[] best = new double[kt];
        for (int i = 0; i < ct.count.length; i++) {
            int g = ct.row[i];
            int c = ct.col[i];
            double f1 = 2.0 * ct.count[i] / (ct.rowSum[g] + fullSize[c]);
            if (f1 > best[g]) {
                best[g] = f1;
            }
        }
        double mean = 0;
        for (double b : best) {
            mean += b;
        }
        mean = kt == 0 ? 0 : mean / kt;
        return new Comparison(nmi, ari, mean, best, labelled);
    }

    /**
     * Pairwise agreement over the labelled nodes (truth ≥ 0): a pair is <em>true</em> when both nodes
     * share a truth group and <em>predicted</em> when they share a found group.
     *
     * @param precision   true predicted pairs / predicted pairs (1 when nothing is predicted)
     * @param recall      true predicted pairs / true pairs (1 when there are no true pairs)
     * @param truePairs   pairs in the same truth group
     * @param predictedPairs pairs in the same found group
     */
    public record PairScores(double precision, double recall, double truePairs, double predictedPairs) {
    }

    /** Pairwise precision and recall of {@code found} against {@code truth}; O(n log n). */
    public static PairScores pairwise(int[] truth, int[] found) {
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(found, "found");
        if (truth.length != found.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " nodes, found " + found.length);
        }
        int labelled = 0;
        for (int t : truth) {
            if (t >= 0) {
                labelled++;
            }
        }
        int[] t = new int[labelled];
        int[] f = new int[labelled];
        int j = 0;
        for (int v = 0; v < truth.length; v++) {
            if (truth[v] >= 0) {
                t[j] = truth[v];
                f[j++] = found[v];
            }
        }
        int[] td = new int[labelled];
        int[] fd = new int[labelled];
        int kt = Partition.denseFirstSeen(t, td);
        int kf = Partition.denseFirstSeen(f, fd);
        Contingency ct = Contingency.of(td, kt, fd, kf);
        double both = 0;
        for (long c : ct.count) {
            both += pairs(c);
        }
        double tp = 0;
        for (long s : ct.rowSum) {
            tp += pairs(s);
        }
        double pp = 0;
        for (long s : ct.colSum) {
            pp += pairs(s);
        }
        return new PairScores(pp == 0 ? 1 : both / pp, tp == 0 ? 1 : both / tp, tp, pp);
    }

    /** NMI of two complete partitions given as labels. */
    public static double nmi(int[] a, int[] b) {
        return compare(nonNegative(a), b).nmi();
    }

    /** ARI of two complete partitions given as labels. */
    public static double ari(int[] a, int[] b) {
        return compare(nonNegative(a), b).ari();
    }

    private static int[] nonNegative(int[] a) {
        int[] d = new int[a.length];
        Partition.denseFirstSeen(a, d);
        return d;
    }

    /** Sparse contingency table: nonzero cells (row, col, count) and the margins. */
    private static final class Contingency {
        int[] row;
        int[] col;
        long[] count;
        long[] rowSum;
        long[] colSum;

        static Contingency of(int[] a, int ka, int[] b, int kb) {
            int n = a.length;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((long) a[i] << 32) | b[i];
            }
            Arrays.sort(keys);
            int cells = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    cells++;
                }
            }
            Contingency c = new Contingency();
            c.row = new int[cells];
            c.col = new int[cells];
            c.count = new long[cells];
            c.rowSum = new long[ka];
            c.colSum = new long[kb];
            int k = -1;
            for (int i = 0; i < n; i++) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    k++;
                    c.row[k] = (int) (keys[i] >>> 32);
                    c.col[k] = (int) keys[i];
                }
                c.count[k]++;
            }
            for (int i = 0; i < n; i++) {
                c.rowSum[a[i]]++;
                c.colSum[b[i]]++;
            }
            return c;
        }
    }

    private static double entropy(long[] sums, int n) {
        double h = 0;
        for (long s : sums) {
            if (s > 0) {
                double p = (double) s / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static double nmi(Contingency ct, int n) {
        if (n == 0) {
            return 1;
        }
        double ha = entropy(ct.rowSum, n);
        double hb = entropy(ct.colSum, n);
        if (ha + hb == 0) {
            return 1;
        }
        double mi = 0;
        for (int i = 0; i < ct.count.length; i++) {
            double nij = ct.count[i];
            mi += nij / n * Math.log(nij * n / ((double) ct.rowSum[ct.row[i]] * ct.colSum[ct.col[i]]));
        }
        return Math.max(0, 2 * mi / (ha + hb));
    }

    private static double pairs(double x) {
        return x * (x - 1) / 2;
    }

    private static double ari(Contingency ct, int n) {
        if (n <= 1) {
            return 1;
        }
        double index = 0;
        for (long c : ct.count) {
            index += pairs(c);
        }
        double a = 0;
        for (long s : ct.rowSum) {
            a += pairs(s);
        }
        double b = 0;
        for (long s : ct.colSum) {
            b += pairs(s);
        }
        double expected = a * b / pairs(n);
        double max = (a + b) / 2;
        if (max == expected) {
            return 1;
        }
        return (index - expected) / (max - expected);
    }
}
