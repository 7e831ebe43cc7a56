package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parcelnet.eval.Evaluation;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.GraphExport;
import org.parcelnet.io.Json;
import org.parcelnet.leads.RingLead;
import org.parcelnet.linking.CaseNetworkFiles;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.roles.RingMembers;
import org.parcelnet.roles.Tier;
import org.parcelnet.table.LeadTables;
import org.parcelnet.table.ResultTables;
import org.parcelnet.table.TableFiles;

import tech.tablesaw.api.Table;

/**
 * Writes an {@link AnalysisResult} into an output folder: the CSV tables, the top rings as
 * GraphML/GEXF, summary.json and the HTML report ({@link AnalyzeReport}). Every file is built from
 * the typed result.
 */
final class AnalyzeOutputs {

    private final AnalysisResult result;
    private final String inputLabel;
    private final int topRings;
    private final ProgressListener progress;

    /** How the input was read (zone, column map, lenient): recorded with the parameters. */
    private final Map<String, Object> readParameters = new java.util.LinkedHashMap<>();

    /** Records the reading options in summary.json's parameters, so that a rerun reads the same. */
    AnalyzeOutputs withReadParameters(String zone, Map<String, String> columnMap, boolean lenient) {
        readParameters.put("zone", zone);
        readParameters.put("map", new java.util.LinkedHashMap<>(columnMap));
        readParameters.put("lenient", lenient);
        return this;
    }

