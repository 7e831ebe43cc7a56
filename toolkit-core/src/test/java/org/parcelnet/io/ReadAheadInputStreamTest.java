package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {

    /** Gives at most {@code step} bytes per read, then fails with {@code failure} once {@code failAt} bytes are out. */
    private static final class Trickle extends InputStream {
        private final byte[] data;
        private final int step;
        private final int failAt;
        private final IOException failure;
        private int pos;
        final AtomicBoolean closed = new AtomicBoolean();

        Trickle(byte[] data, int step, int failAt, IOException failure) {
            this.data = data;
            this.step = step;
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null && pos >= failAt) {
                throw failure;
            }
            int limit = failure != null ? failAt : data.length;
            if (pos >= limit) {
                return -1;
            }
            int n = Math.min(Math.min(len, step), limit - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    /** Reads everything with read sizes drawn from {@code r} (single-byte reads included). */
    private static byte[] drain(InputStream in, SplittableRandom r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[5000];
        while (true) {
            if (r.nextInt(10) == 0) {
                int c = in.read();
                if (c < 0) {
                    return out.toByteArray();
                }
                out.write(c);
            } else {
                int n = in.read(buf, 0, 1 + r.nextInt(buf.length));
                if (n < 0) {
                    return out.toByteArray();
                }
                out.write(buf, 0, n);
            }
        }
    }

    @Test
    void givesTheWrappedStreamsBytesForAnyBlockAndReadSizes() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 40; trial++) {
            byte[] data = randomBytes(r.nextInt(200_000), trial);
            int block = 1 + r.nextInt(20_000);
            int blocks = 1 + r.nextInt(4);
            Trickle source = new Trickle(data, 1 + r.nextInt(9000), 0, null);
            try (ReadAheadInputStream in = new ReadAheadInputStream(source, block, blocks)) {
                assertArrayEquals(data, drain(in, r), "trial " + trial);
                assertEquals(-1, in.read());
                assertEquals(-1, in.read(new byte[4], 0, 4));
            }
            assertTrue(source.closed.get());
        }
    }

    @Test
    void aFailureComesAfterEveryByteReadBeforeIt() {
        byte[] data = randomBytes(100_000, 5);
        for (int failAt : new int[] {0, 1, 4095, 4096, 4097, 77_777}) {
            java.io.EOFException failure = new java.io.EOFException("Unexpected end of ZLIB input stream");
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            IOException e = assertThrows(IOException.class, () -> {
                try (ReadAheadInputStream in = new ReadAheadInputStream(new Trickle(data, 1000, failAt, failure), 4096, 2)) {
                    byte[] buf = new byte[3000];
                    int n;
                    while ((n = in.read(buf, 0, buf.length)) >= 0) {
                        got.write(buf, 0, n);
                    }
                }
            });
            assertSame(failure, e, "the wrapped stream's own exception, at " + failAt);
            assertArrayEquals(Arrays.copyOf(data, failAt), got.toByteArray(), "bytes before the failure at " + failAt);
        }
    }

    @Test
    void aRuntimeFailureKeepsItsType() {
        IllegalStateException boom = new IllegalStateException("boom");
        InputStream failing = new InputStream() {
            @Override
            public int read() {
                throw boom;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                throw boom;
            }
        };
        assertSame(boom, assertThrows(IllegalStateException.class, () -> {
            try (ReadAheadInputStream in = new ReadAheadInputStream(failing, 16, 1)) {
                in.read(new byte[8], 0, 8);
            }
        }));
    }

    @Test
    void closingEarlyStopsTheReaderAndClosesTheStream() throws IOException {
        // far more data than the queue holds: the reading thread is blocked on a full queue at close
        Trickle source = new Trickle(randomBytes(1 << 20, 9), 1 << 12, 0, null);
        ReadAheadInputStream in = new ReadAheadInputStream(source, 1 << 12, 2);
        byte[] first = new byte[100];
        assertEquals(100, in.readNBytes(first, 0, 100));
        in.close();
        assertTrue(source.closed.get());
        in.close(); // twice is harmless
    }
}
