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
import org.parcelnet.roles.CourierStations;
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
        CaseNetworks.Result r = evidenceNetworks(t, communityOfParty, params);
        List<String> lines = new ArrayList<>();
        for (int c = 0; c < r.caseRows().length; c++) {
            lines.add(Csv.cell(t.shipmentId(r.caseRows()[c])) + "," + r.network()[c]);
        }
        return lines;
    }

    /** Core's case networks split by the receivers' communities, as {@code parcelnet link} splits them. */
    static CaseNetworks.Result evidenceNetworks(ShipmentTable t, Map<String, Integer> communityOfParty,
                                                CaseNetworks.Params params) {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        int[] community = new int[parties.partyCount()];
        for (int v = 0; v < community.length; v++) {
            community[v] = communityOfParty.get(parties.parties().id(v));
        }
        int[] rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(), community, null);
        boolean flagged = CaseNetworks.anyFlagged(t);
        return new CaseNetworks(params).link(t, CaseNetworks.flaggedOrAll(t),
                flagged ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL, rowCommunity);
    }

    /**
     * Core's leads.csv lines (header included) from core's own scorer and writer, on the features the
     * Spark job has: {@code parcelnet analyze}'s activity features ({@code PartyActivity}, border and
     * transit provinces), relay-chain positions, flagged cases in the case networks {@code links};
     * no rings and betweenness 0 (not computed on Spark); courier stations kept out, as analyze keeps them.
     */
    static List<String> leadLines(ShipmentTable t, org.parcelnet.paths.RelayChains.Result chains,
                                  CaseNetworks.Result links, int topK, Path dir) throws IOException {
        return leadLines(t, chains, links, topK, dir, true);
    }

    /** {@link #leadLines(ShipmentTable, org.parcelnet.paths.RelayChains.Result, CaseNetworks.Result, int, Path)}, stations kept out or not. */
    static List<String> leadLines(ShipmentTable t, org.parcelnet.paths.RelayChains.Result chains,
                                  CaseNetworks.Result links, int topK, Path dir, boolean stationsOut) throws IOException {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        java.util.Set<String> border = new java.util.HashSet<>();
        for (int c = 0; c < t.placeCount(); c++) {
            String p = t.place(c).province();
            if (org.parcelnet.synth.Geography.isBorderProvince(p) || org.parcelnet.synth.Geography.isTransitProvince(p)) {
                border.add(p);
            }
        }
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < parties.partyCount(); v++) {
            ids.add(parties.parties().id(v));
        }
        double[] relay = new double[parties.partyCount()];
        for (int v = 0; v < relay.length; v++) {
            relay[v] = chains.appearances()[v];
        }
        org.parcelnet.leads.LeadFeatures f = org.parcelnet.leads.LeadFeatures
                .of(ids, org.parcelnet.leads.PartyActivity.compute(t, parties, border)).withRelayChains(relay)
                .withFlaggedInNetwork(org.parcelnet.leads.LeadFeatures.flaggedInCaseNetworks(t, parties, links));
        // courier stations are places, never leads (as in core's analyze)
        org.parcelnet.leads.LeadResult leads = new org.parcelnet.leads.LeadScorer().score(f, topK, stationsOut ? stations(t) : null);
        Path file = dir.resolve("core-leads.csv");
        org.parcelnet.table.TableFiles.writeCsv(org.parcelnet.table.LeadTables.parties(leads.parties(),
                org.parcelnet.leads.Dispatch.regions(t, parties)), file);
        return Files.readAllLines(file);
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

    /** Core's relay chains as {@code parcelnet analyze} finds them: sources are the parties sending from a border-entry place. */
    static org.parcelnet.paths.RelayChains.Result relayChains(ShipmentTable t, double windowDays) {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        boolean[] entry = org.parcelnet.paths.RelayChains.sendersFrom(t, parties,
                pl -> org.parcelnet.roles.GeographyPlaces.INSTANCE.isBorderEntry(pl.province(), pl.city()));
        return org.parcelnet.paths.RelayChains.find(t, parties, entry, null, RelayChainJob.options(windowDays));
    }

    /** Core's chains as their shipment ids joined by spaces, in time order. */
    static java.util.Set<String> chainSet(ShipmentTable t, org.parcelnet.paths.RelayChains.Result r) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (int c = 0; c < r.chainCount(); c++) {
            StringBuilder sb = new StringBuilder();
            for (int row : r.chain(c)) {
                sb.append(sb.length() == 0 ? "" : " ").append(t.shipmentId(row));
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** Core's routes.csv lines (header included), written by core's own writer. */
    static List<String> routeLines(org.parcelnet.paths.RelayChains.Result r, Path dir) throws IOException {
        List<org.parcelnet.table.ResultTables.RouteRow> rows = new ArrayList<>();
        for (org.parcelnet.paths.RelayChains.Route route : r.routes()) {
            rows.add(new org.parcelnet.table.ResultTables.RouteRow(route.describe(), route.chains(), route.pieces(),
                    route.parties()));
        }
        Path file = dir.resolve("core-routes.csv");
        org.parcelnet.table.TableFiles.writeCsv(org.parcelnet.table.ResultTables.routes(rows), file);
        return Files.readAllLines(file);
    }

    record Communities(double modularity, int count) {
    }

    /**
     * Leiden as core's analyze runs it: on the party graph without hubs' one-off edges and stations' edges,
     * modularity on the whole graph.
     */
    static Communities communities(ShipmentTable t, long seed) {
        CompactGraph whole = Projections.partyGraph(t).graph().toUndirected();
        CompactGraph hubless = hubless(t);
        CommunityResult r = new Leiden(LeidenParams.builder().seed(seed).threads(1).build()).run(hubless);
        return new Communities(Modularity.of(whole, r.partition(), 1.0), r.communityCount());
    }

    /**
     * The graph core's analyze clusters: the directed party graph without hubs' one-off edges, relays
     * keeping repeated ties, and without any edge of a courier station ({@link #stations}).
     */
    static CompactGraph hubless(ShipmentTable t) {
        return RingFinder.withoutHubs(Projections.partyGraph(t).graph(), CaseNetworks.Params.DEFAULTS.maxCounterparties(),
                RingFinder.Options.defaults().minTie(), stations(t));
    }

    /** The courier stations core's analyze recognises (default words), per party of {@link Projections#partyGraph}. */
    static boolean[] stations(ShipmentTable t) {
        return CourierStations.senders(t, Projections.parties(t, PartyKey.PHONE), CourierStations.DEFAULT_WORDS);
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
