package org.parcelnet.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.parcelnet.eval.Evaluation;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.roles.Tier;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.leads.RingLead;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.cli.report.Charts;
import org.parcelnet.cli.report.HtmlReport;
import org.parcelnet.table.ResultTables;

/**
 * Lays out the HTML report of an {@code analyze} run: overview figures, network charts, rings,
 * relay routes, interdiction, leads, evaluation against truth (when given) and the method. Every
 * value that came from the input reaches the page through {@link HtmlReport}, which escapes it.
 */
final class AnalyzeReport {

    private static final int TABLE_ROWS = 30;
    private final AnalysisResult run;
    private final String inputLabel;
    private final List<AnalyzeOutputs.RingGraph> ringGraphs;
    private final String[] region;
    private final double[] volume;

    private final List<ResultTables.InterdictionRow> interdictionRows;
    private final Map<String, Object> parameters;

    AnalyzeReport(AnalysisResult run, String inputLabel, List<AnalyzeOutputs.RingGraph> ringGraphs,
                  List<ResultTables.InterdictionRow> interdictionRows, Map<String, Object> parameters) {
        this.run = run;
        this.inputLabel = inputLabel;
        this.ringGraphs = ringGraphs;
        this.interdictionRows = interdictionRows;
        this.parameters = parameters;
        this.region = run.regions();
        this.volume = run.volume();
    }

