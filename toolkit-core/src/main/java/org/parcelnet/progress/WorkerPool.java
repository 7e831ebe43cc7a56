package org.parcelnet.progress;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * The one way ParcelNet runs work in parallel: a fixed number of daemon worker threads, with
 * <ul>
 *   <li>{@link #forEach}: tasks {@code 0..count-1} handed out by index (each exactly once, the next
 *       free index to the next free worker), the caller waiting for all; cancellation through a
 *       {@link ProgressListener} is checked before each task, and after a failure no new task starts;</li>
 *   <li>{@link #submit}: one task whose result is awaited later ({@link Pending#get}), for pipelines
 *       that keep a bounded number of tasks in flight and consume results in submission order;</li>
 *   <li>{@link #sequence}: tasks that must run one after the other on the workers, in submission
 *       order, beside other work.</li>
 * </ul>
 * A task's exception reaches the caller as itself (runtime exceptions and errors unchanged, checked
 * exceptions wrapped once); an interrupted wait becomes {@link CancelledException} (or
 * {@link InterruptedIOException} where the caller does I/O). A pool {@linkplain #of of one thread}
 * starts no thread: {@link #forEach} runs inline and {@link #submit} runs the task when it is
 * submitted; {@link #beside} gives one real thread for work beside the caller.
 *
 * <p>Which worker runs which task never reaches a result in ParcelNet: callers either write disjoint
 * data per task or combine per-task results in task order.
 */
public final class WorkerPool implements AutoCloseable {

    private final int threads;
    private final ExecutorService executor;

    private WorkerPool(int threads, String name, boolean inline) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.executor = threads == 1 && inline ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "parcelnet-" + name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A pool of {@code threads} (≥ 1) workers whose threads are named after {@code name}. */
    public static WorkerPool of(int threads, String name) {
        return new WorkerPool(threads, Objects.requireNonNull(name, "name"), true);
    }

    /**
     * One worker thread beside the caller: submitted tasks run on it one after the other, in the
     * order submitted, never at submission.
     */
    public static WorkerPool beside(String name) {
        return new WorkerPool(1, Objects.requireNonNull(name, "name"), false);
    }

    /** The number of workers. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code task.accept(i)} for every {@code i} in {@code 0..count-1} on at most
     * {@link #threads()} workers and returns when all have finished. Before each task
     * {@code progress.checkCancelled()} is called; the first failure (a cancellation included) stops
     * the handing out of tasks and is rethrown here once the running tasks have returned.
     */
    public void forEach(int count, IntConsumer task, ProgressListener progress) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(progress, "progress");
        if (count <= 0) {
            return;
        }
        int workers = Math.min(threads, count);
        if (workers == 1 || executor == null) {
            for (int i = 0; i < count; i++) {
                progress.checkCancelled();
                task.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Future<?>[] running = new Future<?>[workers];
        for (int w = 0; w < workers; w++) {
            running[w] = executor.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    try {
                        progress.checkCancelled();
                        task.accept(i);
                    } catch (RuntimeException | Error e) {
                        next.set(count); // hand out nothing more
                        throw e;
                    }
                }
            });
        }
        Throwable first = null;
        for (int w = 0; w < workers; w++) {
            try {
                await(running, w);
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause();
                }
            }
        }
        if (first != null) {
            throw unchecked(first);
        }
    }

    /** {@link #forEach(int, IntConsumer, ProgressListener)} without a listener. */
    public void forEach(int count, IntConsumer task) {
        forEach(count, task, ProgressListener.NONE);
    }

    /**
     * Starts {@code task} on a worker (with one thread: runs it now) and returns a handle to its
     * result.
     */
    public <T> Pending<T> submit(Callable<T> task) {
        Objects.requireNonNull(task, "task");
        if (executor == null) {
            try {
                return new Pending<>(CompletableFuture.completedFuture(task.call()));
            } catch (Exception e) {
                return new Pending<>(CompletableFuture.failedFuture(e));
            }
        }
        return new Pending<>(executor.submit(task));
    }

    /** A new sequence: tasks submitted to it run on the workers one after the other. */
    public Sequence sequence() {
        return new Sequence();
    }

    /**
     * Drops the tasks not started, interrupts the running ones and waits until they have returned,
     * so that nothing runs on behalf of the caller afterwards (an interrupt of the caller ends the
     * wait).
     */
    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                    // a long task that does not check for interruption: keep waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The result of a submitted task. */
    public static final class Pending<T> {
        private final Future<T> future;

        private Pending(Future<T> future) {
            this.future = future;
        }

        /** Whether the task has finished (normally or not). */
        public boolean isDone() {
            return future.isDone();
        }

        /**
         * Waits for the task and returns its result; its exception is rethrown as itself when it is
         * unchecked or an {@link IOException}, otherwise wrapped once in an {@link IOException}.
         *
         * @throws InterruptedIOException when the waiting thread is interrupted
         */
        public T get() throws IOException {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for a worker");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException || cause instanceof Error) {
                    throw unchecked(cause);
                }
                throw new IOException(cause);
            }
        }
    }

    /** Tasks that run on the workers strictly one after the other, in submission order. */
    public final class Sequence {
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        private Sequence() {
        }

        /**
         * Queues {@code task} after the ones submitted before; the returned handle completes when it
         * has run. A failed task fails the handles of the tasks after it in the sequence, which do
         * not run.
         */
        public Pending<Void> submit(Runnable task) {
            Objects.requireNonNull(task, "task");
            if (executor == null) {
                tail = tail.thenRun(task);
            } else {
                tail = tail.thenRunAsync(task, executor);
            }
            return new Pending<>(tail);
        }
    }

    /**
     * Waits for several handles in order (see {@link Pending#get}); for the sequences of one stage of a
     * pipeline.
     */
    @SafeVarargs
    public static void awaitAll(Pending<Void>... pending) throws IOException {
        for (Pending<Void> p : pending) {
            p.get();
        }
    }

    private static void await(Future<?>[] running, int upTo) throws ExecutionException {
        try {
            running[upTo].get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (Future<?> f : running) {
                f.cancel(true);
            }
            throw new CancelledException();
        }
    }

    private static RuntimeException unchecked(Throwable t) {
        if (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
