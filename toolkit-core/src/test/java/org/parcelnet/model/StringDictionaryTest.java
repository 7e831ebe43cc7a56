package org.parcelnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class StringDictionaryTest {

    /** Random strings over ASCII, Latin-1, CJK, surrogate pairs, lone surrogates and the empty string. */
    static String randomString(SplittableRandom r) {
        int n = r.nextInt(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(7)) {
                case 0, 1 -> sb.append((char) ('0' + r.nextInt(10)));
                case 2 -> sb.append((char) (0x80 + r.nextInt(0x780))); // two-byte range
                case 3 -> sb.append((char) (0x4E00 + r.nextInt(40)));  // CJK, few distinct
                case 4 -> sb.appendCodePoint(0x1F600 + r.nextInt(4));  // surrogate pair
                case 5 -> sb.append((char) (0xD800 + r.nextInt(3)));   // lone surrogate
                default -> sb.append((char) r.nextInt(0x80));
            }
        }
        return sb.toString();
    }

    @Test
    void agreesWithAHashMapOnRandomStrings() {
        SplittableRandom r = new SplittableRandom(11);
        StringDictionary d = new StringDictionary();
        Map<String, Integer> reference = new HashMap<>();
        List<String> byCode = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            String s = randomString(r);
            Integer expected = reference.get(s);
            if (expected == null) {
                expected = byCode.size();
                reference.put(s, expected);
                byCode.add(s);
            }
            assertEquals(expected, d.intern(s), s);
        }
        assertEquals(byCode.size(), d.size());
        for (int c = 0; c < byCode.size(); c++) {
            assertEquals(byCode.get(c), d.value(c));
            assertEquals(c, d.code(byCode.get(c)));
            // a fresh copy (no shared String) finds the same code
            assertEquals(c, d.code(new String(byCode.get(c).toCharArray())));
        }
        for (int i = 0; i < 10_000; i++) {
            String s = randomString(r) + "\u0000x";
            assertEquals(-1, d.code(s));
        }
        d.trimToSize();
        assertEquals(byCode.get(byCode.size() - 1), d.value(byCode.size() - 1));
        assertEquals(byCode.size(), d.intern("a string never seen before, after trimming"));
        assertEquals("a string never seen before, after trimming", d.value(byCode.size()));
    }

    @Test
    void internAllGivesTheCodesOfOneInternPerValue() {
        SplittableRandom r = new SplittableRandom(5);
        StringDictionary one = new StringDictionary();
        StringDictionary batched = new StringDictionary();
        batched.intern(""); // an empty value at the end of a trimmed arena must not trip the prefetch
        batched.trimToSize();
        one.intern("");
        for (int round = 0; round < 40; round++) {
            int n = r.nextInt(1_500); // batches of every size, across the 256-value batch boundary
            String[] values = new String[n + 3];
            for (int k = 0; k < n; k++) {
                values[k] = r.nextInt(10) == 0 ? null : randomString(r);
            }
            values[n] = "never interned: past n";
            int[] codes = new int[n];
            batched.internAll(values, n, codes);
            for (int k = 0; k < n; k++) {
                int expected = values[k] == null ? -1 : one.intern(values[k]);
                assertEquals(expected, codes[k], "round " + round + " value " + k);
            }
            assertEquals(one.size(), batched.size());
        }
        for (int c = 0; c < one.size(); c++) {
            assertEquals(one.value(c), batched.value(c));
        }
        assertEquals(-1, batched.code("never interned: past n"));
    }

    @Test
    void aDroppedIndexComesBackWithTheSameCodes() {
        SplittableRandom r = new SplittableRandom(23);
        StringDictionary d = new StringDictionary();
        Map<String, Integer> reference = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String v = randomString(r) + (r.nextInt(3) == 0 ? "" : Integer.toString(r.nextInt(20_000)));
            Integer expected = reference.computeIfAbsent(v, k -> reference.size());
            assertEquals(expected, d.intern(v));
        }
        d.trimToSize();
        long withIndex = d.memoryBytes();
        d.dropIndex();
        assertEquals(true, d.memoryBytes() < withIndex, "the index is freed");
        for (Map.Entry<String, Integer> e : reference.entrySet()) {
            assertEquals(e.getValue(), d.code(e.getKey()), "code of a value after the rebuild");
        }
        assertEquals(-1, d.code("not-in-the-dictionary-\u4E00"));
        // interning after a drop: old values keep their codes, a new one gets the next code
        d.dropIndex();
        for (int i = 0; i < 5_000; i++) {
            String v = randomString(r) + "x" + r.nextInt(40_000);
            Integer expected = reference.computeIfAbsent(v, k -> reference.size());
            assertEquals(expected, d.intern(v));
            assertEquals(v, d.value(expected));
        }
        assertEquals(reference.size(), d.size());
    }

    @Test
    void prefixesAndEqualHashesAreDistinct() {
        StringDictionary d = new StringDictionary();
        // "Aa" and "BB" have the same String.hashCode
        assertEquals(0, d.intern("Aa"));
        assertEquals(1, d.intern("BB"));
        assertEquals(2, d.intern("AaBB"));
        assertEquals(3, d.intern("BBAa"));
        assertEquals(4, d.intern("A"));
        assertEquals(5, d.intern(""));
        assertEquals(1, d.code("BB"));
        assertEquals("", d.value(5));
        assertEquals("BBAa", d.value(3));
        assertNull(d.value(-1));
        assertEquals(-1, d.code(null));
        assertThrows(IndexOutOfBoundsException.class, () -> d.value(6));
    }

    @Test
    void storesCharactersCompactly() {
        StringDictionary d = new StringDictionary();
        for (int i = 0; i < 100_000; i++) {
            d.intern("WB" + (10_000_000 + i));
        }
        d.trimToSize();
        // 10 bytes per id + 4 (offset) + 21 (262,144 hash slots of 8 bytes, 38 % full), against about
        // 56 for a String object and its array alone
        long perValue = d.memoryBytes() / d.size();
        assertEquals(true, perValue <= 36, "bytes per value " + perValue);
        assertEquals("WB10099999", d.value(99_999));
    }

    @Test
    void internAllOfKeysGivesTheCodesOfInternAllOfStrings() {
        SplittableRandom r = new SplittableRandom(23);
        StringDictionary strings = new StringDictionary();
        StringDictionary keyed = new StringDictionary();
        for (int round = 0; round < 40; round++) {
            int n = r.nextInt(1_500);
            String[] values = new String[n];
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            int[][] inFile = new int[n][];
            for (int k = 0; k < n; k++) {
                values[k] = r.nextInt(10) == 0 ? null : randomString(r);
                if (values[k] != null && r.nextBoolean() && values[k].chars().allMatch(c -> c < 0xD800 || c > 0xDFFF)) {
                    byte[] utf8 = values[k].getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    inFile[k] = new int[] {file.size(), file.size() + utf8.length};
                    file.write(utf8, 0, utf8.length);
                    file.write(',');
                }
            }
            byte[] shared = file.toByteArray();
            StringDictionary.Keys keys = new StringDictionary.Keys(1, shared); // grows
            keys.ensureCapacity(n);
            for (int k = 0; k < n; k++) {
                if (inFile[k] != null && r.nextBoolean()) {
                    // UTF-8 of characters of the Basic Multilingual Plane is the arena encoding
                    keys.setShared(k, inFile[k][0], inFile[k][1]);
                } else if (inFile[k] != null) {
                    keys.setEncoded(k, shared, inFile[k][0], inFile[k][1]);
                } else {
                    keys.set(k, values[k]);
                }
                assertEquals(values[k], keys.get(k));
                assertEquals(values[k] == null, keys.isNull(k));
            }
            int[] expected = new int[n];
            int[] got = new int[n];
            strings.internAll(values, n, expected);
            keyed.internAll(keys, n, got);
            assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(got), "round " + round);
        }
        assertEquals(strings.size(), keyed.size());
        for (int c = 0; c < strings.size(); c++) {
            assertEquals(strings.value(c), keyed.value(c));
            assertEquals(c, keyed.code(strings.value(c)), "a string lookup finds a value added as bytes");
        }
    }

    @Test
    void keysHashAndDecodeAsStrings() {
        String[] cases = {"", "a", "13800138000", "é", "城市 路 1", "\uD83D\uDE00x", "\uD800", "\u0000", "\uFFFF"};
        StringDictionary.Keys keys = new StringDictionary.Keys(cases.length);
        for (int i = 0; i < cases.length; i++) {
            keys.set(i, cases[i]);
            assertEquals(cases[i], keys.get(i));
        }
        StringDictionary d = new StringDictionary();
        int[] codes = new int[cases.length];
        d.internAll(keys, cases.length, codes);
        for (int i = 0; i < cases.length; i++) {
            assertEquals(i, codes[i]);
            assertEquals(i, d.code(cases[i]), "hash and bytes as the string's");
        }
        keys.setNull(1);
        assertNull(keys.get(1));
    }

    @Test
    void hashOfEncodedBytesIsTheStringHash() {
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = r.nextInt(41);
            for (int k = 0; k < n; k++) {
                switch (r.nextInt(4)) {
                    case 0 -> sb.append((char) (0x80 + r.nextInt(0x780)));
                    case 1 -> sb.append((char) (0x800 + r.nextInt(0xD000)));
                    default -> sb.append((char) r.nextInt(0x80)); // runs of ASCII of every length and phase
                }
            }
            String s = sb.toString();
            byte[] b = ("ab" + s).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(s.hashCode(), StringDictionary.hashEncoded(b, 2, b.length), s);
        }
        assertEquals(0, StringDictionary.hashEncoded(new byte[0], 0, 0));
        assertEquals("13800138000".hashCode(), StringDictionary.hashEncoded("13800138000".getBytes(), 0, 11));
    }
}