    void write(Path file) throws IOException {
        ShipmentTable t = run.shipments();
        CompactGraph g = run.partyGraph().graph();
        HtmlReport r = new HtmlReport("ParcelNet report");
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        int flagged = 0;
        for (int i = 0; i < t.size(); i++) {
            first = Math.min(first, t.shippedAt(i));
            last = Math.max(last, t.shippedAt(i));
            if (t.flagged(i)) {
                flagged++;
            }
        }
        r.subtitle(String.format(Locale.ROOT, "%s · %,d shipments from %s to %s%s", inputLabel, t.size(),
                day(first), day(last), run.evaluation().isEmpty() ? "" : " · evaluated against ground truth"));

        r.section("Overview");
        Map<String, Object> tiles = new LinkedHashMap<>();
        tiles.put("shipments", t.size());
        tiles.put("rows rejected", run.read().rowsRejected());
        tiles.put("parties", g.nodeCount());
        tiles.put("sender→receiver links", g.edgeCount());
        tiles.put("flagged parcels", flagged);
        tiles.put("case networks (≥ 2 cases)", run.links().linkedNetworkCount());
        tiles.put("communities", run.communities().communityCount());
        tiles.put("modularity", String.format(Locale.ROOT, "%.3f", run.communities().modularity()));
        tiles.put("rings found", run.rings().ringCount());
        tiles.put("relay chains", run.chains().chainCount());
        r.stats(tiles);
        r.paragraph("The " + run.links().caseRows().length + " cases (" + (run.links().mode()
                == org.parcelnet.linking.CaseNetworks.CaseMode.FLAGGED ? "flagged shipments" : "all shipments")
                + ") were linked into case networks on evidence: a phone, an address or a name with a phone they "
                + "share, or a path through ordinary shipments, each identifier weighted by how rare it is (identifiers "
                + "used by more than " + run.options().hubThreshold() + " counterparties, such as courier stations, "
                + "carry none); links.csv gives each link's identifiers and weight, case_networks.csv each network. "
                + "Parties (senders and "
                + "receivers, identified by " + keyText() + ") form a directed graph weighted by shipments; Leiden "
                + "found its communities. A community counts as a ring when goods verifiably flow through it from a "
                + "border entry town, again and again: at least " + run.options().minRingChains() + " relay chains (each parcel "
                + "forwarded within " + days(run.options().windowDays()) + " days of receipt) start at a border sender and stay "
                + "inside the community for at least two hops, and at least one such chain per five members (a big community "
                + "of ordinary traffic collects a few by chance). Because modularity cannot resolve small groups in a large "
                + "network, each candidate was partitioned again on its own; parts that a chain runs through were kept "
                + "together and the rest split off (" + run.rings().splits() + " splits: a ring cut free of the ordinary "
                + "traffic or of another ring). A ring's members are the parties of its relay chains and the parties "
                + "tied to those by at least two parcels or by most of their own parcels; " + run.rings().trimmed()
                + " parties the rings reached (weakly tied community members, and customers: one-off buyers and "
                + "sellers without repeated or wholesale ring parcels) are the rings' market, not targets; "
                + "ring_members.csv lists members and customers with a confidence. Rings, tiers, interdiction and "
                + "leads use members only.");

        r.section("The network");
        double[] degree = new double[g.nodeCount()];
        for (int v = 0; v < degree.length; v++) {
            degree[v] = g.degree(v);
        }
        r.figure("Degree distribution", Charts.degreeDistribution("Party degree (in + out)", degree),
                "Parties by number of distinct counterparties, log–log. A straight tail means a few parties (merchants, "
                        + "courier stations, distributors) trade with very many.");
        r.figure("Community sizes", Charts.communitySizes("Community sizes", run.communities().partition().sizes()),
                "How many communities Leiden found of each size.");
        provinceHeatMap(r, t);

        r.section("Rings");
        List<AnalyzeOutputs.RingGraph> rings = ringGraphs;
        if (rings.isEmpty()) {
            r.paragraph("No community carries goods from a border entry town along a relay chain: no rings found.");
        }
        int k = 0;
        for (AnalyzeOutputs.RingGraph rg : rings) {
            k++;
            RingLead lead = rg.lead();
            r.figure(String.format(Locale.ROOT, "Ring %d (rank %d, score %.2f, %d parties)", lead.ring(), lead.rank(),
                            lead.score(), lead.size()),
                    Charts.ringDiagram("Ring " + lead.ring(), rg.graph(), rg.tiers(), run.options().seed()),
                    "Parties coloured by tier: source (border), transit, distributor, retailer. Arrows point from sender "
                            + "to receiver; thicker means more shipments. Exported as rings/ring-" + k + ".graphml and .gexf.");
        }
        int[] customers = new int[Math.max(1, run.rings().ringCount())];
        for (int v = 0; v < run.members().role().length; v++) {
            if (run.members().role()[v] == org.parcelnet.roles.RingMembers.Role.CUSTOMER && run.members().ring()[v] >= 0
                    && run.members().ring()[v] < customers.length) {
                customers[run.members().ring()[v]]++;
            }
        }
        List<List<?>> ringRows = new ArrayList<>();
        for (RingLead lead : run.leads().rings()) {
            if (ringRows.size() >= TABLE_ROWS) {
                break;
            }
            ringRows.add(List.of(lead.rank(), lead.ring(), String.format(Locale.ROOT, "%.3f", lead.score()), lead.size(),
                    customers[lead.ring()], Dispatch.ringRegion(lead, region, volume), lead.reasonText()));
        }
        r.table("Rings by score", List.of("rank", "ring", "score", "members", "customers", "region", "why"), ringRows);
        Map<String, Integer> tierCounts = new LinkedHashMap<>();
        for (String name : run.tierNamesInRings()) {
            if (name != null) {
                tierCounts.merge(name, 1, Integer::sum);
            }
        }
        List<List<?>> tierRows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : tierCounts.entrySet()) {
            tierRows.add(List.of(e.getKey(), e.getValue()));
        }
        r.table("Ring members by tier (tiers.csv)", List.of("tier", "parties"), tierRows);

        r.section("Relay routes");
        List<RelayChains.Route> routes = run.chains().routes();
        int nRoutes = Math.min(12, routes.size());
        if (nRoutes > 0) {
            List<String> labels = new ArrayList<>();
            double[] values = new double[nRoutes];
            for (int i = 0; i < nRoutes; i++) {
                labels.add(routes.get(i).describe());
                values[i] = routes.get(i).chains();
            }
            r.figure("Most frequent relay routes", Charts.barChart("Relay routes", "chains", labels, values),
                    "Place-to-place routes followed by time-respecting relay chains from border entry towns.");
        }
        List<List<?>> routeRows = new ArrayList<>();
        for (int i = 0; i < Math.min(TABLE_ROWS, routes.size()); i++) {
            RelayChains.Route rt = routes.get(i);
            routeRows.add(List.of(i + 1, rt.describe(), rt.chains(), rt.pieces(), rt.parties()));
        }
        r.table("Relay routes (routes.csv)", List.of("rank", "route", "chains", "cartons", "parties"), routeRows);

