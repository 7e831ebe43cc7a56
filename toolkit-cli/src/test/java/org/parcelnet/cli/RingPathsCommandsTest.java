package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/** Relay chains, km costs and tier-based interdiction on a small generated network with planted rings. */
class RingPathsCommandsTest {

    @TempDir
    static Path data;

    @BeforeAll
    static void generate() throws IOException {
        new NetworkGenerator(GeneratorConfig.builder().shipments(20_000).rings(3).seed(5).build()).writeTo(data, false, 1);
    }

    @Test
    void relayRoutesStartAtTheBorder() throws IOException {
        Path out = data.resolve("relay");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--shipments", data.resolve("shipments.csv").toString(), "--relay",
                "--window-days", "4", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("relay_routes.csv"));
        assertEquals("rank,route,chains,pieces,parties", lines.get(0));
        assertTrue(lines.size() > 2, lines.toString());
        // every route starts in a border province of the built-in geography
        for (String l : lines.subList(1, lines.size())) {
            String route = l.split(",")[1];
            assertTrue(route.startsWith("Yunnan") || route.startsWith("Guangxi") || route.startsWith("Xinjiang"), route);
        }
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"chains\""));
        assertEquals(2, CliTestSupport.run("paths", "--graph", data.resolve("shipments.csv").toString(), "--relay",
                "--out", out.toString(), "-q").exitCode());
    }

    @Test
    void kmCostOnTheLocationGraphUsesTheBuiltInGeography() throws IOException {
        Path out = data.resolve("km");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--shipments", data.resolve("shipments.csv").toString(),
                "--network", "location", "--source", "Yunnan/Ruili", "--cost", "km", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("cost: km"), r.err());
        Map<String, Double> d = new HashMap<>();
        List<String> lines = Files.readAllLines(out.resolve("distances.csv"));
        for (String l : lines.subList(1, lines.size())) {
            int c = l.lastIndexOf(',');
            d.put(l.substring(0, c), Double.parseDouble(l.substring(c + 1)));
        }
        assertEquals(0.0, d.get("Yunnan/Ruili"));
        // at least the great-circle distance Ruili–Kunming (about 400 km), never less
        double kunming = d.get("Yunnan/Kunming");
        assertTrue(kunming >= org.parcelnet.synth.Geography.distanceKm("Yunnan", "Ruili", "Yunnan", "Kunming") - 1e-6, "" + kunming);
    }

    @Test
    void tiersAndInterdictionFromCommunities() throws IOException {
        Path truth = data.resolve("truth_parties.csv");
        Path out = data.resolve("interdict");
        CliTestSupport.Run r = CliTestSupport.run("interdict", "--shipments", data.resolve("shipments.csv").toString(),
                "--communities", truth.toString(), "--truth", truth.toString(), "--budget", "4", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> trueTier = new HashMap<>();
        for (String l : Files.readAllLines(truth).subList(1, Files.readAllLines(truth).size())) {
            String[] f = l.split(",", -1);
            if (!f[1].isEmpty()) {
                trueTier.put(f[0], f[2]);
            }
        }
        List<String> tiers = Files.readAllLines(out.resolve("tiers.csv"));
        assertEquals("party,community,tier,sent,received", tiers.get(0));
        int right = 0;
        int all = 0;
        for (String l : tiers.subList(1, tiers.size())) {
            String[] f = l.split(",");
            all++;
            right += f[2].equals(trueTier.get(f[0])) ? 1 : 0;
        }
        assertEquals(trueTier.size(), all);
        assertTrue(right >= 0.8 * all, right + " of " + all);
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"mode\": \"sources_to_sinks\""), summary);
        assertTrue(summary.contains("\"min_cut\""), summary);
        List<String> rows = Files.readAllLines(out.resolve("interdiction.csv"));
        assertTrue(rows.stream().anyMatch(l -> l.contains(",greedy,1,")), rows.toString());
        // greedy picks are ring members between the border and the retailers
        for (String l : rows) {
            if (l.contains(",greedy,")) {
                String t = trueTier.get(l.split(",")[0]);
                assertTrue("transit".equals(t) || "distributor".equals(t), l + " is " + t);
            }
        }
    }
}
