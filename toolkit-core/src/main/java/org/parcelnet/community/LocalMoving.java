package org.parcelnet.community;

import java.util.Arrays;

import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;

/**
 * The local-moving phase shared by {@link Louvain} and {@link Leiden}: each node in turn moves to the
 * neighbouring community with the largest modularity gain.
 *
 * <p>Gains are in edge-weight units: moving node v (strength k<sub>v</sub>) into community C gains
 * {@code w(v,C) − γ k_v K_C / 2m}, where {@code K_C} excludes v; the modularity change of a move is
 * {@code (gain(new) − gain(stay)) / m}. A move must beat staying by a relative margin of 1e-12 so that
 * rounding cannot make nodes cycle.
 *
 * <p><b>Batched mode</b> ({@link LocalMoveMode#BATCHED}): nodes are taken in fixed batches (of a
 * size that depends only on the node count). Within a batch, the workers compute each node's best
 * move from a snapshot of the community state, and the moves are then applied one by one in batch
 * order. Which worker evaluates a node cannot change its proposal, so the outcome depends only on the
 * seed and the batch size, not on the thread count (one included) or scheduling. Before a proposal is
 * applied it is checked against the current state (see {@link Batch}), so every applied move raises
 * modularity, as in sequential mode. <b>Sequential mode</b> visits one node at a time on the calling
 * thread.
 */
final class LocalMoving {

    /** Proposal: move to a new, empty community. */
    static final int EMPTY = -2;
    static final double EPS = 1e-12;
    /** Degree up to which neighbour communities are accumulated in a small hash table ({@link SmallSums}). */
    private static final int SMALL = SmallSums.MAX_DEGREE;

    private LocalMoving() {
    }

    /** Per-worker scratch: neighbour-community weights, reset after each node. */
    static final class Scratch {
        /**
         * Weight accumulator indexed by community (or refined cluster), 0 when idle; a slot is
         * touched in the current round when {@code mark} holds {@link #stamp}.
         */
        final double[] acc;
        final int[] mark;
        int stamp;
        final int[] touched;
        double delta;
        double wBest;
        double wStay;
        /** Open-addressing table community → weight; key −1 marks a free slot. */
        final int[] slotComm = new int[SmallSums.SLOTS];
        final double[] slotWeight = new double[SmallSums.SLOTS];
        /** The occupied slots, in order of first occurrence (which keeps tie breaking deterministic). */
        final int[] used = new int[SMALL];
        /** Communities of the last low-degree node's neighbours, in arc order (see {@link #best}). */
        final int[] nbrComm = new int[SMALL];
        /** Strengths of the communities in {@link #used} order. */
        final double[] usedTot = new double[SMALL];

        /** A fresh stamp for {@link #mark} (clearing the marks when the counter wraps). */
        int nextStamp() {
            if (++stamp == Integer.MAX_VALUE) {
                Arrays.fill(mark, 0);
                stamp = 1;
            }
            return stamp;
        }

