package org.parcelnet.spark;

/**
 * A failure with a one-line message meant for the user and the exit code it maps to (2: bad input
 * or usage, 1: failure while running). Thrown on executors too: the driver finds it in the cause
 * chain of Spark's task failure ({@link SparkMain#userMessage}).
 */
public final class SparkJobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public SparkJobException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** 2 for bad input or usage, 1 otherwise. */
    public int exitCode() {
        return exitCode;
    }
}
