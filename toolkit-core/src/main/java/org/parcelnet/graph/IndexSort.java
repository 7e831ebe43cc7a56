package org.parcelnet.graph;

/**
 * Stable sorts of positions by primitive keys, without boxing: the order {@code Arrays.sort} gives an
 * {@code Integer[]} of {@code 0..n-1} with a comparator on the keys (ties keep ascending positions),
 * from a bottom-up merge sort on {@code int[]}. O(n log n) time, O(n) when the keys are in order
 * already; 8 bytes per position of working memory.
 */
public final class IndexSort {

    private IndexSort() {
    }

    /** Positions {@code 0..key.length-1} by ascending {@code key}, ties by position. */
    public static int[] stableOrder(long[] key) {
        return stableOrder(key, null);
    }

    /**
     * Positions {@code 0..primary.length-1} by ascending {@code primary}, then {@code secondary} (may
     * be null), ties by position.
     */
    public static int[] stableOrder(long[] primary, long[] secondary) {
        int n = primary.length;
        if (secondary != null && secondary.length != n) {
            throw new IllegalArgumentException("secondary has " + secondary.length + " keys for " + n);
        }
        int[] a = new int[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            a[i] = i;
            sorted &= i == 0 || !before(i, i - 1, primary, secondary);
        }
        if (sorted) {
            return a; // keys already in order (rows in time order, the usual export): nothing to merge
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    // the right run's head goes first only when strictly smaller: stable
                    b[k++] = before(a[j], a[i], primary, secondary) ? a[j++] : a[i++];
                }
                while (i < mid) {
                    b[k++] = a[i++];
                }
                while (j < hi) {
                    b[k++] = a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }

    private static boolean before(int x, int y, long[] primary, long[] secondary) {
        if (primary[x] != primary[y]) {
            return primary[x] < primary[y];
        }
        return secondary != null && secondary[x] < secondary[y];
    }
}
