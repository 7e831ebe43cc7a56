package org.parcelnet.community;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of a community detection run.
 *
 * @param algorithm            {@code louvain}, {@code leiden} or {@code lpa}
 * @param partition            the final partition (dense ids, 0 = largest)
 * @param modularity           its modularity at the run's resolution (γ = 1 for label propagation)
 * @param levels               every level's partition of the original nodes and its modularity,
 *                             coarsest last (Leiden: the levels of the last iteration; label
 *                             propagation: one level)
 * @param iterations           Leiden iterations, Louvain local-moving passes summed over levels, or
 *                             label-propagation sweeps
 * @param repairedCommunities  communities split into their connected components after the run
 *                             (Leiden only; 0 unless the level limit cut a run short or refinement
 *                             could not merge anything on some level)
 * @param workingBytes         bytes of working arrays at the peak of the run (input graph excluded)
 */
public record CommunityResult(String algorithm, Partition partition, double modularity, List<Level> levels,
                              int iterations, int repairedCommunities, long workingBytes) {

    /** One level of a multi-level run. */
    public record Level(Partition partition, double modularity) {
        public Level {
            Objects.requireNonNull(partition, "partition");
        }
    }

    public CommunityResult {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(partition, "partition");
        levels = List.copyOf(levels);
    }

    /** Number of communities in the final partition. */
    public int communityCount() {
        return partition.communityCount();
    }
}
