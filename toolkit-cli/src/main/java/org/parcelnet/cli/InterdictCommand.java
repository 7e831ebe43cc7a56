package org.parcelnet.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.interdiction.CriticalNodes;
import org.parcelnet.interdiction.KeyPlayers;
import org.parcelnet.interdiction.InterdictionPlan;
import org.parcelnet.interdiction.MinVertexCut;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.Csv;
import org.parcelnet.io.InputException;
import org.parcelnet.io.Json;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parcelnet interdict}: which few parties to remove to break the flow. */
@Command(name = "interdict", mixinStandardHelpOptions = true,
        description = {"Min vertex cut and greedy key players on the party graph, compared with the top parties by "
                + "betweenness. Writes interdiction.csv (party,method,rank,reachability_after) and summary.json.",
                "Without sources and sinks, --method cnp (the default there) also solves the critical node problem: "
                        + "the K parties whose removal leaves fewest connected pairs, by a seeded memetic local search "
                        + "(--steps for a reproducible budget, --time-limit to cap its time as well).",
                "With --sources/--sinks (files of party ids), or with --communities (sources = parties classed "
                        + "'source' in their community, sinks = 'retailer'; tiers written to tiers.csv), reachability "
                        + "is the number of sinks reached from the sources (sources and sinks are never removed); "
                        + "otherwise it is the number of party pairs still connected (fragmentation)."})
public final class InterdictCommand implements Callable<Integer> {

    @Mixin
    GraphInput input;

    @Option(names = "--sources", paramLabel = "FILE", description = "party ids where goods enter (one per line or a 'party' column)")
    Path sourcesFile;

    @Option(names = "--sinks", paramLabel = "FILE", description = "party ids where goods end up")
    Path sinksFile;

    @Option(names = "--communities", paramLabel = "FILE", description = "node,community (e.g. from 'parcelnet communities'): classify tiers per community")
    Path communities;

    @Option(names = "--places", paramLabel = "FILE", description = "province,city,kind list of entry/border/transit places (default: built-in geography)")
    Path places;

    @Option(names = "--window-days", defaultValue = "3", paramLabel = "D", description = "relay-chain window used by the tiers (default: ${DEFAULT-VALUE})")
    double windowDays;

    @Option(names = "--flow", defaultValue = "push-relabel", paramLabel = "ALG",
            description = "max-flow algorithm of the min cut: push-relabel or dinic (default: ${DEFAULT-VALUE})")
    String flow;

