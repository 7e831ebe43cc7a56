package org.parcelnet.paths;

import java.util.Arrays;

import org.parcelnet.graph.CompactGraph;

/**
 * The kernels' private copy of the graph: CSR arrays (renumbered when {@code rank} is set), arcs
 * of infinite cost dropped, costs as ints when they are all small integers (bucket queue) or as
 * doubles (heap), none when all are 1 or absent (BFS).
 */
final class BrandesGraph {
    final int n;
    final int[] off;
    final int[] tgt;
    final int[] icost;
    final double[] cost;
    final int maxCost;
    final int[] rank;
    final Kind kind;

    /** Which kernel a graph needs: BFS without costs, Dial's buckets for small integer costs, else a heap. */
    enum Kind { BFS_UNDIRECTED, BFS_DIRECTED, DIAL, HEAP }

    private BrandesGraph(int n, int[] off, int[] tgt, int[] icost, double[] cost, int maxCost, int[] rank, Kind kind) {
        this.n = n;
        this.off = off;
        this.tgt = tgt;
        this.icost = icost;
        this.cost = cost;
        this.maxCost = maxCost;
        this.rank = rank;
        this.kind = kind;
    }

    static BrandesGraph of(CompactGraph g, double[] cost, boolean relabel) {
        int n = g.nodeCount();
        boolean unit = true;
        boolean integral = true;
        double max = 0;
        if (cost != null) {
            for (double c : cost) {
                if (c == Double.POSITIVE_INFINITY) {
                    continue;
                }
                unit &= c == 1.0;
                integral &= c == Math.rint(c) && c <= DialDijkstra.MAX_COST;
                max = Math.max(max, c);
            }
        }
        Kind kind;
        if (cost == null || unit) {
            kind = g.isDirected() ? Kind.BFS_DIRECTED : Kind.BFS_UNDIRECTED;
        } else if (integral && max * Math.max(1, n - 1) < Integer.MAX_VALUE) {
            kind = Kind.DIAL;
        } else {
            kind = Kind.HEAP;
        }
        int m = 0;
        for (int a = 0; a < g.arcCount(); a++) {
            if (cost == null || cost[a] != Double.POSITIVE_INFINITY) {
                m++;
            }
        }
        int[] off = new int[n + 1];
        int[] tgt = new int[m];
        int[] ic = kind == Kind.DIAL ? new int[m] : null;
        double[] dc = kind == Kind.HEAP ? new double[m] : null;
        int[] rank = null;
        int[] inv = null;
        if (relabel) {
            int[] o0 = new int[n + 1];
            int[] t0 = new int[g.arcCount()];
            for (int v = 0; v < n; v++) {
                o0[v] = g.outStart(v);
                for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                    t0[a] = g.target(a);
                }
            }
            o0[n] = g.arcCount();
            rank = LocalityOrder.rank(n, o0, t0, 3);
            inv = new int[n];
            for (int v = 0; v < n; v++) {
                inv[rank[v]] = v;
            }
        }
        int p = 0;
        for (int nv = 0; nv < n; nv++) {
            off[nv] = p;
            int u = inv == null ? nv : inv[nv];
            for (int a = g.outStart(u), end = g.outEnd(u); a < end; a++) {
                if (cost != null && cost[a] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                int v = g.target(a);
                tgt[p] = rank == null ? v : rank[v];
                if (ic != null) {
                    ic[p] = (int) cost[a];
                } else if (dc != null) {
                    dc[p] = cost[a];
                }
                p++;
            }
            if (rank != null && ic == null && dc == null) {
                Arrays.sort(tgt, off[nv], p); // neighbours in memory order: a few % faster traversals
            }
        }
        off[n] = p;
        return new BrandesGraph(n, off, tgt, ic, dc, (int) Math.min(max, Integer.MAX_VALUE), rank, kind);
    }
}
