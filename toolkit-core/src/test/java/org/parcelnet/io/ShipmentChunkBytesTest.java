package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.model.StringDictionary;

/**
 * The byte-level tokeniser of {@link ShipmentChunk#parse} against Commons CSV
 * ({@link ShipmentChunk#parseWithCommons}, the reference) on the same chunk bytes: the same records,
 * values, line numbers, rejects, line count and failure, on messy input.
 */
class ShipmentChunkBytesTest {

    /** The 19 columns of {@link ShipmentReaderParallelTest#HEADER}, in file order. */
    static ShipmentChunk.Layout layout() {
        int[] col = new int[ShipmentColumns.ALL.size()];
        for (int c = 0; c < col.length; c++) {
            col[c] = c;
        }
        boolean[] personal = new boolean[col.length];
        for (int c = 0; c < col.length; c++) {
            personal[c] = ShipmentColumns.PERSONAL.contains(ShipmentColumns.ALL.get(c));
        }
        return new ShipmentChunk.Layout("t.csv", col.length + 1, col, personal, 40, ZoneOffset.UTC);
    }

    static void assertSameChunk(ShipmentChunk ref, ShipmentChunk fast, String what) {
        assertEquals(ref.size, fast.size, what + ": records");
        assertEquals(ref.lineCount, fast.lineCount, what + ": line count");
        assertEquals(ref.failure == null, fast.failure == null, what + ": failure");
        if (ref.failure != null) {
            assertEquals(ref.failure.getMessage(), fast.failure.getMessage(), what);
        }
        int n = ref.size;
        assertArrayEquals(Arrays.copyOf(ref.startLine, n), Arrays.copyOf(fast.startLine, n), what + ": lines");
        assertArrayEquals(Arrays.copyOf(ref.rejected, n), Arrays.copyOf(fast.rejected, n), what + ": rejects");
        assertArrayEquals(strings(ref.ids, n), strings(fast.ids, n), what + ": ids");
        assertArrayEquals(Arrays.copyOf(ref.epoch, n), Arrays.copyOf(fast.epoch, n), what);
        assertArrayEquals(strings(ref.phones, 2 * n), strings(fast.phones, 2 * n), what + ": phones");
        assertArrayEquals(strings(ref.addresses, 2 * n), strings(fast.addresses, 2 * n), what + ": addresses");
        assertArrayEquals(strings(ref.names, 2 * n), strings(fast.names, 2 * n), what + ": names");
        assertArrayEquals(Arrays.copyOf(ref.pieces, n), Arrays.copyOf(fast.pieces, n), what);
        assertArrayEquals(Arrays.copyOf(ref.weight, n), Arrays.copyOf(fast.weight, n), what);
        assertArrayEquals(Arrays.copyOf(ref.mode, n), Arrays.copyOf(fast.mode, n), what);
        assertArrayEquals(Arrays.copyOf(ref.flagged, n), Arrays.copyOf(fast.flagged, n), what);
        for (int k = 0; k < n; k++) {
            if (ref.rejected[k] == null) {
                assertEquals(ref.places.value(ref.originPlace[k]), fast.places.value(fast.originPlace[k]), what);
                assertEquals(ref.places.value(ref.destinationPlace[k]), fast.places.value(fast.destinationPlace[k]), what);
                assertEquals(local(ref.carriers, ref.carrier[k]), local(fast.carriers, fast.carrier[k]), what);
                assertEquals(local(ref.goodsValues, ref.goods[k]), local(fast.goodsValues, fast.goods[k]), what);
            }
        }
    }

    /** The first {@code n} keys as strings (null for null). */
    static String[] strings(StringDictionary.Keys keys, int n) {
        String[] v = new String[n];
        for (int i = 0; i < n; i++) {
            v[i] = keys.get(i);
        }
        return v;
    }

    private static String local(ShipmentChunk.LocalStrings s, int code) {
        return code < 0 ? null : s.value(code);
    }

    private static ShipmentChunk[] both(byte[] bytes) {
        ShipmentChunk.Layout l = layout();
        return new ShipmentChunk[] {ShipmentChunk.parseWithCommons(l, bytes, bytes.length),
            ShipmentChunk.parse(l, bytes, bytes.length)};
    }

    private static final String GOOD = "S1,2025-03-01T08:00:00Z,云南,瑞丽,四川,成都,13800000001,13900000002,张三,李四,"
            + "城市 路 1,,顺丰,land,2,1.5,茶叶,false,x";

