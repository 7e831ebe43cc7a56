package org.parcelnet.progress;

/**
 * A listener for cancellation tests: it asks to stop once a given amount of work was reported, or
 * after a given number of {@link #isCancelled()} calls, and records whether {@link #end()} was called.
 */
public final class CancellingListener implements ProgressListener {

    private final long workLimit;
    private final long checkLimit;
    private long work;
    private long checks;
    private int begun;
    private int ended;

    private CancellingListener(long workLimit, long checkLimit) {
        this.workLimit = workLimit;
        this.checkLimit = checkLimit;
    }

    /** Cancels once {@code units} of work were reported. */
    public static CancellingListener afterWork(long units) {
        return new CancellingListener(units, Long.MAX_VALUE);
    }

    /** Cancels from the {@code n}-th call of {@link #isCancelled()} on (1 is the first call). */
    public static CancellingListener afterChecks(long n) {
        return new CancellingListener(Long.MAX_VALUE, n);
    }

    @Override
    public synchronized void begin(String task, long totalWork) {
        begun++;
    }

    @Override
    public synchronized void advance(long units) {
        work += units;
    }

    @Override
    public synchronized void end() {
        ended++;
    }

    @Override
    public synchronized boolean isCancelled() {
        return work >= workLimit || ++checks >= checkLimit;
    }

    /** Work reported so far. */
    public synchronized long work() {
        return work;
    }

    /** Whether every begin() was matched by an end(). */
    public synchronized boolean balanced() {
        return begun > 0 && ended >= begun;
    }
}
