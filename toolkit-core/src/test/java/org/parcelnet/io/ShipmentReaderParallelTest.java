package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.StringDictionary;

/**
 * The chunked, multi-threaded read must give exactly what one parser over the whole stream gives
 * (the sequential reference path): same table, same codes, same rejects and lines, same first error.
 */
class ShipmentReaderParallelTest {

    @TempDir
    Path dir;

    static final String HEADER = "shipment_id,shipped_at,origin_province,origin_city,destination_province,"
            + "destination_city,sender_phone,receiver_phone,sender_name,receiver_name,sender_address,"
            + "receiver_address,carrier,mode,pieces,weight_kg,declared_goods,flagged,note";

    /** Quoted when it holds a comma, quote or line break, or at random. */
    static String q(String s, SplittableRandom r) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || r.nextInt(8) == 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    static String randomText(SplittableRandom r) {
        String[] parts = {"茶叶", "tea", ", ", "\n", "\r\n", "\"", "a\"b", "  ", "x", "散装", "7"};
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    /** A messy file: quoted commas, line breaks and quotes, CRLF, blank lines, bad rows, duplicates. */
    static String messyFile(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("\uFEFF").append(HEADER).append('\n');
        for (int i = 0; i < rows; i++) {
            int kind = r.nextInt(40);
            String id = kind == 0 && i > 0 ? "S" + r.nextInt(i) : "S" + i; // duplicate, possibly far back
            String time = kind == 1 ? "not a date" : "2025-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10) + "T0"
                    + r.nextInt(10) + ":00:00" + (r.nextBoolean() ? "Z" : "+08:00");
            String phone = kind == 2 ? "--" : (r.nextBoolean() ? "+86 " : "") + (13_800_000_000L + r.nextInt(300));
            String phone2 = Long.toString(13_900_000_000L + r.nextInt(300));
            String pieces = kind == 3 ? "0" : Integer.toString(1 + r.nextInt(3));
            String name = r.nextInt(3) == 0 ? "" : "张" + r.nextInt(50);
            String addr = r.nextInt(3) == 0 ? "" : "城市" + r.nextInt(20) + (r.nextBoolean() ? "  路 " : "路") + r.nextInt(30);
            List<String> f = new ArrayList<>(List.of(id, time, "云南", "瑞丽" + r.nextInt(3), "四川", "成都",
                    phone, phone2, name, "李" + r.nextInt(40), addr, "", r.nextBoolean() ? "顺丰" : "中通",
                    r.nextInt(4) == 0 ? "air" : "land", pieces, Integer.toString(r.nextInt(100)),
                    randomText(r), r.nextInt(20) == 0 ? "true" : "false", randomText(r)));
            if (kind == 4) {
                f.remove(f.size() - 1); // wrong column count
            }
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < f.size(); k++) {
                if (k > 0) {
                    line.append(',');
                }
                line.append(q(f.get(k), r));
            }
            sb.append(line).append(r.nextInt(5) == 0 ? "\r\n" : "\n");
            if (r.nextInt(30) == 0) {
                sb.append(r.nextBoolean() ? "\n" : "\r\n"); // blank line
            }
        }
        return sb.toString();
    }