    @Option(names = "--budget", defaultValue = "8", paramLabel = "K", description = "parties to remove (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--samples", defaultValue = "256", paramLabel = "K",
            description = "betweenness pivots for the comparison when the graph has more than 20000 parties (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "seed of the betweenness pivots (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--method", paramLabel = "M",
            description = "key-player method: greedy, or cnp (critical node search; fragmentation mode only, its default)")
    String method;

    @Option(names = "--steps", defaultValue = "2000", paramLabel = "N",
            description = "critical node search steps, each costing about the size of the largest component; the same "
                    + "seed and steps give the same picks (default: ${DEFAULT-VALUE})")
    long steps;

    @Option(names = "--time-limit", paramLabel = "SECONDS",
            description = "cap the critical node search at this many seconds: it stops at --steps or at the cap, whichever "
                    + "comes first (when the cap stops it, the picks depend on machine speed and load)")
    Double timeLimit;

    @Option(names = "--searches", defaultValue = "1", paramLabel = "N",
            description = "independent critical node searches, run on up to as many threads as the machine has; the best "
                    + "wins; the same seed, steps and searches give the same picks on any machine (default: ${DEFAULT-VALUE})")
    int searches;

    @Option(names = "--crossover", defaultValue = "portfolio", paramLabel = "C",
            description = "how the critical node search makes a new start from two of its solutions: union (both "
                    + "parents' nodes reduced greedily), double-backbone (common nodes kept, the others inherited with "
                    + "probability 0.85, then repaired greedily), mixed (each restart draws one) or portfolio (the "
                    + "--searches alternate union and double-backbone; one search is union) (default: ${DEFAULT-VALUE})")
    String crossover;

    @Option(names = "--pool-update", defaultValue = "replace-worst", paramLabel = "P",
            description = "how a search's solution enters its population: replace-worst, or rank (by quality and "
                    + "distance to the others) (default: ${DEFAULT-VALUE})")
    String poolUpdate;

    @Option(names = "--truth", paramLabel = "FILE", description = "truth_parties.csv (party,ring,tier): report precision of the picks")
    Path truth;

    @Option(names = "--report", description = "also write report.html: the picks of every method on a world map "
            + "(when --nodes has lat,lon), their removal curves and a table; one self-contained page that opens offline")
    boolean report;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder")
    Path out;

    /** Betweenness of the comparison, kept for the report. */
    private double[] betweenness;

    private record Row(String party, String method, int rank, long after) {
    }

    @Override
    public Integer call() throws Exception {
        if (budget < 1) {
            throw new IllegalArgumentException("--budget must be >= 1, got " + budget);
        }
        if ((sourcesFile == null) != (sinksFile == null)) {
            throw new IllegalArgumentException("give both --sources and --sinks, or neither");
        }
        if (communities != null && sourcesFile == null) {
            if (!input.hasShipments()) {
                throw new IllegalArgumentException("--communities needs --shipments FILE (tiers come from shipments)");
            }
            if (!(windowDays > 0)) {
                throw new IllegalArgumentException("--window-days must be > 0, got " + windowDays);
            }
        }
        flowAlgorithm();
        input.validate(out);
        ReportFolder.claim(out, input.outputs(report ? new String[] {"interdiction.csv", "tiers.csv", "summary.json", "report.html"}
                : new String[] {"interdiction.csv", "tiers.csv", "summary.json"}));
        long started = System.nanoTime();
        LabeledGraph g = input.loadGraph(out);
        CompactGraph cg = g.graph();
        Map<String, Object> summary = Json.object();
        summary.put("command", "interdict");
        summary.put("input", input.file().toString());
        summary.put("graph", CommandSupport.graphSummary(g));
        summary.put("budget", budget);
        List<Row> rows = new ArrayList<>();
        int[] sources = null;
        int[] sinks = null;
        if (sourcesFile != null) {
            sources = CommandSupport.readNodes(sourcesFile, g, "source");
            sinks = CommandSupport.readNodes(sinksFile, g, "sink");
        } else if (communities != null) {
            Tier[] tiers = tiers(g, summary);
            sources = TierClassifier.withTier(tiers, Tier.SOURCE);
            sinks = TierClassifier.withTier(tiers, Tier.RETAILER);
        }
        run(g, sources, sinks, rows, summary);
        if (truth != null) {
            summary.put("truth", precision(truth, rows));
        }
        NodeColumns nc = NodeColumns.of(input, g);
        AtomicFiles.writeText(out.resolve("interdiction.csv"), w -> {
            w.write("party,method,rank,reachability_after" + nc.header() + "\n");
            for (Row r : rows) {
                w.write(Csv.cell(r.party()) + "," + r.method() + "," + r.rank() + "," + r.after() + nc.cells(g.node(r.party())) + "\n");
            }
        });
        if (nc.hasRegions()) {
            summary.put("by_region", picksByRegion(nc, g, rows, sources, sinks));
        }
        if (report) {
            List<InterdictReport.Pick> picks = new ArrayList<>(rows.size());
            for (Row r : rows) {
                picks.add(new InterdictReport.Pick(g.node(r.party()), r.method(), r.rank(), r.after()));
            }
            InterdictReport.write(out.resolve("report.html"), input.file().getFileName().toString(), g,
                    input.nodeAttributes(), picks, ((Number) summary.get("initial_reachability")).longValue(), betweenness,
                    sources != null, budget, seed);
        }
        summary.put("seconds", (System.nanoTime() - started) / 1e9);
        AtomicFiles.writeString(out.resolve("summary.json"), Json.write(summary));
        System.err.println(rows.size() + " rows written to " + out.resolve("interdiction.csv")
                + (report ? "; report: " + out.resolve("report.html") : ""));
        return Cli.OK;
    }

    /** Tiers of the parties of every community of {@code --communities}; also writes tiers.csv. */
    private Tier[] tiers(LabeledGraph g, Map<String, Object> summary) throws IOException {
        if (!input.hasShipments()) {
            throw new IllegalArgumentException("--communities needs --shipments FILE (tiers come from shipments)");
        }
        if (!(windowDays > 0)) {
            throw new IllegalArgumentException("--window-days must be > 0, got " + windowDays);
        }
        ShipmentTable t = input.loadShipments(out);
        PartyIndex parties = input.parties(out);
        int[] community = GroundTruth.read(communities).ringLabels(parties.parties());
        PlaceFacts facts = CommandSupport.placeFacts(places);
        boolean[] entry = RelayChains.sendersFrom(t, parties, pl -> facts.isBorderEntry(pl.province(), pl.city()));
        RelayChains.Result chains = RelayChains.find(t, parties, entry, null,
                RelayChains.Options.builder().windowSeconds(Math.round(windowDays * RelayChains.DAY)).build());
        TierClassifier.Result r = TierClassifier.classify(t, parties, community, facts, chains, TierClassifier.Options.defaults());
        Tier[] tiers = r.tier();
        AtomicFiles.writeText(out.resolve("tiers.csv"), w -> {
            w.write("party,community,tier,sent,received\n");
            for (int v = 0; v < tiers.length; v++) {
                if (tiers[v] != null) {
                    w.write(Csv.cell(g.label(v)) + "," + community[v] + "," + tiers[v].label() + "," + r.sent()[v] + ","
                            + r.received()[v] + "\n");
                }
            }
        });
        Map<String, Object> c = Json.object();
        int[] counts = r.counts();
        for (Tier x : Tier.values()) {
            c.put(x.label(), counts[x.ordinal()]);
        }
        summary.put("tiers", c);
        return tiers;
    }

    private MinVertexCut.Algorithm flowAlgorithm() {
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        }
        return switch (flow.toLowerCase(java.util.Locale.ROOT)) {
            case "push-relabel" -> MinVertexCut.Algorithm.PUSH_RELABEL;
            case "dinic" -> MinVertexCut.Algorithm.DINIC;
            default -> throw new IllegalArgumentException("--flow must be push-relabel or dinic, got '" + flow + "'");
        };
    }

