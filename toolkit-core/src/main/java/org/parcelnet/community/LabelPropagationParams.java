package org.parcelnet.community;

/**
 * Options of {@link LabelPropagation}, validated on construction; built like {@link LouvainParams}
 * and {@link LeidenParams}.
 *
 * @param seed          seed of the sweep orders and of tie breaking
 * @param maxIterations at most this many sweeps (≥ 1)
 * @param threads       worker threads (≥ 1) that evaluate nodes ahead of their visit; the partition is
 *                      the same for every count
 */
public record LabelPropagationParams(long seed, int maxIterations, int threads) {

    /** Seed 42, at most 100 sweeps, one thread. */
    public static final LabelPropagationParams DEFAULTS = builder().build();

    public LabelPropagationParams {
        Checks.atLeast("maxIterations", maxIterations, 1);
        Checks.atLeast("threads", threads, 1);
    }

    /** One thread. */
    public LabelPropagationParams(long seed, int maxIterations) {
        this(seed, maxIterations, 1);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        return new Builder().seed(seed).maxIterations(maxIterations).threads(threads);
    }

    /** Builder of {@link LabelPropagationParams}. */
    public static final class Builder {
        private long seed = 42;
        private int maxIterations = 100;
        private int threads = 1;

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder maxIterations(int v) {
            maxIterations = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public LabelPropagationParams build() {
            return new LabelPropagationParams(seed, maxIterations, threads);
        }
    }
}
