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

    /** Writes a non-negative number in decimal. */
    ByteSink putInt(long v) {
        if (v < 0) {
            put('-');
            v = -v;
        }
        ensure(20);
        if (v == 0) {
            buf[len++] = '0';
            return this;
        }
        int start = len;
        while (v > 0) {
            buf[len++] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** Writes a non-negative number left-padded with zeros to {@code width} digits. */
    ByteSink putPadded(long v, int width) {
        ensure(width);
        for (int i = width - 1; i >= 0; i--) {
            buf[len + i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len += width;
        return this;
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

    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