        Scratch(int n) {
            Arrays.fill(slotComm, -1);
            acc = new double[n];
            mark = new int[n];
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
        final int[] adj = g.adj;
        final double[] w = g.w;
        final int from = g.off[v];
        final int to = g.off[v + 1];
        final int c0 = comm[v];
        final double kv = g.strength[v];
        final double kf = kv * f;
        final double margin = EPS * (kv > 0 ? kv : 1);
        int best = c0;
        double bestGain;
        double bestW;
        double stay;
        double acc0 = 0;
        if (to - from <= SMALL) {
            // Low degree: accumulate in a small cache-resident hash table (a linear search of a list,
            // used before, costs O(d²) when the neighbours are in distinct communities, as at the start).
            // The scattered loads (neighbour communities, then their strengths) are done first in
            // plain loops whose loads do not depend on each other or on a branch, so the processor
            // overlaps their cache misses; the branchy hashing and comparing then run on local copies.
            final int[] keys = s.slotComm;
            final double[] vals = s.slotWeight;
            final int[] used = s.used;
            final int[] nc = s.nbrComm;
            final double[] ut = s.usedTot;
            final int d = to - from;
            for (int j = 0; j < d; j++) {
                nc[j] = comm[adj[from + j]];
            }
            int nt = SmallSums.sum(nc, d, w, from, keys, vals, used);
            for (int j = 0; j < nt; j++) {
                ut[j] = tot[keys[used[j]]];
            }
            for (int j = 0; j < nt; j++) {
                if (keys[used[j]] == c0) {
                    acc0 = vals[used[j]];
                    break;
                }
            }
            stay = acc0 - kf * (tot[c0] - kv);
            bestGain = stay;
            bestW = acc0;
            for (int j = 0; j < nt; j++) {
                int slot = used[j];
                int c = keys[slot];
                if (c != c0) {
                    double gain = vals[slot] - kf * ut[j];
                    if (gain > bestGain + margin) {
                        best = c;
                        bestGain = gain;
                        bestW = vals[slot];
                    }
                }
                keys[slot] = -1;
            }
        } else {
            final double[] acc = s.acc;
            final int[] mark = s.mark;
            final int[] touched = s.touched;
            final int stamp = s.nextStamp();
            int nt = 0;
            // Plain accumulation into a zeroed array, first touches found through stamps without a
            // branch: making the sum itself depend on the first-touch test (a sentinel −1, as
            // before) chained every arc to the previous store and cost four times as much.
            for (int i = from; i < to; i++) {
                int c = comm[adj[i]];
                acc[c] += w == null ? 1.0 : w[i];
                boolean fresh = mark[c] != stamp;
                mark[c] = stamp;
                touched[nt] = c;
                nt += fresh ? 1 : 0;
            }
            acc0 = acc[c0];
            stay = acc0 - kf * (tot[c0] - kv);
            bestGain = stay;
            bestW = acc0;
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
                acc[c] = 0.0;
            }
        }
        double wBest = best == c0 ? acc0 : bestW;
        if (cnt != null && cnt[c0] > 1 && 0 > bestGain + margin) {
            best = EMPTY;
            bestGain = 0;
            wBest = 0;
        }
        s.delta = bestGain - stay;
        s.wBest = wBest;
        s.wStay = acc0;
        return best;
    }

    /**
     * Flags the neighbours of {@code v}, just moved to {@code b}, that lie outside {@code b}. Right
     * after {@link #best} evaluated {@code v} with {@code s}, a low-degree node's neighbour
     * communities are still in {@code s.nbrComm} (only v moved since), which saves the scattered loads.
     */
    private static void activateNeighbours(WorkGraph g, int v, int b, int[] comm, boolean[] active, Scratch s) {
        final int[] adj = g.adj;
        final int from = g.off[v];
        final int to = g.off[v + 1];
        if (to - from <= SMALL) {
            final int[] nc = s.nbrComm;
            for (int j = 0, d = to - from; j < d; j++) {
                if (nc[j] != b) {
                    active[adj[from + j]] = true;
                }
            }
        } else {
            for (int j = from; j < to; j++) {
                int t = adj[j];
                if (comm[t] != b) {
                    active[t] = true;
                }
            }
        }
    }

