package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.Components;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

class DesensitizeCommandTest {

    static final Path MINI = Path.of("..", "sample-data", "shipments-mini.csv");
    static final String KEY = "test key: not for production use";

    @TempDir
    Path dir;

    private final Function<String, String> savedEnv = DesensitizeCommand.environment;

    @AfterEach
    void restoreEnvironment() {
        DesensitizeCommand.environment = savedEnv;
    }

    private Path keyFile() throws IOException {
        Path k = dir.resolve("secret.key");
        Files.writeString(k, KEY + "\n");
        return k;
    }

    private static Set<String> personalValues(ShipmentTable t) {
        Set<String> raw = new HashSet<>();
        for (int c = 0; c < t.phones().size(); c++) {
            raw.add(t.phones().value(c));
        }
        for (int c = 0; c < t.names().size(); c++) {
            raw.add(t.names().value(c));
        }
        for (int c = 0; c < t.addresses().size(); c++) {
            raw.add(t.addresses().value(c));
        }
        return raw;
    }

    @Test
    void pseudonymisesEveryPersonalValueAndKeepsTheNetworks() throws IOException {
        Path out = dir.resolve("safe.csv.gz");
        CliTestSupport.Run r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(),
                "--key-file", keyFile().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("desensitised 350 shipments"), r.err());
        assertFalse(r.err().contains(KEY) || r.out().contains(KEY), "key never printed");

        ShipmentTable before = ShipmentReader.read(MINI).table();
        ShipmentTable after = ShipmentReader.read(out).table();
        assertEquals(before.size(), after.size());
        // No raw phone, name or address anywhere in the output text (decompressed).
        String text = new String(new java.util.zip.GZIPInputStream(Files.newInputStream(out)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String raw : personalValues(before)) {
            assertFalse(text.contains(raw), "raw personal value leaked");
        }
        assertFalse(text.contains(KEY), "key never written");
        // Party graph and case networks (identifier-graph components) are identical.
        LabeledGraph g0 = Projections.partyGraph(before);
        LabeledGraph g1 = Projections.partyGraph(after);
        assertEquals(g0.graph().nodeCount(), g1.graph().nodeCount());
        assertEquals(g0.graph().arcCount(), g1.graph().arcCount());
        for (int v = 0; v < g0.graph().nodeCount(); v++) {
            CompactGraph a = g0.graph();
            CompactGraph b = g1.graph();
            for (int e = a.outStart(v), f = b.outStart(v); e < a.outEnd(v); e++, f++) {
                assertEquals(a.target(e), b.target(f));
                assertEquals(a.weight(e), b.weight(f));
            }
        }
        int[] c0 = Components.weak(Projections.identifierGraph(before).graph()).component();
        int[] c1 = Components.weak(Projections.identifierGraph(after).graph()).component();
        for (int i = 0; i < before.size(); i++) {
            for (int j = i + 1; j < before.size(); j++) {
                assertEquals(c0[i] == c0[j], c1[i] == c1[j]);
            }
        }
        // Same key, same pseudonyms: a second run gives a byte-identical file.
        Path again = dir.resolve("again.csv.gz");
        DesensitizeCommand.environment = Map.of("PARCELNET_KEY", KEY)::get;
        assertEquals(0, CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", again.toString()).exitCode());
        assertEquals(text, new String(new java.util.zip.GZIPInputStream(Files.newInputStream(again)).readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void refusesToRunWithoutAKeyOrWithAShortOne() throws IOException {
        DesensitizeCommand.environment = name -> null;
        Path out = dir.resolve("out.csv");
        CliTestSupport.Run r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("no pseudonym key"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));

        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, "tooshort");
        r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(), "--key-file", shortKey.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("key too short"), r.err());
        assertFalse(r.err().contains("tooshort"), "key not quoted");
        assertFalse(Files.exists(out));
    }

    @Test
    void keepColumnsWarnsAndGeneralisationApplies() throws IOException {
        Path out = dir.resolve("out.csv");
        CliTestSupport.Run r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(),
                "--key-file", keyFile().toString(), "--keep-columns", "sender_name,receiver_name",
                "--generalize-time", "day", "--weight-bands", "--generalize-address", "--zone", "Asia/Shanghai");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: kept in clear: sender_name,receiver_name"), r.err());
        ShipmentTable before = ShipmentReader.read(MINI).table();
        ShipmentTable after = ShipmentReader.read(out).table();
        // Row 1 of the sample with names: WB000001 from 云南/瑞丽, 21.8 kg, 2025-03-02T09:10+08:00.
        int i = after.rowOf("WB000001");
        assertEquals("李敏", after.names().value(after.senderName(i)));
        assertEquals("云南/瑞丽", after.addresses().value(after.senderAddress(i)));
        assertEquals("云南/昆明", after.addresses().value(after.receiverAddress(i)));
        assertEquals(20.0, after.weightKg(i));
        assertEquals(java.time.OffsetDateTime.parse("2025-03-02T00:00:00+08:00").toEpochSecond(), after.shippedAt(i));
        assertTrue(after.phones().value(after.senderPhone(i)).startsWith("P-"));
        assertEquals(before.size(), after.size());
        assertTrue(Files.readString(out).contains("WB000001,2025-03-02T00:00:00+08:00,"));
    }

    @Test
    void badOptionsExitTwo() throws IOException {
        String k = keyFile().toString();
        Path out = dir.resolve("o.csv");
        CliTestSupport.Run r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(),
                "--key-file", k, "--keep-columns", "carrier");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not a personal column"), r.err());
        r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(), "--key-file", k,
                "--generalize-time", "hour");
        assertEquals(2, r.exitCode());
        r = CliTestSupport.run("desensitize", "--in", MINI.toString(), "--out", out.toString(), "--key-file", k,
                "--weight-bands", "5,1");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("ascending"), r.err());
        r = CliTestSupport.run("desensitize", "--in", dir.resolve("missing.csv").toString(), "--out", out.toString(), "--key-file", k);
        assertEquals(2, r.exitCode());
        assertFalse(Files.exists(out));
    }
}
