package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.table.TableFiles;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Spreadsheet formula injection (OWASP "CSV injection"): text cells of result tables that start with
 * = + - @ tab or CR are written with a leading apostrophe and quoted; numbers stay numbers; the rule
 * is undone exactly by {@link Csv#uncell}. And error messages never echo a header-less file's first
 * row, and an unterminated quote is reported where it opened.
 */
class CsvSafetyTest {

    @TempDir
    Path dir;

    static List<String> parseRow(String line) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(line)).setFormat(Csv.FORMAT.builder().setTrim(false).get()).get()) {
            return p.getRecords().get(0).toList();
        }
    }

    @Test
    void formulaCellsGetAnApostropheAndQuotes() {
        assertEquals("\"'=1+2\"", Csv.cell("=1+2"));
        assertEquals("\"'+cmd|' /C calc'!A0\"", Csv.cell("+cmd|' /C calc'!A0"));
        assertEquals("\"'-2+3+cmd\"", Csv.cell("-2+3+cmd"));
        assertEquals("\"'@SUM(A1)\"", Csv.cell("@SUM(A1)"));
        assertEquals("\"'\tx\"", Csv.cell("\tx"));
        assertEquals("\"'\rx\"", Csv.cell("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\"", Csv.cell("=HYPERLINK(\"http://x\")"));
        // an apostrophe of the input gets one more, so that undoing is exact
        assertEquals("\"''quoted\"", Csv.cell("'quoted"));
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        for (String s : List.of("-1.5", "+3", "-2e-3", "1E+5", "-.5", "-Infinity", "0", "13800138000", "+8613800138000",
                "ring 1", "云南", "a=b", "x-y", "")) {
            assertFalse(Csv.needsNeutralising(s), s);
            assertEquals(Csv.quote(s), Csv.cell(s), s);
        }
        assertEquals("\"a, b\"", Csv.cell("a, b"));
    }

    @Test
    void uncellRecoversEveryValueAfterACsvRoundTrip() throws IOException {
        for (String s : List.of("=1+2", "+x", "-y", "@z", "\tt", "\rr", "'a", "''b", "-1.5", "plain", "a,b", "q\"q", "'")) {
            assertEquals(s, Csv.uncell(parseRow(Csv.cell(s)).get(0)), s);
        }
    }

    @Test
    void tablesNeutraliseTextColumnsButKeepNegativeNumbers() throws IOException {
        Table t = Table.create("t", StringColumn.create("party", "=1+2", "-x", "13800138000", "@a"),
                DoubleColumn.create("score", -1.5, 2.0, -0.25, 3.5));
        Path f = dir.resolve("t.csv");
        TableFiles.writeCsv(t, f);
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        assertEquals(List.of("party,score", "\"'=1+2\",-1.5", "\"'-x\",2.0", "13800138000,-0.25", "\"'@a\",3.5"), lines);
    }

    @Test
    void rejectsFileCellsAreNeutralisedToo() throws IOException {
        RejectSpool s = new RejectSpool();
        s.add(new RejectedRow(3, 2, "bad time", "=cmd()"));
        Path f = dir.resolve("rejects.csv");
        s.writeTo(f);
        assertEquals("line,column,reason,value\n3,2,bad time,\"'=cmd()\"\n", Files.readString(f));
        assertEquals(List.of(new RejectedRow(3, 2, "bad time", "=cmd()")), s.readBack());
        s.discard();
    }

    static final String HEADER = "shipment_id,shipped_at,origin_province,origin_city,destination_province,"
            + "destination_city,sender_phone,receiver_phone,sender_name,receiver_name,sender_address,receiver_address";

    @Test
    void aFileWithoutAHeaderRowIsReportedWithoutItsValues() throws IOException {
        String first = "WB1,2025-03-01T08:00:00+08:00,云南,瑞丽,四川,成都,13812345678,13987654321,李敏,张强,瑞丽市姐告路8号,成都市仓储路12号";
        Path p = dir.resolve("nohead.csv");
        Files.writeString(p, first + "\nWB2,2025-03-01T08:00:00+08:00,云南,瑞丽,四川,成都,1,2,a,b,c,d\n", StandardCharsets.UTF_8);
        InputException e = assertThrows(InputException.class, () -> ShipmentReader.read(p));
        assertEquals(p + ":1: missing required column 'shipment_id'; line 1 has 12 field(s) and none is a known column "
                + "name: is the header row missing? (values not shown)", e.getMessage());
        for (String v : first.split(",")) {
            assertFalse(e.getMessage().contains(v), v);
        }
        // the same file as an edge list, and a truth file
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "13812345678,13987654321\n13800000000,13900000000\n");
        InputException ee = assertThrows(InputException.class, () -> EdgeListReader.read(edges, EdgeListReader.Options.defaults()));
        assertFalse(ee.getMessage().contains("1381"), ee.getMessage());
        assertTrue(ee.getMessage().startsWith(edges + ":1: missing required column 'source'; line 1 has 2 field(s)"), ee.getMessage());
        InputException te = assertThrows(InputException.class, () -> org.parcelnet.eval.GroundTruth.read(edges));
        assertFalse(te.getMessage().contains("1381"), te.getMessage());
    }

    @Test
    void aMisspeltHeaderStillListsItsNames() throws IOException {
        Path p = dir.resolve("typo.csv");
        Files.writeString(p, HEADER.replace("shipped_at", "shiped_at") + "\n");
        InputException e = assertThrows(InputException.class, () -> ShipmentReader.read(p));
        assertTrue(e.getMessage().contains("missing required column 'shipped_at'; header has: shipment_id, shiped_at"), e.getMessage());
    }

    @Test
    void anUnterminatedQuoteIsReportedWhereItOpened() throws IOException {
        String ok = "WB%d,2025-03-01T08:00:00+08:00,云南,瑞丽,四川,成都,138%08d,139%08d,,,\"a, \"\"b\"\"\r\nc\",d\n";
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 5; i++) {
            sb.append(String.format(ok, i, i, i)); // two physical lines each
        }
        // line 12, field 10 opens a quote that never closes
        sb.append("WB9,2025-03-01T08:00:00+08:00,云南,瑞丽,四川,成都,1,2,x,\"unclosed,c,d\nWB10,2025-03-01,a,b,c,d,1,2,,,,\n");
        Path p = dir.resolve("quote.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        String want = p + ":12:10: unterminated quoted field: the quote opened here never closes";
        assertEquals(want, assertThrows(InputException.class, () -> ShipmentReader.read(p)).getMessage());
        for (int chunk : new int[] {0, 1, 50}) {
            assertEquals(want, assertThrows(InputException.class, () -> ShipmentReader.read(p,
                    ShipmentReader.Options.defaults().withLenient(true), chunk, 2)).getMessage(), "chunk " + chunk);
        }
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "source,target\na,b\n\"c\nd\",e\nf,\"g\n");
        assertEquals(edges + ":5:2: unterminated quoted field: the quote opened here never closes",
                assertThrows(InputException.class, () -> EdgeListReader.read(edges, EdgeListReader.Options.defaults())).getMessage());
    }

    @Test
    void aFolderGivenAsInputIsNamed() throws IOException {
        Path d = Files.createDirectory(dir.resolve("folder.csv"));
        assertEquals(d + ": is a folder, not a file", assertThrows(InputException.class, () -> ShipmentReader.read(d)).getMessage());
    }

    static List<CSVRecord> records(Path f) throws IOException {
        try (CSVParser p = CSVParser.builder().setReader(Files.newBufferedReader(f)).setFormat(Csv.FORMAT).get()) {
            return new ArrayList<>(p.getRecords());
        }
    }
}
