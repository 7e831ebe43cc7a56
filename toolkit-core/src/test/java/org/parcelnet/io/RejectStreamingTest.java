package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lenient reads keep only counts of rejected rows in memory: the rows go to disk as they come. A
 * read of a file of 400,000 bad rows runs in a separate JVM with a 24 MB heap (holding the rows as
 * objects needs about 50 MB: the read failed with OutOfMemoryError while it did) and writes every
 * one of them.
 */
class RejectStreamingTest {

    @TempDir
    Path dir;

    static final int BAD_ROWS = 400_000;

    /** Entry point of the small-heap JVM: reads args[0] leniently, writes args[1], prints the count. */
    public static void main(String[] args) throws IOException {
        ShipmentReader.Result r = ShipmentReader.read(Path.of(args[0]), ShipmentReader.Options.defaults().withLenient(true));
        r.stats().writeRejects(Path.of(args[1]));
        System.out.println(r.stats().rowsRejected() + " " + r.stats().rejectsByReason());
    }

    @Test
    void millionsOfRejectedRowsReadInASmallHeap() throws Exception {
        Path in = dir.resolve("bad.csv");
        try (BufferedWriter w = Files.newBufferedWriter(in, StandardCharsets.UTF_8)) {
            w.write(CsvSafetyTest.HEADER);
            w.write('\n');
            for (int i = 0; i < BAD_ROWS; i++) {
                w.write(String.format("R%07d,%s\n", i, i % 2 == 0 ? "not a time,y,wrong width" : "not a time,wrong width"));
            }
        }
        Path rejects = dir.resolve("rejects.csv");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx24m", "-XX:ActiveProcessorCount=2",
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                RejectStreamingTest.class.getName(), in.toString(), rejects.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        Map<String, Long> want = new java.util.TreeMap<>(Map.of("wrong column count: expected 12, got 4", (long) BAD_ROWS / 2,
                "wrong column count: expected 12, got 3", (long) BAD_ROWS / 2));
        assertEquals(BAD_ROWS + " " + want, out.trim());
        try (var lines = Files.lines(rejects)) {
            assertEquals(BAD_ROWS + 1, lines.count());
        }
        List<String> head = new ArrayList<>();
        try (var lines = Files.lines(rejects)) {
            lines.limit(3).forEach(head::add);
        }
        assertEquals(List.of("line,column,reason,value", "2,0,\"wrong column count: expected 12, got 4\",",
                "3,0,\"wrong column count: expected 12, got 3\","), head);
    }

    @Test
    void countsAndRowsAgreeWithTheListOfRejects() throws IOException {
        Path in = dir.resolve("mixed.csv");
        Files.writeString(in, CsvSafetyTest.HEADER + "\nWB1,2025-03-01T08:00:00Z,a,b,c,d,138,139,,,,\nx\n"
                + "WB2,not a time,a,b,c,d,138,139,,,,\nWB1,2025-03-01T08:00:00Z,a,b,c,d,138,139,,,,\n");
        ShipmentReader.Result r = ShipmentReader.read(in, ShipmentReader.Options.defaults().withLenient(true));
        ReadStats s = r.stats();
        assertEquals(4, s.rowsIn());
        assertEquals(1, s.rowsRead());
        assertEquals(3, s.rowsRejected());
        assertEquals(List.of(3L, 4L, 5L), s.rejected().stream().map(RejectedRow::line).toList());
        assertEquals(3, s.rejectsByReason().values().stream().mapToLong(Long::longValue).sum());
    }
}
