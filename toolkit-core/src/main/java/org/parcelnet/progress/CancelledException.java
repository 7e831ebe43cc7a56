package org.parcelnet.progress;

/** Thrown by an algorithm that stopped because its {@link ProgressListener} was cancelled. */
public final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("cancelled");
    }
}
