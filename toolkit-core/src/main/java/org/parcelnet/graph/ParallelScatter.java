package org.parcelnet.graph;

import org.parcelnet.progress.WorkerPool;

import java.util.Arrays;

/**
 * The CSR scatter of {@link CompactGraphBuilder} on several threads, for weighted graphs; the same arrays
 * as the sequential scatter for any thread count. Edges are cut into contiguous ranges, one per thread;
 * each thread counts its arcs per node, a sequential prefix pass gives every (node, thread) pair its
 * slice of the node's list in thread order, and each thread writes its arcs into its slices. A list thus
 * holds its arcs in edge order, as the sequential scatter leaves it. Lists are then sorted by target
 * (stably) and runs of equal targets summed, in node ranges on all threads; only when parallel arcs were
 * merged does a sequential pass close the gaps. Extra memory: 4 bytes per node per thread.
 */
final class ParallelScatter {

    private ParallelScatter() {
    }

    static CompactGraphBuilder.Csr scatter(int n, int m, int[] from, int[] to, double[] w, boolean both, int threads) {
        int t = Math.max(1, Math.min(threads, m / 4096 + 1));
        int[][] slot = new int[t][];
        int[] lo = new int[t + 1];
        for (int k = 0; k <= t; k++) {
            lo[k] = (int) ((long) m * k / t);
        }
        try (WorkerPool pool = WorkerPool.of(t, "csr-build")) {
            pool.forEach(t, k -> {
                int[] c = new int[n];
                for (int e = lo[k]; e < lo[k + 1]; e++) {
                    c[from[e]]++;
                    if (both && from[e] != to[e]) {
                        c[to[e]]++;
                    }
                }
                slot[k] = c;
            });
            int[] offsets = new int[n + 1];
            long running = 0;
            for (int v = 0; v < n; v++) {
                offsets[v] = (int) running;
                for (int k = 0; k < t; k++) {
                    int c = slot[k][v];
                    slot[k][v] = (int) running;
                    running += c;
                }
                if (running > Integer.MAX_VALUE - 8) {
                    throw new IllegalStateException("too many arcs for one graph: " + running);
                }
            }
            int arcs = (int) running;
            offsets[n] = arcs;
            int[] targets = new int[arcs];
            double[] weights = new double[arcs];
            pool.forEach(t, k -> {
                int[] cur = slot[k];
                for (int e = lo[k]; e < lo[k + 1]; e++) {
                    int u = from[e];
                    int v = to[e];
                    int pos = cur[u]++;
                    targets[pos] = v;
                    weights[pos] = w[e];
                    if (both && u != v) {
                        pos = cur[v]++;
                        targets[pos] = u;
                        weights[pos] = w[e];
                    }
                }
                slot[k] = null;
            });
            // Sort and merge each list inside its own slice; record the merged lengths.
            int[] length = new int[n];
            pool.forEach(t, k -> {
                int vFrom = (int) ((long) n * k / t);
                int vTo = (int) ((long) n * (k + 1) / t);
                CompactGraphBuilder.ListSorter sorter = new CompactGraphBuilder.ListSorter();
                for (int u = vFrom; u < vTo; u++) {
                    int start = offsets[u];
                    int end = offsets[u + 1];
                    sorter.sort(targets, weights, start, end);
                    int write = start;
                    int read = start;
                    while (read < end) {
                        int tgt = targets[read];
                        double sum = weights[read];
                        read++;
                        while (read < end && targets[read] == tgt) {
                            sum += weights[read];
                            read++;
                        }
                        targets[write] = tgt;
                        weights[write] = sum;
                        write++;
                    }
                    length[u] = write - start;
                }
            });
            int write = 0;
            boolean merged = false;
            for (int u = 0; u < n; u++) {
                int start = offsets[u];
                if (start != write) {
                    merged = true;
                    System.arraycopy(targets, start, targets, write, length[u]);
                    System.arraycopy(weights, start, weights, write, length[u]);
                }
                offsets[u] = write;
                write += length[u];
            }
            offsets[n] = write;
            int[] outTargets = merged || write != arcs ? Arrays.copyOf(targets, write) : targets;
            double[] outWeights = merged || write != arcs ? Arrays.copyOf(weights, write) : weights;
            return new CompactGraphBuilder.Csr(offsets, outTargets, outWeights);
        }
    }
}
