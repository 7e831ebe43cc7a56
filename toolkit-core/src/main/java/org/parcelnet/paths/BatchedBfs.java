package org.parcelnet.paths;

import java.util.Arrays;

/**
 * Undirected BFS for up to 32 sources at once, level by level (multi-source traversal in the
 * manner of M. Then et al., "The more the merrier: efficient multi-source graph traversal", PVLDB
 * 8(4) (2014) 449–460, doi:10.14778/2735496.2735507, extended with path counts). Node v holds, per
 * source j of the batch, a 2-bit level code (0 unreached, else 1 + level mod 3; the neighbours of a
 * node at level l sit at l−1, l or l+1, so mod 3 tells them apart) in one long, and σ_j(v) in
 * {@code sig[v·K + j]}, later overwritten by (1+δ_j(v))/σ_j(v). The frontier of a level is a list of
 * (node, mask of the sources for which the node is at that level), sorted by node: one scan of a
 * node's arcs serves every source of its mask, and the σ values of all sources share the node's
 * cache lines. Masks keep source j at bit 2j to match the codes.
 * Memory per thread: 8K + 16 bytes per node, plus 12 bytes per list entry (about 3 per node).
 */
final class BatchedBfs implements BrandesKernel {
    static final int MAX_WIDTH = 32;
    private static final long LOW = 0x5555555555555555L;
    private final int n;
    private final int[] off;
    private final int[] tgt;
    private final int width;
    private final long[] code;
    private final long[] nextMask;
    private final double[] sig;
    private final double[] acc;
    private int[] ent;
    private long[] entMask;
    private int[] levelStart = new int[64];

    BatchedBfs(BrandesGraph g, int width) {
        n = g.n;
        off = g.off;
        tgt = g.tgt;
        this.width = width;
        code = new long[n];
        nextMask = new long[n];
        sig = new double[n * width];
        acc = new double[width];
        ent = new int[n + width];
        entMask = new long[n + width];
    }

    private void grow() {
        int cap = ent.length + (ent.length >> 1) + 16;
        ent = Arrays.copyOf(ent, cap);
        entMask = Arrays.copyOf(entMask, cap);
    }

    @Override
    public void run(int[] src, int from, int to, double[] score) {
        final int[] off = this.off;
        final int[] tgt = this.tgt;
        final long[] code = this.code;
        final long[] nextMask = this.nextMask;
        final double[] sig = this.sig;
        final int kw = width;
        int end = 0;
        for (int j = 0; j < to - from; j++) {
            int s = src[from + j];
            code[s] |= 1L << (2 * j);
            sig[s * kw + j] = 1;
            ent[end] = s;
            entMask[end] = 1L << (2 * j);
            end++;
        }
        Arrays.sort(ent, 0, end); // sources are distinct: one entry each, re-derive masks
        for (int e = 0; e < end; e++) {
            int s = ent[e];
            entMask[e] = code[s];
        }
        levelStart[0] = 0;
        levelStart[1] = end;
        int l = 0;
        while (levelStart[l] < levelStart[l + 1]) {
            int lo = levelStart[l];
            int hi = levelStart[l + 1];
            for (int e = lo; e < hi; e++) {
                int u = ent[e];
                long mask = entMask[e];
                int bu = u * kw;
                for (int a = off[u], ae = off[u + 1]; a < ae; a++) {
                    int v = tgt[a];
                    long cv = code[v];
                    long d = mask & ~((cv | (cv >>> 1)) & LOW); // sources for which v is new
                    if (d == 0) {
                        continue;
                    }
                    long nm = nextMask[v];
                    if (nm == 0) {
                        if (end == ent.length) {
                            grow();
                        }
                        ent[end++] = v;
                    }
                    nextMask[v] = nm | d;
                    int bv = v * kw;
                    do {
                        int j = Long.numberOfTrailingZeros(d) >>> 1;
                        sig[bv + j] += sig[bu + j];
                        d &= d - 1;
                    } while (d != 0);
                }
            }
            // next level, sorted by node: a sweep of the mask array when large, else a sort
            if (end - hi > n >>> 5) {
                int p = hi;
                for (int v = 0; v < n; v++) {
                    if (nextMask[v] != 0) {
                        ent[p++] = v;
                    }
                }
            } else {
                Arrays.sort(ent, hi, end);
            }
            long c = 1 + (l + 1) % 3;
            for (int e = hi; e < end; e++) {
                int v = ent[e];
                long m = nextMask[v];
                entMask[e] = m;
                code[v] |= m * c; // m has isolated bits 2j, so m·c writes c into each field j
                nextMask[v] = 0;
            }
            l++;
            if (l + 1 >= levelStart.length) {
                levelStart = Arrays.copyOf(levelStart, 2 * levelStart.length);
            }
            levelStart[l + 1] = end;
        }
        final double[] acc = this.acc;
        for (int lv = l - 1; lv >= 0; lv--) {
            long next = (1 + (lv + 1) % 3) * LOW;
            for (int e = levelStart[lv], ee = levelStart[lv + 1]; e < ee; e++) {
                int w = ent[e];
                long mask = entMask[e];
                for (int a = off[w], ae = off[w + 1]; a < ae; a++) {
                    int x = tgt[a];
                    long t = code[x] ^ next;
                    long succ = ~(t | (t >>> 1)) & mask; // sources for which x is one level further
                    if (succ == 0) {
                        continue;
                    }
                    int bx = x * kw;
                    do {
                        int j = Long.numberOfTrailingZeros(succ) >>> 1;
                        acc[j] += sig[bx + j];
                        succ &= succ - 1;
                    } while (succ != 0);
                }
                int bw = w * kw;
                double sum = 0;
                do {
                    int j = Long.numberOfTrailingZeros(mask) >>> 1;
                    double sw = sig[bw + j];
                    double aj = acc[j];
                    sum += sw * aj;
                    sig[bw + j] = 1 / sw + aj;
                    acc[j] = 0;
                    mask &= mask - 1;
                } while (mask != 0);
                if (lv > 0) {
                    score[w] += sum;
                }
            }
        }
        for (int e = 0; e < end; e++) {
            int v = ent[e];
            code[v] = 0;
            Arrays.fill(sig, v * kw, v * kw + kw, 0.0);
        }
    }
}
