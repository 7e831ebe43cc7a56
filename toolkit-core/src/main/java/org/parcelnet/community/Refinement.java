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
        int[] start = WorkGraph.groupStarts(comm, k);
        int[] members = WorkGraph.groupedOrder(comm, k, start);
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
            Worker wk = new Worker(g, scratch[t], weightSlots, refined, refTot, size, ext, f, theta);
            int c;
            while ((c = next.getAndIncrement()) < k) {
                wk.refineOne(c, members, start[c], start[c + 1], tot[c], seed);
                if ((c & 0xFFF) == 0) {
                    progress.checkCancelled();
                }
            }
        });
        return refined;
    }

    private static long mix(long seed, int c) {
        long z = seed + 0x9E3779B97F4A7C15L * (c + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * One worker's state: the shared result arrays and its own candidate buffers. The work is split
     * into small methods, one per loop and per kind of community (consecutive ids or flagged
     * members), rather than one large method: in a fresh JVM each is compiled on its own after a few
     * thousand calls, and a kind of community first met on a later level (the first level's are all
     * ranges) calls already compiled code instead of sending the whole refinement back to the
     * interpreter.
     */
    private static final class Worker {
        final int[] off;
        final int[] adj;
        final double[] w;
        final double[] strength;
        final LocalMoving.Scratch s;
        final int[] refined;
        final double[] refTot;
        final int[] size;
        final double[] ext;
        final double f;
        final double theta;
        final double[] weights;
        final int[] cands;
        final double[] candWeight;
        /** Flags of the members of the current community when they are not a range of ids. */
        final byte[] member;
        /** Largest ΔH among the candidates found by the last {@link #candidates} call (0 if none). */
        double maxGain;

        Worker(WorkGraph g, LocalMoving.Scratch s, int weightSlots, int[] refined, double[] refTot, int[] size,
               double[] ext, double f, double theta) {
            this.off = g.off;
            this.adj = g.adj;
            this.w = g.w;
            this.strength = g.strength;
            this.s = s;
            this.refined = refined;
            this.refTot = refTot;
            this.size = size;
            this.ext = ext;
            this.f = f;
            this.theta = theta;
            this.weights = new double[weightSlots];
            this.cands = new int[weightSlots];
            this.candWeight = new double[weightSlots];
            this.member = new byte[g.n];
        }

        void refineOne(int c, int[] members, int from, int to, double totS, long seed) {
            // Members come in node order. When they are consecutive node ids (every community of the
            // first level once Leiden has renumbered the nodes community by community), "inside c" is
            // a range test on the neighbour id, which saves a scattered load for every arc leaving c.
            // Otherwise the members are flagged in a byte array, a quarter of the size of comm, so the
            // scattered loads of arcs leaving c hit a nearer cache more often.
            final int lo = members[from];
            final int span = to - from;
            final boolean range = members[to - 1] - lo == span - 1;
            if (range) {
                initRange(lo, span);
            } else {
                initMembers(members, from, to);
            }
            if (span >= 2) {
                // One generator per community, seeded by its id, so the result does not depend on
                // which worker refines it; made only here, since most communities are single nodes.
                SplittableRandom rnd = new SplittableRandom(mix(seed, c));
                shuffle(members, from, to, rnd);
                for (int j = from; j < to; j++) {
                    int v = members[j];
                    if (refined[v] != v || size[v] != 1) {
                        continue;
                    }
                    double kv = strength[v];
                    if (ext[v] < f * kv * (totS - kv)) {
                        continue;
                    }
                    int nt = range ? gatherRange(v, lo, span) : gatherMembers(v);
                    int nc = candidates(v, kv, nt, totS);
                    if (nc > 0) {
                        int pick = theta == 0 ? greedy(nc) : draw(nc, rnd);
                        if (pick >= 0) {
                            join(v, kv, pick);
                        }
                    }
                }
            }
            if (!range) {
                for (int j = from; j < to; j++) {
                    member[members[j]] = 0;
                }
            }
        }

        /** Every member of a range community alone, with its weight to the rest of the community. */
        private void initRange(int lo, int span) {
            for (int v = lo, e = lo + span; v < e; v++) {
                init(v, weightInRange(v, lo, span));
            }
        }

        /** As {@link #initRange} for members listed in {@code members[from..to)}, flagged first. */
        private void initMembers(int[] members, int from, int to) {
            for (int j = from; j < to; j++) {
                member[members[j]] = 1;
            }
            for (int j = from; j < to; j++) {
                int v = members[j];
                init(v, weightToMembers(v));
            }
        }

        private void init(int v, double e) {
            refined[v] = v;
            refTot[v] = strength[v];
            size[v] = 1;
            ext[v] = e;
        }

        private double weightInRange(int v, int lo, int span) {
            double e = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                e += Integer.compareUnsigned(adj[i] - lo, span) < 0 ? (w == null ? 1.0 : w[i]) : 0.0;
            }
            return e;
        }

        private double weightToMembers(int v) {
            double e = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                e += member[adj[i]] != 0 ? (w == null ? 1.0 : w[i]) : 0.0; // select, not branch
            }
            return e;
        }

        /** Random visiting order: shuffles this community's slice of members (owned by this task). */
        private static void shuffle(int[] members, int from, int to, SplittableRandom rnd) {
            for (int j = to - 1; j > from; j--) {
                int r = from + rnd.nextInt(j - from + 1);
                int tmp = members[j];
                members[j] = members[r];
                members[r] = tmp;
            }
        }

        /**
         * Sums v's weights to the refined clusters of its neighbours inside the community (a range of
         * ids) into the scratch accumulator; returns the count of clusters listed in
         * {@code s.touched}. Arcs leaving the community add 0 to a dummy slot (v's own, never a
         * candidate) instead of taking a branch; sums go into a zeroed array and first touches are
         * found through stamps, also without a branch (see LocalMoving.best).
         */
        private int gatherRange(int v, int lo, int span) {
            final double[] acc = s.acc;
            final int[] mark = s.mark;
            final int[] touched = s.touched;
            final int stamp = s.nextStamp();
            int nt = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int t = adj[i];
                boolean inside = Integer.compareUnsigned(t - lo, span) < 0;
                int cl = inside ? refined[t] : v;
                acc[cl] += inside ? (w == null ? 1.0 : w[i]) : 0.0;
                boolean fresh = mark[cl] != stamp;
                mark[cl] = stamp;
                touched[nt] = cl;
                nt += fresh ? 1 : 0;
            }
            return nt;
        }

        /**
         * {@link #gatherRange} for a community whose members are flagged in {@link #member}. A copy
         * rather than one loop with a membership test passed in: each stays a small loop with one
         * inlined test, compiled on the level that first runs it and kept when the other kind appears.
         */
        private int gatherMembers(int v) {
            final double[] acc = s.acc;
            final int[] mark = s.mark;
            final int[] touched = s.touched;
            final int stamp = s.nextStamp();
            int nt = 0;
            for (int i = off[v], end = off[v + 1]; i < end; i++) {
                int t = adj[i];
                boolean inside = member[t] != 0;
                int cl = inside ? refined[t] : v;
                acc[cl] += inside ? (w == null ? 1.0 : w[i]) : 0.0;
                boolean fresh = mark[cl] != stamp;
                mark[cl] = stamp;
                touched[nt] = cl;
                nt += fresh ? 1 : 0;
            }
            return nt;
        }

        /**
         * The candidates among the {@code nt} gathered clusters: well-connected clusters with ΔH >= 0
         * (staying alone has ΔH = 0), in first-touch order, into {@link #cands}, {@link #weights}
         * (ΔH) and {@link #candWeight}; clears the accumulator, sets {@link #maxGain} and returns the
         * count. Selected without branches (the tests were mispredicted often).
         */
        private int candidates(int v, double kv, int nt, double totS) {
            final double[] acc = s.acc;
            final int[] touched = s.touched;
            double best = 0;
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
                best = ok & gain > best ? gain : best;
                acc[cl] = 0.0;
            }
            maxGain = best;
            return nc;
        }

        /** θ = 0: the candidate of largest positive ΔH (the first on ties), or -1 to stay alone. */
        private int greedy(int nc) {
            int pick = -1;
            double bestGain = 0;
            for (int i = 0; i < nc; i++) {
                if (weights[i] > bestGain) {
                    bestGain = weights[i];
                    pick = i;
                }
            }
            return pick;
        }

        /**
         * θ > 0: a candidate drawn with probability ∝ exp(ΔH/θ), staying alone (ΔH = 0, returned as
         * -1) included. Relative weights exp((ΔH − max ΔH)/θ); one below e^−40 (4e−18) is taken as 0:
         * it could only matter if the uniform draw fell within that of a boundary, and with the
         * default θ every gain an edge weight below the best would cost an exp call.
         */
        private int draw(int nc, SplittableRandom rnd) {
            final double floor = -40 * theta;
            final double maxGain = this.maxGain;
            double alone = -maxGain < floor ? 0.0 : Math.exp(-maxGain / theta); // staying alone
            double total = alone;
            for (int i = 0; i < nc; i++) {
                double d = weights[i] - maxGain;
                weights[i] = d < floor ? 0.0 : Math.exp(d / theta);
                total += weights[i];
            }
            double r = rnd.nextDouble() * total - alone;
            if (r < 0) {
                return -1;
            }
            for (int i = 0; i < nc; i++) {
                r -= weights[i];
                if (r < 0) {
                    return i;
                }
            }
            return nc - 1;
        }

        /** Node v (still alone) joins candidate {@code pick}. */
        private void join(int v, double kv, int pick) {
            int chosen = cands[pick];
            refined[v] = chosen;
            refTot[chosen] += kv;
            size[chosen]++;
            size[v] = 0;
            ext[chosen] = ext[chosen] + ext[v] - 2 * candWeight[pick];
        }
    }
}
