package org.parcelnet.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of worker threads for data-parallel loops over node ranges. {@link #forRange} cuts
 * {@code [0, n)} into blocks handed out dynamically (so skewed degree distributions balance), runs
 * them on the workers and waits; with one thread it runs inline. Callers make results independent of
 * which thread ran which block: each block writes only its own slots, or keeps per-thread partial
 * results ({@link RangeBody#run}'s {@code worker} index) that the caller combines in a fixed order.
 */
public final class Parallel implements AutoCloseable {

    /** A loop body over {@code [from, to)}, run by worker {@code worker} of {@code 0..threads-1}. */
    @FunctionalInterface
    public interface RangeBody {
        void run(int worker, int from, int to);
    }

    private final int threads;
    private final ExecutorService pool;

    /** @param threads workers (≥ 1) */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parcelnet-parallel");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Number of workers. */
    public int threads() {
        return threads;
    }

    /** Runs {@code body} over {@code [0, n)} in blocks of {@code block} (≥ 1) and waits for all. */
    public void forRange(int n, int block, RangeBody body) {
        if (n <= 0) {
            return;
        }
        if (pool == null || n <= block) {
            body.run(0, 0, n);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            final int worker = t;
            futures.add(pool.submit(() -> {
                int from;
                while ((from = next.getAndAdd(block)) < n) {
                    body.run(worker, from, Math.min(n, from + block));
                }
            }));
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
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
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
