package org.parcelnet.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Modularity;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.Csv;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.roles.RingFinder;

/** Core's results on a table, computed as core's pipeline computes them: what the Spark job must match. */
final class CoreReference {

    private CoreReference() {
    }

    /** Core's party graph as "sender>receiver" → shipments. */
    static Map<String, Long> partyArcs(ShipmentTable t) {
        LabeledGraph lg = Projections.partyGraph(t);
        CompactGraph g = lg.graph();
        Map<String, Long> out = new HashMap<>();
        for (int u = 0; u < g.nodeCount(); u++) {
            for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                out.put(Csv.cell(lg.label(u)) + ">" + Csv.cell(lg.label(g.target(a))), (long) g.weight(a));
            }
        }
        return out;
    }

    /** Core's networks.csv lines (without header) under the direct-evidence rule, no community split. */
    static List<String> networkLines(ShipmentTable t) {
        boolean flagged = CaseNetworks.anyFlagged(t);
        CaseNetworks.Result r = new CaseNetworks(SparkEngine.directEvidence(CaseNetworks.Params.DEFAULTS))
                .link(t, CaseNetworks.flaggedOrAll(t), flagged ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL,
                        null);
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < r.caseRows().length; c++) {
            lines.add(Csv.cell(t.shipmentId(r.caseRows()[c])) + "," + r.network()[c]);
        }
        return lines;
    }

    /**
     * Core's networks.csv lines (without header) under the whole evidence rule (paths of up to four
     * identifiers, strongest links per case), split by the receivers' communities as
     * {@code parcelnet link} splits them.
     */
    static List<String> evidenceNetworkLines(ShipmentTable t, Map<String, Integer> communityOfParty) {
        return evidenceNetworkLines(t, communityOfParty, CaseNetworks.Params.DEFAULTS);
    }

    static List<String> evidenceNetworkLines(ShipmentTable t, Map<String, Integer> communityOfParty,
                                             CaseNetworks.Params params) {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        int[] community = new int[parties.partyCount()];
        for (int v = 0; v < community.length; v++) {
            community[v] = communityOfParty.get(parties.parties().id(v));
        }
        int[] rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(), community, null);
        boolean flagged = CaseNetworks.anyFlagged(t);
        CaseNetworks.Result r = new CaseNetworks(params).link(t, CaseNetworks.flaggedOrAll(t),
                flagged ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL, rowCommunity);
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < r.caseRows().length; c++) {
            lines.add(Csv.cell(t.shipmentId(r.caseRows()[c])) + "," + r.network()[c]);
        }
        return lines;
    }

    /** The communities {@code parcelnet link} splits by: core's Leiden on the party graph without hub edges, by phone. */
    static Map<String, Integer> linkCommunities(ShipmentTable t, long seed) {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        CompactGraph und = Projections.partyGraph(t, parties, Projections.Volume.SHIPMENTS).graph().toUndirected();
        int[] community = new Leiden(LeidenParams.builder().seed(seed).build())
                .run(RingFinder.withoutHubs(und, CaseNetworks.Params.DEFAULTS.maxCounterparties())).partition()
                .membership();
        Map<String, Integer> out = new HashMap<>();
        for (int v = 0; v < community.length; v++) {
            out.put(parties.parties().id(v), community[v]);
        }
        return out;
    }

    /** A communities.csv as party → community. */
    static Map<String, Integer> readCommunities(Path communitiesCsv) throws IOException {
        Map<String, Integer> out = new HashMap<>();
        List<String> lines = Files.readAllLines(communitiesCsv);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            out.put(line.substring(0, comma), Integer.parseInt(line.substring(comma + 1)));
        }
        return out;
    }

    record Communities(double modularity, int count) {
    }

    /** Leiden as core's analyze runs it: on the party graph without hubs' one-off edges, modularity on the whole graph. */
    static Communities communities(ShipmentTable t, long seed) {
        CompactGraph whole = Projections.partyGraph(t).graph().toUndirected();
        CompactGraph hubless = hubless(t);
        CommunityResult r = new Leiden(LeidenParams.builder().seed(seed).threads(1).build()).run(hubless);
        return new Communities(Modularity.of(whole, r.partition(), 1.0), r.communityCount());
    }

    /** The graph core's analyze clusters: the directed party graph without hubs' one-off edges, relays keeping repeated ties. */
    static CompactGraph hubless(ShipmentTable t) {
        return RingFinder.withoutHubs(Projections.partyGraph(t).graph(), CaseNetworks.Params.DEFAULTS.maxCounterparties(),
                RingFinder.Options.defaults().minTie());
    }

    /** Core's modularity (whole undirected party graph) of the partition in a communities.csv. */
    static double modularityOf(ShipmentTable t, Path communitiesCsv) throws IOException {
        LabeledGraph lg = Projections.partyGraph(t);
        CompactGraph whole = lg.graph().toUndirected();
        int[] membership = new int[whole.nodeCount()];
        java.util.Arrays.fill(membership, -1);
        List<String> lines = Files.readAllLines(communitiesCsv);
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.lastIndexOf(',');
            String node = line.substring(0, comma);
            membership[lg.node(node)] = Integer.parseInt(line.substring(comma + 1));
        }
        for (int v = 0; v < membership.length; v++) {
            if (membership[v] < 0) {
                throw new AssertionError("party " + v + " has no community");
            }
        }
        return Modularity.of(whole, membership, 1.0);
    }
}