    static void assertSameTable(ShipmentTable a, ShipmentTable b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.shipmentId(i), b.shipmentId(i));
            assertEquals(a.shippedAt(i), b.shippedAt(i));
            assertEquals(a.originPlace(i), b.originPlace(i));
            assertEquals(a.destinationPlace(i), b.destinationPlace(i));
            assertEquals(a.senderPhone(i), b.senderPhone(i));
            assertEquals(a.receiverPhone(i), b.receiverPhone(i));
            assertEquals(a.senderName(i), b.senderName(i));
            assertEquals(a.receiverName(i), b.receiverName(i));
            assertEquals(a.senderAddress(i), b.senderAddress(i));
            assertEquals(a.receiverAddress(i), b.receiverAddress(i));
            assertEquals(a.carrier(i), b.carrier(i));
            assertEquals(a.goods(i), b.goods(i));
            assertEquals(a.pieces(i), b.pieces(i));
            assertEquals(Double.doubleToLongBits(a.weightKg(i)), Double.doubleToLongBits(b.weightKg(i)));
            assertEquals(a.mode(i), b.mode(i));
            assertEquals(a.flagged(i), b.flagged(i));
        }
        assertEquals(a.placeCount(), b.placeCount());
        for (int c = 0; c < a.placeCount(); c++) {
            assertEquals(a.place(c), b.place(c));
        }
        assertSameValues(a.phones(), b.phones());
        assertSameValues(a.names(), b.names());
        assertSameValues(a.addresses(), b.addresses());
        assertSameValues(a.carriers(), b.carriers());
        assertSameValues(a.goodsDictionary(), b.goodsDictionary());
    }

    static void assertSameValues(StringDictionary a, StringDictionary b) {
        assertEquals(a.size(), b.size());
        for (int c = 0; c < a.size(); c++) {
            assertEquals(a.value(c), b.value(c));
        }
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void chunkedReadsEqualTheSequentialReadOnAMessyFile() throws IOException {
        Path p = write("messy.csv", messyFile(3000, 5));
        ShipmentReader.Options lenient = ShipmentReader.Options.defaults().withLenient(true);
        ShipmentReader.Result seq = ShipmentReader.read(p, lenient, 0, 1);
        assertTrue(seq.stats().rowsRejected() > 100, "the file has bad rows: " + seq.stats().summaryLine());
        assertTrue(seq.table().goodsDictionary().size() > 20);
        assertTrue(seq.stats().rejectsByReason().containsKey("duplicate shipment_id"));
        for (int chunk : new int[] {1, 97, 1000, 1 << 20}) {
            for (int threads : new int[] {1, 2, 3}) {
                ShipmentReader.Result par = ShipmentReader.read(p, lenient, chunk, threads);
                assertSameTable(seq.table(), par.table());
                assertEquals(seq.stats().rowsIn(), par.stats().rowsIn());
                assertEquals(seq.stats().rejected(), par.stats().rejected(), "chunk " + chunk + ", threads " + threads);
            }
        }
        // strict: the same first error, with the same line and column
        InputException first = assertThrows(InputException.class,
                () -> ShipmentReader.read(p, ShipmentReader.Options.defaults(), 0, 1));
        for (int chunk : new int[] {1, 97, 1000}) {
            InputException e = assertThrows(InputException.class,
                    () -> ShipmentReader.read(p, ShipmentReader.Options.defaults(), chunk, 2));
            assertEquals(first.getMessage(), e.getMessage());
        }
    }

    @Test
    void handComputedLinesHoldWhenEveryRecordIsItsOwnChunk() throws IOException {
        String csv = ShipmentReaderTest.HEADER + ",declared_goods\n"
                + ShipmentReaderTest.row("A1", "2025-03-01", "1", "2", "1", "1") + ",\"a\nb\nc\"\n"  // lines 2-4
                + ShipmentReaderTest.row("A2", "yesterday", "1", "2", "1", "1") + ",x\n"             // line 5
                + "\n"                                                                                // line 6 blank
                + ShipmentReaderTest.row("A3", "2025-03-01", "1", "2", "0", "1") + ",x\r\n"          // line 7
                + ShipmentReaderTest.row("A1", "2025-03-01", "1", "2", "1", "1") + ",x\n"            // line 8 duplicate
                + ShipmentReaderTest.row("A4", "2025-03-01", "1", "", "1", "1") + ",\"y\nz\"\n"      // lines 9-10
                + ShipmentReaderTest.row("A5", "2025-03-01", "1", "2", "1", "1") + ",\"\"\"q\"\",z\"";  // line 11, no newline
        Path p = write("lines.csv", csv);
        for (int chunk : new int[] {0, 1, 30}) {
            ShipmentReader.Result r = ShipmentReader.read(p, ShipmentReader.Options.defaults().withLenient(true), chunk, 2);
            assertEquals(List.of(5L, 7L, 8L, 9L), r.stats().rejected().stream().map(RejectedRow::line).toList());
            assertEquals(2, r.table().size());
            assertEquals("\"q\",z", r.table().goodsDictionary().value(r.table().goods(1)));
        }
    }

    @Test
    void junkAfterAClosingQuoteIsReportedAtItsLineInAnyChunk() throws IOException {
        String good = ShipmentReaderTest.row("A1", "2025-03-01", "1", "2", "1", "1");
        String csv = ShipmentReaderTest.HEADER + "\n" + good + "\n" + good.replace("A1", "A2") + "\n"
                + good.replace("A1", "A3").replace("land", "\"land\"x") + "\n" + good.replace("A1", "A4") + "\n";
        Path p = write("junk.csv", csv);
        for (int chunk : new int[] {0, 1, 50}) {
            InputException e = assertThrows(InputException.class,
                    () -> ShipmentReader.read(p, ShipmentReader.Options.defaults().withLenient(true), chunk, 2));
            assertEquals(p + ":4: invalid character after a closing quote", e.getMessage(), "chunk " + chunk);
        }
    }

    @Test
    void gzipIsReadInChunksAndATruncationFailsAfterEarlierBadRows() throws IOException {
        StringBuilder sb = new StringBuilder(ShipmentReaderTest.HEADER).append('\n');
        for (int i = 0; i < 12_000; i++) {
            String pieces = i == 10 ? "0" : "1";
            sb.append(ShipmentReaderTest.row("A" + i, "2025-03-01", "1", "2", pieces, "1")).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        Path whole = dir.resolve("ok.csv.gz");
        Files.write(whole, bytes.toByteArray());
        ShipmentReader.Options lenient = ShipmentReader.Options.defaults().withLenient(true);
        ShipmentReader.Result seq = ShipmentReader.read(whole, lenient, 0, 1);
        ShipmentReader.Result par = ShipmentReader.read(whole, lenient, 2000, 2);
        assertEquals(11_999, par.table().size());
        assertSameTable(seq.table(), par.table());
        assertEquals(seq.stats().rejected(), par.stats().rejected());
        Path cut = dir.resolve("cut.csv.gz");
        byte[] all = bytes.toByteArray();
        Files.write(cut, Arrays.copyOf(all, all.length * 2 / 3));
        InputException e = assertThrows(InputException.class, () -> ShipmentReader.read(cut, lenient, 2000, 2));
        assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt gzip stream"), e.getMessage());
        // strict: the bad row on line 12 comes before the truncation, in both readers
        for (int chunk : new int[] {0, 2000}) {
            InputException s = assertThrows(InputException.class,
                    () -> ShipmentReader.read(cut, ShipmentReader.Options.defaults(), chunk, 2));
            assertEquals(cut + ":12:9: pieces must be a positive integer (0)", s.getMessage());
        }
    }

    @Test
    void chunksHoldWholeRecords() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 20; round++) {
            String text = messyFile(200, round).substring(1) + (round % 2 == 0 ? "" : "\"unterminated,\n1\n");
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            RecordChunker chunker = new RecordChunker(new java.io.ByteArrayInputStream(bytes), 16);
            List<List<String>> pieces = new ArrayList<>();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            RecordChunker.Chunk c;
            while ((c = chunker.next(1 + r.nextInt(400))) != null) {
                String chunk = new String(c.bytes(), 0, c.length(), StandardCharsets.UTF_8);
                joined.write(c.bytes(), 0, c.length());
                if (round % 2 == 0) {
                    pieces.addAll(records(chunk));
                }
            }
            assertEquals(text, joined.toString(StandardCharsets.UTF_8));
            if (round % 2 == 0) {
                assertEquals(records(text), pieces);
            }
        }
    }

    /** Buffers given back after each chunk are filled again, and the chunks still hold the stream's records. */
    @Test
    void recycledBuffersGiveTheSameChunks() throws IOException {
        SplittableRandom r = new SplittableRandom(4);
        for (int round = 0; round < 20; round++) {
            String text = messyFile(200, round).substring(1);
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            RecordChunker chunker = new RecordChunker(new java.io.ByteArrayInputStream(bytes), 512);
            List<List<String>> pieces = new ArrayList<>();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            java.util.Set<byte[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            int reused = 0;
            RecordChunker.Chunk c;
            while ((c = chunker.next(1 + r.nextInt(300))) != null) {
                reused += seen.add(c.bytes()) ? 0 : 1;
                joined.write(c.bytes(), 0, c.length());
                pieces.addAll(records(new String(c.bytes(), 0, c.length(), StandardCharsets.UTF_8)));
                java.util.Arrays.fill(c.bytes(), (byte) 'x'); // whatever the caller leaves in a buffer
                chunker.recycle(c.bytes());
            }
            assertEquals(text, joined.toString(StandardCharsets.UTF_8));
            assertEquals(records(text), pieces);
            assertTrue(reused > 0, "round " + round);
        }
    }

    @Test
    void simpleDecimalsParseExactlyAsParseDouble() {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int intDigits = r.nextInt(9);
            for (int k = 0; k < intDigits; k++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            if (r.nextBoolean()) {
                sb.append('.');
                int fracDigits = r.nextInt(9);
                for (int k = 0; k < fracDigits; k++) {
                    sb.append((char) ('0' + r.nextInt(10)));
                }
            }
            String s = sb.toString();
            double fast = ShipmentChunk.parseSimpleDecimal(s);
            if (!Double.isNaN(fast)) {
                assertEquals(Double.doubleToLongBits(Double.parseDouble(s)), Double.doubleToLongBits(fast), s);
            } else {
                assertTrue(s.replace(".", "").isEmpty() || s.replace(".", "").length() > 15, s);
            }
        }
        assertTrue(Double.isNaN(ShipmentChunk.parseSimpleDecimal("-1")));
        assertTrue(Double.isNaN(ShipmentChunk.parseSimpleDecimal("1e3")));
        assertTrue(Double.isNaN(ShipmentChunk.parseSimpleDecimal("1.2.3")));
    }

    private static List<List<String>> records(String text) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(Csv.FORMAT).get()) {
            for (CSVRecord rec : p) {
                out.add(List.of(rec.values()));
            }
        }
        return out;
    }
}
