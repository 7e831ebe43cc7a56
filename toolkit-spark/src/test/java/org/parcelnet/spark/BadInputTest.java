package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        return TestSpark.runMain(args);
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
    void runningOutOfMemorySaysWhatToChange() {
        // as a local task's error arrives (wrapped), and as an executor's, passed on as text
        SparkMain.UserError wrapped = SparkMain.userMessage(
                new RuntimeException("Job aborted", new OutOfMemoryError("Java heap space")));
        SparkMain.UserError text = SparkMain.userMessage(new RuntimeException(
                "Job aborted due to stage failure: Task 3 in stage 2.0 failed: java.lang.OutOfMemoryError: Java heap space"));
        for (SparkMain.UserError u : List.of(wrapped, text)) {
            assertEquals(1, u.exitCode());
            assertTrue(u.message().startsWith("a task ran out of memory: raise the heap"), u.message());
            assertTrue(u.message().contains("smaller part files"), u.message());
        }
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

    /**
     * Two part files: a.csv holds the mini file's first 199 rows and two bad rows, b.csv the rest and
     * a copy of a.csv's last good row. Strict: an error naming both files. Lenient: core's two rejects
     * of a.csv behind its name, then the repeat, and every other row analysed.
     */
    @Test
    void partsWithBadRowsAndARepeatedId() throws IOException {
        Path parts = Files.createDirectories(dir.resolve("parts"));
        List<String> lines = Files.readAllLines(TestSpark.sampleData().resolve("shipments-mini.csv"));
        List<String> bad = Files.readAllLines(badFile());
        List<String> first = new ArrayList<>(lines.subList(0, 200));
        first.addAll(bad.subList(bad.size() - 2, bad.size()));
        Files.write(parts.resolve("a.csv"), first);
        List<String> second = new ArrayList<>(List.of(lines.get(0)));
        second.addAll(lines.subList(199, lines.size())); // line 199 is in both files
        Files.write(parts.resolve("b.csv"), second);
        String id = lines.get(199).substring(0, lines.get(199).indexOf(','));

        Files.write(parts.resolve("a.csv"), lines.subList(0, 200));
        String[] strict = run("analyze", "--shipments", parts.toString(), "--out", dir.resolve("s").toString());
        assertEquals("2", strict[0]);
        assertTrue(strict[2].contains(": " + parts.resolve("b.csv").toAbsolutePath()
                + ": shipment 1 of the file: duplicate shipment_id (also in " + parts.resolve("a.csv").toAbsolutePath()),
                strict[2]);
        assertFalse(Files.exists(dir.resolve("s")));

        Files.write(parts.resolve("a.csv"), first);
        ShipmentReader.Result core = ShipmentReader.read(parts.resolve("a.csv"),
                ShipmentReader.Options.defaults().withLenient(true));
        assertEquals(2, core.stats().rowsRejected());
        Path out = dir.resolve("l");
        String[] lenient = run("analyze", "--shipments", parts.toString(), "--out", out.toString(), "--lenient");
        assertEquals("0", lenient[0], lenient[2]);
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertEquals("file,line,column,reason,value", rejects.get(0));
        String aName = rejects.get(1).substring(0, rejects.get(1).indexOf(','));
        // a local part is named by its plain path, as core names a file
        assertEquals(parts.resolve("a.csv").toAbsolutePath().toString(), aName);
        for (int k = 0; k < 2; k++) {
            RejectedRow row = core.stats().rejected().get(k);
            assertEquals(aName + "," + row.line() + "," + row.column() + "," + Csv.cell(row.reason()) + ","
                    + Csv.cell(row.value()), rejects.get(1 + k));
        }
        assertTrue(rejects.get(3).contains("b.csv,,,duplicate shipment_id (also in "), rejects.get(3));
        assertTrue(rejects.get(3).endsWith("a.csv)," + id), rejects.get(3));
        assertEquals(4, rejects.size());
        assertTrue(lenient[1].contains("350 shipments (3 rejected)"), lenient[1]);
        assertEquals(SparkEngine.OUTPUTS, Files.readAllLines(out.resolve(OutputFolder.MANIFEST)));
    }
}
