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
import org.parcelnet.interdiction.Disruption;
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
import org.parcelnet.cli.report.RouteMap;
import org.parcelnet.cli.report.Timeline;
import org.parcelnet.table.ResultTables;

/**
 * Lays out the HTML report of an {@code analyze} run: overview figures, network charts, rings,
 * relay routes, interdiction, leads, evaluation against truth (when given) and the method. Every
 * value that came from the input reaches the page through {@link HtmlReport}, which escapes it.
 */
final class AnalyzeReport {

    private static final int TABLE_ROWS = 30;
    /** Routes drawn on the map of all routes (the busiest): enough for every route of a small run. */
    static final int MAP_ROUTES = 300;
    /** Routes drawn on a ring's map and listed in its routes table. */
    static final int RING_MAP_ROUTES = 120;
    private final AnalysisResult run;
    private final String inputLabel;
    private final List<AnalyzeOutputs.RingGraph> ringGraphs;
    private final String[] region;
    private final double[] volume;

    private final List<ResultTables.InterdictionRow> interdictionRows;
    private final Map<String, Object> parameters;

    /** The route statistics and the workbench's selection: built from the result alone, so beside other output. */
    record Views(RouteGeography geography, AnalyzeWorkbench workbench) {
        static Views of(AnalysisResult run) {
            RouteGeography geography = new RouteGeography(run);
            return new Views(geography, new AnalyzeWorkbench(run, geography));
        }
    }

    private final Views views;

