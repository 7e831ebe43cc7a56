package org.parcelnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.progress.WorkerPool;

/**
 * Runs a Commons CSV parser on its own thread and hands records over in batches, so that parsing
 * (decoding, tokenising) and the caller's validation and dictionary encoding use two cores. Records
 * arrive in file order, each with the parser's line count after it; the result is therefore the same
 * as a single-threaded read. Errors of the parser thread are rethrown by {@link #next()}.
 */
final class RecordPipe implements AutoCloseable {

    /** Up to {@link #BATCH} records and the line number after each. */
    record Batch(String[][] rows, long[] endLines, int size) {
    }

    static final int BATCH = 2048;
    private static final Batch END = new Batch(new String[0][], new long[0], 0);

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16);
    private final String[] header;
    private final long headerEndLine;
    private final WorkerPool producer;
    private volatile boolean closed;
    private boolean finished;

    RecordPipe(CSVParser parser, String file) {
        Iterator<CSVRecord> it = parser.iterator();
        if (it.hasNext()) {
            header = it.next().values();
            headerEndLine = parser.getCurrentLineNumber();
        } else {
            header = null;
            headerEndLine = 0;
        }
        producer = WorkerPool.beside("csv-parser");
        if (header != null) {
            producer.submit(() -> {
                produce(parser, it);
                return null;
            });
        } else {
            finished = true;
        }
    }

    String[] header() {
        return header;
    }

    long headerEndLine() {
        return headerEndLine;
    }

    private void produce(CSVParser parser, Iterator<CSVRecord> it) {
        try {
            String[][] rows = new String[BATCH][];
            long[] ends = new long[BATCH];
            int n = 0;
            while (!closed && it.hasNext()) {
                CSVRecord r = it.next();
                rows[n] = r.values();
                ends[n++] = parser.getCurrentLineNumber();
                if (n == BATCH) {
                    put(new Batch(rows, ends, n));
                    rows = new String[BATCH][];
                    ends = new long[BATCH];
                    n = 0;
                }
            }
            if (n > 0) {
                put(new Batch(rows, ends, n));
            }
            put(END);
        } catch (RuntimeException | Error e) {
            try {
                put(e);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void put(Object o) throws InterruptedException {
        while (!closed) {
            if (queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                return;
            }
        }
    }

    /** The next batch, or null at the end. */
    Batch next() throws IOException {
        if (finished) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        }
        if (o == END) {
            finished = true;
            return null;
        }
        if (o instanceof UncheckedIOException u) {
            finished = true;
            throw u;
        }
        if (o instanceof RuntimeException r) {
            finished = true;
            throw r;
        }
        if (o instanceof Error err) {
            finished = true;
            throw err;
        }
        return (Batch) o;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        producer.close();
    }
}
