package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;
import org.parcelnet.progress.ProgressListener;

class ShipmentWriterTest {

    @TempDir
    Path dir;

    static ShipmentTable table() {
        return new ShipmentTable.Builder()
                .add("W1", 1_709_251_200L, "云南", "瑞丽", "四川", "成都", "13800000001", "P-ABCDEFGHIJKLMNOP",
                        "张三", null, "a, \"b\"", null, "SF", TransportMode.LAND, 2, 12.3, "two\nlines", true)
                .add("W2", 1_709_251_201L, "北京", "北京", "上海", "上海", "13900000009", "13800000001",
                        null, "N-ABCDEFGHIJKLMNOP", null, " padded ", null, TransportMode.UNKNOWN, 1, Double.NaN, null, false)
                .add("W3", 1_709_251_202L, "北京", "北京", "上海", "上海", "13900000009", "13800000001",
                        null, null, null, null, "YTO", TransportMode.AIR, 7, 0.0001, "", false)
                .build();
    }

    @Test
    void writesSchemaHeaderAndQuotedFields() throws IOException {
        StringWriter w = new StringWriter();
        new ShipmentWriter().write(table(), w);
        String[] lines = w.toString().split("\n", -1);
        assertEquals(String.join(",", ShipmentColumns.ALL), lines[0]);
        assertEquals("W1,2024-03-01T00:00:00Z,云南,瑞丽,四川,成都,13800000001,P-ABCDEFGHIJKLMNOP,张三,,\"a, \"\"b\"\"\",,SF,land,2,12.3,\"two",
                lines[1]);
        assertEquals("lines\",true", lines[2]);
        assertEquals("W2,2024-03-01T00:00:01Z,北京,北京,上海,上海,13900000009,13800000001,,N-ABCDEFGHIJKLMNOP,,\" padded \",,,1,,,false",
                lines[3]);
        assertEquals("W3,2024-03-01T00:00:02Z,北京,北京,上海,上海,13900000009,13800000001,,,,,YTO,air,7,0.0001,,false", lines[4]);
        assertEquals("", lines[5]);
    }

    @Test
    void timesCarryTheOffsetOfTheChosenZone() throws IOException {
        StringWriter w = new StringWriter();
        new ShipmentWriter(ZoneId.of("Asia/Shanghai"), ProgressListener.NONE).write(table(), w);
        assertTrue(w.toString().contains("W1,2024-03-01T08:00:00+08:00,"));
    }

    @Test
    void roundTripsThroughTheReaderPlainAndGzip() throws IOException {
        ShipmentTable t = table();
        for (String name : List.of("out.csv", "out.csv.gz")) {
            Path p = dir.resolve(name);
            new ShipmentWriter().write(t, p);
            ShipmentTable r = ShipmentReader.read(p).table();
            assertEquals(t.size(), r.size());
            for (int i = 0; i < t.size(); i++) {
                assertEquals(t.shipmentId(i), r.shipmentId(i));
                assertEquals(t.shippedAt(i), r.shippedAt(i));
                assertEquals(t.place(t.originPlace(i)), r.place(r.originPlace(i)));
                assertEquals(t.place(t.destinationPlace(i)), r.place(r.destinationPlace(i)));
                assertEquals(t.phones().value(t.senderPhone(i)), r.phones().value(r.senderPhone(i)));
                assertEquals(t.phones().value(t.receiverPhone(i)), r.phones().value(r.receiverPhone(i)));
                assertEquals(t.names().value(t.senderName(i)), r.names().value(r.senderName(i)));
                assertEquals(t.names().value(t.receiverName(i)), r.names().value(r.receiverName(i)));
                assertEquals(t.addresses().value(t.senderAddress(i)), r.addresses().value(r.senderAddress(i)));
                assertEquals(t.carriers().value(t.carrier(i)), r.carriers().value(r.carrier(i)));
                assertEquals(t.goodsDictionary().value(t.goods(i)), r.goodsDictionary().value(r.goods(i)));
                assertEquals(t.mode(i), r.mode(i));
                assertEquals(t.pieces(i), r.pieces(i));
                assertEquals(Float.floatToIntBits((float) t.weightKg(i)), Float.floatToIntBits((float) r.weightKg(i)));
                assertEquals(t.flagged(i), r.flagged(i));
            }
        }
        // The reader trims and collapses the padded address, so compare that one separately.
        ShipmentTable r = ShipmentReader.read(dir.resolve("out.csv")).table();
        assertEquals("padded", r.addresses().value(r.receiverAddress(1)));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dir.resolve("out.csv.gz")))) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("shipment_id,shipped_at,"));
        }
    }

    @Test
    void failureLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path p = dir.resolve("s.csv");
        Files.writeString(p, "previous");
        ProgressListener failing = new ProgressListener() {
            @Override
            public void end() {
                throw new IllegalStateException("boom");
            }
        };
        assertThrows(IllegalStateException.class, () -> new ShipmentWriter(java.time.ZoneOffset.UTC, failing).write(table(), p));
        assertEquals("previous", Files.readString(p));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void weightsArePlainDecimals() {
        assertEquals("12", ShipmentWriter.weight(12.0));
        assertEquals("12.3", ShipmentWriter.weight(12.3f));
        assertEquals("0.0001", ShipmentWriter.weight(0.0001f));
        assertEquals("", ShipmentWriter.weight(Double.NaN));
        assertFalse(ShipmentWriter.weight(1e-7f).contains("E"));
    }

    @Test
    void phonePseudonymsPassThroughNormalisation() {
        assertEquals("P-ABCDEFGHIJKLMNOP", PhoneNormalizer.normalize("P-ABCDEFGHIJKLMNOP"));
        assertEquals("P-ABCDEFGHIJKLMNOP", PhoneNormalizer.normalize(" P-ABCDEFGHIJKLMNOP "));
        assertEquals("13800138000", PhoneNormalizer.normalize("P-13800138000")); // not a pseudonym: digits
        assertEquals("1", PhoneNormalizer.normalize("P-ABCDEFGHIJKLMNO1")); // "1" is not base32: digits only
    }

    @Test
    void handFormattedTimesEqualTheIsoFormatter() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (String z : List.of("UTC", "+08:00", "-03:30", "Asia/Shanghai", "Europe/Berlin")) {
            ZoneId zone = ZoneId.of(z);
            ShipmentWriter w = new ShipmentWriter(zone, ProgressListener.NONE);
            java.time.format.DateTimeFormatter iso = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
            long[] samples = {0, -1, 86_399, 86_400, 1_709_251_200L, 253_402_300_799L, 253_402_300_800L, -30_610_224_000L,
                -30_610_224_001L};
            for (long t : samples) {
                assertEquals(iso.format(java.time.Instant.ofEpochSecond(t)), w.time(t), z + " " + t);
            }
            for (int i = 0; i < 20_000; i++) {
                long t = 1_500_000_000L + r.nextLong(400_000_000L);
                assertEquals(iso.format(java.time.Instant.ofEpochSecond(t)), w.time(t), z + " " + t);
            }
        }
    }
}