    AnalyzeReport(AnalysisResult run, String inputLabel, List<AnalyzeOutputs.RingGraph> ringGraphs,
                  List<ResultTables.InterdictionRow> interdictionRows, Map<String, Object> parameters, Views views) {
        this.views = views;
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

        RouteGeography geography = views.geography();
        AnalyzeWorkbench workbench = views.workbench();
        LinkEvidence evidence = file.getParent() == null ? LinkEvidence.none()
                : LinkEvidence.read(file.getParent(), workbench.waybills()::contains, AnalyzeWorkbench.MAX_LINKS);
        r.workbench(workbench.data(evidence), workbench.holdsText(evidence));

        r.section("The network");
        double[] degree = new double[g.nodeCount()];
        for (int v = 0; v < degree.length; v++) {
            degree[v] = g.degree(v);
        }
        double maxDegree = 0;
        for (double d : degree) {
            maxDegree = Math.max(maxDegree, d);
        }
        r.figure("Degree distribution", Charts.degreeDistribution("Party degree (in + out)", degree),
                "Parties by number of distinct counterparties, log–log. A straight tail means a few parties (merchants, "
                        + "courier stations, distributors) trade with very many.",
                String.format(Locale.ROOT, "Log–log chart of how many parties have each degree; %,d parties, the "
                        + "largest degree is %,.0f.", degree.length, maxDegree), false);
        int[] communitySizes = run.communities().partition().sizes();
        int largestCommunity = 0;
        for (int size : communitySizes) {
            largestCommunity = Math.max(largestCommunity, size);
        }
        r.figure("Community sizes", Charts.communitySizes("Community sizes", communitySizes),
                "How many communities Leiden found of each size.",
                String.format(Locale.ROOT, "Chart of community sizes: %,d communities, the largest of %,d parties "
                        + "(communities.csv lists each party's community).", communitySizes.length, largestCommunity), false);
        provinceHeatMap(r, t);

        r.section("Rings");
        List<AnalyzeOutputs.RingGraph> rings = ringGraphs;
        if (rings.isEmpty()) {
            r.paragraph("No community carries goods from a border entry town along a relay chain: no rings found.");
        }
        List<long[]>[] ringTimes = ringTimes(rings);
        int k = 0;
        for (AnalyzeOutputs.RingGraph rg : rings) {
            k++;
            RingLead lead = rg.lead();
            r.subheading(String.format(Locale.ROOT, "Ring %d (rank %d, score %.2f, %d parties)", lead.ring(), lead.rank(),
                    lead.score(), lead.size()), "ring-" + lead.ring());
            r.figure("Members and their parcels", Charts.ringDiagram("Ring " + lead.ring(), rg.graph(), rg.tiers(),
                            run.options().seed()),
                    "Parties coloured by tier: source (border), transit, distributor, retailer. Arrows point from sender "
                            + "to receiver; thicker means more shipments. Exported as rings/ring-" + k + ".graphml and .gexf.",
                    String.format(Locale.ROOT, "Node–link drawing of ring %d: %d parties, %d sender–receiver links; the "
                            + "members table below lists them with their tiers.", lead.ring(), rg.graph().graph().nodeCount(),
                            rg.graph().graph().edgeCount()), false);
            ringTimeline(r, lead, ringTimes[k - 1]);
            ringMap(r, lead, geography);
            ringMembers(r, lead, evidence);
        }
        if (!rings.isEmpty()) {
            r.subheading("All rings", null);
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
        List<RouteMap.Route> placed = geography.allRoutes();
        if (!routes.isEmpty()) {
            List<RouteMap.Route> drawn = placed.subList(0, Math.min(MAP_ROUTES, placed.size()));
            double drawnChains = 0;
            for (RouteMap.Route d : drawn) {
                drawnChains += d.volume();
            }
            long allChains = 0;
            for (RelayChains.Route rt : routes) {
                allChains += rt.chains();
            }
            String which = drawn.size() == routes.size() ? "Every route of routes.csv"
                    : String.format(Locale.ROOT, "The %,d busiest of the %,d routes of routes.csv (%.0f%% of the chains)",
                    drawn.size(), routes.size(), 100.0 * drawnChains / Math.max(1, allChains));
            String alt = String.format(Locale.ROOT, "Map of China with %,d relay routes drawn as arcs (%,.0f chains)%s. "
                    + "The relay routes table below lists the busiest routes with the cities they are drawn through; "
                    + "routes.csv has them all.", drawn.size(), drawnChains, placed.size() == routes.size() ? ""
                    : String.format(Locale.ROOT, "; %,d routes could not be placed (unknown places)",
                    routes.size() - placed.size()));
            r.figure("Relay routes on the map", RouteMap.draw("Relay routes", alt, geography.places(-1), drawn, 10),
                    which + " from its border entry town inland: an arc per route through the city its chains reached "
                            + "most often in each province, width proportional to chains, coloured by the ring carrying "
                            + "most of them (grey: no ring). Hover an arc for its route.",
                    null, true);
        }
        int nRoutes = Math.min(12, routes.size());
        if (nRoutes > 0) {
            List<String> labels = new ArrayList<>();
            double[] values = new double[nRoutes];
            for (int i = 0; i < nRoutes; i++) {
                labels.add(routes.get(i).describe());
                values[i] = routes.get(i).chains();
            }
            StringBuilder alt = new StringBuilder("Bar chart of the most frequent relay routes by chains:");
            for (int i = 0; i < nRoutes; i++) {
                alt.append(String.format(Locale.ROOT, " %s %,.0f;", labels.get(i), values[i]));
            }
            r.figure("Most frequent relay routes", Charts.barChart("Relay routes", "chains", labels, values),
                    "Place-to-place routes followed by time-respecting relay chains from border entry towns.",
                    alt.substring(0, alt.length() - 1) + ".", false);
        }
        List<List<?>> routeRows = new ArrayList<>();
        for (int i = 0; i < Math.min(TABLE_ROWS, routes.size()); i++) {
            RelayChains.Route rt = routes.get(i);
            RouteGeography.RouteStats st = geography.stats(rt.describe());
            int ringRank = st == null ? -1 : geography.rankOf(st.topRing());
            routeRows.add(List.of(i + 1, rt.describe(), st == null ? "" : geography.via(st), rt.chains(), rt.pieces(),
                    rt.parties(), ringRank < 0 ? "" : "ring " + st.topRing()));
        }
        r.table("Relay routes (routes.csv" + (routes.size() > TABLE_ROWS ? "; the first " + TABLE_ROWS + " here)" : ")"),
                List.of("rank", "route", "drawn via", "chains", "cartons", "parties", "mostly of"), routeRows);

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
            StringBuilder alt = new StringBuilder("Bar chart of source-to-sink pairs reachable before and after removing "
                    + "each method's picks:");
            for (int i = 0; i < methods.size(); i++) {
                alt.append(String.format(Locale.ROOT, " %s %,.0f to %,.0f;", methods.get(i), before[i], after[i]));
            }
            r.figure("Reachability before and after removal", Charts.beforeAfter("Source→sink pairs reachable",
                    "pairs", methods, before, after), "Each method's picks removed together.",
                    alt.substring(0, alt.length() - 1) + " (interdiction.csv lists the picks).", false);
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
        if (!run.disruption().isEmpty()) {
            List<Disruption.Curve> strikes = run.disruption();
            int waves = strikes.get(0).points().get(strikes.get(0).points().size() - 1).wave();
            List<List<?>> rows = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Disruption.Curve c : strikes) {
                Disruption.Point before = c.points().get(0);
                Disruption.Point after = c.points().get(c.points().size() - 1);
                rows.add(List.of(c.strategy().key(), after.removed(), before.sinksReached(), after.sinksReached(),
                        String.format(Locale.ROOT, "%.3f", before.flowLeft() == 0 ? 0 : after.flowLeft() / before.flowLeft())));
                text.append(String.format(Locale.ROOT, "%s: %d of %d sinks still reached after %d removals; ",
                        c.strategy().key(), after.sinksReached(), before.sinksReached(), after.removed()));
            }
            r.figure("Strike waves on the rings' network", Charts.robustness(strikes, true, strikes.get(0).adaptation()),
                    String.format(Locale.ROOT, "%d waves of %d removals each, every strategy on the same network, "
                            + "sources and sinks (disruption.csv has every point; parcelnet disrupt adds recovery "
                            + "between waves). ", waves, budget) + text.toString().replaceAll("; $", "."));
            r.table("After the last wave (disruption.csv)", List.of("strategy", "removed", "sinks reached before",
                    "sinks reached after", "flow left (share)"), rows);
        }

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
        times.add(List.of("case-linking index, on the background thread", String.format(Locale.ROOT, "%.2f",
                run.times().linking())));
        times.add(List.of("betweenness, on the background thread", String.format(Locale.ROOT, "%.2f",
                run.times().betweennessRun())));
        r.table("Stage times (seconds, report excluded; the main line's 'betweenness' is its wait for the "
                + "background thread, 'tiers and rings' includes any wait for the index, 'link cases' is the case search)", List.of("stage", "seconds"), times);
        r.footer("Made by ParcelNet " + versionText() + ". Same input, parameters and seed give the same report.");
        r.write(file);
    }

