package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {

    static final Path MINI = Path.of("..", "sample-data", "shipments-mini.csv");

    @TempDir
    Path dir;

    @Test
    void statsOnTheMiniSample() {
        CliTestSupport.Run r = CliTestSupport.run("stats", MINI.toString(), "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"shipments\": 350"), r.out());
        assertTrue(r.err().contains("350 rows in, 350 read, 0 rejected"), r.err());
    }

    @Test
    void badInputExitsTwoWithOneLineAndNoStackTrace() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "shipment_id,shipped_at\nA,2025-01-01\n");
        CliTestSupport.Run r = CliTestSupport.run("stats", bad.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(bad + ":1: missing required column 'origin_province'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @Test
    void lenientWritesRejectsAndCounts() throws IOException {
        Path bad = dir.resolve("some-bad.csv");
        String header = Files.readAllLines(MINI).get(0);
        String good = Files.readAllLines(MINI).get(1);
        Files.writeString(bad, header + "\n" + good + "\n" + good.replaceFirst("WB\\d+", "X1").replace(",false", ",maybe") + "\n");
        Path rejects = dir.resolve("rej.csv");
        CliTestSupport.Run r = CliTestSupport.run("stats", "--shipments", bad.toString(), "--lenient", "--rejects", rejects.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("2 rows in, 1 read, 1 rejected (flagged must be true or false: 1)"), r.err());
        assertTrue(Files.readString(rejects).contains("3,18,flagged must be true or false,maybe"));
    }

    @Test
    void missingFileAndUsageErrors() {
        CliTestSupport.Run r = CliTestSupport.run("stats", dir.resolve("nope.csv").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no such file"), r.err());
        assertEquals(2, CliTestSupport.run("stats", "--no-such-option").exitCode());
        assertEquals(0, CliTestSupport.run("--version").exitCode());
    }
}