    /**
     * Louvain's local moving on one level, from the partition in {@code comm} (with strengths
     * {@code tot}): passes over {@code order} until a pass moves nothing, improves modularity by less
     * than {@code tolerance}, or {@code maxPasses} passes ran. Returns the moves and passes made.
     *
     * <p>With pruning (N. Ozaki, H. Tezuka, M. Inaba, "A simple acceleration method for the Louvain
     * algorithm", IJCEE 8(3), 2016) a pass only visits nodes that are <em>active</em>: all nodes at
     * the start, later only those with a neighbour that moved to another community since their last
     * visit. Skipped nodes would not move (their neighbourhood is unchanged up to community
     * strengths), so passes after the first few cost a fraction of a full sweep.
     */
    static Passes louvainPasses(WorkGraph g, int[] comm, double[] tot, int[] order, double gamma, double tolerance,
                                int maxPasses, LocalMoveMode mode, WorkerPool workers, Scratch[] scratch,
                                ProgressListener progress) {
        if (g.twoM <= 0) {
            return new Passes(0, 0);
        }
        int passes = 0;
        final double f = gamma / g.twoM;
        final double m = g.twoM / 2;
        final int n = g.n;
        long moves = 0;
        boolean[] active = new boolean[n];
        java.util.Arrays.fill(active, true);
        Batch batch = mode == LocalMoveMode.BATCHED ? new Batch(n) : null;
        for (int pass = 0; pass < maxPasses; pass++) {
            long passMoves = 0;
            double gain = 0;
            if (batch == null) {
                Scratch s = scratch[0];
                for (int i = 0; i < n; i++) {
                    int v = order[i];
                    if (!active[v]) {
                        continue;
                    }
                    active[v] = false;
                    int b = best(g, v, comm, tot, null, f, s);
                    int c0 = comm[v];
                    if (b != c0) {
                        double kv = g.strength[v];
                        tot[c0] -= kv;
                        tot[b] += kv;
                        comm[v] = b;
                        passMoves++;
                        gain += s.delta;
                        activateNeighbours(g, v, b, comm, active, s);
                    }
                    if ((i & 0x3FFF) == 0) {
                        progress.checkCancelled();
                    }
                }
            } else {
                // The work of a batch is in small methods of Batch, compiled on their own early in
                // a run, rather than in loops of this method, which the JIT could only compile as
                // on-stack replacements of the whole pass (recompiled several times on the first level).
                batch.passGain = 0;
                int i = 0;
                while (i < n) {
                    i = batch.fill(order, i, active);
                    if (batch.len == 0) {
                        break;
                    }
                    batch.propose(g, batch.len, comm, tot, null, f, workers, scratch);
                    passMoves += batch.applyLouvain(g, comm, tot, f, active, scratch[0]);
                    batch.nextStamp();
                    progress.checkCancelled();
                }
                gain = batch.passGain;
            }
            moves += passMoves;
            passes++;
            if (passMoves == 0 || gain / m < tolerance) {
                break;
            }
        }
        return new Passes(moves, passes);
    }

    /** What {@link #louvainPasses} did: nodes moved and passes made. */
    record Passes(long moves, int passes) {
    }