    /** Per drawn ring, the pickup times of the parcels its members sent, by the sender's tier. */
    @SuppressWarnings("unchecked")
    private List<long[]>[] ringTimes(List<AnalyzeOutputs.RingGraph> rings) {
        ShipmentTable t = run.shipments();
        int[] ringOf = run.ringOf();
        Tier[] tier = run.tiers().tier();
        int[] sender = run.parties().senderParty();
        Map<Integer, Integer> slot = new HashMap<>();
        for (int i = 0; i < rings.size(); i++) {
            slot.put(rings.get(i).lead().ring(), i);
        }
        int lanes = Tier.values().length + 1; // tiers, then unclassified
        int[][] counts = new int[rings.size()][lanes];
        for (int pass = 0; pass < 2; pass++) {
            long[][][] times = pass == 0 ? null : new long[rings.size()][lanes][];
            if (times != null) {
                for (int i = 0; i < rings.size(); i++) {
                    for (int l = 0; l < lanes; l++) {
                        times[i][l] = new long[counts[i][l]];
                        counts[i][l] = 0;
                    }
                }
            }
            for (int row = 0; row < t.size(); row++) {
                int v = sender[row];
                Integer i = ringOf[v] < 0 ? null : slot.get(ringOf[v]);
                if (i == null) {
                    continue;
                }
                int l = tier[v] == null ? lanes - 1 : tier[v].ordinal();
                if (times == null) {
                    counts[i][l]++;
                } else {
                    times[i][l][counts[i][l]++] = t.shippedAt(row);
                }
            }
            if (times != null) {
                List<long[]>[] out = new List[rings.size()];
                for (int i = 0; i < rings.size(); i++) {
                    out[i] = new ArrayList<>(List.of(times[i]));
                }
                return out;
            }
        }
        throw new AssertionError("unreachable");
    }

