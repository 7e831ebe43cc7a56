package org.parcelnet.paths;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Objects;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.progress.WorkerPool;

/**
 * Parallel single-source shortest paths by Δ-stepping (U. Meyer, P. Sanders, "Δ-stepping: a
 * parallelizable shortest path algorithm", J. Algorithms 49(1) (2003) 114–152,
 * doi:10.1016/S0196-6774(03)00076-2), on the graph's own CSR arrays and its stored weights (no copy of
 * the arc costs).
 *
 * <p>Tentative distances live in buckets of width Δ. The smallest non-empty bucket is settled by
 * rounds: all its vertices relax their light arcs (weight ≤ Δ) in parallel (vertices handed out in
 * blocks by the {@link WorkerPool}; rounds of fewer than {@value #INLINE_BELOW} vertices run on the
 * calling thread, where a hand-off would cost more than the round); an improved vertex goes into the
 * bucket of its new distance, kept per worker so that pushes need no lock; vertices that land in the
 * current bucket start another round. Like the bucket fusion of the GAP benchmark suite (Beamer,
 * Asanović, Patterson, arXiv:1508.03619), a worker goes on with the small remainder of the current
 * bucket it produced itself before the next global round. As in the paper, the heavy arcs of the
 * bucket's vertices are relaxed once, at their final distances, when the bucket is settled, so a
 * vertex improved several times inside its bucket does not scan its heavy arcs each time (the arc
 * lists are not split by weight: both passes read the whole list, the cheap sequential part).
 * Distances are lowered by compare-and-set on their bit patterns (for non-negative doubles the order
 * of the bits is the order of the values). Buckets are cyclic, ⌊max weight / Δ⌋ + 2 of them, since
 * every tentative distance lies within one maximum weight of the current bucket.
 *
 * <p>Determinism: the result is the least solution of {@code d(v) = min over arcs (u,v) of
 * fl(d(u) + w)} with {@code d(source) = 0}, whatever order the relaxations ran in, so it is the same
 * double for every thread count and equals {@link Dijkstra}'s bit for bit; no parent is output.
 *
 * <p>Choice of Δ ({@link #delta}): Meyer and Sanders show linear average work for Δ = Θ(1/d) with
 * random weights in [0, 1] and maximum degree d. Skewed degrees make the maximum degree a poor guide,
 * so ParcelNet takes Δ = {@value #DELTA_FACTOR} × mean arc weight / mean out-degree of the vertices
 * with arcs, and at least max weight / {@value #MAX_BUCKETS} so that the cyclic buckets stay few.
 *
 * <p>Cost: O(n + m) work on average for random weights (Meyer and Sanders), plus one pool hand-off
 * per round; memory 16 bytes per vertex (distance bits, and the distance at which its arcs were last
 * relaxed) plus per-worker buckets that hold each push once (4 bytes per push).
 */
public final class DeltaStepping {

    /** Graphs with fewer arcs than this run the sequential {@link Dijkstra} in {@link #distances(CompactGraph, int, WorkerPool)}. */
    public static final int PARALLEL_FROM_ARCS = 1 << 18;

    /** Δ = this × mean weight / mean out-degree (see the class comment). */
    static final double DELTA_FACTOR = 4.0;

    private static final int MAX_BUCKETS = 1 << 16;
    /** A worker settles the part of the current bucket it produced itself while it is this small. */
    private static final int FUSE_BELOW = 1024;
    /** Rounds over fewer vertices run on the calling thread. */
    private static final int INLINE_BELOW = 4096;
    private static final long INFINITE = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    /**
     * States in {@code relaxedAt}: {@code NEVER}; the distance bits at which the light arcs were relaxed
     * (the vertex waits in a settled list for its heavy arcs); or the complement of the bits at which
     * the heavy arcs were relaxed too.
     */
    private static final long NEVER = Long.MIN_VALUE;
    private static final VarHandle DIST = MethodHandles.arrayElementVarHandle(long[].class);

    private DeltaStepping() {
    }

