package org.parcelnet.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One background thread for a command's independent stages: tasks run one after the other in the
 * order submitted, beside the command's main thread. A task's failure surfaces, as itself, where
 * its result is awaited. Closing drops the tasks not started and waits for the running one, so that
 * a failed run's output folder is not written into while it is being discarded.
 */
final class Background implements AutoCloseable {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parcelnet-background");
        t.setDaemon(true);
        return t;
    });

    /** A submitted task: its result and how long it ran. */
    static final class Task<T> {
        private Future<T> future;
        private volatile double seconds;

        /** Waits for the result; {@code what} names the task in an interruption message. */
        T await(String what) throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for " + what);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                if (cause instanceof IOException io) {
                    throw io;
                }
                throw new IOException(cause);
            }
        }

        /** Seconds the task ran (0 until it finished). */
        double seconds() {
            return seconds;
        }
    }

    <T> Task<T> submit(Callable<T> work) {
        Task<T> task = new Task<>();
        task.future = executor.submit(() -> {
            long t0 = System.nanoTime();
            try {
                return work.call();
            } finally {
                task.seconds = (System.nanoTime() - t0) / 1e9;
            }
        });
        return task;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
