package org.parcelnet.community;

/**
 * How the local-moving phase of {@link Louvain} and {@link Leiden} applies moves. The mode, the seed
 * and the graph determine the partition; the thread count never does.
 */
public enum LocalMoveMode {
    /**
     * Nodes in fixed batches (a size that depends only on the node count): the best move of every
     * node of a batch is computed from a snapshot of the community state, in parallel over the
     * threads, and the moves are then applied one by one in batch order, each re-checked against
     * the current state so that every applied move raises modularity.
     */
    BATCHED,
    /**
     * The classic order of Blondel et al.: one node at a time, each seeing every earlier move. Local
     * moving then runs on one thread whatever the thread count (refinement still uses them all).
     */
    SEQUENTIAL
}
