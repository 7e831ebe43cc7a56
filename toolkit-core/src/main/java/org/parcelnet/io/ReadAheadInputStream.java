package org.parcelnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.parcelnet.progress.WorkerPool;

/**
 * Reads a stream ahead on a thread of its own, so that expensive reading (inflating gzip: about
 * 200 MB of text per second on one core) runs beside the consumer's parsing instead of taking turns
 * with it. Bytes come out exactly as the wrapped stream gives them; a failure of the wrapped stream is
 * thrown by the read that reaches it, after every byte read before it, as reading the stream directly
 * would. At most {@code blocks} blocks of {@code blockBytes} wait in memory, and as many read-through
 * blocks are kept to be filled again rather than allocated anew.
 *
 * <p>One consumer thread; {@link #close()} stops the reading thread and closes the wrapped stream.
 */
final class ReadAheadInputStream extends InputStream {

    /** One block read ahead, or the end ({@code length < 0}), or the wrapped stream's failure. */
    private record Block(byte[] bytes, int length, Throwable failure) {
    }

    private static final Block END = new Block(new byte[0], -1, null);

    private final InputStream in;
    private final int blockBytes;
    private final BlockingQueue<Block> queue;
    /** Blocks the consumer has read through, for the reading thread to fill again (fewer young collections). */
    private final BlockingQueue<byte[]> spare;
    private final WorkerPool reader;
    private volatile boolean closed;
    private Block current = new Block(new byte[0], 0, null);
    private int position;
    private boolean done;

    ReadAheadInputStream(InputStream in, int blockBytes, int blocks) {
        if (blockBytes < 1 || blocks < 1) {
            throw new IllegalArgumentException("blockBytes and blocks must be >= 1");
        }
        this.in = in;
        this.blockBytes = blockBytes;
        this.queue = new ArrayBlockingQueue<>(blocks);
        this.spare = new ArrayBlockingQueue<>(blocks + 2);
        this.reader = WorkerPool.beside("read-ahead");
        reader.submit(() -> {
            produce();
            return null;
        });
    }

    private void produce() {
        while (!closed) {
            byte[] b = spare.poll();
            if (b == null) {
                b = new byte[blockBytes];
            }
            int n = 0;
            int r = 0;
            Throwable failure = null;
            try {
                while (n < b.length && (r = in.read(b, n, b.length - n)) >= 0) {
                    n += r;
                }
            } catch (IOException | RuntimeException | Error e) {
                failure = e;
            }
            // the bytes read before a failure come out before it
            if (n > 0 && !put(new Block(b, n, null))) {
                return;
            }
            if (failure != null) {
                put(new Block(null, 0, failure));
                return;
            }
            if (r < 0) {
                put(END);
                return;
            }
        }
    }

    /** Hands a block over; false when the consumer closed the stream first. */
    private boolean put(Block b) {
        try {
            while (!closed) {
                if (queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Makes {@link #current} a block with bytes left; false at the end. */
    private boolean fill() throws IOException {
        while (position >= current.length()) {
            if (done) {
                return false;
            }
            Block next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            if (next.failure() != null) {
                done = true;
                current = END;
                Throwable t = next.failure();
                if (t instanceof IOException e) {
                    throw e;
                }
                if (t instanceof RuntimeException e) {
                    throw e;
                }
                throw (Error) t;
            }
            if (next == END) {
                done = true;
                current = END;
                return false;
            }
            if (current.bytes().length == blockBytes) {
                spare.offer(current.bytes()); // read through: dropped when the spares are full
            }
            current = next;
            position = 0;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.bytes()[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        System.arraycopy(current.bytes(), position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear();
        reader.close(); // waits for the reading thread, which sees `closed` within one block
        in.close();
    }
}
