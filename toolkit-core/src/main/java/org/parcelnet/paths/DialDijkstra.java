package org.parcelnet.paths;

import java.util.Arrays;

/**
 * Dijkstra with Dial's bucket queue (R. B. Dial, "Algorithm 360", Comm. ACM 12(11) (1969) 632–633,
 * doi:10.1145/363269.363610) for integer costs 1..C: C+1 circular buckets of doubly linked nodes,
 * O(m + D) per source for a largest distance D; ties are exact in integer arithmetic. 24 bytes per
 * node per thread plus the C+1 bucket heads.
 */
final class DialDijkstra implements BrandesKernel.SingleSource {
    static final int MAX_COST = 1 << 16;
    private static final int UNREACHED = Integer.MAX_VALUE;
    private final int[] off;
    private final int[] tgt;
    private final int[] cost;
    private final int[] dist;
    private final double[] sigma;
    private final int[] order;
    private final int[] head;
    private final int[] next;
    private final int[] prev;

    DialDijkstra(BrandesGraph g) {
        off = g.off;
        tgt = g.tgt;
        cost = g.icost;
        dist = new int[g.n];
        Arrays.fill(dist, UNREACHED);
        sigma = new double[g.n];
        order = new int[g.n];
        head = new int[g.maxCost + 1];
        Arrays.fill(head, -1);
        next = new int[g.n];
        prev = new int[g.n];
    }

    @Override
    public void one(int s, double[] score) {
        final int[] off = this.off;
        final int[] tgt = this.tgt;
        final int[] cost = this.cost;
        final int[] dist = this.dist;
        final double[] sigma = this.sigma;
        final int[] head = this.head;
        final int[] next = this.next;
        final int[] prev = this.prev;
        final int buckets = head.length;
        dist[s] = 0;
        sigma[s] = 1;
        head[0] = s;
        next[s] = -1;
        prev[s] = -1;
        int queued = 1;
        int count = 0;
        int cur = 0;
        int b = 0; // cur mod buckets
        while (queued > 0) {
            int u;
            while ((u = head[b]) < 0) {
                cur++;
                if (++b == buckets) {
                    b = 0;
                }
            }
            // pop u: every node of bucket b is at distance cur (distances pending lie in [cur, cur+C])
            int nu = next[u];
            head[b] = nu;
            if (nu >= 0) {
                prev[nu] = -1;
            }
            queued--;
            order[count++] = u;
            int du = cur;
            double su = sigma[u];
            for (int a = off[u], end = off[u + 1]; a < end; a++) {
                int v = tgt[a];
                int d = du + cost[a];
                int dv = dist[v];
                if (d < dv) {
                    if (dv == UNREACHED) {
                        queued++;
                    } else {
                        int pv = prev[v];
                        int xv = next[v];
                        if (pv >= 0) {
                            next[pv] = xv;
                        } else {
                            head[dv % buckets] = xv;
                        }
                        if (xv >= 0) {
                            prev[xv] = pv;
                        }
                    }
                    dist[v] = d;
                    sigma[v] = su;
                    int bv = d % buckets;
                    int h = head[bv];
                    next[v] = h;
                    prev[v] = -1;
                    if (h >= 0) {
                        prev[h] = v;
                    }
                    head[bv] = v;
                } else if (d == dv) {
                    sigma[v] += su;
                }
            }
        }
        for (int i = count - 1; i >= 0; i--) {
            int w = order[i];
            int dw = dist[w];
            double acc = 0;
            for (int a = off[w], end = off[w + 1]; a < end; a++) {
                int x = tgt[a];
                // a select rather than a branch: whether an arc is tight is unpredictable
                acc += dist[x] == dw + cost[a] ? sigma[x] : 0.0;
            }
            double sw = sigma[w];
            if (w != s) {
                score[w] += sw * acc;
            }
            sigma[w] = 1 / sw + acc;
        }
        for (int i = 0; i < count; i++) {
            int v = order[i];
            dist[v] = UNREACHED;
            sigma[v] = 0;
        }
    }
}
