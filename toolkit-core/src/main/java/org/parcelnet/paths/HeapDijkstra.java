package org.parcelnet.paths;

/**
 * Dijkstra with an indexed 4-ary heap, for costs that are not small integers. Two path costs are
 * equal when they differ by at most {@code 1e-10} relative. Distance and σ are interleaved
 * ({@code st[2v]}, {@code st[2v+1]}) so that each arc costs one cache line in either pass; 36 bytes
 * per node per thread.
 */
final class HeapDijkstra implements BrandesKernel.SingleSource {
    /** Relative difference up to which two path costs count as equal. */
    static final double TIE = 1e-10;
    private final int[] off;
    private final int[] tgt;
    private final double[] cost;
    private final double[] st;
    private final int[] order;
    private final IndexedHeap heap;

    HeapDijkstra(BrandesGraph g) {
        off = g.off;
        tgt = g.tgt;
        cost = g.cost;
        st = new double[2 * g.n];
        for (int v = 0; v < g.n; v++) {
            st[2 * v] = Double.POSITIVE_INFINITY;
        }
        order = new int[g.n];
        heap = new IndexedHeap(g.n);
    }

    @Override
    public void one(int s, double[] score) {
        final int[] off = this.off;
        final int[] tgt = this.tgt;
        final double[] st = this.st;
        final double[] c = cost;
        final IndexedHeap h = heap;
        st[2 * s] = 0;
        st[2 * s + 1] = 1;
        h.insertOrDecrease(s, 0);
        int count = 0;
        while (!h.isEmpty()) {
            int u = h.pop();
            order[count++] = u;
            double du = st[2 * u];
            double su = st[2 * u + 1];
            for (int a = off[u], end = off[u + 1]; a < end; a++) {
                int v = tgt[a];
                double d = du + c[a];
                double dv = st[2 * v];
                if (dv == Double.POSITIVE_INFINITY || d < dv - TIE * dv) {
                    st[2 * v] = d;
                    st[2 * v + 1] = su;
                    h.insertOrDecrease(v, d);
                } else if (d <= dv + TIE * dv) {
                    st[2 * v + 1] += su;
                }
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            int w = order[i];
            double dw = st[2 * w];
            double acc = 0;
            for (int a = off[w], end = off[w + 1]; a < end; a++) {
                int x2 = 2 * tgt[a];
                double dx = st[x2];
                if (Math.abs(dw + c[a] - dx) <= TIE * dx && x2 != 2 * w) {
                    acc += st[x2 + 1];
                }
            }
            double sw = st[2 * w + 1];
            if (w != s) {
                score[w] += sw * acc;
            }
            st[2 * w + 1] = 1 / sw + acc;
        }
        for (int i = 0; i < count; i++) {
            int v = order[i];
            st[2 * v] = Double.POSITIVE_INFINITY;
            st[2 * v + 1] = 0;
        }
    }
}