    /**
     * Leiden's fast local moving (Traag et al. 2019, Algorithm A.2): only nodes whose neighbourhood
     * changed are revisited, until none is left; a node may move to an empty community. The paper
     * keeps those nodes in a queue; here they are kept as a set (one flag per node) that is processed
     * in sweeps over {@code order}, so that each sweep reads the adjacency arrays in (mostly)
     * sequential order instead of the scattered order a FIFO queue produces (on the 10M-edge
     * benchmark graph, level 0 from singletons: 2.3–2.5 s against 3.2–3.6 s for the queue in the same
     * run, with about the same number of moves). The set of nodes visited
     * is the paper's: all nodes once, then each neighbour, outside its new community, of a node that
     * moved. {@code comm} holds ids in {@code [0, n)} with strengths {@code tot} and sizes
     * {@code cnt}. Returns the number of moves.
     */
    static long fastLocalMove(WorkGraph g, int[] comm, double[] tot, int[] cnt, int[] order, double gamma,
                              LocalMoveMode mode, WorkerPool workers, Scratch[] scratch, ProgressListener progress) {
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
        boolean[] active = new boolean[n];
        Arrays.fill(active, true);
        long moves = 0;
        Batch batch = mode == LocalMoveMode.BATCHED ? new Batch(n) : null;
        for (long passMoves = 1; passMoves > 0; ) {
            passMoves = 0;
            if (batch == null) {
                Scratch s = scratch[0];
                for (int i = 0; i < n; i++) {
                    int v = order[i];
                    if (!active[v]) {
                        continue;
                    }
                    active[v] = false;
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
                        passMoves++;
                        activateNeighbours(g, v, b, comm, active, s);
                    }
                    if ((i & 0x3FFF) == 0) {
                        progress.checkCancelled();
                    }
                }
            } else {
                // As in louvainPasses, the batch's work is in small methods of Batch.
                batch.free = free;
                batch.nFree = nFree;
                int i = 0;
                while (i < n) {
                    i = batch.fill(order, i, active);
                    if (batch.len == 0) {
                        break;
                    }
                    batch.propose(g, batch.len, comm, tot, cnt, f, workers, scratch);
                    passMoves += batch.applyLeiden(g, comm, tot, cnt, f, active, scratch[0]);
                    batch.nextStamp();
                    progress.checkCancelled();
                }
                nFree = batch.nFree;
            }
            moves += passMoves;
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
        /** Nodes in the current batch. */
        int len;
        /** Louvain: the gains of the moves applied in this pass, summed in the order applied. */
        double passGain;
        /** Leiden: ids of the empty communities (a stack of {@link #nFree}), for moves to an empty one. */
        int[] free;
        int nFree;

        Batch(int n) {
            int bs = batchSize(n);
            nodes = new int[bs];
            proposal = new int[bs];
            wBest = new double[bs];
            wStay = new double[bs];
            dirty = new int[n];
        }

        void propose(WorkGraph g, int len, int[] comm, double[] tot, int[] cnt, double f, WorkerPool workers,
                     Scratch[] scratch) {
            final int threads = workers.threads();
            workers.forEach(threads, t -> {
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

        /**
         * Takes the active nodes of {@code order} from index {@code i} on into the batch, clearing their
         * flags, until the batch is full or the order ends; sets {@link #len} and returns the index
         * after the last node looked at.
         */
        int fill(int[] order, int i, boolean[] active) {
            final int n = order.length;
            final int bs = nodes.length;
            int k = 0;
            while (i < n && k < bs) {
                int v = order[i++];
                if (active[v]) {
                    active[v] = false;
                    nodes[k++] = v;
                }
            }
            len = k;
            return i;
        }

        /**
         * Louvain: applies the batch's moves in batch order (each validated against the current
         * state), adds their gains to {@link #passGain} and flags the moved nodes' neighbours outside
         * their new community as active. Returns the moves.
         */
        long applyLouvain(WorkGraph g, int[] comm, double[] tot, double f, boolean[] active, Scratch s) {
            long moves = 0;
            for (int k = 0; k < len; k++) {
                int v = nodes[k];
                int c0 = comm[v];
                int b = validated(g, k, comm, tot, null, f, s);
                if (b != c0) {
                    double kv = g.strength[v];
                    tot[c0] -= kv;
                    tot[b] += kv;
                    comm[v] = b;
                    moves++;
                    passGain += gain;
                    touchNeighbours(g, v);
                    activateOutside(g, v, b, comm, active);
                }
            }
            return moves;
        }

        /**
         * Leiden: as {@link #applyLouvain}, keeping community sizes {@code cnt} and the stack of
         * empty community ids ({@link #free}) for moves to an empty community. Returns the moves.
         */
        long applyLeiden(WorkGraph g, int[] comm, double[] tot, int[] cnt, double f, boolean[] active, Scratch s) {
            long moves = 0;
            for (int k = 0; k < len; k++) {
                int v = nodes[k];
                int c0 = comm[v];
                int b = validated(g, k, comm, tot, cnt, f, s);
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
                touchNeighbours(g, v);
                activateOutside(g, v, b, comm, active);
            }
            return moves;
        }

        /** Flags the neighbours of {@code v} outside community {@code b} as active. */
        private static void activateOutside(WorkGraph g, int v, int b, int[] comm, boolean[] active) {
            final int[] adj = g.adj;
            for (int j = g.off[v], e = g.off[v + 1]; j < e; j++) {
                int t = adj[j];
                if (comm[t] != b) {
                    active[t] = true;
                }
            }
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
