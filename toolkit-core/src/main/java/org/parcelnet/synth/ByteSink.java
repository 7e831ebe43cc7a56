package org.parcelnet.synth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable ASCII byte buffer that formats CSV fields without creating strings (the generator's
 * hot path). Not thread-safe; one per worker.
 */
final class ByteSink {

    private byte[] buf;
    private int len;

    ByteSink(int capacity) {
        buf = new byte[Math.max(64, capacity)];
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    int length() {
        return len;
    }

    void clear() {
        len = 0;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    ByteSink put(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    ByteSink put(char c) {
        return put((byte) c);
    }

    ByteSink put(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        return this;
    }

    ByteSink put(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, len, length);
        len += length;
        return this;
    }

    /** Writes a number in decimal. */
    ByteSink putInt(long v) {
        if (v >= 0 && v <= Integer.MAX_VALUE) {
            return putInt((int) v);
        }
        return put(ByteSink.ascii(Long.toString(v)));
    }

    /** Writes a non-negative int in decimal (int arithmetic: the hot path). */
    ByteSink putInt(int v) {
        if (v < 0) {
            return put(ByteSink.ascii(Integer.toString(v)));
        }
        int digits = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : v < 100_000 ? 5
                : v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
        return putPadded(v, digits);
    }

    // "00".."99" as byte pairs: two digits per division
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /** Writes a non-negative int left-padded with zeros to {@code width} digits. */
    ByteSink putPadded(int v, int width) {
        ensure(width);
        byte[] b = buf;
        int i = len + width;
        int start = len;
        while (i - start >= 2) {
            int q = v / 100;
            int r = (v - q * 100) << 1;
            b[--i] = PAIRS[r + 1];
            b[--i] = PAIRS[r];
            v = q;
        }
        if (i > start) {
            b[--i] = (byte) ('0' + v % 10);
        }
        len = start + width;
        return this;
    }

    /** Writes a non-negative long left-padded with zeros to {@code width} digits. */
    ByteSink putPadded(long v, int width) {
        if (width <= 9) {
            return putPadded((int) (v % 1_000_000_000L), width);
        }
        putPadded(v / 1_000_000_000L, width - 9);
        return putPadded((int) (v % 1_000_000_000L), 9);
    }

    /** Writes hundredths as a decimal with two places ({@code 1234} → {@code 12.34}). */
    ByteSink putCenti(int hundredths) {
        putInt(hundredths / 100);
        put('.');
        return putPadded(hundredths % 100, 2);
    }

    byte byteAt(int i) {
        return buf[i];
    }

    /** The bytes from {@code from} to the end, removed from the sink. */
    byte[] cut(int from) {
        byte[] out = Arrays.copyOfRange(buf, from, len);
        len = from;
        return out;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
