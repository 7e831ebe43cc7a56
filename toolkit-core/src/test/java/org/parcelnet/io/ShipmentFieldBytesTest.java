package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The byte-level field readers of {@link ShipmentChunk}'s plain path against the string readers they
 * stand for: numbers, UTF-8 checking and the address normal-form test.
 */
class ShipmentFieldBytesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static double decimal(String s) {
        byte[] b = utf8("," + s + ",");
        return ShipmentChunk.parseSimpleDecimal(b, 1, b.length - 1);
    }

    private static int positive(String s) {
        byte[] b = utf8("," + s + ",");
        return ShipmentChunk.parsePositiveInt(b, 1, b.length - 1);
    }

    @Test
    void decimalsHandComputed() {
        assertEquals(1.5, decimal("1.5"));
        assertEquals(2.04, decimal("2.04"));
        assertEquals(7.0, decimal("007"));
        assertEquals(7.0, decimal("7."));
        assertEquals(0.5, decimal(".5"));
        assertEquals(0.0, decimal("0"));
        assertEquals(0.0, decimal("0.000"));
        assertEquals(123456789012345.0, decimal("123456789012345"));
        assertEquals(0.1, decimal("0.1"), "one correctly rounded division");
        // left to Double.parseDouble (NaN here): signs, exponents, 16+ digits, spaces, two points, no digits
        for (String other : new String[] {"-1", "+5", "-0", "1e3", "1E-2", "1.5e0", "1234567890123456", "0.1234567890123456",
            " 1", "1 ", "1..2", "1.2.3", ".", "", "NaN", "Infinity", "0x10", "1,5", "１", "1.5f", "1d"}) {
            assertTrue(Double.isNaN(decimal(other)), other);
        }
    }

    @Test
    void decimalsAgreeWithParseDouble() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int digits = 1 + r.nextInt(15);
            int point = r.nextInt(digits + 2) - 1; // -1: no point
            for (int d = 0; d < digits; d++) {
                if (d == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + r.nextInt(10)));
            }
            String s = sb.toString();
            assertEquals(Double.parseDouble(s), decimal(s), s);
            assertEquals(ShipmentChunk.parseSimpleDecimal(s), decimal(s), s);
        }
    }

    @Test
    void positiveIntsHandComputed() {
        assertEquals(1, positive("1"));
        assertEquals(7, positive("007"));
        assertEquals(0, positive("0"), "zero is parsed; the caller rejects it");
        assertEquals(999_999_999, positive("999999999"));
        for (String bad : new String[] {"1234567890", "-1", "+1", "1.0", "1e2", " 1", "1 ", "a", "１", "2²"}) {
            assertEquals(-1, positive(bad), bad);
            assertEquals(-1, ShipmentChunk.parsePositiveInt(bad), bad);
        }
        assertEquals(0, positive(""), "empty: the caller reads it as the default");
    }

    /** What the decoder makes of {@code b}: its length when it has no U+FFFD, else -1 (as utf8Chars must say). */
    private static int decodedChars(byte[] b) {
        String s = new String(b, StandardCharsets.UTF_8);
        boolean bmp = s.codePoints().allMatch(c -> c < 0x10000);
        return s.indexOf('\uFFFD') >= 0 || !bmp ? -1 : s.length();
    }

    @Test
    void utf8CharsHandComputed() {
        assertEquals(0, ShipmentChunk.utf8Chars(new byte[0], 0, 0));
        assertEquals(3, ShipmentChunk.utf8Chars(utf8("abc"), 0, 3));
        assertEquals(2, ShipmentChunk.utf8Chars(utf8("城市"), 0, 6));
        assertEquals(2, ShipmentChunk.utf8Chars(utf8("é\u07FF"), 0, 4));
        assertEquals(1, ShipmentChunk.utf8Chars(utf8("\uFFFF"), 0, 3));
        assertEquals(-1, ShipmentChunk.utf8Chars(utf8("\uFFFD"), 0, 3), "the replacement character itself");
        assertEquals(-1, ShipmentChunk.utf8Chars(utf8("😀"), 0, 4), "a four-byte character");
        assertEquals(-1, ShipmentChunk.utf8Chars(utf8("城"), 0, 2), "cut inside a character");
        byte[][] malformed = {{(byte) 0x80}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF},
            {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE8, 'a', 'b'},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFF}, {(byte) 0xC3}};
        for (byte[] m : malformed) {
            assertEquals(-1, ShipmentChunk.utf8Chars(m, 0, m.length));
            assertEquals(-1, decodedChars(m));
        }
    }

    @Test
    void utf8CharsAgreesWithTheDecoderOnRandomBytes() {
        SplittableRandom r = new SplittableRandom(9);
        byte[] interesting = {0, 'a', ' ', (byte) 0x7F, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
            (byte) 0xBF, (byte) 0xBD, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE8, (byte) 0xED,
            (byte) 0xEF, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        for (int i = 0; i < 300_000; i++) {
            byte[] b = new byte[r.nextInt(7)];
            for (int k = 0; k < b.length; k++) {
                b[k] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : interesting[r.nextInt(interesting.length)];
            }
            assertEquals(decodedChars(b), ShipmentChunk.utf8Chars(b, 0, b.length), java.util.Arrays.toString(b));
        }
        for (int c = 0; c < 0x10000; c++) { // every character of the Basic Multilingual Plane
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            byte[] b = utf8("a" + (char) c);
            assertEquals(c == 0xFFFD ? -1 : 2, ShipmentChunk.utf8Chars(b, 0, b.length), Integer.toHexString(c));
        }
    }

    @Test
    void addressNormalFormOnBytes() {
        // hand cases: single inner spaces are normal; anything trimmed or collapsed is not
        String[] normal = {"", "No.5 Yongrui Road", "城市 路 1", "a", "1-2/3, Room 4", "\u00E9t\u00E9"};
        String[] notNormal = {" a", "a ", "a  b", "a\tb", "城市\u3000路", "a\u2003b", "a\u00A0b", "a\u1680b"};
        for (String s : normal) {
            byte[] b = utf8(s);
            assertTrue(ShipmentReader.isNormalAddress(b, 0, b.length), s);
            assertEquals(s, ShipmentReader.normalizeAddress(s));
        }
        for (String s : notNormal) {
            byte[] b = utf8(s);
            assertTrue(!ShipmentReader.isNormalAddress(b, 0, b.length), s);
        }
        // sound for every character: a value the byte test calls normal is its own normal form
        for (int c = 0; c < 0x10000; c++) {
            if (c >= 0xD800 && c <= 0xDFFF) {
                continue;
            }
            for (String s : new String[] {"a" + (char) c + "b", (char) c + "b", "a" + (char) c, "a " + (char) c + " b"}) {
                byte[] b = utf8(s);
                if (ShipmentReader.isNormalAddress(b, 0, b.length)) {
                    assertEquals(s, ShipmentReader.normalizeAddress(s), Integer.toHexString(c));
                }
            }
        }
    }

    @Test
    void specialBytesOfAWord() {
        byte[] all = new byte[256];
        for (int v = 0; v < 256; v++) {
            all[v] = (byte) v;
        }
        SplittableRandom r = new SplittableRandom(13);
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 200_000; i++) {
            byte[] w = new byte[8];
            long expected = 0;
            for (int k = 0; k < 8; k++) {
                w[k] = r.nextInt(4) == 0 ? (byte) ",\n\"\r".charAt(r.nextInt(4)) : all[r.nextInt(256)];
                if (w[k] == ',' || w[k] == '\n' || w[k] == '"' || w[k] == '\r') {
                    expected |= 0x80L << (8 * k);
                }
            }
            buf.clear();
            buf.put(w);
            assertEquals(expected, ShipmentChunk.special(buf.getLong(0)), java.util.Arrays.toString(w));
        }
        // hand-computed: "a,b\r\n\"xy" has specials at bytes 1, 3, 4 and 5
        buf.clear();
        buf.put("a,b\r\n\"xy".getBytes(StandardCharsets.US_ASCII));
        assertEquals(0x80L << 8 | 0x80L << 24 | 0x80L << 32 | 0x80L << 40, ShipmentChunk.special(buf.getLong(0)));
        assertEquals(0, ShipmentChunk.special(0x0B0C2B2D21237F80L), "neighbours of the special bytes");
    }
}
