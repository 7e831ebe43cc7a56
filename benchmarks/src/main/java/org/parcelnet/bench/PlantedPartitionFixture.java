package org.parcelnet.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/**
 * Seeded planted-partition graphs, the fixture of the community-detection and linking benchmarks:
 * nodes fall into blocks of {@code blockSize}, and each edge joins two nodes of the same block with
 * probability {@code insideFraction}, otherwise two uniformly random nodes. Edges are distinct and
 * loop-free (duplicates are redrawn), so the graph is simple and unweighted. Node ids are a seeded
 * random permutation of the block order, so that a block's nodes are not contiguous in memory (which
 * would flatter cache behaviour).
 *
 * <p>The standard fixture ({@link #standard(long)}) has 1,000,000 nodes, 10,000,000 edges, blocks of
 * 100 nodes and 90% of edges inside blocks. Generating it takes a few seconds and about 1 GB of heap
 * at peak (the CSR build); the edge arrays alone are 80 MB.
 */
public final class PlantedPartitionFixture {

    /**
     * A generated fixture.
     *
     * @param nodes  number of nodes
     * @param tails  edge tails (one entry per undirected edge, {@code tails[i] != heads[i]})
     * @param heads  edge heads
     * @param truth  planted block of every node (dense ids {@code 0..blocks-1})
     * @param blocks number of blocks
     */
    public record Fixture(int nodes, int[] tails, int[] heads, int[] truth, int blocks) {

        /** Number of undirected edges. */
        public int edgeCount() {
            return tails.length;
        }

        /** The undirected, unweighted CSR graph of the edges. */
        public CompactGraph graph() {
            CompactGraphBuilder b = CompactGraphBuilder.undirected(nodes).expectedEdges(tails.length);
            for (int i = 0; i < tails.length; i++) {
                b.addEdge(tails[i], heads[i]);
            }
            return b.build();
        }

        /** Fraction of edges whose endpoints share a planted block. */
        public double insideFraction() {
            long inside = 0;
            for (int i = 0; i < tails.length; i++) {
                if (truth[tails[i]] == truth[heads[i]]) {
                    inside++;
                }
            }
            return tails.length == 0 ? 0 : (double) inside / tails.length;
        }
    }

    private PlantedPartitionFixture() {
    }

    /** 1M nodes, 10M edges, blocks of 100, 90% of edges inside blocks. */
    public static Fixture standard(long seed) {
        return generate(1_000_000, 10_000_000, 100, 0.9, seed);
    }

    /**
     * A planted-partition graph.
     *
     * @param nodes          number of nodes, at least 2
     * @param edges          number of distinct undirected edges; must be well below the number of
     *                       possible pairs
     * @param blockSize      nodes per block (the last block may be smaller), at least 2
     * @param insideFraction probability that an edge is drawn inside a block, in [0, 1]
     * @param seed           seed of every random choice
     */
    public static Fixture generate(int nodes, int edges, int blockSize, double insideFraction, long seed) {
        if (nodes < 2 || blockSize < 2 || edges < 0 || !(insideFraction >= 0 && insideFraction <= 1)) {
            throw new IllegalArgumentException("need nodes >= 2, blockSize >= 2, edges >= 0, 0 <= insideFraction <= 1");
        }
        long possibleInside = (long) (nodes / blockSize) * blockSize * (blockSize - 1) / 2;
        if (edges > 0.5 * ((double) nodes * (nodes - 1) / 2) || edges * insideFraction > 0.5 * possibleInside) {
            throw new IllegalArgumentException("too many edges for " + nodes + " nodes in blocks of " + blockSize);
        }
        SplittableRandom r = new SplittableRandom(seed);
        // Edge keys min*nodes+max over block-ordered indices; drawn, sorted, deduplicated, topped up.
        long[] keys = new long[edges];
        int have = 0;
        while (have < edges) {
            for (int i = have; i < edges; i++) {
                keys[i] = drawKey(r, nodes, blockSize, insideFraction);
            }
            Arrays.sort(keys, 0, edges);
            int w = 0;
            for (int i = 0; i < edges; i++) {
                if (w == 0 || keys[i] != keys[w - 1]) {
                    keys[w++] = keys[i];
                }
            }
            have = w;
        }
        // Shuffle edge order so that the builder sees no convenient ordering either.
        for (int i = edges - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = keys[i];
            keys[i] = keys[j];
            keys[j] = t;
        }
        int[] perm = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            perm[i] = i;
        }
        for (int i = nodes - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] tails = new int[edges];
        int[] heads = new int[edges];
        for (int i = 0; i < edges; i++) {
            tails[i] = perm[(int) (keys[i] / nodes)];
            heads[i] = perm[(int) (keys[i] % nodes)];
        }
        int[] truth = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            truth[perm[i]] = i / blockSize;
        }
        int blocks = (nodes + blockSize - 1) / blockSize;
        return new Fixture(nodes, tails, heads, truth, blocks);
    }

    private static long drawKey(SplittableRandom r, int n, int b, double inside) {
        int u = r.nextInt(n);
        int v;
        if (r.nextDouble() < inside) {
            int start = (u / b) * b;
            int size = Math.min(b, n - start);
            if (size < 2) {
                start = 0;
                size = b;
            }
            v = start + r.nextInt(size - 1);
            if (v >= u && u >= start && u < start + size) {
                v++;
            }
            if (v == u) {
                v = start + (v - start + 1) % size;
            }
        } else {
            v = r.nextInt(n - 1);
            if (v >= u) {
                v++;
            }
        }
        int lo = Math.min(u, v);
        int hi = Math.max(u, v);
        return (long) lo * n + hi;
    }
}
