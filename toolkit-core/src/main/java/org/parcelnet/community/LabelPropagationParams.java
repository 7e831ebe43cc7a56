package org.parcelnet.community;

/**
 * Options of {@link LabelPropagation}, validated on construction; built like {@link LouvainParams}
 * and {@link LeidenParams}.
 *
 * @param seed          seed of the sweep orders and of tie breaking
 * @param maxIterations at most this many sweeps (≥ 1)
 */
public record LabelPropagationParams(long seed, int maxIterations) {

    /** Seed 42, at most 100 sweeps. */
    public static final LabelPropagationParams DEFAULTS = builder().build();

    public LabelPropagationParams {
        Checks.atLeast("maxIterations", maxIterations, 1);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().seed(seed).maxIterations(maxIterations);
    }

    /** Builder of {@link LabelPropagationParams}. */
    public static final class Builder {
        private long seed = 42;
        private int maxIterations = 100;

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder maxIterations(int v) {
            maxIterations = v;
            return this;
        }

        public LabelPropagationParams build() {
            return new LabelPropagationParams(seed, maxIterations);
        }
    }
}