    /** Runs the methods for the given terminals (null: fragmentation) and fills rows and summary. */
    void run(LabeledGraph g, int[] sources, int[] sinks, List<Row> rows, Map<String, Object> summary) {
        CompactGraph cg = g.graph();
        boolean terminals = sources != null;
        useCnp(terminals); // validates --method before the long work
        summary.put("mode", terminals ? "sources_to_sinks" : "fragmentation");
        summary.put("reachability", terminals ? "sinks reached from the sources" : "party pairs still connected (direction ignored)");
        MinVertexCut.Algorithm alg = flowAlgorithm();
        int n = cg.nodeCount();
        Betweenness.Options o = Betweenness.Options.builder().samples(n > 20_000 ? samples : 0).seed(seed).build();
        Betweenness.Result b = Betweenness.compute(cg, o, input.progress());
        betweenness = b.score();
        InterdictionPlan.Options options = InterdictionPlan.Options.defaults().withBudget(budget).withFlow(alg);
        InterdictionPlan.Result plan = terminals
                ? InterdictionPlan.betweenSourcesAndSinks(cg, sources, sinks, b.score(), options, input.progress())
                : InterdictionPlan.fragmentation(cg, b.score(), options, input.progress());
        if (terminals) {
            summary.put("sources", sources.length);
            summary.put("sinks", sinks.length);
            MinVertexCut.Result cut = plan.cut();
            Map<String, Object> c = Json.object();
            c.put("flow_algorithm", flow.toLowerCase(java.util.Locale.ROOT));
            c.put("separable", cut.separable());
            c.put("size", cut.cut().length);
            c.put("cost", cut.cost());
            c.put("relevant_parties", cut.relevant());
            summary.put("min_cut", c);
            if (plan.cutPicks() != null) {
                add(rows, g, "min_cut", plan.cutPicks());
            }
        }
        summary.put("initial_reachability", plan.initial());
        add(rows, g, "greedy", plan.greedy());
        summary.put("greedy_reachability", last(plan.greedy()));
        add(rows, g, "betweenness", plan.byScore());
        summary.put("betweenness_reachability", last(plan.byScore()));
        summary.put("betweenness_pivots", b.pivots());
        summary.put("betweenness_threads", o.threads());
        if (!terminals && useCnp(false)) {
            CriticalNodes.Options co = CriticalNodes.Options.steps(budget, seed, steps)
                    .withCrossover(enumValue(CriticalNodes.Crossover.class, crossover, "--crossover"))
                    .withPoolUpdate(enumValue(CriticalNodes.PoolUpdate.class, poolUpdate, "--pool-update"));
            if (timeLimit != null) {
                co = co.withTimeLimit(Math.max(1, Math.round(timeLimit * 1000)));
            }
            CriticalNodes.Result r;
            int workers = Math.min(searches, Runtime.getRuntime().availableProcessors());
            try (WorkerPool par = WorkerPool.of(workers, "critical-nodes")) {
                r = CriticalNodes.solve(cg, co.withSearches(searches), par, input.progress());
            }
            KeyPlayers.Result ordered = KeyPlayers.evaluate(cg, pickOrder(cg, r.removed()));
            add(rows, g, "cnp", ordered);
            summary.put("cnp_reachability", r.objective());
            Map<String, Object> c = Json.object();
            c.put("seed", seed);
            c.put("steps", r.steps());
            c.put("searches", searches);
            c.put("crossover", co.crossover().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            c.put("pool_update", co.poolUpdate().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            c.put("best_found_at_step", r.bestStep());
            c.put("time_limit_seconds", timeLimit);
            c.put("greedy_start", r.greedyObjective());
            summary.put("cnp", c);
        }
    }

    /** The constant of {@code type} named {@code value} (lower case, '-' for '_'), or a clear error naming {@code option}. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String option) {
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(value.toLowerCase(java.util.Locale.ROOT))) {
                return e;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException(option + " must be one of " + names + ", got '" + value + "'");
    }

    /** Whether the critical node search runs; rejects it with sources and sinks. */
    private boolean useCnp(boolean terminals) {
        String m = method == null ? (terminals ? "greedy" : "cnp") : method.toLowerCase(java.util.Locale.ROOT);
        if (!m.equals("greedy") && !m.equals("cnp")) {
            throw new IllegalArgumentException("--method must be greedy or cnp, got '" + method + "'");
        }
        if (m.equals("cnp") && terminals) {
            throw new IllegalArgumentException("--method cnp minimises connected pairs: use it without --sources/--sinks/--communities");
        }
        if (steps < 1 || (timeLimit != null && !(timeLimit > 0)) || searches < 1) {
            throw new IllegalArgumentException("--steps, --time-limit and --searches must be > 0");
        }
        enumValue(CriticalNodes.Crossover.class, crossover, "--crossover");
        enumValue(CriticalNodes.PoolUpdate.class, poolUpdate, "--pool-update");
        return m.equals("cnp");
    }

    /**
     * The removal order of a critical node set for the per-rank curve: each next node the one of the
     * set whose removal leaves fewest pairs (up to 64 nodes; larger sets in ascending node order).
     */
    private static int[] pickOrder(CompactGraph g, int[] set) {
        if (set.length > 64) {
            return set.clone();
        }
        int[] order = new int[set.length];
        boolean[] used = new boolean[set.length];
        boolean[] removed = new boolean[g.nodeCount()];
        for (int i = 0; i < set.length; i++) {
            int best = -1;
            long bestLeft = Long.MAX_VALUE;
            for (int j = 0; j < set.length; j++) {
                if (used[j]) {
                    continue;
                }
                removed[set[j]] = true;
                long left = KeyPlayers.connectedPairs(g, removed);
                removed[set[j]] = false;
                if (left < bestLeft) {
                    bestLeft = left;
                    best = j;
                }
            }
            used[best] = true;
            removed[set[best]] = true;
            order[i] = set[best];
        }
        return order;
    }

    /** Per region of {@code --nodes}: nodes, sources, sinks and picks per method. */
    private static Map<String, Map<String, Object>> picksByRegion(NodeColumns nc, LabeledGraph g, List<Row> rows,
                                                                 int[] sources, int[] sinks) {
        Map<String, Map<String, Object>> groups = NodeColumns.groups();
        nc.nodesPerRegion().forEach((region, count) -> NodeColumns.group(groups, region).put("nodes", count));
        for (int[] terminals : sources == null ? new int[0][] : new int[][] {sources, sinks}) {
            String key = terminals == sources ? "sources" : "sinks";
            for (int v : terminals) {
                NodeColumns.group(groups, nc.region(v)).merge(key, 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        for (Row r : rows) {
            Map<String, Object> grp = NodeColumns.group(groups, nc.region(g.node(r.party())));
            @SuppressWarnings("unchecked")
            Map<String, Object> picks = (Map<String, Object>) grp.computeIfAbsent("picks", k -> Json.object());
            picks.merge(r.method(), 1, (a, b) -> (Integer) a + (Integer) b);
        }
        return groups;
    }

    private static long last(KeyPlayers.Result r) {
        return r.picks().length == 0 ? r.initial() : r.reachabilityAfter()[r.picks().length - 1];
    }

    private static void add(List<Row> rows, LabeledGraph g, String method, KeyPlayers.Result r) {
        for (int i = 0; i < r.picks().length; i++) {
            rows.add(new Row(g.label(r.picks()[i]), method, i + 1, r.reachabilityAfter()[i]));
        }
    }

    /** Per method: picks, how many are ring members, and how many are ring transit or distributor members. */
    private static Map<String, Object> precision(Path file, List<Row> rows) throws IOException {
        Map<String, String[]> truth = new HashMap<>();
        Csv.Opened opened = Csv.open(file);
        try (Reader r = opened.reader();
             CSVParser p = CSVParser.builder().setReader(r).setFormat(Csv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (String col : new String[] {"party", "ring", "tier"}) {
                if (!p.getHeaderMap().containsKey(col)) {
                    throw new InputException(file.toString(), 1, 1, "missing column '" + col + "'", "");
                }
            }
            for (CSVRecord rec : p) {
                truth.put(rec.get("party"), new String[] {rec.get("ring"), rec.get("tier")});
            }
        }
        Map<String, Object> out = Json.object();
        for (String method : new String[] {"min_cut", "greedy", "cnp", "betweenness"}) {
            int picks = 0;
            int ring = 0;
            int middle = 0;
            for (Row row : rows) {
                if (!row.method().equals(method)) {
                    continue;
                }
                picks++;
                String[] t = truth.get(row.party());
                if (t != null && !t[0].isEmpty()) {
                    ring++;
                    if (t[1].equals("transit") || t[1].equals("distributor")) {
                        middle++;
                    }
                }
            }
            if (picks == 0) {
                continue;
            }
            Map<String, Object> m = Json.object();
            m.put("picks", picks);
            m.put("ring_members", ring);
            m.put("transit_or_distributor", middle);
            m.put("precision", (double) middle / picks);
            out.put(method, m);
        }
        return out;
    }
}
