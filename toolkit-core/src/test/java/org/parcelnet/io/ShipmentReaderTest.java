package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class ShipmentReaderTest {

    static final String HEADER = "shipment_id,shipped_at,origin_province,origin_city,destination_province,"
            + "destination_city,sender_phone,receiver_phone,pieces,weight_kg,mode,flagged";

    static String row(String id, String time, String sender, String receiver, String pieces, String weight) {
        return String.join(",", id, time, "云南", "瑞丽", "四川", "成都", sender, receiver, pieces, weight, "land", "false");
    }

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static InputException strictFailure(Path p) {
        return assertThrows(InputException.class, () -> ShipmentReader.read(p));
    }

    private static ShipmentReader.Result lenient(Path p) throws IOException {
        return ShipmentReader.read(p, ShipmentReader.Options.defaults().withLenient(true));
    }

    @Test
    void readsValidRowsWithQuotedCommasNewlinesAndBom() throws IOException {
        String csv = "\uFEFF" + HEADER + ",declared_goods\n"
                + row("A1", "2025-03-01T08:00:00+08:00", "+86 138-0013-8000", "13900139000", "2", "12.5") + ",\"tea, green\"\n"
                + row("A2", "2025-03-01 09:30", "008613800138000", "13700137000", "", "") + ",\"two\nlines\"\n";
        ShipmentReader.Result r = ShipmentReader.read(write("ok.csv", csv));
        ShipmentTable t = r.table();
        assertEquals(2, t.size());
        assertEquals(2, r.stats().rowsIn());
        assertEquals("13800138000", t.phones().value(t.senderPhone(0)));
        assertEquals(t.senderPhone(0), t.senderPhone(1), "both spellings normalise to one phone");
        assertEquals(1740787200L, t.shippedAt(0), "2025-03-01T00:00:00Z");
        assertEquals(2, t.pieces(0));
        assertEquals(1, t.pieces(1), "pieces default to 1");
        assertEquals(12.5, t.weightKg(0), 1e-6);
        assertTrue(Double.isNaN(t.weightKg(1)));
        assertEquals("tea, green", t.goodsDictionary().value(t.goods(0)));
        assertEquals("two\nlines", t.goodsDictionary().value(t.goods(1)));
        assertEquals(TransportMode.LAND, t.mode(0));
        assertEquals("云南", t.place(t.originPlace(0)).province());
    }

    @Test
    void zoneAppliesOnlyToTimesWithoutOffset() throws IOException {
        String csv = HEADER + "\n" + row("A1", "2025-03-01T08:00:00", "1", "2", "1", "1") + "\n"
                + row("A2", "2025-03-01T08:00:00Z", "1", "2", "1", "1") + "\n";
        ShipmentTable t = ShipmentReader.read(write("z.csv", csv),
                ShipmentReader.Options.defaults().withZone(ZoneId.of("Asia/Shanghai"))).table();
        assertEquals(8 * 3600, t.shippedAt(1) - t.shippedAt(0));
    }

    @Test
    void columnMapReadsRenamedColumns() throws IOException {
        String csv = HEADER.replace("shipped_at", "pickup_time") + "\n" + row("A1", "2025-03-01", "1", "2", "1", "1") + "\n";
        Path p = write("m.csv", csv);
        InputException e = strictFailure(p);
        assertTrue(e.getMessage().contains("missing required column 'shipped_at'"), e.getMessage());
        ShipmentTable t = ShipmentReader.read(p, ShipmentReader.Options.defaults()
                .withColumnMap(Map.of("shipped_at", "pickup_time"))).table();
        assertEquals(1, t.size());
    }

    @Test
    void missingRequiredColumnIsNamed() throws IOException {
        Path p = write("a.csv", HEADER.replace(",receiver_phone", "") + "\n");
        InputException e = strictFailure(p);
        assertEquals(p + ":1: missing required column 'receiver_phone'; header has: shipment_id, shipped_at, "
                + "origin_province, origin_city, destination_province, destination_city, sender_phone, pieces, "
                + "weight_kg, mode, flagged", e.getMessage());
    }

    @Test
    void duplicateHeaderNameFails() throws IOException {
        Path p = write("d.csv", HEADER + ",pieces\n");
        InputException e = strictFailure(p);
        assertEquals(1, e.line());
        assertEquals(13, e.column());
        assertTrue(e.getMessage().contains("duplicate column name 'pieces' (also column 9)"), e.getMessage());
    }

    @Test
    void wrongColumnCount() throws IOException {
        Path p = write("w.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "1") + "\nA2,2025-03-01,x\n");
        InputException e = strictFailure(p);
        assertEquals(p + ":3: wrong column count: expected 12, got 3", e.getMessage());
    }

    @Test
    void unparseableDateNamesLineAndColumn() throws IOException {
        Path p = write("t.csv", HEADER + "\n" + row("A1", "2025-13-01T00:00", "1", "2", "1", "1") + "\n");
        InputException e = strictFailure(p);
        assertEquals(p + ":2:2: unparseable date-time (2025-13-01T00:00)", e.getMessage());
    }

    @Test
    void piecesMustBePositiveInteger() throws IOException {
        for (String bad : List.of("0", "-1", "2.5", "two")) {
            Path p = write("p.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", bad, "1") + "\n");
            InputException e = strictFailure(p);
            assertEquals(p + ":2:9: pieces must be a positive integer (" + bad + ")", e.getMessage());
        }
    }

    @Test
    void negativeWeightRejected() throws IOException {
        Path p = write("n.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "-0.5") + "\n");
        assertEquals(p + ":2:10: negative weight_kg (-0.5)", strictFailure(p).getMessage());
        Path q = write("n2.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "NaN") + "\n");
        assertEquals(q + ":2:10: weight_kg is not a number (NaN)", strictFailure(q).getMessage());
    }

    @Test
    void emptyPhoneRejectedWithoutEchoingPersonalData() throws IOException {
        Path p = write("e.csv", HEADER + "\n" + row("A1", "2025-03-01", "--", "2", "1", "1") + "\n");
        assertEquals(p + ":2:7: empty sender_phone", strictFailure(p).getMessage());
    }

    @Test
    void duplicateShipmentId() throws IOException {
        Path p = write("dup.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "1") + "\n"
                + row("A1", "2025-03-02", "1", "2", "1", "1") + "\n");
        assertEquals(p + ":3:1: duplicate shipment_id (A1)", strictFailure(p).getMessage());
    }

    @Test
    void emptyFileAndHeaderOnly() throws IOException {
        Path empty = write("empty.csv", "");
        assertEquals(empty + ": empty file: no header row", strictFailure(empty).getMessage());
        ShipmentReader.Result r = ShipmentReader.read(write("h.csv", HEADER + "\n"));
        assertEquals(0, r.table().size());
        assertEquals(0, r.stats().rowsIn());
    }

    @Test
    void truncatedGzipFails() throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 2000; i++) {
            sb.append(row("A" + i, "2025-03-01", "1", "2", "1", "1")).append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path whole = dir.resolve("ok.csv.gz");
        Files.write(whole, all);
        assertEquals(2000, ShipmentReader.read(whole).table().size());
        Path cut = dir.resolve("cut.csv.gz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        InputException e = assertThrows(InputException.class, () -> lenient(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt gzip stream"), e.getMessage());
    }

    @Test
    void nonUtf8BytesRejectedAtTheirField() throws IOException {
        byte[] head = (HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "1") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "A2,2025-03-01,\u4e91\u5357,".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = {(byte) 0xC9, (byte) 0x6C, (byte) 0xE9};
        byte[] tail = ",四川,成都,1,2,1,1,land,false\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(head);
        out.write(bad);
        out.write(latin1);
        out.write(tail);
        Path p = dir.resolve("latin1.csv");
        Files.write(p, out.toByteArray());
        assertEquals(p + ":3:4: invalid UTF-8 bytes", strictFailure(p).getMessage());
    }

    @Test
    void tenMegabyteFieldRejected() throws IOException {
        String huge = "x".repeat(10 * 1024 * 1024);
        Path p = write("big.csv", HEADER + ",declared_goods\n" + row("A1", "2025-03-01", "1", "2", "1", "1") + ",\"" + huge + "\"\n"
                + row("A2", "2025-03-01", "1", "2", "1", "1") + ",ok\n");
        InputException e = strictFailure(p);
        assertEquals(p + ":2:13: field longer than 1048576 characters (10485760 chars)", e.getMessage());
        ShipmentReader.Result r = lenient(p);
        assertEquals(1, r.table().size());
        assertEquals(1, r.stats().rowsRejected());
    }

    @Test
    void unterminatedQuoteFails() throws IOException {
        Path p = write("q.csv", HEADER + "\n" + row("A1", "2025-03-01", "1", "2", "1", "1").replace("land", "\"land") + "\n");
        InputException e = strictFailure(p);
        assertTrue(e.getMessage().contains("unterminated quoted field"), e.getMessage());
    }

    @Test
    void lenientCountsEveryRowAndLineNumbersSurviveMultilineFields() throws IOException {
        String csv = HEADER + ",declared_goods\n"
                + row("A1", "2025-03-01", "1", "2", "1", "1") + ",\"a\nb\nc\"\n"     // lines 2-4
                + row("A2", "yesterday", "1", "2", "1", "1") + ",x\n"                // line 5
                + "\n"                                                             // line 6 blank
                + row("A3", "2025-03-01", "1", "2", "0", "1") + ",x\n"               // line 7
                + row("A1", "2025-03-01", "1", "2", "1", "1") + ",x\n"               // line 8 duplicate
                + row("A4", "2025-03-01", "1", "", "1", "1") + ",x\n"                // line 9 empty phone
                + row("A5", "2025-03-01", "1", "2", "1", "1") + ",x\n";              // line 10
        ShipmentReader.Result r = lenient(write("l.csv", csv));
        ReadStats s = r.stats();
        assertEquals(6, s.rowsIn());
        assertEquals(2, s.rowsRead());
        assertEquals(4, s.rowsRejected());
        assertEquals(s.rowsIn(), s.rowsRead() + s.rowsRejected());
        assertEquals(List.of(5L, 7L, 8L, 9L), s.rejected().stream().map(RejectedRow::line).toList());
        assertEquals(Map.of("duplicate shipment_id", 1L, "empty receiver_phone", 1L,
                "pieces must be a positive integer", 1L, "unparseable date-time", 1L), s.rejectsByReason());
        Path rejects = dir.resolve("rejects.csv");
        s.writeRejects(rejects);
        List<String> lines = Files.readAllLines(rejects);
        assertEquals("line,column,reason,value", lines.get(0));
        assertEquals("5,2,unparseable date-time,yesterday", lines.get(1));
        assertEquals(5, lines.size());
        assertFalse(Files.readString(rejects).contains("A5"));
    }
}
