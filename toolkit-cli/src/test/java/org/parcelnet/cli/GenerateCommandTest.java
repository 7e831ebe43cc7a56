package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @Test
    void writesTheFourFilesAndOneSummaryLine(@TempDir Path dir) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run("generate", "--shipments", "3000", "--rings", "2", "--seed", "5",
                "--out", dir.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().startsWith("generated 3,000 shipments"), r.out());
        for (String f : new String[] {"shipments.csv", "truth_parties.csv", "truth_rings.csv", "truth_shipments.csv"}) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(3001, Files.readAllLines(dir.resolve("shipments.csv")).size());
        assertEquals(3, Files.readAllLines(dir.resolve("truth_rings.csv")).size());
    }

    @Test
    void sameSeedSameBytesWithGzipAndOtherThreadCount(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliTestSupport.run("generate", "--shipments", "2000", "--rings", "1", "--out", a.toString(),
                "--threads", "1", "-q").exitCode());
        assertEquals(0, CliTestSupport.run("generate", "--shipments", "2000", "--rings", "1", "--out", b.toString(),
                "--threads", "3", "--gzip", "-q").exitCode());
        assertFalse(Files.exists(b.resolve("shipments.csv")));
        byte[] plain = Files.readAllBytes(a.resolve("shipments.csv"));
        byte[] unzipped;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(b.resolve("shipments.csv.gz")))) {
            unzipped = in.readAllBytes();
        }
        assertArrayEquals(plain, unzipped);
        assertArrayEquals(Files.readAllBytes(a.resolve("truth_parties.csv")),
                Files.readAllBytes(b.resolve("truth_parties.csv")));
    }

    @Test
    void badKnobsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
        CliTestSupport.Run r = CliTestSupport.run("generate", "--shipments", "1000", "--ring-share", "0.9",
                "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("ringShare must be between 0 and 0.5, got 0.9"), r.err());

        r = CliTestSupport.run("generate", "--start", "yesterday", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--start must be a date"), r.err());

        r = CliTestSupport.run("generate", "--shipments", "1000", "--rings", "8", "--out", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("too few for 8 rings"), r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written on bad input");
        }
    }
}