    /**
     * Distances from {@code source} along out-arcs with the graph's weights (all weights must be ≥ 0),
     * {@code Infinity} when unreachable: Δ-stepping with {@link #delta} on {@code par}'s workers, or the
     * sequential {@link Dijkstra} for graphs under {@link #PARALLEL_FROM_ARCS} arcs or one worker.
     */
    public static double[] distances(CompactGraph g, int source, WorkerPool par) {
        Objects.requireNonNull(par, "par");
        WeightStats s = WeightStats.of(g, par);
        if (g.arcCount() < PARALLEL_FROM_ARCS || par.threads() == 1) {
            return new Dijkstra(g, arcWeights(g, par)).distances(source);
        }
        return run(g, source, s.delta(g), s.max, par, INLINE_BELOW);
    }

    /** Δ-stepping with bucket width {@code delta} (> 0) whatever the graph's size. */
    public static double[] distances(CompactGraph g, int source, double delta, WorkerPool par) {
        Objects.requireNonNull(par, "par");
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        return distances(g, source, delta, par, INLINE_BELOW);
    }

    /** As {@link #distances(CompactGraph, int, double, WorkerPool)}; rounds under {@code inlineBelow} vertices run inline (tests use 1). */
    static double[] distances(CompactGraph g, int source, double delta, WorkerPool par, int inlineBelow) {
        Objects.requireNonNull(par, "par");
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("delta must be positive and finite, got " + delta);
        }
        WeightStats s = WeightStats.of(g, par);
        return run(g, source, Math.max(delta, s.max / MAX_BUCKETS), s.max, par, inlineBelow);
    }

    /** The bucket width {@link #distances(CompactGraph, int, WorkerPool)} uses for {@code g}. */
    public static double delta(CompactGraph g, WorkerPool par) {
        return WeightStats.of(g, par).delta(g);
    }

    private static double[] arcWeights(CompactGraph g, WorkerPool par) {
        double[] c = new double[g.arcCount()];
        par.forRange(c.length, 1 << 16, (w, from, to) -> {
            for (int a = from; a < to; a++) {
                c[a] = g.weight(a);
            }
        });
        return c;
    }

    /** Sum, maximum and count of vertices with arcs; rejects negative or NaN weights. */
    private record WeightStats(double sum, double max, int activeVertices) {

        static WeightStats of(CompactGraph g, WorkerPool par) {
            int n = g.nodeCount();
            int slots = par.threads();
            double[] sum = new double[slots];
            double[] max = new double[slots];
            int[] active = new int[slots];
            int[] bad = new int[slots];
            Arrays.fill(bad, -1);
            par.forRange(n, 1 << 14, (w, from, to) -> {
                double s = 0;
                double m = 0;
                int act = 0;
                for (int v = from; v < to; v++) {
                    int a = g.outStart(v);
                    int end = g.outEnd(v);
                    if (a < end) {
                        act++;
                    }
                    for (; a < end; a++) {
                        double x = g.weight(a);
                        if (!(x >= 0)) {
                            bad[w] = a;
                        }
                        s += x;
                        m = Math.max(m, x);
                    }
                }
                sum[w] += s;
                max[w] = Math.max(max[w], m);
                active[w] += act;
            });
            double s = 0;
            double m = 0;
            int act = 0;
            for (int w = 0; w < slots; w++) {
                if (bad[w] >= 0) {
                    throw new IllegalArgumentException("arc weights must be >= 0, arc " + bad[w] + " has " + g.weight(bad[w]));
                }
                s += sum[w];
                m = Math.max(m, max[w]);
                act += active[w];
            }
            return new WeightStats(s, m, act);
        }

        double delta(CompactGraph g) {
            if (max == 0 || Double.isInfinite(max)) {
                return max == 0 ? 1 : Double.MAX_VALUE;
            }
            double meanWeight = sum / g.arcCount();
            double meanDegree = (double) g.arcCount() / activeVertices;
            double d = DELTA_FACTOR * meanWeight / meanDegree;
            return Math.max(d, max / MAX_BUCKETS);
        }
    }

    private static double[] run(CompactGraph g, int source, double delta, double maxWeight, WorkerPool par,
                                int inlineBelow) {
        int n = g.nodeCount();
        if (source < 0 || source >= n) {
            throw new IllegalArgumentException("node " + source + " out of range 0.." + (n - 1));
        }
        long[] dist = new long[n];
        Arrays.fill(dist, INFINITE);
        dist[source] = 0L;
        long[] relaxedAt = new long[n];
        Arrays.fill(relaxedAt, NEVER);
        int bucketCount = Double.isInfinite(maxWeight) || maxWeight / delta >= MAX_BUCKETS
                ? MAX_BUCKETS + 2 : (int) (maxWeight / delta) + 2;
        Buckets[] local = new Buckets[par.threads()];
        for (int w = 0; w < local.length; w++) {
            local[w] = new Buckets(bucketCount);
        }
        Relaxer r = new Relaxer(g, dist, relaxedAt, delta);
        int[] frontier = {source};
        int frontierSize = 1;
        int[] sizeOut = new int[1];
        long bucket = 0;
        while (true) {
            // settle the current bucket by rounds over the light arcs, then relax the heavy arcs of its
            // vertices once at their final distances (they reach later buckets; one rounded into
            // this bucket starts another round)
            final long b = bucket;
            while (frontierSize > 0) {
                while (frontierSize > 0) {
                    final int[] f = frontier;
                    int size = frontierSize;
                    forRange(par, size, inlineBelow, (w, from, to) -> {
                        Buckets mine = local[w];
                        for (int i = from; i < to; i++) {
                            r.light(f[i], b, mine);
                        }
                        int slot = (int) (b % mine.count);
                        int[] scratch = mine.scratch;
                        for (int k; (k = mine.size[slot]) > 0 && k < FUSE_BELOW; ) {
                            System.arraycopy(mine.items[slot], 0, scratch, 0, k);
                            mine.size[slot] = 0;
                            for (int i = 0; i < k; i++) {
                                r.light(scratch[i], b, mine);
                            }
                        }
                    });
                    frontier = gather(local, (int) (b % bucketCount), frontier, sizeOut);
                    frontierSize = sizeOut[0];
                }
                frontier = gatherSettled(local, frontier, sizeOut);
                final int[] settled = frontier;
                forRange(par, sizeOut[0], inlineBelow, (w, from, to) -> {
                    for (int i = from; i < to; i++) {
                        r.heavy(settled[i], local[w]);
                    }
                });
                frontier = gather(local, (int) (b % bucketCount), frontier, sizeOut);
                frontierSize = sizeOut[0];
            }
            // the next non-empty bucket
            long next = -1;
            for (int step = 1; step < bucketCount && next < 0; step++) {
                int slot = (int) ((bucket + step) % bucketCount);
                for (Buckets l : local) {
                    if (l.size[slot] > 0) {
                        next = bucket + step;
                        break;
                    }
                }
            }
            if (next < 0) {
                break;
            }
            bucket = next;
            frontier = gather(local, (int) (bucket % bucketCount), frontier, sizeOut);
            frontierSize = sizeOut[0];
        }
        double[] out = new double[n];
        par.forRange(n, 1 << 16, (w, from, to) -> {
            for (int v = from; v < to; v++) {
                out[v] = Double.longBitsToDouble(dist[v]);
            }
        });
        return out;
    }

    /**
     * Runs {@code body} over {@code [0, n)}: on the calling thread as worker 0 below
     * {@value #INLINE_BELOW} vertices (a hand-off to the pool and the wait for the slowest worker cost
     * more than such a round, and far more when other processes hold the cores), else in blocks on
     * the pool.
     */
    private static void forRange(WorkerPool par, int n, int inlineBelow, WorkerPool.RangeBody body) {
        if (n < inlineBelow || par.threads() == 1) {
            body.run(0, 0, n);
        } else {
            par.forRange(n, Math.max(256, Math.min(4096, n / (par.threads() * 8))), body);
        }
    }

    /** Moves every worker's bucket {@code slot} into one frontier array (its size into {@code sizeOut[0]}). */
    private static int[] gather(Buckets[] local, int slot, int[] into, int[] sizeOut) {
        int total = 0;
        for (Buckets l : local) {
            total += l.size[slot];
        }
        int[] f = into.length >= total ? into : new int[Math.max(total, into.length * 2)];
        int k = 0;
        for (Buckets l : local) {
            System.arraycopy(l.items[slot], 0, f, k, l.size[slot]);
            k += l.size[slot];
            l.size[slot] = 0;
        }
        sizeOut[0] = total;
        return f;
    }

    /** Moves every worker's list of vertices settled in the current bucket into one array. */
    private static int[] gatherSettled(Buckets[] local, int[] into, int[] sizeOut) {
        int total = 0;
        for (Buckets l : local) {
            total += l.settledSize;
        }
        int[] f = into.length >= total ? into : new int[Math.max(total, into.length * 2)];
        int k = 0;
        for (Buckets l : local) {
            System.arraycopy(l.settled, 0, f, k, l.settledSize);
            k += l.settledSize;
            l.settledSize = 0;
        }
        sizeOut[0] = total;
        return f;
    }

    /** The relaxations, shared by all workers (distances by compare-and-set). */
    private static final class Relaxer {
        private final CompactGraph g;
        private final long[] dist;
        private final long[] relaxedAt;
        private final double delta;
        private final double inverseDelta;

        Relaxer(CompactGraph g, long[] dist, long[] relaxedAt, double delta) {
            this.g = g;
            this.dist = dist;
            this.relaxedAt = relaxedAt;
            this.delta = delta;
            this.inverseDelta = 1 / delta;
        }

        /** Relaxes the light arcs (weight ≤ Δ) of {@code u} if it is still in {@code bucket} and has a new distance. */
        void light(int u, long bucket, Buckets mine) {
            long bits = (long) DIST.getOpaque(dist, u);
            double du = Double.longBitsToDouble(bits);
            if ((long) (du * inverseDelta) != bucket) {
                return; // settled in an earlier bucket since it was pushed here
            }
            long before = relaxedAt[u];
            if (before == bits || before == ~bits) {
                return; // pushed twice at this distance
            }
            relaxedAt[u] = bits;
            if (before < 0) {
                mine.settle(u); // not waiting for its heavy arcs yet
            }
            for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                double w = g.weight(a);
                if (w <= delta) {
                    lower(g.target(a), du + w, mine);
                }
            }
        }

        /** Relaxes the heavy arcs (weight > Δ) of settled {@code u}: they reach later buckets only. */
        void heavy(int u, Buckets mine) {
            long bits = dist[u];
            relaxedAt[u] = ~bits;
            double du = Double.longBitsToDouble(bits);
            for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                double w = g.weight(a);
                if (w > delta) {
                    lower(g.target(a), du + w, mine);
                }
            }
        }

        private void lower(int v, double nd, Buckets mine) {
            long bits = Double.doubleToRawLongBits(nd);
            long cur = (long) DIST.getOpaque(dist, v);
            while (bits < cur) {
                if (DIST.weakCompareAndSetPlain(dist, v, cur, bits)) {
                    mine.push((int) ((long) (nd * inverseDelta) % mine.count), v);
                    return;
                }
                cur = (long) DIST.getOpaque(dist, v);
            }
        }
    }

    /** One worker's cyclic buckets: growable int lists. */
    private static final class Buckets {
        final int count;
        final int[][] items;
        final int[] size;
        final int[] scratch = new int[FUSE_BELOW];
        int[] settled = new int[16];
        int settledSize;

        Buckets(int count) {
            this.count = count;
            this.items = new int[count][];
            this.size = new int[count];
            Arrays.fill(items, new int[0]);
        }

        void settle(int u) {
            if (settledSize == settled.length) {
                settled = Arrays.copyOf(settled, settledSize * 2);
            }
            settled[settledSize++] = u;
        }

        void push(int slot, int v) {
            int s = size[slot];
            int[] it = items[slot];
            if (s == it.length) {
                it = Arrays.copyOf(it, Math.max(16, s * 2));
                items[slot] = it;
            }
            it[s] = v;
            size[slot] = s + 1;
        }
    }
}
