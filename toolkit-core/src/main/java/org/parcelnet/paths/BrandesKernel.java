package org.parcelnet.paths;

/**
 * One of {@link Betweenness}'s exact single-source kernels (Brandes 2001): the shortest-path search
 * from each source and the backward accumulation of dependencies. A kernel owns its working arrays
 * and is used by one thread at a time; it reads the shared {@link BrandesGraph}.
 */
interface BrandesKernel {

    /**
     * Runs Brandes for the sources {@code src[from..to)} in that order, adding every source's
     * dependencies δ_s(v) (v ≠ s) to {@code score}.
     */
    void run(int[] src, int from, int to, double[] score);

    /** The kernel the graph needs ({@link BrandesGraph#kind}); {@code width} sources per batched BFS. */
    static BrandesKernel of(BrandesGraph g, int width) {
        return switch (g.kind) {
            case BFS_UNDIRECTED -> new BatchedBfs(g, width);
            case BFS_DIRECTED -> new DirectedBfs(g);
            case DIAL -> new DialDijkstra(g);
            case HEAP -> new HeapDijkstra(g);
        };
    }

    /** A kernel that takes its sources one at a time (every kernel but the batched BFS). */
    interface SingleSource extends BrandesKernel {

        /** Runs Brandes from source {@code s}, adding its dependencies δ_s(v) (v ≠ s) to {@code score}. */
        void one(int s, double[] score);

        @Override
        default void run(int[] src, int from, int to, double[] score) {
            for (int i = from; i < to; i++) {
                one(src[i], score);
            }
        }
    }
}
