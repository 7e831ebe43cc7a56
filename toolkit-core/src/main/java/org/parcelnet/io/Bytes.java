package org.parcelnet.io;

/** Trimming of fields held as bytes, as {@link String#trim()} trims their text: bytes up to U+0020. */
final class Bytes {

    private Bytes() {
    }

    /** The first index in {@code b[from, to)} after the leading bytes up to {@code ' '}. */
    static int trimStart(byte[] b, int from, int to) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        return from;
    }

    /** The end of {@code b[from, to)} before the trailing bytes up to {@code ' '}. */
    static int trimEnd(byte[] b, int from, int to) {
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        return to;
    }
}
