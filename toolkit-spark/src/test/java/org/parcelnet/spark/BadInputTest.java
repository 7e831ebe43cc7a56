package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;
import org.parcelnet.io.RejectedRow;
import org.parcelnet.io.ShipmentReader;

/** Bad input on Spark: core's messages and rejects, no partial output folder, foreign folders refused. */
class BadInputTest {

    @TempDir
    Path dir;

    /** The mini sample with two bad rows appended (an unparseable date and pieces "two"). */
    private Path badFile() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(TestSpark.sampleData().resolve("shipments-mini.csv")));
        lines.add("BAD1,not-a-date,北京,北京,湖北,武汉,13500000000,15000004514,,,,,中通,land,1,3.04,电子产品,false");
        lines.add("BAD2,2025-03-01T08:03:00+08:00,北京,北京,湖北,武汉,13500000000,15000004514,,,,,中通,land,two,3.04,电子产品,false");
        Path p = dir.resolve("bad.csv");
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TestSpark.get();
        int code = SparkMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new String[] {String.valueOf(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void strictStopsWithCoresMessageAndLeavesNoFolder() throws IOException {
        Path bad = badFile();
        InputException core = assertThrows(InputException.class, () -> ShipmentReader.read(bad));
        Path out = dir.resolve("out");
        String[] r = run("analyze", "--shipments", bad.toString(), "--out", out.toString());
        assertEquals("2", r[0]);
        assertEquals("parcelnet-spark: " + core.getMessage() + "\n", r[2]);
        assertFalse(Files.exists(out));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("bad.csv"), files.map(f -> f.getFileName().toString()).toList(), "no staging left");
        }
    }

    @Test
    void lenientWritesCoresRejectsWithTheFileName() throws IOException {
        Path bad = badFile();
        ShipmentReader.Result core = ShipmentReader.read(bad, ShipmentReader.Options.defaults().withLenient(true));
        Path out = dir.resolve("out");
        String[] r = run("analyze", "--shipments", bad.toString(), "--out", out.toString(), "--lenient");
        assertEquals("0", r[0], r[2]);
        List<String> expected = new ArrayList<>();
        expected.add("file,line,column,reason,value");
        for (RejectedRow row : core.stats().rejected()) {
            expected.add(Csv.cell(bad.toString()) + "," + row.line() + "," + row.column() + "," + Csv.cell(row.reason())
                    + "," + Csv.cell(row.value()));
        }
        assertEquals(2, core.stats().rowsRejected());
        assertEquals(expected, Files.readAllLines(out.resolve("rejects.csv")));
        assertTrue(r[1].contains("350 shipments (2 rejected)"), r[1]);
        assertEquals(List.of("rejects.csv", "party_graph.csv", "communities.csv", "networks.csv", "summary.json"),
                Files.readAllLines(out.resolve(OutputFolder.MANIFEST)));
    }

    @Test
    void folderWithOtherFilesIsRefusedAndKept() throws IOException {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        String[] r = run("analyze", "--shipments", TestSpark.sampleData().resolve("shipments-mini.csv").toString(),
                "--out", out.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("holds files ParcelNet did not write (notes.txt)"), r[2]);
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void missingFileAndBadUsageExitTwo() {
        String[] r = run("analyze", "--shipments", dir.resolve("none.csv").toString(), "--out", dir.resolve("o").toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("none.csv: no such file"), r[2]);
        r = run("analyze", "--shipments", "x.csv");
        assertEquals("2", r[0]);
        assertTrue(r[2].startsWith("parcelnet-spark: --shipments and --out are required"), r[2]);
    }

    @Test
    void repeatedIdAcrossFilesIsAnErrorOrARejectAsInOneFile() throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        List<String> lines = Files.readAllLines(TestSpark.sampleData().resolve("shipments-mini.csv"));
        Files.write(parts.resolve("a.csv"), lines.subList(0, 200));
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(199, lines.size())); // line 199 is in both files
        Files.write(parts.resolve("b.csv"), second);
        String id = lines.get(199).substring(0, lines.get(199).indexOf(','));
        String[] strict = run("analyze", "--shipments", parts.toString(), "--out", dir.resolve("s").toString());
        assertEquals("2", strict[0]);
        assertTrue(strict[2].contains("b.csv: shipment 1 of the file: duplicate shipment_id (also in "), strict[2]);
        assertFalse(Files.exists(dir.resolve("s")));
        String[] lenient = run("analyze", "--shipments", parts.toString(), "--out", dir.resolve("l").toString(),
                "--lenient");
        assertEquals("0", lenient[0], lenient[2]);
        List<String> rejects = Files.readAllLines(dir.resolve("l").resolve("rejects.csv"));
        assertEquals(2, rejects.size());
        assertTrue(rejects.get(1).contains("b.csv,,,duplicate shipment_id (also in "), rejects.get(1));
        assertTrue(rejects.get(1).contains("a.csv)," + id), rejects.get(1));
        assertTrue(lenient[1].contains("350 shipments (1 rejected)"), lenient[1]);
    }
}
