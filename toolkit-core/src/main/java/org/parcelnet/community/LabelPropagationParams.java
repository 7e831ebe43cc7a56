package org.parcelnet.community;

/**
 * Options of {@link LabelPropagation}, validated on construction.
 *
 * @param seed          seed of the sweep orders and of tie breaking
 * @param maxIterations at most this many sweeps (≥ 1)
 */
public record LabelPropagationParams(long seed, int maxIterations) {

    /** Seed 42, at most 100 sweeps. */
    public static final LabelPropagationParams DEFAULTS = new LabelPropagationParams(42, 100);

    public LabelPropagationParams {
        Checks.atLeast("maxIterations", maxIterations, 1);
    }

    /** The same with another seed. */
    public LabelPropagationParams withSeed(long s) {
        return new LabelPropagationParams(s, maxIterations);
    }
}
