package org.parcelnet.linking;

import java.util.Arrays;

/**
 * Disjoint sets over the ints {@code 0..n-1} (Tarjan 1975): union by size and path halving, so a
 * sequence of m operations costs O(m α(n)).
 *
 * <p>One int array holds everything: a non-negative entry is the parent, a negative entry marks a
 * root and stores minus the size of its set. That is 4 bytes per element and one cache line per hop.
 * Not thread-safe.
 */
public final class UnionFind {

    private final int[] parent;
    private int sets;

    /** {@code n} singleton sets. */
    public UnionFind(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        parent = new int[n];
        Arrays.fill(parent, -1);
        sets = n;
    }

    /** Number of elements. */
    public int size() {
        return parent.length;
    }

    /** Number of disjoint sets. */
    public int setCount() {
        return sets;
    }

    /** The representative of {@code x}'s set; halves the path on the way. */
    public int find(int x) {
        final int[] p = parent;
        int px;
        while ((px = p[x]) >= 0) {
            int gp = p[px];
            if (gp < 0) {
                return px;
            }
            p[x] = gp;
            x = gp;
        }
        return x;
    }

    /** Merges the sets of {@code a} and {@code b}; returns whether they were different. */
    public boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return false;
        }
        final int[] p = parent;
        // Sizes are stored negated: the more negative root is the larger set.
        if (p[ra] > p[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        p[ra] += p[rb];
        p[rb] = ra;
        sets--;
        return true;
    }

    /** Whether {@code a} and {@code b} are in the same set. */
    public boolean connected(int a, int b) {
        return find(a) == find(b);
    }

    /** Size of {@code x}'s set. */
    public int setSize(int x) {
        return -parent[find(x)];
    }

    /**
     * Dense set labels: label 0 is the largest set, ties broken by smallest member. O(n + k log k).
     */
    public int[] labels() {
        int n = parent.length;
        int[] root = new int[n];
        for (int v = 0; v < n; v++) {
            root[v] = find(v);
        }
        // Roots in order of first appearance, then sorted by size descending (stable by first member).
        int[] firstSeenId = new int[n];
        Arrays.fill(firstSeenId, -1);
        int k = 0;
        int[] rootOf = new int[sets];
        for (int v = 0; v < n; v++) {
            int r = root[v];
            if (firstSeenId[r] < 0) {
                rootOf[k] = r;
                firstSeenId[r] = k++;
            }
        }
        long[] order = new long[k];
        for (int c = 0; c < k; c++) {
            order[c] = ((long) (Integer.MAX_VALUE + parent[rootOf[c]]) << 32) | c;
        }
        Arrays.sort(order);
        int[] rank = new int[k];
        for (int i = 0; i < k; i++) {
            rank[(int) order[i]] = i;
        }
        int[] label = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = rank[firstSeenId[root[v]]];
        }
        return label;
    }
}
