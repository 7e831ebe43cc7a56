package org.parcelnet.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void forEachRunsEveryIndexExactlyOnce() {
        for (int threads = 1; threads <= 4; threads++) {
            try (WorkerPool pool = WorkerPool.of(threads, "test")) {
                for (int count : new int[] {0, 1, 3, 1000}) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(1, count));
                    pool.forEach(count, runs::incrementAndGet);
                    for (int i = 0; i < count; i++) {
                        assertEquals(1, runs.get(i), "threads " + threads + " count " + count + " index " + i);
                    }
                }
            }
        }
    }

    @Test
    void aTaskFailureReachesTheCallerAsItselfAndStopsTheRest() {
        for (int threads = 1; threads <= 3; threads++) {
            try (WorkerPool pool = WorkerPool.of(threads, "test")) {
                IllegalArgumentException boom = new IllegalArgumentException("boom");
                AtomicInteger started = new AtomicInteger();
                java.util.concurrent.atomic.AtomicBoolean failing = new java.util.concurrent.atomic.AtomicBoolean();
                IllegalArgumentException got = assertThrows(IllegalArgumentException.class, () -> pool.forEach(10_000, i -> {
                    started.incrementAndGet();
                    if (i == 5) {
                        failing.set(true);
                        throw boom;
                    }
                    if (i > 5) {
                        // later tasks wait for the failing one, then run slowly: otherwise a worker could run
                        // them all while the scheduler keeps the failing one waiting, and the test would
                        // measure the scheduler rather than the pool
                        long deadline = System.nanoTime() + 10_000_000_000L;
                        while (!failing.get() && System.nanoTime() < deadline) {
                            Thread.yield();
                        }
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                    }
                }));
                assertSame(boom, got);
                assertTrue(started.get() < 10_000, "tasks stop being handed out: " + started.get());
            }
        }
    }

    @Test
    void cancellationIsCheckedBeforeEachTask() {
        for (int threads = 1; threads <= 3; threads++) {
            try (WorkerPool pool = WorkerPool.of(threads, "test")) {
                CancellingListener l = CancellingListener.afterChecks(20);
                AtomicInteger ran = new AtomicInteger();
                assertThrows(CancelledException.class, () -> pool.forEach(1000, i -> ran.incrementAndGet(), l));
                assertTrue(ran.get() < 20 + threads, "ran " + ran.get());
            }
        }
    }

    @Test
    void submittedTasksKeepTheirExceptions() throws IOException {
        for (int threads = 1; threads <= 2; threads++) {
            try (WorkerPool pool = WorkerPool.of(threads, "test")) {
                assertEquals(42, pool.submit(() -> 42).get());
                IOException io = new IOException("disk");
                assertSame(io, assertThrows(IOException.class, () -> pool.<Integer>submit(() -> {
                    throw io;
                }).get()));
                UncheckedIOException u = new UncheckedIOException(io);
                assertSame(u, assertThrows(UncheckedIOException.class, () -> pool.<Integer>submit(() -> {
                    throw u;
                }).get()));
                Exception checked = new Exception("other");
                assertSame(checked, assertThrows(IOException.class, () -> pool.<Integer>submit(() -> {
                    throw checked;
                }).get()).getCause());
            }
        }
    }

    @Test
    void aSequenceRunsInSubmissionOrder() throws IOException {
        for (int threads = 1; threads <= 3; threads++) {
            try (WorkerPool pool = WorkerPool.of(threads, "test")) {
                List<Integer> seen = new ArrayList<>();
                WorkerPool.Sequence seq = pool.sequence();
                WorkerPool.Pending<Void> last = null;
                for (int i = 0; i < 200; i++) {
                    int v = i;
                    last = seq.submit(() -> {
                        synchronized (seen) {
                            seen.add(v);
                        }
                    });
                }
                last.get();
                List<Integer> want = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    want.add(i);
                }
                assertEquals(want, seen);
            }
        }
    }

    @Test
    void rejectsNoThreads() {
        assertThrows(IllegalArgumentException.class, () -> WorkerPool.of(0, "test"));
    }
}
