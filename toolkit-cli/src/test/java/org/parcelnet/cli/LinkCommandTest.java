package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.RingFinder;
import org.junit.jupiter.api.io.TempDir;

class LinkCommandTest {

    @TempDir
    Path dir;

    @Test
    void linksSharedPhonesSuppressesHubsAndScoresAgainstTruth() throws IOException {
        Path ships = dir.resolve("shipments.csv");
        StringBuilder sb = new StringBuilder("shipment_id,shipped_at,origin_province,origin_city,destination_province,"
                + "destination_city,sender_phone,receiver_phone\n");
        // Ring A: W0, W1 share 13800000001. Ring B: W2, W3 share 13900000002. A station 13700000000 sends
        // W4..W7 to four people and also W8 to ring A's phone, which would chain the station's people in.
        String[][] rows = {{"13800000001", "13800000011"}, {"13800000001", "13800000012"},
                {"13900000002", "13900000021"}, {"13900000002", "13900000022"},
                {"13700000000", "15000000001"}, {"13700000000", "15000000002"}, {"13700000000", "15000000003"},
                {"13700000000", "15000000004"}, {"13700000000", "13800000011"}};
        for (int i = 0; i < rows.length; i++) {
            sb.append("W").append(i).append(",2024-01-01T10:00:00+08:00,Yunnan,Kunming,Guangdong,Guangzhou,")
                    .append(rows[i][0]).append(',').append(rows[i][1]).append('\n');
        }
        Files.writeString(ships, sb.toString(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("truth_parties.csv"), "party,ring,tier\n13800000001,A,source\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("truth_shipments.csv"), "shipment_id,ring\nW0,A\nW1,A\nW2,B\nW3,B\nW4,\nW5,\nW6,\nW7,\nW8,\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliTestSupport.Run r = CliTestSupport.run("link", "--mode", "closure", "--shipments", ships.toString(),
                "--hub-threshold", "3", "--truth", dir.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("networks.csv"), StandardCharsets.UTF_8);
        assertEquals("shipment_id,network", lines.get(0));
        Map<String, String> net = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            net.put(f[0], f[1]);
        }
        assertEquals(net.get("W0"), net.get("W1"));
        assertEquals(net.get("W0"), net.get("W8")); // W8 shares receiver 13800000011 with W0
        assertEquals(net.get("W2"), net.get("W3"));
        assertNotEquals(net.get("W0"), net.get("W2"));
        assertNotEquals(net.get("W4"), net.get("W5")); // the station (5 counterparties > 3) does not link
        assertEquals("0", net.get("W0")); // largest network first
        List<String> hubs = Files.readAllLines(out.resolve("hubs.csv"), StandardCharsets.UTF_8);
        assertEquals("kind,identifier,shipments,counterparties", hubs.get(0));
        assertEquals("phone,13700000000,5,5", hubs.get(1));
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"hubs\": 1"), summary);
        assertTrue(summary.contains("\"precision\": 1.0"), summary);
        assertTrue(summary.contains("\"recall\": 1.0"), summary);
        // Without suppression the station chains ring A with its four customers: still precise on ring pairs.
        assertTrue(summary.contains("\"precision_without_hub_suppression\": 1.0"), summary);
        assertTrue(summary.contains("\"largest_network_without_hub_suppression\": 7"), summary);
    }

    @Test
    void evidenceModeLinksFlaggedCasesAndExplainsEachLink() throws IOException {
        Path gen = dir.resolve("gen");
        CliTestSupport.Run g = CliTestSupport.run("generate", "--shipments", "30000", "--rings", "5", "--seed", "11",
                "--out", gen.toString(), "-q");
        assertEquals(0, g.exitCode(), g.err());
        Path out = dir.resolve("ev");
        CliTestSupport.Run r = CliTestSupport.run("link", "--shipments", gen.resolve("shipments.csv").toString(),
                "--truth", gen.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"case_selection\": \"flagged\""), summary);
        double precision = number(summary, "pair_precision");
        double recall = number(summary, "pair_recall");
        assertTrue(precision >= 0.9 && recall >= 0.8, summary);
        // every link's two cases are in the network it names
        Map<String, String> net = new HashMap<>();
        List<String> networks = Files.readAllLines(out.resolve("networks.csv"));
        for (String l : networks.subList(1, networks.size())) {
            net.put(l.split(",")[0], l.split(",")[1]);
        }
        List<String> links = Files.readAllLines(out.resolve("links.csv"));
        assertEquals("case_a,case_b,network,identifiers,weight", links.get(0));
        assertTrue(links.size() > 1);
        for (String l : links.subList(1, links.size())) {
            String[] f = l.split(",");
            assertEquals(f[2], net.get(f[0]), l);
            assertEquals(f[2], net.get(f[1]), l);
            assertTrue(f[3].matches("(phone|address|name_phone):.+"), l);
            assertTrue(Double.parseDouble(f[4]) >= 0.1, l);
        }
        List<String> nets = Files.readAllLines(out.resolve("case_networks.csv"));
        assertEquals("network,cases,parties,identifiers,links,first,last,span_days,provinces", nets.get(0));
        assertTrue(nets.size() >= 2);
    }

    @Test
    void splitsByAGivenPartitionAsByTheOneItComputes() throws IOException {
        Path gen = dir.resolve("gen");
        CliTestSupport.Run g = CliTestSupport.run("generate", "--shipments", "20000", "--rings", "4", "--seed", "5",
                "--out", gen.toString(), "-q");
        assertEquals(0, g.exitCode(), g.err());
        Path ships = gen.resolve("shipments.csv");
        // The partition link computes by default (Leiden, seed 42, on the party graph without hubs), as a file.
        ShipmentTable t = ShipmentReader.read(ships).table();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        CompactGraph und = Projections.partyGraph(t, parties, Projections.Volume.SHIPMENTS).graph().toUndirected();
        int[] community = new Leiden(LeidenParams.builder().seed(42).build())
                .run(RingFinder.withoutHubs(und, CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES), ProgressListener.NONE)
                .partition().membership();
        StringBuilder file = new StringBuilder("node,community\n");
        for (int v = 0; v < community.length; v++) {
            file.append(parties.parties().id(v)).append(',').append(community[v] + 100).append('\n');
        }
        Path given = dir.resolve("communities.csv");
        Files.writeString(given, file.toString(), StandardCharsets.UTF_8);
        Path computed = dir.resolve("computed");
        Path split = dir.resolve("given");
        assertEquals(0, CliTestSupport.run("link", "--shipments", ships.toString(), "--out", computed.toString(), "-q").exitCode());
        CliTestSupport.Run r = CliTestSupport.run("link", "--shipments", ships.toString(), "--communities", given.toString(),
                "--out", split.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        for (String f : List.of("networks.csv", "links.csv", "case_networks.csv")) {
            assertEquals(Files.readString(computed.resolve(f)), Files.readString(split.resolve(f)), f);
        }
        assertEquals(0, number(Files.readString(split.resolve("summary.json")), "parties_without_community"));

        // Parties the file does not list are communities of their own, and counted.
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "node,community\n" + parties.parties().id(0) + ",7\n", StandardCharsets.UTF_8);
        Path oneOut = dir.resolve("oneOut");
        assertEquals(0, CliTestSupport.run("link", "--shipments", ships.toString(), "--communities", one.toString(),
                "--out", oneOut.toString(), "-q").exitCode());
        assertEquals(parties.partyCount() - 1, number(Files.readString(oneOut.resolve("summary.json")), "parties_without_community"));

        CliTestSupport.Run both = CliTestSupport.run("link", "--shipments", ships.toString(), "--communities", one.toString(),
                "--no-split", "--out", dir.resolve("both").toString());
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("--no-split or --communities"), both.err());
    }

    private static double number(String json, String key) {
        int at = json.indexOf("\"" + key + "\": ") + key.length() + 4;
        int end = at;
        while (end < json.length() && "0123456789.E-".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return Double.parseDouble(json.substring(at, end));
    }

    @Test
    void rejectsAnEdgeListAndBadThresholds() throws IOException {
        Path edges = dir.resolve("e.csv");
        Files.writeString(edges, "source,target\na,b\n", StandardCharsets.UTF_8);
        CliTestSupport.Run r = CliTestSupport.run("link", "--graph", edges.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Missing required option: '--shipments=FILE'"), r.err());
        r = CliTestSupport.run("link", "--shipments", edges.toString(), "--hub-threshold", "0", "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("hub threshold"), r.err());
    }

    @Test
    void helpListsOnlyOptionsThatApply() {
        CliTestSupport.Run r = CliTestSupport.run("link", "--help");
        assertEquals(0, r.exitCode());
        for (String edgeListOnly : new String[] {"--graph", "--directed", "--undirected", "--drop-self-loops",
                "--source-column", "--target-column", "--weight-column", "--nodes", "--party-key", "--volume"}) {
            assertTrue(!r.out().contains(edgeListOnly), edgeListOnly + " listed:\n" + r.out());
        }
        for (String applies : new String[] {"--shipments", "--map", "--zone", "--lenient", "--rejects", "--hub-threshold",
                "--truth", "--out"}) {
            assertTrue(r.out().contains(applies), applies + " missing:\n" + r.out());
        }
    }
}
