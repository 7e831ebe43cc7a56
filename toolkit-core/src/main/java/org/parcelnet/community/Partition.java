package org.parcelnet.community;

import java.util.Arrays;
import java.util.Objects;

/**
 * A partition of the nodes {@code 0..n-1} into communities with dense ids: community 0 is the
 * largest, ties broken by the smallest member node, so that equal partitions have equal membership
 * arrays whatever labels produced them. Immutable; accessors return copies.
 */
public final class Partition {

    private final int[] membership;
    private final int[] sizes;

    private Partition(int[] membership, int[] sizes) {
        this.membership = membership;
        this.sizes = sizes;
    }

    /**
     * The partition whose communities are the classes of equal labels. Labels may be any ints
     * (negative too); O(n + k log k) for k distinct labels (O(n log n) when labels are not in
     * {@code [0, n)}).
     */
    public static Partition of(int[] labels) {
        Objects.requireNonNull(labels, "labels");
        int n = labels.length;
        // First map labels to dense ids in order of first appearance.
        int[] dense = new int[n];
        int k = denseFirstSeen(labels, dense);
        int[] size = new int[k];
        for (int v = 0; v < n; v++) {
            size[dense[v]]++;
        }
        // Order communities by size descending; first-seen order already breaks ties by smallest node.
        long[] order = new long[k];
        for (int c = 0; c < k; c++) {
            order[c] = ((long) (Integer.MAX_VALUE - size[c]) << 32) | c;
        }
        Arrays.sort(order);
        int[] rank = new int[k];
        int[] sizes = new int[k];
        for (int r = 0; r < k; r++) {
            int c = (int) order[r];
            rank[c] = r;
            sizes[r] = size[c];
        }
        for (int v = 0; v < n; v++) {
            dense[v] = rank[dense[v]];
        }
        return new Partition(dense, sizes);
    }

    /** Every node in its own community. */
    public static Partition singletons(int n) {
        int[] m = new int[n];
        for (int v = 0; v < n; v++) {
            m[v] = v;
        }
        int[] s = new int[n];
        Arrays.fill(s, 1);
        return new Partition(m, s);
    }

    /**
     * Writes dense ids in order of first appearance into {@code out} and returns their count.
     * Fast path for labels in {@code [0, n)}.
     */
    static int denseFirstSeen(int[] labels, int[] out) {
        int n = labels.length;
        boolean inRange = true;
        for (int v = 0; v < n && inRange; v++) {
            inRange = labels[v] >= 0 && labels[v] < n;
        }
        int k = 0;
        if (inRange) {
            int[] map = new int[n];
            Arrays.fill(map, -1);
            for (int v = 0; v < n; v++) {
                int l = labels[v];
                if (map[l] < 0) {
                    map[l] = k++;
                }
                out[v] = map[l];
            }
            return k;
        }
        long[] keyed = new long[n];
        for (int v = 0; v < n; v++) {
            keyed[v] = ((long) labels[v] << 32) | v;
        }
        Arrays.sort(keyed);
        // Group id by label, then renumber groups by their smallest node.
        int[] group = new int[n];
        int[] firstNode = new int[n];
        int g = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || (keyed[i] >> 32) != (keyed[i - 1] >> 32)) {
                g++;
                firstNode[g] = (int) keyed[i];
            }
            group[(int) keyed[i]] = g;
        }
        int groups = g + 1;
        int[] groupRank = new int[groups];
        Arrays.fill(groupRank, -1);
        for (int v = 0; v < n; v++) {
            int gr = group[v];
            if (groupRank[gr] < 0) {
                groupRank[gr] = k++;
            }
            out[v] = groupRank[gr];
        }
        return k;
    }

    /** Number of nodes. */
    public int nodeCount() {
        return membership.length;
    }

    /** Number of communities. */
    public int communityCount() {
        return sizes.length;
    }

    /** Community of node {@code v}. */
    public int community(int v) {
        return membership[v];
    }

    /** A copy of the membership array. */
    public int[] membership() {
        return membership.clone();
    }

    /** Number of nodes in community {@code c}. */
    public int size(int c) {
        return sizes[c];
    }

    /** A copy of the community sizes, descending. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The members of every community, each sorted ascending; {@code result[c]} lists community c. */
    public int[][] members() {
        int[][] out = new int[sizes.length][];
        int[] fill = new int[sizes.length];
        for (int c = 0; c < sizes.length; c++) {
            out[c] = new int[sizes[c]];
        }
        for (int v = 0; v < membership.length; v++) {
            int c = membership[v];
            out[c][fill[c]++] = v;
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Partition && Arrays.equals(membership, ((Partition) o).membership);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(membership);
    }

    @Override
    public String toString() {
        return "Partition[nodes=" + membership.length + ", communities=" + sizes.length + "]";
    }
}