    @Test
    void handWrittenCasesMatchCommonsCsv() {
        String[] cases = {
            GOOD + "\n",
            GOOD,                                                         // no final line break
            GOOD + "\r\n" + GOOD.replace("S1", "S2") + "\r\n",            // CRLF
            "\n\n" + GOOD + "\n\r\n\n" + GOOD.replace("S1", "S2"),        // blank lines, last without break
            GOOD + "\n   \n" + GOOD.replace("S1", "S2") + "\n",           // a line of spaces: one empty field
            GOOD + "\n\n\n",                                              // trailing blank lines
            " S1 , 2025-03-01T08:00:00Z ,云南,瑞丽,四川,成都, 13800000001 ,13900000002,,,,,, air ,,,,,\n", // trims
            GOOD.replace("茶叶", "\"茶,叶\"") + "\n" + GOOD.replace("S1", "S2") + "\n",      // quoted comma
            GOOD.replace("茶叶", "\"茶\n叶\r\n\"") + "\n" + GOOD.replace("S1", "S2") + "\n", // quoted breaks
            GOOD.replace("茶叶", "a\"b") + "\n",                         // a quote inside an unquoted field
            GOOD.replace(",x", ",\"\"\"q\"\"\"") + "\n" + GOOD.replace("S1", "S2"),
            GOOD + "\r" + GOOD.replace("S1", "S2") + "\n",                // lone carriage return ends a record
            GOOD + "\r\r\n" + GOOD.replace("S1", "S2") + "\n",
            GOOD.replace("land", "\"land\"x") + "\n" + GOOD.replace("S1", "S2") + "\n", // junk after a quote: fails
            GOOD + "\n" + GOOD.replace("茶叶", "\"open") + "\n" + GOOD + "\n",           // unterminated quote: fails
            GOOD.replace(",x", "") + "\n" + GOOD + ",extra\n",            // wrong column counts
            GOOD.replace("2,1.5", "0,-1") + "\n" + GOOD.replace("1.5", "1e3") + "\n" + GOOD.replace("1.5", "abc") + "\n",
            GOOD.replace("2025-03-01T08:00:00Z", "soon") + "\n" + GOOD.replace("land", "sea") + "\n",
            GOOD.replace("false", "YES") + "\n" + GOOD.replace("false", "maybe") + "\n",
            GOOD.replace("S1", "") + "\n" + GOOD.replace("13800000001", "--") + "\n",
            GOOD.replace("茶叶", "x".repeat(41)) + "\n",                   // over maxFieldChars
            "\uFEFF" + GOOD + "\n",                                        // a byte-order mark in a data row
            GOOD.replace("城市 路 1", "城市\u3000 路\t1 ") + "\n",
            // plain records whose values take the slower paths of the byte-level checks
            GOOD.replace("13800000001", "+86 138-0000-0001").replace("13900000002", "００８６１３９００００００００２") + "\n",
            GOOD.replace("13800000001", "8613800000001").replace("13900000002", "P-ABCDEFGHJKLMN234") + "\n",
            GOOD.replace("13800000001", "电话").replace("13900000002", "0086") + "\n",
            GOOD.replace("S1", "S😀1").replace("张三", "𠀀三").replace("城市 路 1", "城市😀路") + "\n", // four-byte characters
            GOOD.replace("张三", "张\uFFFD") + "\n",                        // U+FFFD itself: rejected
            GOOD.replace("茶叶", "😀".repeat(20)) + "\n",                   // 40 UTF-16 units: not over the limit
            GOOD.replace("茶叶", "😀".repeat(21)) + "\n",                   // 42 UTF-16 units: over
            GOOD.replace("茶叶", "城".repeat(40)) + "\n" + GOOD.replace("茶叶", "城".repeat(41)) + "\n",
            GOOD.replace("城市 路 1", "No.5  Road") + "\n" + GOOD.replace("城市 路 1", "a\u00A0b\u2003c") + "\n",
            GOOD.replace("城市 路 1", "\u3000") + "\n",                     // an address of white space only
            GOOD.replace(",2,1.5,", ",007,+1.5,") + "\n" + GOOD.replace(",2,1.5,", ",+2,1.5,") + "\n",
            GOOD.replace(",2,1.5,", ",0,1.5,") + "\n" + GOOD.replace(",2,1.5,", ",1234567890,1.5,") + "\n",
            GOOD.replace(",2,1.5,", ",2,-0,") + "\n" + GOOD.replace(",2,1.5,", ",2,-0.5,") + "\n",
            GOOD.replace(",2,1.5,", ",2,1e400,") + "\n" + GOOD.replace(",2,1.5,", ",2,NaN,") + "\n",
            GOOD.replace(",2,1.5,", ",2,0x1p3,") + "\n" + GOOD.replace(",2,1.5,", ",2,1234567890123456.5,") + "\n",
            GOOD.replace(",2,1.5,", ",２,1.5,") + "\n" + GOOD.replace(",2,1.5,", ",2,１.5,") + "\n",
            GOOD.replace("false", "TRUE") + "\n" + GOOD.replace("false", "0") + "\n" + GOOD.replace("false", "") + "\n",
            GOOD.replace("land", "LAND") + "\n" + GOOD.replace("land", "Air") + "\n" + GOOD.replace("land", "") + "\n",
            GOOD.replace("land", "ａｉｒ") + "\n",
            GOOD.replace("2025-03-01T08:00:00Z", "2025-03-01 08:00") + "\n" + GOOD.replace("2025-03-01T08:00:00Z", "2025-03-01") + "\n",
            GOOD.replace("2025-03-01T08:00:00Z", "2025-02-29T08:00:00Z") + "\n" + GOOD.replace("2025-03-01T08:00:00Z", "2024-02-29T08:00:00+0800") + "\n",
            GOOD.replace("2025-03-01T08:00:00Z", "２025-03-01") + "\n",
            GOOD.replace("云南,瑞丽", "云南, ") + "\n" + GOOD.replace("云南,瑞丽", "云,南瑞丽").replace("四川,成都", "四川成,都") + "\n",
            GOOD + "\n" + GOOD.replace("S1", "S2") + "\n" + GOOD.replace("S1", "S1") + "\n",   // a duplicate id: the merge's
        };
        for (String c : cases) {
            ShipmentChunk[] r = both(c.getBytes(StandardCharsets.UTF_8));
            assertSameChunk(r[0], r[1], c.replace("\n", "\\n").replace("\r", "\\r"));
        }
        // the cases exercise rejects, quoted records and failures
        ShipmentChunk[] junk = both((GOOD.replace("land", "\"land\"x") + "\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(junk[1].failure != null);
        ShipmentChunk[] blank = both(("\n\n" + GOOD + "\n\r\n\n" + GOOD.replace("S1", "S2")).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, blank[1].size);
        assertEquals(3, blank[1].startLine[0]);
        assertEquals(6, blank[1].startLine[1]);
        assertNull(blank[1].failure);
    }

    @Test
    void requiredColumnsOnlyInAnotherOrderMatchCommonsCsv() {
        // file columns: the eight required ones reversed, then an extra; every optional column absent
        int[] col = new int[ShipmentColumns.ALL.size()];
        java.util.Arrays.fill(col, -1);
        int required = ShipmentColumns.REQUIRED.size();
        for (int c = 0; c < required; c++) {
            col[c] = required - 1 - c;
        }
        boolean[] personal = new boolean[col.length];
        for (int c = 0; c < personal.length; c++) {
            personal[c] = ShipmentColumns.PERSONAL.contains(ShipmentColumns.ALL.get(c));
        }
        ShipmentChunk.Layout l = new ShipmentChunk.Layout("t.csv", required + 1, col, personal, 40, ZoneOffset.UTC);
        String row = "13900000002,+86 13800000001,成都,四川,瑞丽,云南,2025-03-01T08:00:00Z,S1,x";
        String text = row + "\n" + row.replace("S1", "S2").replace(",x", "") + "\n"
                + row.replace("S1", "S3").replace("+86 13800000001", " - ") + "\n" + row.replace("S1", "S4") + "\r\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ShipmentChunk ref = ShipmentChunk.parseWithCommons(l, bytes, bytes.length);
        ShipmentChunk fast = ShipmentChunk.parse(l, bytes, bytes.length);
        assertSameChunk(ref, fast, "required columns only");
        assertEquals(4, fast.size);
        assertNull(fast.rejected[0]);
        assertEquals("13800000001", fast.phones.get(0), "the sender phone, +86 dropped");
        assertEquals("13900000002", fast.phones.get(1));
        assertEquals(null, fast.names.get(0));
        assertEquals(null, fast.addresses.get(1));
        assertEquals(1, fast.pieces[0]);
        assertTrue(Double.isNaN(fast.weight[0]));
        assertEquals(org.parcelnet.model.TransportMode.UNKNOWN, fast.mode[0]);
        assertEquals(-1, fast.carrier[0]);
        assertEquals("wrong column count: expected 9, got 8", fast.rejected[1].reason());
        assertEquals("empty sender_phone", fast.rejected[2].reason());
        assertEquals(2, fast.rejected[2].column(), "the sender phone is the file's second column");
    }

    @Test
    void malformedUtf8IsRejectedInTheSameField() {
        byte[] good = (GOOD + "\n").getBytes(StandardCharsets.UTF_8);
        byte[][] bad = {{(byte) 0xE8}, {(byte) 0xC3, ','}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0x80}};
        for (byte[] junk : bad) {
            for (int at : new int[] {0, 3, 30, good.length - 3}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(good, 0, at);
                out.write(junk, 0, junk.length);
                out.write(good, at, good.length - at);
                out.write(good, 0, good.length);
                ShipmentChunk[] r = both(out.toByteArray());
                assertSameChunk(r[0], r[1], "junk at " + at);
            }
        }
    }

    @Test
    void randomMessyChunksMatchCommonsCsv() {
        SplittableRandom rnd = new SplittableRandom(17);
        for (int round = 0; round < 300; round++) {
            String text = ShipmentReaderParallelTest.messyFile(40, round);
            text = text.substring(text.indexOf('\n') + 1); // rows only
            String[] extras = {"\r", "\"", ",", "\n", " ", "\r\n", "\"\"", "\u00e9", "\t"};
            StringBuilder sb = new StringBuilder(text);
            int edits = rnd.nextInt(3);
            for (int e = 0; e < edits; e++) {
                sb.insert(rnd.nextInt(sb.length() + 1), extras[rnd.nextInt(extras.length)]);
            }
            if (rnd.nextBoolean() && sb.length() > 0 && sb.charAt(sb.length() - 1) == '\n') {
                sb.setLength(sb.length() - 1); // the file's last record without a line break
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            ShipmentChunk[] r = both(bytes);
            assertSameChunk(r[0], r[1], "round " + round);
        }
    }
}
