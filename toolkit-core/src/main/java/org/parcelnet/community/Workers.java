package org.parcelnet.community;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of worker threads for the parallel phases. {@link #run} hands task {@code t} of
 * {@code 0..threads-1} to a thread and waits for all; with one thread it runs inline. Which thread
 * runs a task never influences a result: tasks only compute proposals from a read-only snapshot
 * (or work on disjoint data), and results are combined in a fixed order by the caller.
 */
final class Workers implements AutoCloseable {

    final int threads;
    private final ExecutorService pool;

    Workers(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parcelnet-community");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Runs {@code task.accept(t)} for every {@code t} in {@code 0..threads-1} and waits. */
    void run(IntConsumer task) {
        if (pool == null) {
            task.accept(0);
            return;
        }
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            final int id = t;
            futures.add(pool.submit(() -> task.accept(id)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException) {
                throw (RuntimeException) c;
            }
            if (c instanceof Error) {
                throw (Error) c;
            }
            throw new IllegalStateException(c);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