    private void ringTimeline(HtmlReport r, RingLead lead, List<long[]> times) {
        List<String> lanes = new ArrayList<>();
        List<long[]> kept = new ArrayList<>();
        StringBuilder alt = new StringBuilder(String.format(Locale.ROOT, "Parcels sent by ring %d's members over time, "
                + "one lane per tier of the sender:", lead.ring()));
        for (int l = 0; l < times.size(); l++) {
            long[] ts = times.get(l);
            String name = l < Tier.values().length ? Tier.values()[l].label() : "no tier";
            if (ts.length == 0 && l == times.size() - 1) {
                continue;
            }
            lanes.add(name);
            kept.add(ts);
            if (ts.length == 0) {
                alt.append(' ').append(name).append(" none;");
            } else {
                long[] sorted = ts.clone();
                java.util.Arrays.sort(sorted);
                alt.append(String.format(Locale.ROOT, " %s %,d (first %s, median %s, last %s);", name, ts.length,
                        day(sorted[0]), day(sorted[sorted.length / 2]), day(sorted[sorted.length - 1])));
            }
        }
        String text = alt.substring(0, alt.length() - 1) + ".";
        r.figure("Parcels over time by tier", Timeline.draw("Ring " + lead.ring() + " parcels by tier", text, lanes, kept),
                "Waves of a ring move down the tiers: source, then transit, distributor and retailer a few days later.",
                null, false);
    }

    private void ringMap(HtmlReport r, RingLead lead, RouteGeography geography) {
        List<RouteMap.Route> placed = geography.ringRoutes(lead.ring());
        List<RouteMap.Route> routes = placed.subList(0, Math.min(RING_MAP_ROUTES, placed.size()));
        List<RouteGeography.RouteStats> stats = geography.ringStats(lead.ring());
        StringBuilder alt = new StringBuilder(String.format(Locale.ROOT, "Map of ring %d's relay routes: %,d routes%s.",
                lead.ring(), stats.size(), routes.size() < stats.size() ? ", the " + routes.size() + " busiest drawn" : ""));
        for (int i = 0; i < Math.min(5, stats.size()); i++) {
            alt.append(String.format(Locale.ROOT, " %s, %,d chains;", geography.via(stats.get(i)), stats.get(i).chains));
        }
        String text = stats.isEmpty() ? alt.toString() : alt.substring(0, alt.length() - 1) + ".";
        r.figure("Its routes", RouteMap.draw("Ring " + lead.ring() + " routes", text, geography.places(lead.ring()), routes, 8,
                        true),
                "The relay chains of this ring (chains most of whose parties are its members), by route; width is chains.",
                null, false);
        List<List<?>> rows = new ArrayList<>();
        for (RouteGeography.RouteStats s : stats) {
            if (rows.size() >= RING_MAP_ROUTES) {
                break;
            }
            rows.add(List.of(s.key, geography.via(s), s.chains));
        }
        r.table("Ring " + lead.ring() + " routes" + (stats.size() > rows.size() ? " (the " + rows.size() + " busiest of "
                + stats.size() + ")" : ""), List.of("route", "drawn via", "chains"), rows, true);
    }

