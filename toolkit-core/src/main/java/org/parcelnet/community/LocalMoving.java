package org.parcelnet.community;

import java.util.Arrays;

import org.parcelnet.progress.ProgressListener;

/**
 * The local-moving phase shared by {@link Louvain} and {@link Leiden}: each node in turn moves to the
 * neighbouring community with the largest modularity gain.
 *
 * <p>Gains are in edge-weight units: moving node v (strength k<sub>v</sub>) into community C gains
 * {@code w(v,C) − γ k_v K_C / 2m}, where {@code K_C} excludes v; the modularity change of a move is
 * {@code (gain(new) − gain(stay)) / m}. A move must beat staying by a relative margin of 1e-12 so that
 * rounding cannot make nodes cycle.
 *
 * <p><b>Parallel mode</b> (more than one worker): nodes are taken in fixed batches (of a size that
 * depends only on the node count). Within a batch, workers compute each node's best move from a
 * snapshot of the community state, and the moves are then applied one by one in batch order. Which
 * worker evaluates a node cannot change its proposal, so the outcome depends only on the seed and
 * the batch size, not on the thread count or scheduling. A proposal may be slightly stale when a
 * neighbour moved in the same batch (rare: a batch is a small random sample of the nodes); the
 * caller's tolerance and pass limits bound the effect.
 */
final class LocalMoving {

    /** Proposal: move to a new, empty community. */
    static final int EMPTY = -2;
    private static final double EPS = 1e-12;

    private LocalMoving() {
    }

    /** Per-worker scratch: neighbour-community weights, reset after each node. */
    static final class Scratch {
        final double[] acc;
        final int[] touched;
        double delta;

        Scratch(int n) {
            acc = new double[n];
            Arrays.fill(acc, -1.0);
            touched = new int[n];
        }
    }

    static Scratch[] scratch(int threads, int n) {
        Scratch[] s = new Scratch[threads];
        for (int t = 0; t < threads; t++) {
            s[t] = new Scratch(n);
        }
        return s;
    }

    /** Batch size of parallel mode: a function of n only, so results do not depend on threads. */
    static int batchSize(int n) {
        return Math.max(1, Math.min(4096, n / 256));
    }

    /**
     * The best community for {@code v} given {@code comm} and community strengths {@code tot}
     * (which still include v). Sets {@code s.delta} to gain(best) − gain(stay) ≥ 0. With
     * {@code cnt != null}, moving into an empty community (gain 0) is an option when v is not alone;
     * it is returned as {@link #EMPTY}. Read-only on all shared state.
     */
    static int best(WorkGraph g, int v, int[] comm, double[] tot, int[] cnt, double f, Scratch s) {
        final double[] acc = s.acc;
        final int[] touched = s.touched;
        final int[] adj = g.adj;
        final double[] w = g.w;
        int nt = 0;
        for (int i = g.off[v], e = g.off[v + 1]; i < e; i++) {
            int c = comm[adj[i]];
            if (acc[c] < 0) {
                acc[c] = 0;
                touched[nt++] = c;
            }
            acc[c] += w == null ? 1.0 : w[i];
        }
        int c0 = comm[v];
        double kv = g.strength[v];
        double kf = kv * f;
        double stay = (acc[c0] < 0 ? 0 : acc[c0]) - kf * (tot[c0] - kv);
        int best = c0;
        double bestGain = stay;
        double margin = EPS * (kv > 0 ? kv : 1);
        for (int j = 0; j < nt; j++) {
            int c = touched[j];
            if (c != c0) {
                double gain = acc[c] - kf * tot[c];
                if (gain > bestGain + margin) {
                    best = c;
                    bestGain = gain;
                }
            }
            acc[c] = -1.0;
        }
        if (cnt != null && cnt[c0] > 1 && 0 > bestGain + margin) {
            best = EMPTY;
            bestGain = 0;
        }
        s.delta = bestGain - stay;
        return best;
    }

    /**
     * Louvain's local moving on one level, from the partition in {@code comm} (with strengths
     * {@code tot}): passes over {@code order} until a pass moves nothing, improves modularity by less
     * than {@code tolerance}, or {@code maxPasses} passes ran. Returns the number of moves.
     */
    static long louvainPasses(WorkGraph g, int[] comm, double[] tot, int[] order, double gamma, double tolerance,
                              int maxPasses, Workers workers, Scratch[] scratch, ProgressListener progress,
                              long[] passCount) {
        if (g.twoM <= 0) {
            return 0;
        }
        final double f = gamma / g.twoM;
        final double m = g.twoM / 2;
        final int n = g.n;
        long moves = 0;
        int[] proposal = workers.threads > 1 ? new int[batchSize(n)] : null;
        double[] delta = workers.threads > 1 ? new double[batchSize(n)] : null;
        for (int pass = 0; pass < maxPasses; pass++) {
            long passMoves = 0;
            double gain = 0;
            if (workers.threads <= 1) {
                Scratch s = scratch[0];
                for (int i = 0; i < n; i++) {
                    int v = order[i];
                    int b = best(g, v, comm, tot, null, f, s);
                    int c0 = comm[v];
                    if (b != c0) {
                        double kv = g.strength[v];
                        tot[c0] -= kv;
                        tot[b] += kv;
                        comm[v] = b;
                        passMoves++;
                        gain += s.delta;
                    }
                    if ((i & 0x3FFF) == 0) {
                        progress.checkCancelled();
                    }
                }
            } else {
                int bs = proposal.length;
                for (int a = 0; a < n; a += bs) {
                    final int from = a;
                    final int len = Math.min(bs, n - a);
                    final int threads = workers.threads;
                    workers.run(t -> {
                        Scratch s = scratch[t];
                        int lo = from + (int) ((long) len * t / threads);
                        int hi = from + (int) ((long) len * (t + 1) / threads);
                        for (int i = lo; i < hi; i++) {
                            proposal[i - from] = best(g, order[i], comm, tot, null, f, s);
                            delta[i - from] = s.delta;
                        }
                    });
                    for (int i = 0; i < len; i++) {
                        int v = order[from + i];
                        int b = proposal[i];
                        int c0 = comm[v];
                        if (b != c0) {
                            double kv = g.strength[v];
                            tot[c0] -= kv;
                            tot[b] += kv;
                            comm[v] = b;
                            passMoves++;
                            gain += delta[i];
                        }
                    }
                    progress.checkCancelled();
                }
            }
            moves += passMoves;
            passCount[0]++;
            if (passMoves == 0 || gain / m < tolerance) {
                break;
            }
        }
        return moves;
    }

