package org.parcelnet.community;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * Leiden's refinement phase (Traag, Waltman, van Eck 2019, Algorithm A.2, {@code RefinePartition} and
 * {@code MergeNodesSubset}).
 *
 * <p>Within each community S of the local-moving partition, every node starts alone. Nodes of S that
 * are well connected to S ({@code E(v, S−v) ≥ γ k_v (K_S − k_v) / 2m}) are visited in random order;
 * one still alone joins a well-connected refined cluster C of S
 * ({@code E(C, S−C) ≥ γ K_C (K_S − K_C) / 2m}) chosen at random with probability proportional to
 * {@code exp(ΔH / θ)} among the options with {@code ΔH ≥ 0}, staying alone (ΔH = 0) included.
 * ΔH is in edge-weight units ({@code w(v,C) − γ k_v K_C / 2m}), as in igraph's implementation, so the
 * default θ = 0.01 makes the choice nearly greedy with random tie breaking. A node only joins a
 * cluster it has an edge to, so every refined cluster is connected.
 *
 * <p>Communities are independent: each is refined with its own random generator, seeded from the
 * level seed and the community id, so the result does not depend on how communities are spread over
 * threads. Cost O(n + m) per level plus the random draws.
 */
final class Refinement {

    private Refinement() {
    }

    /**
     * Refines dense partition {@code comm} (k communities, strengths {@code tot}) of {@code g}.
     * Returns refined cluster ids in {@code [0, n)} (not dense: a cluster is named by a member).
     */
    static int[] refine(WorkGraph g, int[] comm, int k, double[] tot, double gamma, double theta, long seed,
                        WorkerPool workers, LocalMoving.Scratch[] scratch, ProgressListener progress) {
        final int n = g.n;
        int[] start = new int[k + 1];
        for (int v = 0; v < n; v++) {
            start[comm[v] + 1]++;
        }
        for (int c = 0; c < k; c++) {
            start[c + 1] += start[c];
        }
        int[] members = new int[n];
        int[] cursor = java.util.Arrays.copyOf(start, k);
        for (int v = 0; v < n; v++) {
            members[cursor[comm[v]]++] = v;
        }
        cursor = null;
        final int[] refined = new int[n];
        final double[] refTot = new double[n];
        final int[] size = new int[n];
        final double[] ext = new double[n];
        final double f = g.twoM > 0 ? gamma / g.twoM : 0;
        int maxDegree = 0;
        for (int v = 0; v < n; v++) {
            maxDegree = Math.max(maxDegree, g.off[v + 1] - g.off[v]);
        }
        final int weightSlots = maxDegree + 1;
        AtomicInteger next = new AtomicInteger();
        workers.forEach(workers.threads(), t -> {
            LocalMoving.Scratch s = scratch[t];
            double[] weights = new double[weightSlots];
            int[] cands = new int[weightSlots];
            double[] candWeight = new double[weightSlots];
            byte[] member = new byte[n];
            int c;
            while ((c = next.getAndIncrement()) < k) {
                refineOne(g, comm, c, members, start[c], start[c + 1], tot[c], f, theta,
                        seed, refined, refTot, size, ext, s, weights, cands, candWeight,
                        member);
                if ((c & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
        });
        return refined;
    }

    private static void clear(byte[] member, int[] members, int from, int to, boolean range) {
        if (!range) {
            for (int j = from; j < to; j++) {
                member[members[j]] = 0;
            }
        }
    }

    private static long mix(long seed, int c) {
        long z = seed + 0x9E3779B97F4A7C15L * (c + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void refineOne(WorkGraph g, int[] comm, int c, int[] members, int from, int to, double totS,
                                  double f, double theta, long seed, int[] refined, double[] refTot,
                                  int[] size, double[] ext, LocalMoving.Scratch s, double[] weights,
                                  int[] cands, double[] candWeight, byte[] member) {
        final int[] adj = g.adj;
        final double[] w = g.w;
        final int[] off = g.off;
        // Members come in node order. When they are consecutive node ids (every community of the
        // first level once Leiden has renumbered the nodes community by community), "inside c" is a
        // range test on the neighbour id, which saves a scattered load for every arc leaving c.
        // Otherwise the members are flagged in a byte array, a quarter of the size of comm, so the
        // scattered loads of arcs leaving c hit a nearer cache more often.
        final int lo = members[from];
        final int span = to - from;
        final boolean range = members[to - 1] - lo == span - 1;
        if (!range) {
            for (int j = from; j < to; j++) {
                member[members[j]] = 1;
            }
        }
        for (int j = from; j < to; j++) {
            int v = members[j];
            refined[v] = v;
            refTot[v] = g.strength[v];
            size[v] = 1;
            double e = 0;
            if (range) {
                for (int i = off[v], end = off[v + 1]; i < end; i++) {
                    e += Integer.compareUnsigned(adj[i] - lo, span) < 0 ? (w == null ? 1.0 : w[i]) : 0.0;
                }
            } else {
                for (int i = off[v], end = off[v + 1]; i < end; i++) {
                    e += member[adj[i]] != 0 ? (w == null ? 1.0 : w[i]) : 0.0; // select, not branch
                }
            }
            ext[v] = e;
        }
        if (to - from < 2) {
            clear(member, members, from, to, range);
            return;
        }
        // One generator per community, seeded by its id, so the result does not depend on which
        // worker refines it; made only here, since most communities are single nodes.
        SplittableRandom rnd = new SplittableRandom(mix(seed, c));
        // Random visiting order: shuffle this community's slice of members (owned by this task).
        for (int j = to - 1; j > from; j--) {
            int r = from + rnd.nextInt(j - from + 1);
            int tmp = members[j];
            members[j] = members[r];
            members[r] = tmp;
        }
        final double[] acc = s.acc;
        final int[] mark = s.mark;
        final int[] touched = s.touched;
        for (int j = from; j < to; j++) {
            int v = members[j];
            if (refined[v] != v || size[v] != 1) {
                continue;
            }
            double kv = g.strength[v];
            if (ext[v] < f * kv * (totS - kv)) {
                continue;
            }
            // Weights to the refined clusters of v's neighbours inside community c. Arcs leaving c
            // add 0 to a dummy slot (v's own, never a candidate) instead of taking a branch; sums go
            // into a zeroed array and first touches are found through stamps, also without a branch
            // (see LocalMoving.best).
            final int stamp = s.nextStamp();
            int nt = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int t = adj[i];
                boolean inside = range ? Integer.compareUnsigned(t - lo, span) < 0 : member[t] != 0;
                int cl = inside ? refined[t] : v;
                acc[cl] += inside ? (w == null ? 1.0 : w[i]) : 0.0;
                boolean fresh = mark[cl] != stamp;
                mark[cl] = stamp;
                touched[nt] = cl;
                nt += fresh ? 1 : 0;
            }
            // Candidates: well-connected clusters with ΔH >= 0; staying alone has ΔH = 0. Selected
            // without branches (the tests were mispredicted often), in first-touch order.
            double maxGain = 0;
            int nc = 0;
            for (int i = 0; i < nt; i++) {
                int cl = touched[i];
                double kc = refTot[cl];
                double a = acc[cl];
                double gain = a - f * kv * kc;
                boolean ok = cl != v & gain >= 0 & ext[cl] >= f * kc * (totS - kc);
                cands[nc] = cl;
                weights[nc] = gain;
                candWeight[nc] = a;
                nc += ok ? 1 : 0;
                maxGain = ok & gain > maxGain ? gain : maxGain;
                acc[cl] = 0.0;
            }
            int pick = -1; // index into cands, or -1 to stay alone
            if (nc > 0) {
                if (theta == 0) {
                    double bestGain = 0;
                    for (int i = 0; i < nc; i++) {
                        if (weights[i] > bestGain) {
                            bestGain = weights[i];
                            pick = i;
                        }
                    }
                } else {
                    // Relative weights exp((ΔH − max ΔH)/θ). One below e^−40 (4e−18) is taken as 0: it
                    // could only matter if the uniform draw fell within that of a boundary, and with
                    // the default θ every gain an edge weight below the best would cost an exp call.
                    final double floor = -40 * theta;
                    double alone = -maxGain < floor ? 0.0 : Math.exp(-maxGain / theta); // staying alone
                    double total = alone;
                    for (int i = 0; i < nc; i++) {
                        double d = weights[i] - maxGain;
                        weights[i] = d < floor ? 0.0 : Math.exp(d / theta);
                        total += weights[i];
                    }
                    double r = rnd.nextDouble() * total - alone;
                    if (r >= 0) {
                        pick = nc - 1;
                        for (int i = 0; i < nc; i++) {
                            r -= weights[i];
                            if (r < 0) {
                                pick = i;
                                break;
                            }
                        }
                    }
                }
            }
            if (pick >= 0) {
                int chosen = cands[pick];
                refined[v] = chosen;
                refTot[chosen] += kv;
                size[chosen]++;
                size[v] = 0;
                ext[chosen] = ext[chosen] + ext[v] - 2 * candWeight[pick];
            }
        }
        clear(member, members, from, to, range);
    }
}