    private void ringMembers(HtmlReport r, RingLead lead, LinkEvidence evidence) {
        Tier[] tier = run.tiers().tier();
        int[] sent = run.tiers().sent();
        int[] received = run.tiers().received();
        Map<Integer, Integer> leadRank = new HashMap<>();
        for (PartyLead l : run.leads().parties()) {
            leadRank.putIfAbsent(l.party(), l.rank());
        }
        List<List<?>> rows = new ArrayList<>();
        for (int v : lead.members()) {
            String id = run.partyGraph().label(v);
            LinkEvidence.Member m = evidence.members == null ? null : evidence.members.get(id);
            List<Object> row = new ArrayList<>();
            row.add(id);
            row.add(tier[v] == null ? "" : tier[v].label());
            row.add(m == null || m.role() == null ? "" : m.role());
            row.add(m == null ? null : m.confidence());
            row.add(sent[v]);
            row.add(received[v]);
            row.add(leadRank.get(v));
            row.add(region[v]);
            rows.add(row);
        }
        r.table("Ring " + lead.ring() + " members" + (evidence.members == null
                        ? " (tiers from the analysis; role and confidence need ring_members.csv, not written by this run)"
                        : " (role and confidence from ring_members.csv)"),
                List.of("party", "tier", "role", "confidence", "sent", "received", "lead rank", "region"), rows, true);
    }

    private void provinceHeatMap(HtmlReport r, ShipmentTable t) {
        // Shipments counted per place code first (two array increments a shipment), then summed by
        // province: hashing province names per shipment cost seconds at millions of shipments.
        long[] placeVolume = new long[t.placeCount()];
        for (int i = 0; i < t.size(); i++) {
            placeVolume[t.originPlace(i)]++;
            placeVolume[t.destinationPlace(i)]++;
        }
        Map<String, Long> volume = new HashMap<>();
        for (int p = 0; p < placeVolume.length; p++) {
            if (placeVolume[p] > 0) {
                volume.merge(t.place(p).province(), placeVolume[p], Long::sum);
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        volume.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(20)
                .forEach(e -> {
                    index.put(e.getKey(), names.size());
                    names.add(e.getKey());
                });
        int[] row = new int[placeVolume.length]; // place code → heat-map row, -1 outside the busiest
        for (int p = 0; p < row.length; p++) {
            row[p] = index.getOrDefault(t.place(p).province(), -1);
        }
        double[][] flow = new double[names.size()][names.size()];
        for (int i = 0; i < t.size(); i++) {
            int a = row[t.originPlace(i)];
            int b = row[t.destinationPlace(i)];
            if (a >= 0 && b >= 0) {
                flow[a][b]++;
            }
        }
        int bestA = 0;
        int bestB = 0;
        for (int a = 0; a < names.size(); a++) {
            for (int b = 0; b < names.size(); b++) {
                if (flow[a][b] > flow[bestA][bestB]) {
                    bestA = a;
                    bestB = b;
                }
            }
        }
        String alt = names.isEmpty() ? "Heat map of province-to-province shipments: no shipments."
                : String.format(Locale.ROOT, "Heat map of shipments between the %d busiest provinces (%s); the largest "
                        + "flow is %s to %s, %,.0f shipments.", names.size(), String.join(", ", names), names.get(bestA),
                names.get(bestB), flow[bestA][bestB]);
        r.figure("Province-to-province flows", Charts.flowHeatMap("Shipments from origin to destination province",
                names, flow), "The " + names.size() + " busiest provinces; colour is log-scaled shipments.", alt, false);
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

    static String versionText() {
        try {
            return new VersionProvider().getVersion()[0].replace("parcelnet ", "");
        } catch (IOException e) {
            return "";
        }
    }
}
