package org.parcelnet.community;

/**
 * Options of {@link Leiden}, validated on construction.
 *
 * @param resolution    γ &gt; 0 of the modularity (see {@link LouvainParams#resolution()})
 * @param seed          seed of node orders and of the randomised refinement
 * @param theta         randomness θ ≥ 0 of the refinement: a node joins a cluster with probability
 *                      ∝ exp(ΔH/θ), ΔH in edge-weight units; 0 is greedy
 * @param tolerance     an iteration improving modularity by less than this ends the run
 * @param maxLevels     at most this many levels per iteration (≥ 1); when the limit cuts an iteration
 *                      short, disconnected communities are split (see
 *                      {@link CommunityResult#repairedCommunities()})
 * @param maxIterations at most this many Leiden iterations (≥ 1); each restarts from the previous
 *                      partition, and the run stops early once an iteration changes nothing
 * @param moveMode      how local moving applies moves ({@link LocalMoveMode}); with the seed it
 *                      determines the result
 * @param threads       worker threads (≥ 1) of batched local moving and of refinement; the result
 *                      does not depend on it
 */
public record LeidenParams(double resolution, long seed, double theta, double tolerance, int maxLevels,
                           int maxIterations, LocalMoveMode moveMode, int threads) {

    /** γ = 1, seed 42, θ = 0.01, tolerance 1e-7, 50 levels, 2 iterations (igraph's and leidenalg's default), batched local moving, 1 thread. */
    public static final LeidenParams DEFAULTS = builder().build();

    public LeidenParams {
        Checks.resolution(resolution);
        if (!(theta >= 0) || Double.isInfinite(theta)) {
            throw new IllegalArgumentException("theta must be finite and >= 0, got " + theta);
        }
        Checks.tolerance(tolerance);
        Checks.atLeast("maxLevels", maxLevels, 1);
        Checks.atLeast("maxIterations", maxIterations, 1);
        java.util.Objects.requireNonNull(moveMode, "moveMode");
        Checks.atLeast("threads", threads, 1);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().resolution(resolution).seed(seed).theta(theta).tolerance(tolerance)
                .maxLevels(maxLevels).maxIterations(maxIterations).moveMode(moveMode).threads(threads);
    }

    /** Builder of {@link LeidenParams}. */
    public static final class Builder {
        private double resolution = 1.0;
        private long seed = 42;
        private double theta = 0.01;
        private double tolerance = 1e-7;
        private int maxLevels = 50;
        private int maxIterations = 2;
        private LocalMoveMode moveMode = LocalMoveMode.BATCHED;
        private int threads = 1;

        public Builder resolution(double v) {
            resolution = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder theta(double v) {
            theta = v;
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

        public Builder maxIterations(int v) {
            maxIterations = v;
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

        public LeidenParams build() {
            return new LeidenParams(resolution, seed, theta, tolerance, maxLevels, maxIterations, moveMode, threads);
        }
    }
}
