package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

/** {@code parcelnet-spark link}: reading, party graph, communities and case networks, nothing more. */
class LinkCommandTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        return TestSpark.runMain(args);
    }

    @Test
    void writesThePartyGraphCommunitiesAndCoresCaseNetworksOnly() throws IOException {
        Path sample = TestSpark.sampleData().resolve("shipments.csv.gz");
        ShipmentTable table = ShipmentReader.read(sample).table();
        Path out = dir.resolve("out");
        String[] r = run("link", "--shipments", sample.toString(), "--out", out.toString());
        assertEquals("0", r[0], r[2]);
        assertFalse(r[1].contains("relay chains"), r[1]);
        assertEquals(SparkEngine.LINK_OUTPUTS, Files.readAllLines(out.resolve(OutputFolder.MANIFEST)));

        List<String> lines = Files.readAllLines(out.resolve("networks.csv"));
        assertEquals("shipment_id,network", lines.get(0));
        assertEquals(CoreReference.evidenceNetworkLines(table,
                CoreReference.readCommunities(out.resolve("communities.csv"))), lines.subList(1, lines.size()));
        assertEquals(CoreReference.partyArcs(table).size(), Files.readAllLines(out.resolve("party_graph.csv")).size() - 1);

        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"command\": \"link\"") || summary.contains("\"command\":\"link\""), summary);
        assertFalse(summary.contains("relay_chains"), summary);
        assertFalse(summary.contains("window_days"), summary);
    }

    @Test
    void relayAndLeadOptionsBelongToAnalyze() {
        String[] r = run("link", "--shipments", "x.csv", "--out", dir.resolve("o").toString(), "--leads", "5");
        assertEquals("2", r[0]);
        assertEquals("parcelnet-spark: --leads belongs to analyze (link finds no relay chains or leads)\n", r[2]);
        r = run("link", "--window-days", "2");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--window-days belongs to analyze"), r[2]);
        assertFalse(Files.exists(dir.resolve("o")));
    }
}