    /**
     * Leiden's fast local moving (Traag et al. 2019, Algorithm A.2): a queue initially holding every
     * node in {@code order}; a node that moves enqueues its neighbours outside its new community that
     * are not queued. Nodes may move to an empty community. {@code comm} holds ids in {@code [0, n)}
     * with strengths {@code tot} and sizes {@code cnt}. Returns the number of moves.
     */
    static long fastLocalMove(WorkGraph g, int[] comm, double[] tot, int[] cnt, int[] order, double gamma,
                              Workers workers, Scratch[] scratch, ProgressListener progress) {
        final int n = g.n;
        if (g.twoM <= 0 || n == 0) {
            return 0;
        }
        final double f = gamma / g.twoM;
        int[] free = new int[n];
        int nFree = 0;
        for (int c = n - 1; c >= 0; c--) {
            if (cnt[c] == 0) {
                free[nFree++] = c;
            }
        }
        int[] queue = new int[n];
        boolean[] queued = new boolean[n];
        System.arraycopy(order, 0, queue, 0, n);
        Arrays.fill(queued, true);
        int head = 0;
        int size = n;
        long moves = 0;
        long steps = 0;
        final int[] adj = g.adj;
        if (workers.threads <= 1) {
            Scratch s = scratch[0];
            while (size > 0) {
                int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                size--;
                queued[v] = false;
                int b = best(g, v, comm, tot, cnt, f, s);
                int c0 = comm[v];
                if (b != c0) {
                    if (b == EMPTY) {
                        b = free[--nFree];
                    }
                    double kv = g.strength[v];
                    tot[c0] -= kv;
                    tot[b] += kv;
                    cnt[b]++;
                    if (--cnt[c0] == 0) {
                        free[nFree++] = c0;
                    }
                    comm[v] = b;
                    moves++;
                    for (int i = g.off[v], e = g.off[v + 1]; i < e; i++) {
                        int t = adj[i];
                        if (!queued[t] && comm[t] != b) {
                            queued[t] = true;
                            int tail = head + size;
                            queue[tail >= n ? tail - n : tail] = t;
                            size++;
                        }
                    }
                }
                if ((++steps & 0x3FFF) == 0) {
                    progress.checkCancelled();
                }
            }
            return moves;
        }
        int bs = batchSize(n);
        int[] batch = new int[bs];
        int[] proposal = new int[bs];
        final int threads = workers.threads;
        while (size > 0) {
            int len = Math.min(bs, size);
            for (int i = 0; i < len; i++) {
                int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                queued[v] = false;
                batch[i] = v;
            }
            size -= len;
            final int blen = len;
            workers.run(t -> {
                Scratch s = scratch[t];
                int lo = (int) ((long) blen * t / threads);
                int hi = (int) ((long) blen * (t + 1) / threads);
                for (int i = lo; i < hi; i++) {
                    proposal[i] = best(g, batch[i], comm, tot, cnt, f, s);
                }
            });
            for (int i = 0; i < len; i++) {
                int v = batch[i];
                int b = proposal[i];
                int c0 = comm[v];
                // Stale proposals: leaving a community v is now alone in, or joining one that emptied.
                if (b == c0 || (b == EMPTY && cnt[c0] == 1) || (b != EMPTY && cnt[b] == 0)) {
                    continue;
                }
                if (b == EMPTY) {
                    b = free[--nFree];
                }
                double kv = g.strength[v];
                tot[c0] -= kv;
                tot[b] += kv;
                cnt[b]++;
                if (--cnt[c0] == 0) {
                    free[nFree++] = c0;
                }
                comm[v] = b;
                moves++;
                for (int j = g.off[v], e = g.off[v + 1]; j < e; j++) {
                    int t = adj[j];
                    if (!queued[t] && comm[t] != b) {
                        queued[t] = true;
                        int tail = head + size;
                        queue[tail >= n ? tail - n : tail] = t;
                        size++;
                    }
                }
            }
            progress.checkCancelled();
        }
        return moves;
    }
}