        r.section("Interdiction");
        RingInterdiction.Result plan = run.interdiction();
        int budget = run.options().budget();
        r.paragraph(String.format(Locale.ROOT, "Sources are ring members classed as source (%d), sinks are ring retailers "
                        + "(%d); reachability counts the sinks still reached from a source in the rings' network — the "
                        + "directed party graph restricted to ring members (%,d parties, %,d links), since goods travel along "
                        + "ring members' parcels — %,d before any removal. A minimum vertex cut is the smallest set of parties whose removal disconnects every "
                        + "source from every sink (max-flow on the node-split graph); the greedy key-player method removes, "
                        + "one at a time, the party that cuts the most remaining pairs, within a budget of %d; the "
                        + "betweenness list is the %d parties with the highest betweenness, for comparison.",
                plan.sources().length, plan.sinks().length, plan.networkParties(), plan.networkLinks(),
                plan.initialReach(), budget, budget));
        Map<String, long[]> curves = plan.curves();
        if (!curves.isEmpty()) {
            List<String> methods = new ArrayList<>(curves.keySet());
            double[] before = new double[methods.size()];
            double[] after = new double[methods.size()];
            for (int i = 0; i < methods.size(); i++) {
                long[] c = curves.get(methods.get(i));
                before[i] = c[0];
                after[i] = c[c.length - 1];
            }
            r.figure("Reachability before and after removal", Charts.beforeAfter("Source→sink pairs reachable",
                    "pairs", methods, before, after), "Each method's picks removed together.");
        }
        List<List<?>> picks = new ArrayList<>();
        for (ResultTables.InterdictionRow row : interdictionRows) {
            if (row.rank() > TABLE_ROWS) {
                continue; // long minimum cuts are listed in full in interdiction.csv
            }
            picks.add(List.of(row.method(), row.rank(), row.party(), row.tier() == null ? "" : row.tier(),
                    row.reachabilityAfter() < 0 ? "" : row.reachabilityAfter()));
        }
        r.table("Targets (interdiction.csv)", List.of("method", "rank", "party", "tier", "pairs reachable after"), picks);

