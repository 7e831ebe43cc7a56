package org.parcelnet.paths;

/**
 * One directed BFS per source. An out-neighbour may sit at any earlier level, so exact levels
 * (1 + level, 0 unreached) are kept in an int array. The backward pass overwrites σ(v) with
 * (1+δ(v))/σ(v), the only value v's predecessors need. 16 bytes per node per thread.
 */
final class DirectedBfs implements BrandesKernel.SingleSource {
    private final int[] off;
    private final int[] tgt;
    private final int[] depth;
    private final double[] sigma;
    private final int[] order;

    DirectedBfs(BrandesGraph g) {
        off = g.off;
        tgt = g.tgt;
        depth = new int[g.n];
        sigma = new double[g.n];
        order = new int[g.n];
    }

    @Override
    public void one(int s, double[] score) {
        final int[] off = this.off;
        final int[] tgt = this.tgt;
        final int[] depth = this.depth;
        final double[] sigma = this.sigma;
        final int[] q = order;
        depth[s] = 1;
        sigma[s] = 1;
        q[0] = s;
        int head = 0;
        int tail = 1;
        while (head < tail) {
            int u = q[head++];
            int next = depth[u] + 1;
            double su = sigma[u];
            for (int a = off[u], end = off[u + 1]; a < end; a++) {
                int v = tgt[a];
                int dv = depth[v];
                if (dv == 0) {
                    depth[v] = next;
                    sigma[v] = su;
                    q[tail++] = v;
                } else if (dv == next) {
                    sigma[v] += su;
                }
            }
        }
        for (int i = tail - 1; i >= 0; i--) {
            int w = q[i];
            int next = depth[w] + 1;
            double acc = 0;
            for (int a = off[w], end = off[w + 1]; a < end; a++) {
                int x = tgt[a];
                if (depth[x] == next) {
                    acc += sigma[x];
                }
            }
            double sw = sigma[w];
            if (w != s) {
                score[w] += sw * acc;
            }
            sigma[w] = 1 / sw + acc;
        }
        for (int i = 0; i < tail; i++) {
            int v = q[i];
            depth[v] = 0;
            sigma[v] = 0;
        }
    }
}
