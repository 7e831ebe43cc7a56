package org.parcelnet.community;

/**
 * Options of {@link Louvain}, validated on construction.
 *
 * @param resolution γ &gt; 0 of the modularity {@code Q = (1/2m) Σ_ij [A_ij − γ k_i k_j / 2m] δ(c_i, c_j)};
 *                   larger gives smaller communities
 * @param seed       seed of the random node orders (one per level) and of the sub-community splits
 * @param tolerance  a pass (or a level) improving modularity by less than this ends the level (the run)
 * @param maxLevels  at most this many aggregation levels (≥ 1)
 * @param maxPasses  at most this many local-moving passes per level (≥ 1)
 * @param refine     whether to finish with sub-community rounds (split every community by one greedy
 *                   merge pass, move the parts as wholes, repeat while modularity rises; Waltman and
 *                   van Eck 2013, see {@link Louvain})
 * @param moveMode   how local moving applies moves ({@link LocalMoveMode}); with the seed it
 *                   determines the result
 * @param threads    worker threads (≥ 1) of batched local moving and of the sub-community splits;
 *                   the result does not depend on it
 */
public record LouvainParams(double resolution, long seed, double tolerance, int maxLevels, int maxPasses,
                            boolean refine, LocalMoveMode moveMode, int threads) {

    /** γ = 1, seed 42, tolerance 1e-7, 50 levels, 100 passes, refinement on, batched local moving, 1 thread. */
    public static final LouvainParams DEFAULTS = builder().build();

    public LouvainParams {
        Checks.resolution(resolution);
        Checks.tolerance(tolerance);
        Checks.atLeast("maxLevels", maxLevels, 1);
        Checks.atLeast("maxPasses", maxPasses, 1);
        java.util.Objects.requireNonNull(moveMode, "moveMode");
        Checks.atLeast("threads", threads, 1);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().resolution(resolution).seed(seed).tolerance(tolerance).maxLevels(maxLevels)
                .maxPasses(maxPasses).refine(refine).moveMode(moveMode).threads(threads);
    }

    /** Builder of {@link LouvainParams}. */
    public static final class Builder {
        private double resolution = 1.0;
        private long seed = 42;
        private double tolerance = 1e-7;
        private int maxLevels = 50;
        private int maxPasses = 100;
        private LocalMoveMode moveMode = LocalMoveMode.BATCHED;
        private int threads = 1;
        private boolean refine = true;

        public Builder resolution(double v) {
            resolution = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder tolerance(double v) {
            tolerance = v;
            return this;
        }

        public Builder maxLevels(int v) {
            maxLevels = v;
            return this;
        }

        public Builder maxPasses(int v) {
            maxPasses = v;
            return this;
        }

        public Builder refine(boolean v) {
            refine = v;
            return this;
        }

        public Builder moveMode(LocalMoveMode v) {
            moveMode = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public LouvainParams build() {
            return new LouvainParams(resolution, seed, tolerance, maxLevels, maxPasses, refine, moveMode, threads);
        }
    }
}