        r.section("Leads");
        List<List<?>> leadRows = new ArrayList<>();
        for (PartyLead l : run.leads().parties()) {
            if (leadRows.size() >= TABLE_ROWS) {
                break;
            }
            leadRows.add(List.of(l.rank(), l.id(), String.format(Locale.ROOT, "%.3f", l.score()),
                    l.ring() < 0 ? "" : Integer.toString(l.ring()), region[l.party()], l.reasonText()));
        }
        r.table("Top party leads (leads.csv; per region in leads/)", List.of("rank", "party", "score", "ring", "region", "why"),
                leadRows);
        Map<String, Integer> perRegion = new LinkedHashMap<>();
        for (Map.Entry<String, List<PartyLead>> e : Dispatch.partiesByRegion(run.leads().parties(), region).entrySet()) {
            perRegion.put(e.getKey(), e.getValue().size());
        }
        List<List<?>> regionRows = new ArrayList<>();
        perRegion.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> regionRows.add(List.of(e.getKey(), e.getValue())));
        r.table("Leads dispatched per region (destination province delivered to most)", List.of("region", "leads"),
                regionRows);

        if (run.evaluation().isPresent()) {
            Evaluation e = run.evaluation().get();
            r.section("Evaluation against ground truth");
            Map<String, Object> ev = new LinkedHashMap<>();
            ev.put("ring F1 (best match)", f3(e.ring().meanF1()));
            ev.put("ring NMI", f3(e.ring().nmi()));
            ev.put("ring ARI", f3(e.ring().ari()));
            ev.put("tier accuracy", f3(e.tiers().accuracy()));
            for (Map.Entry<Integer, Double> p : e.leadPrecision().entrySet()) {
                ev.put("lead precision@" + p.getKey(), f3(p.getValue()));
            }
            ev.put("truth rings", e.truthRings());
            ev.put("rings found", e.ringsFound());
            r.stats(ev);
            r.paragraph("Ring F1: for each true ring, the best F1 of any found ring over its members, averaged. NMI and "
                    + "ARI compare found rings with true rings over the true ring members. Tier accuracy is over ring "
                    + "members that the classifier placed. Precision@k is the share of the top k party leads that belong "
                    + "to a true ring.");
            List<String> header = new ArrayList<>(List.of("true \\ predicted"));
            for (Tier predicted : Tier.values()) {
                header.add(predicted.label());
            }
            List<List<?>> confusion = new ArrayList<>();
            for (Tier actual : Tier.values()) {
                List<Object> cells = new ArrayList<>();
                cells.add(actual.label());
                for (Tier predicted : Tier.values()) {
                    cells.add(e.tiers().confusion()[actual.ordinal()][predicted.ordinal()]);
                }
                confusion.add(cells);
            }
            r.table("Tier confusion matrix", header, confusion);
            List<List<?>> rows = new ArrayList<>();
            for (Map.Entry<String, Evaluation.PickPrecision> m : e.interdiction().entrySet()) {
                Evaluation.PickPrecision v = m.getValue();
                rows.add(List.of(m.getKey(), v.picks(), v.ringMembers(), v.transitOrDistributor(), f3(v.precision())));
            }
            r.table("Interdiction picks that are true ring transit or distributor members",
                    List.of("method", "picks", "ring members", "transit or distributor", "precision"), rows);
        }

        r.section("Method and parameters");
        List<List<?>> params = new ArrayList<>();
        for (Map.Entry<String, Object> e : parameters.entrySet()) {
            params.add(List.of(e.getKey(), String.valueOf(e.getValue())));
        }
        r.table("Parameters", List.of("parameter", "value"), params);
        List<List<?>> times = new ArrayList<>();
        for (Map.Entry<String, Double> e : run.times().stages().entrySet()) {
            times.add(List.of(e.getKey(), String.format(Locale.ROOT, "%.2f", e.getValue())));
        }
        times.add(List.of("case linking, on the background thread", String.format(Locale.ROOT, "%.2f",
                run.times().linking())));
        times.add(List.of("betweenness, on the background thread", String.format(Locale.ROOT, "%.2f",
                run.times().betweennessRun())));
        r.table("Stage times (seconds, report excluded; the main line's 'link cases' and 'betweenness' are its waits "
                + "for the background thread)", List.of("stage", "seconds"), times);
        r.footer("Made by ParcelNet " + versionText() + ". Same input, parameters and seed give the same report.");
        r.write(file);
    }

    private void provinceHeatMap(HtmlReport r, ShipmentTable t) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        Map<String, Long> volume = new HashMap<>();
        for (int i = 0; i < t.size(); i++) {
            volume.merge(t.place(t.originPlace(i)).province(), 1L, Long::sum);
            volume.merge(t.place(t.destinationPlace(i)).province(), 1L, Long::sum);
        }
        volume.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(20)
                .forEach(e -> {
                    index.put(e.getKey(), names.size());
                    names.add(e.getKey());
                });
        double[][] flow = new double[names.size()][names.size()];
        for (int i = 0; i < t.size(); i++) {
            Integer a = index.get(t.place(t.originPlace(i)).province());
            Integer b = index.get(t.place(t.destinationPlace(i)).province());
            if (a != null && b != null) {
                flow[a][b]++;
            }
        }
        r.figure("Province-to-province flows", Charts.flowHeatMap("Shipments from origin to destination province",
                names, flow), "The " + names.size() + " busiest provinces; colour is log-scaled shipments.");
    }

    private String keyText() {
        return switch (String.valueOf(AnalyzeOutputs.partyKeyText(run.options()))) {
            case "phone+name", "phone_name" -> "phone and name";
            case "address" -> "address";
            default -> "normalised phone";
        };
    }

    /** Whole days without a decimal point. */
    private static String days(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.valueOf(d);
    }

    private static String f3(Object o) {
        if (o instanceof Number n && Double.isNaN(n.doubleValue())) {
            return "n/a"; // nothing to compare with, e.g. a truth without rings
        }
        return o instanceof Number n ? String.format(Locale.ROOT, "%.3f", n.doubleValue()) : String.valueOf(o);
    }

    private static String day(long epoch) {
        return Instant.ofEpochSecond(epoch).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String versionText() {
        try {
            return new VersionProvider().getVersion()[0].replace("parcelnet ", "");
        } catch (IOException e) {
            return "";
        }
    }
}
