package org.parcelnet.community;

/**
 * Sums of edge weights per key (a label or a community) for a low-degree node, in a small
 * open-addressing table that stays in L1: used by label propagation and by local moving, where a
 * list searched linearly would cost O(d²) while every neighbour has its own key.
 */
final class SmallSums {

    /** Degree up to which a node's neighbour keys are summed here. */
    static final int MAX_DEGREE = 48;
    /** Slots of the table (load factor at most 3/8, so probes are short). */
    static final int SLOTS = 128;

    private SmallSums() {
    }

    /**
     * Adds {@code w[from + j]} (1 when {@code w} is null) to the sum of key {@code key[j]} for
     * {@code j < d} (keys ≥ 0, {@code d ≤ MAX_DEGREE}); the slots used are listed in {@code used}, in
     * order of first use, and their count is returned. The caller reads {@code keys[used[i]]} and
     * {@code vals[used[i]]}, then sets those keys back to -1.
     */
    static int sum(int[] key, int d, double[] w, int from, int[] keys, double[] vals, int[] used) {
        int nt = 0;
        for (int j = 0; j < d; j++) {
            int k = key[j];
            double wt = w == null ? 1.0 : w[from + j];
            int h = (k * 0x9E3779B9) >>> 25;
            while (true) {
                int slot = keys[h];
                if (slot == k) {
                    vals[h] += wt;
                    break;
                }
                if (slot < 0) {
                    keys[h] = k;
                    vals[h] = wt;
                    used[nt++] = h;
                    break;
                }
                h = (h + 1) & (SLOTS - 1);
            }
        }
        return nt;
    }
}