    /**
     * Records the trained lead model that ranked the party leads (summary.json and the report's
     * parameters), and whether its tier model set the placed parties' tiers ({@code tiers}: learned or
     * rule-based).
     */
    AnalyzeOutputs withLeadModel(String file, String algorithm, int embeddingDimension, String trainedOn,
                                 boolean learnedTiers) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("file", file);
        m.put("algorithm", algorithm);
        m.put("embedding_dimension", embeddingDimension);
        m.put("trained_on", trainedOn);
        m.put("tiers", learnedTiers ? "learned" : "rule-based");
        readParameters.put("lead_model", m);
        return this;
    }

    AnalyzeOutputs(AnalysisResult result, String inputLabel, int topRings, ProgressListener progress) {
        this.result = result;
        this.inputLabel = inputLabel;
        this.topRings = topRings;
        this.progress = progress;
    }

    /** A ring as a small graph for drawing and export. */
    record RingGraph(RingLead lead, LabeledGraph graph, List<String> tiers) {
    }

    void write(Path dir) throws IOException {
        progress.begin("write outputs", -1);
        long t0 = System.nanoTime();
        try (WorkerPool beside = WorkerPool.beside("report")) {
            // the report's route statistics and workbench read only the result: built while the tables are written
            WorkerPool.Pending<AnalyzeReport.Views> views = beside.submit(() -> AnalyzeReport.Views.of(result));
            writeTables(dir);
            List<RingGraph> rings = topRingGraphs();
            writeRingGraphs(rings, dir);
            String[] tierNames = result.tierNamesInRings();
            new AnalyzeReport(result, inputLabel, rings, interdictionRows(tierNames), parameters(), views.get())
                    .write(dir.resolve("report.html"));
            Map<String, Object> summary = summary((System.nanoTime() - t0) / 1e9);
            AtomicFiles.writeString(dir.resolve("summary.json"), Json.write(summary));
        } finally {
            progress.end();
        }
    }

    private void writeTables(Path dir) throws IOException {
        AnalysisResult r = result;
        List<String> ids = r.partyGraph().ids().ids();
        if (r.read().rowsRejected() > 0) {
            r.read().writeRejects(dir.resolve("rejects.csv"));
        }
        CaseNetworkFiles.writeNetworks(r.shipments(), r.links(), dir.resolve("networks.csv"));
        CaseNetworkFiles.writeLinks(r.shipments(), r.links(), dir.resolve("links.csv"));
        CaseNetworkFiles.writeSummaries(CaseNetworkFiles.summaries(r.shipments(), r.links()),
                dir.resolve("case_networks.csv"));
        AtomicFiles.writeText(dir.resolve("ring_members.csv"), w -> {
            w.write("party,ring,tier,role,confidence\n");
            for (RingMembers.Row m : r.members().rows(ids, r.tiers().tier())) {
                w.write(Csv.cell(m.party()) + "," + m.ring() + "," + (m.tier() == null ? "" : m.tier().label()) + ","
                        + m.role().label() + "," + String.format(java.util.Locale.ROOT, "%.2f", m.confidence()) + "\n");
            }
        });
        int[] community = r.community();
        writeCommunities(ids, community, dir.resolve("communities.csv"));
        String[] tierNames = r.tierNamesInRings();
        writeTiers(ids, community, tierNames, r.tiers().sent(), r.tiers().received(), dir.resolve("tiers.csv"));
        List<ResultTables.RouteRow> routeRows = new ArrayList<>();
        for (RelayChains.Route route : r.chains().routes()) {
            routeRows.add(new ResultTables.RouteRow(route.describe(), route.chains(), route.pieces(), route.parties()));
        }
        TableFiles.writeCsv(ResultTables.routes(routeRows), dir.resolve("routes.csv"));
        TableFiles.writeCsv(ResultTables.interdiction(interdictionRows(tierNames)), dir.resolve("interdiction.csv"));
        if (!r.disruption().isEmpty()) {
            DisruptCommand.writeCurves(dir.resolve("disruption.csv"), r.disruption(), r.partyGraph()::label);
        }
        String[] region = r.regions();
        TableFiles.writeCsv(LeadTables.parties(r.leads().parties(), region), dir.resolve("leads.csv"));
        RegionFiles.write(LeadTables.partiesByRegion(r.leads().parties(), region), dir.resolve("leads"));
        TableFiles.writeCsv(LeadTables.rings(r.leads().rings(), ids, region, r.volume(), 12), dir.resolve("rings.csv"));
    }

    /**
     * communities.csv in party order: the rows of {@link ResultTables#communities}, streamed. A
     * Tablesaw string column of every party id (1.76M on 4.31M shipments) costs a dictionary entry
     * per id and seconds to fill; the bytes written are the same (tested).
     */
    static void writeCommunities(List<String> ids, int[] community, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            CommunitiesCommand.Utf8Rows rows = new CommunitiesCommand.Utf8Rows(out);
            rows.text("node,community\n");
            for (int v = 0; v < community.length; v++) {
                rows.text(Csv.cell(ids.get(v)));
                rows.ascii(',');
                integer(rows, community[v]);
                rows.ascii('\n');
            }
            rows.flush();
        });
    }

    /** tiers.csv, the rows of {@link ResultTables#tiers} (parties with a tier), streamed as above. */
    static void writeTiers(List<String> ids, int[] community, String[] tier, int[] sent, int[] received, Path file)
            throws IOException {
        AtomicFiles.write(file, out -> {
            CommunitiesCommand.Utf8Rows rows = new CommunitiesCommand.Utf8Rows(out);
            rows.text("party,community,tier,sent,received\n");
            for (int v = 0; v < tier.length; v++) {
                if (tier[v] == null) {
                    continue;
                }
                rows.text(Csv.cell(ids.get(v)));
                rows.ascii(',');
                integer(rows, community[v]);
                rows.ascii(',');
                rows.text(Csv.cell(tier[v]));
                rows.ascii(',');
                integer(rows, sent[v]);
                rows.ascii(',');
                integer(rows, received[v]);
                rows.ascii('\n');
            }
            rows.flush();
        });
    }

    private static void integer(CommunitiesCommand.Utf8Rows rows, int v) throws IOException {
        if (v >= 0) {
            rows.number(v);
        } else {
            rows.text(Integer.toString(v));
        }
    }

    /** The interdiction picks as rows of interdiction.csv, method by method. */
    List<ResultTables.InterdictionRow> interdictionRows(String[] tierNames) {
        List<ResultTables.InterdictionRow> rows = new ArrayList<>();
        double[] betweenness = result.betweenness().score();
        for (RingInterdiction.Picks p : result.interdiction().picks()) {
            int[] parties = p.parties();
            long[] after = p.reachabilityAfter();
            for (int i = 0; i < parties.length; i++) {
                int v = parties[i];
                rows.add(new ResultTables.InterdictionRow(result.partyGraph().label(v), p.method(), i + 1, after[i],
                        tierNames[v], betweenness[v]));
            }
        }
        return rows;
    }

    /** The top rings (by ring lead rank) as graphs with tier attributes. */
    List<RingGraph> topRingGraphs() {
        List<RingGraph> out = new ArrayList<>();
        for (RingLead lead : result.leads().rings()) {
            if (out.size() >= topRings) {
                break;
            }
            out.add(ringGraph(lead));
        }
        return out;
    }

    private RingGraph ringGraph(RingLead lead) {
        int[] members = lead.members();
        LabeledGraph partyGraph = result.partyGraph();
        CompactGraph g = partyGraph.graph();
        Map<Integer, Integer> local = new LinkedHashMap<>();
        IdMap<String> ids = new IdMap<>(members.length);
        List<String> tierNames = new ArrayList<>();
        Tier[] tier = result.tiers().tier();
        for (int v : members) {
            local.put(v, ids.intern(partyGraph.label(v)));
            tierNames.add(tier[v] == null ? null : tier[v].label());
        }
        CompactGraphBuilder b = CompactGraphBuilder.directed(members.length);
        for (int v : members) {
            for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                Integer w = local.get(g.target(i));
                if (w != null) {
                    b.addEdge(local.get(v), w, g.weight(i));
                }
            }
        }
        return new RingGraph(lead, new LabeledGraph(b.build(), ids), tierNames);
    }

    private static void writeRingGraphs(List<RingGraph> rings, Path dir) throws IOException {
        int k = 0;
        for (RingGraph rg : rings) {
            k++;
            Map<String, List<String>> attrs = new LinkedHashMap<>();
            attrs.put("tier", rg.tiers());
            Path base = dir.resolve("rings");
            GraphExport.graphML(rg.graph(), attrs, base.resolve("ring-" + k + ".graphml"));
            GraphExport.gexf(rg.graph(), attrs, base.resolve("ring-" + k + ".gexf"));
        }
    }

    /** summary.json: what ran with which parameters, sizes, interdiction, evaluation, stage times. */
    Map<String, Object> summary(double writeSeconds) {
        AnalysisResult r = result;
        Map<String, Object> summary = Json.object();
        summary.put("command", "analyze");
        summary.put("input", inputLabel);
        summary.put("parameters", parameters());
        Map<String, Object> read = Json.object();
        read.put("rows_in", r.read().rowsIn());
        read.put("rows_read", r.read().rowsRead());
        read.put("rows_rejected", r.read().rowsRejected());
        read.put("rejected_by_reason", r.read().rejectsByReason());
        summary.put("read", read);
        CompactGraph g = r.partyGraph().graph();
        Map<String, Object> sizes = Json.object();
        sizes.put("shipments", r.shipments().size());
        sizes.put("parties", g.nodeCount());
        sizes.put("party_edges", g.edgeCount());
        sizes.put("places", r.shipments().placeCount());
        sizes.put("case_networks", r.links().networkCount());
        sizes.put("linked_case_networks", r.links().linkedNetworkCount());
        sizes.put("largest_case_network", r.links().sizes().length == 0 ? 0 : r.links().sizes()[0]);
        sizes.put("suppressed_hubs", r.links().hubs().size());
        sizes.put("cases", r.links().caseRows().length);
        sizes.put("case_selection", r.links().mode().name().toLowerCase(java.util.Locale.ROOT));
        sizes.put("case_links", r.links().links().size());
        sizes.put("case_links_split_off", r.links().splitLinks());
        sizes.put("ring_members", r.members().memberCount());
        sizes.put("ring_customers", r.members().customers());
        sizes.put("courier_stations", org.parcelnet.roles.CourierStations.count(r.stations()));
        sizes.put("communities", r.communities().communityCount());
        sizes.put("modularity", r.communities().modularity());
        sizes.put("ring_splits", r.rings().splits());
        sizes.put("ring_community_members_with_weak_ties", r.rings().trimmed());
        sizes.put("communities_after_ring_splits", r.rings().partition().communityCount());
        sizes.put("rings", r.rings().ringCount());
        sizes.put("relay_chains", r.chains().chainCount());
        sizes.put("relay_routes", r.chains().routes().size());
        sizes.put("betweenness_pivots", r.betweenness().pivots());
        summary.put("sizes", sizes);
        RingInterdiction.Result plan = r.interdiction();
        Map<String, Object> inter = Json.object();
        inter.put("network", "ring members (" + plan.networkParties() + " parties, " + plan.networkLinks() + " links)");
        inter.put("sources", plan.sources().length);
        inter.put("sinks", plan.sinks().length);
        inter.put("sinks_supplied_directly_by_a_source", plan.directSinks());
        inter.put("initial_reachability", plan.initialReach());
        Map<String, Object> cut = Json.object();
        if (plan.cut() != null) {
            cut.put("separable", plan.cut().separable());
            cut.put("size", plan.cut().cut().length);
            cut.put("relevant_parties", plan.cut().relevant());
        }
        inter.put("min_cut", cut);
        Map<String, Object> after = Json.object();
        for (RingInterdiction.Picks p : plan.picks()) {
            after.put(p.method(), p.finalReachability());
        }
        inter.put("reachability_after", after);
        summary.put("interdiction", inter);
        r.evaluation().ifPresent(e -> summary.put("evaluation", evaluation(e)));
        Map<String, Double> stages = new LinkedHashMap<>(r.times().stages());
        stages.put("report", writeSeconds);
        summary.put("stage_seconds", stages);
        summary.put("stage_seconds_note", String.format(Locale.ROOT, "the case-linking index (%.2f s) and then "
                + "betweenness (%.2f s) are built on a background thread beside the party graph, Leiden, relay "
                + "chains and rings, followed there by the leads' activity counts and regions; the betweenness "
                + "stage is the wait for it, the tiers and rings stage includes any wait for the index, the link "
                + "cases stage is the case search (which needs the rings)",
                r.times().linking(),
                r.times().betweennessRun()));
        return summary;
    }

    private static Map<String, Object> evaluation(Evaluation ev) {
        Map<String, Object> e = Json.object();
        e.put("truth_rings", ev.truthRings());
        e.put("truth_ring_parties", ev.truthRingParties());
        e.put("rings_found", ev.ringsFound());
        e.put("ring_mean_best_match_f1", ev.ring().meanF1());
        e.put("ring_nmi", ev.ring().nmi());
        e.put("ring_ari", ev.ring().ari());
        e.put("community_nmi_on_ring_parties", ev.communityOnRingParties().nmi());
        e.put("community_mean_best_match_f1", ev.communityOnRingParties().meanF1());
        e.put("tier_accuracy", ev.tiers().accuracy());
        e.put("tier_compared", ev.tiers().compared());
        Map<String, Object> confusion = Json.object();
        for (Tier t : Tier.values()) {
            Map<String, Object> row = Json.object();
            for (Tier p : Tier.values()) {
                row.put(p.label(), ev.tiers().confusion()[t.ordinal()][p.ordinal()]);
            }
            confusion.put(t.label(), row);
        }
        e.put("tier_confusion_truth_by_predicted", confusion);
        Map<String, Object> pAt = Json.object();
        for (Map.Entry<Integer, Double> p : ev.leadPrecision().entrySet()) {
            pAt.put("p@" + p.getKey(), p.getValue());
        }
        e.put("lead_precision", pAt);
        Map<String, Object> inter = Json.object();
        for (Map.Entry<String, Evaluation.PickPrecision> m : ev.interdiction().entrySet()) {
            Map<String, Object> row = Json.object();
            row.put("picks", m.getValue().picks());
            row.put("ring_members", m.getValue().ringMembers());
            row.put("transit_or_distributor", m.getValue().transitOrDistributor());
            row.put("precision", m.getValue().precision());
            inter.put(m.getKey(), row);
        }
        e.put("interdiction_precision", inter);
        return e;
    }

    /** The parameters that determine the result: a rerun with them reproduces the outputs. */
    Map<String, Object> parameters() {
        AnalysisOptions o = result.options();
        Map<String, Object> params = Json.object();
        params.put("seed", o.seed());
        params.put("resolution", o.resolution());
        params.put("threads", o.threads());
        params.put("party_key", partyKeyText(o));
        params.put("window_days", o.windowDays());
        params.put("hub_threshold", o.hubThreshold());
        params.put("budget", o.budget());
        params.put("samples", o.betweennessSamples());
        params.put("leads", o.leadCount());
        params.put("station_words", String.join(",", o.stationWords()));
        params.put("top_rings", topRings);
        StringBuilder weights = new StringBuilder();
        for (org.parcelnet.leads.Feature f : org.parcelnet.leads.Feature.values()) {
            weights.append(weights.length() == 0 ? "" : ",").append(f.name().toLowerCase(java.util.Locale.ROOT))
                    .append('=').append(o.leadWeights().weight(f));
        }
        params.put("lead_weights", weights.toString());
        params.putAll(readParameters);
        params.put("desensitized", o.desensitize());
        return params;
    }

    /** The party key as the command line spells it. */
    static String partyKeyText(AnalysisOptions o) {
        return switch (o.partyKey()) {
            case PHONE -> "phone";
            case PHONE_NAME -> "phone+name";
            case ADDRESS -> "address";
        };
    }
}
