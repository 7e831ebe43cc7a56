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
 * the batch size, not on the thread count or scheduling. Before a proposal is applied it is checked
 * against the current state (see {@link Batch}), so every applied move raises modularity, as in
 * sequential mode.
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
        double wBest;
        double wStay;

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
        double acc0 = acc[c0] < 0 ? 0 : acc[c0];
        double stay = acc0 - kf * (tot[c0] - kv);
        int best = c0;
        double bestGain = stay;
        double bestW = acc0;
        double margin = EPS * (kv > 0 ? kv : 1);
        for (int j = 0; j < nt; j++) {
            int c = touched[j];
            if (c != c0) {
                double gain = acc[c] - kf * tot[c];
                if (gain > bestGain + margin) {
                    best = c;
                    bestGain = gain;
                    bestW = acc[c];
                }
            }
            acc[c] = -1.0;
        }
        double wStay = acc0;
        double wBest = best == c0 ? wStay : bestW;
        if (cnt != null && cnt[c0] > 1 && 0 > bestGain + margin) {
            best = EMPTY;
            bestGain = 0;
            wBest = 0;
        }
        s.delta = bestGain - stay;
        s.wBest = wBest;
        s.wStay = wStay;
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
        Batch batch = workers.threads > 1 ? new Batch(n) : null;
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
                int bs = batch.proposal.length;
                for (int a = 0; a < n; a += bs) {
                    int len = Math.min(bs, n - a);
                    System.arraycopy(order, a, batch.nodes, 0, len);
                    batch.propose(g, len, comm, tot, null, f, workers, scratch);
                    for (int i = 0; i < len; i++) {
                        int v = batch.nodes[i];
                        int c0 = comm[v];
                        int b = batch.validated(g, i, comm, tot, null, f, scratch[0]);
                        if (b != c0) {
                            double kv = g.strength[v];
                            tot[c0] -= kv;
                            tot[b] += kv;
                            comm[v] = b;
                            passMoves++;
                            gain += batch.gain;
                            batch.touchNeighbours(g, v);
                        }
                    }
                    batch.nextStamp();
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
        Batch batch = new Batch(n);
        int bs = batch.proposal.length;
        while (size > 0) {
            int len = Math.min(bs, size);
            for (int i = 0; i < len; i++) {
                int v = queue[head];
                head = head + 1 == n ? 0 : head + 1;
                queued[v] = false;
                batch.nodes[i] = v;
            }
            size -= len;
            batch.propose(g, len, comm, tot, cnt, f, workers, scratch);
            for (int i = 0; i < len; i++) {
                int v = batch.nodes[i];
                int c0 = comm[v];
                int b = batch.validated(g, i, comm, tot, cnt, f, scratch[0]);
                if (b == c0) {
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
                batch.touchNeighbours(g, v);
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
            batch.nextStamp();
            progress.checkCancelled();
        }
        return moves;
    }

    /**
     * One batch of parallel mode. Workers propose moves from a snapshot ({@link #propose}); the caller
     * then applies them in batch order through {@link #validated}, which re-checks each proposal
     * against the current state: exactly in O(1) from the recorded weights when no neighbour of the
     * node moved earlier in the batch, otherwise by re-evaluating the node. Every applied move thus
     * strictly raises modularity, so the phase terminates, and the outcome does not depend on which
     * worker evaluated which node.
     */
    static final class Batch {
        final int[] nodes;
        final int[] proposal;
        final double[] wBest;
        final double[] wStay;
        private final int[] dirty;
        private int stamp = 1;
        /** Gain (edge-weight units) of the move last returned by {@link #validated}. */
        double gain;

        Batch(int n) {
            int bs = batchSize(n);
            nodes = new int[bs];
            proposal = new int[bs];
            wBest = new double[bs];
            wStay = new double[bs];
            dirty = new int[n];
        }

        void propose(WorkGraph g, int len, int[] comm, double[] tot, int[] cnt, double f, Workers workers,
                     Scratch[] scratch) {
            final int threads = workers.threads;
            workers.run(t -> {
                Scratch s = scratch[t];
                int lo = (int) ((long) len * t / threads);
                int hi = (int) ((long) len * (t + 1) / threads);
                for (int i = lo; i < hi; i++) {
                    proposal[i] = best(g, nodes[i], comm, tot, cnt, f, s);
                    wBest[i] = s.wBest;
                    wStay[i] = s.wStay;
                }
            });
        }

        /** The move to apply for batch slot {@code i}: a community, {@link #EMPTY}, or comm[v] for none. */
        int validated(WorkGraph g, int i, int[] comm, double[] tot, int[] cnt, double f, Scratch s) {
            int v = nodes[i];
            int c0 = comm[v];
            int b = proposal[i];
            double wb = wBest[i];
            double ws = wStay[i];
            if (dirty[v] == stamp) {
                b = best(g, v, comm, tot, cnt, f, s);
                wb = s.wBest;
                ws = s.wStay;
            }
            if (b == c0 || (cnt != null && b == EMPTY && cnt[c0] <= 1) || (cnt != null && b >= 0 && cnt[b] == 0)) {
                return c0;
            }
            double kv = g.strength[v];
            double stay = ws - f * kv * (tot[c0] - kv);
            double move = b == EMPTY ? 0 : wb - f * kv * tot[b];
            if (move > stay + EPS * (kv > 0 ? kv : 1)) {
                gain = move - stay;
                return b;
            }
            return c0;
        }

        /** Marks the neighbours of a moved node: their proposals in this batch may be stale. */
        void touchNeighbours(WorkGraph g, int v) {
            for (int i = g.off[v], e = g.off[v + 1]; i < e; i++) {
                dirty[g.adj[i]] = stamp;
            }
        }

        void nextStamp() {
            if (++stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(dirty, 0);
                stamp = 1;
            }
        }
    }
}
