package org.parcelnet.progress;

/**
 * Receives progress of a long step and lets the caller cancel it. Algorithms declare the amount of
 * work up front with {@link #begin}, report done work with {@link #advance}, and call
 * {@link #checkCancelled()} about every 10,000 nodes so that a cancellation stops them promptly.
 * Implementations must be thread-safe: parallel algorithms report from several threads.
 */
public interface ProgressListener {

    /** A listener that ignores everything and never cancels. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * A step starts; {@code totalWork} is its size in units of its choosing, or -1 when unknown.
     * Ignored unless overridden, as are {@link #advance} and {@link #end}: a listener that only
     * cancels needs to override {@link #isCancelled()} alone.
     */
    default void begin(String task, long totalWork) {
    }

    /** {@code work} more units are done. */
    default void advance(long work) {
    }

    /** The step has finished. */
    default void end() {
    }

    /** Whether the caller asked to stop. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} when {@link #isCancelled()}. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /**
     * A listener that reports nothing but is cancelled when {@code owner} is: for work running beside
     * the task that reports progress (parallel searches of which one reports), so that progress is not
     * counted twice while every part still stops on a cancellation.
     */
    static ProgressListener cancelledWith(ProgressListener owner) {
        return new ProgressListener() {
            @Override
            public boolean isCancelled() {
                return owner.isCancelled();
            }
        };
    }
}
