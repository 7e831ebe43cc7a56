package org.parcelnet.paths;

/**
 * A node numbering that puts densely connected nodes next to each other in memory, for the traversal
 * kernels of {@link Betweenness} on large graphs whose ids carry no locality (e.g. ids in arrival or
 * hash order). A few sweeps of asynchronous label propagation (U. N. Raghavan, R. Albert, S. Kumara,
 * Phys. Rev. E 76, 036106 (2007), doi:10.1103/PhysRevE.76.036106) over the out-arcs, in id order,
 * deterministic (a node keeps its label when that is among the most frequent around it, otherwise takes
 * the smallest most frequent one); then nodes are numbered label by label, by id inside a label.
 *
 * <p>Only an ordering heuristic: any outcome is a valid permutation, a poor one is merely slower.
 * Cost O(sweeps · m) time, 12 bytes per node of working state; the result is a fresh {@code int[n]}.
 */
final class LocalityOrder {

    private LocalityOrder() {
    }

    /**
     * New id of every node.
     *
     * @param n      node count
     * @param off    CSR offsets ({@code n + 1} entries)
     * @param tgt    CSR targets
     * @param sweeps maximum number of propagation sweeps (stops earlier once fewer than n/1000 change)
     * @return {@code rank[v]}, a permutation of {@code 0..n-1}
     */
    static int[] rank(int n, int[] off, int[] tgt, int sweeps) {
        int[] label = new int[n];
        for (int v = 0; v < n; v++) {
            label[v] = v;
        }
        int[] count = new int[n];
        int[] seen = new int[16];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            int changed = 0;
            for (int u = 0; u < n; u++) {
                int distinct = 0;
                for (int a = off[u], end = off[u + 1]; a < end; a++) {
                    int l = label[tgt[a]];
                    if (count[l]++ == 0) {
                        if (distinct == seen.length) {
                            seen = java.util.Arrays.copyOf(seen, 2 * distinct);
                        }
                        seen[distinct++] = l;
                    }
                }
                int own = label[u];
                int ownCount = count[own];
                int best = own;
                int bestCount = 0;
                for (int i = 0; i < distinct; i++) {
                    int l = seen[i];
                    int c = count[l];
                    if (c > bestCount || (c == bestCount && l < best)) {
                        bestCount = c;
                        best = l;
                    }
                    count[l] = 0;
                }
                if (ownCount < bestCount) {
                    label[u] = best;
                    changed++;
                }
            }
            if (changed < n / 1000 + 1) {
                break;
            }
        }
        // counting sort by label, stable in id
        int[] start = count; // all zero again
        for (int v = 0; v < n; v++) {
            start[label[v]]++;
        }
        int sum = 0;
        for (int l = 0; l < n; l++) {
            int c = start[l];
            start[l] = sum;
            sum += c;
        }
        int[] rank = new int[n];
        for (int v = 0; v < n; v++) {
            rank[v] = start[label[v]]++;
        }
        return rank;
    }
}
