package org.parcelnet.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Subgraph;
import org.parcelnet.graph.Projections;
import org.parcelnet.interdiction.InterdictionPlan;
import org.parcelnet.interdiction.KeyPlayers;
import org.parcelnet.io.GraphExport;
import org.parcelnet.io.Json;
import org.parcelnet.io.ReadStats;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.LeadWeights;
import org.parcelnet.leads.PartyActivity;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.leads.RingLead;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.linking.LinkResult;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.Place;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.RingFinder;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;
import org.parcelnet.synth.Geography;
import org.parcelnet.table.LeadTables;
import org.parcelnet.table.ResultTables;
import org.parcelnet.table.TableFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import tech.tablesaw.api.Table;

/**
 * {@code parcelnet analyze}: the whole pipeline on one shipments file, and a self-contained HTML
 * report. read → (desensitise) → link cases → party graph → Leiden → relay chains → tiers → rings →
 * interdiction → leads → report, with case linking and betweenness on a background thread (see
 * {@code Run.execute}). With no {@code --shipments} it analyses the bundled synthetic sample
 * (and its ground truth).
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the whole pipeline on a shipments file and write a self-contained HTML report with "
                + "CSV tables. With no --shipments, analyses the bundled synthetic sample and its ground truth.",
                "Outputs (in --out): report.html, summary.json, networks.csv, communities.csv, tiers.csv, routes.csv, "
                        + "interdiction.csv, leads.csv, leads/<region>.csv, leads/index.csv, rings.csv, rings/ring-<k>.graphml|.gexf."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** Where the bundled sample sits inside the jar. */
    static final String SAMPLE = "/sample/";

    @Option(names = "--shipments", paramLabel = "FILE", description = "shipments.csv(.gz); default: the bundled sample")
    Path shipments;

    @Option(names = "--truth", paramLabel = "DIR|FILE", description = "ground truth: a folder with truth_parties.csv "
            + "(and truth_shipments.csv), or a truth_parties.csv; adds an evaluation section")
    Path truth;

    @Option(names = "--out", defaultValue = "parcelnet-report", paramLabel = "DIR", description = "output folder (default: ${DEFAULT-VALUE}); a previous report there is replaced, a folder holding files ParcelNet did not write is refused")
    Path out;

    @Option(names = "--desensitize", description = "replace phones, names and addresses by keyed pseudonyms before anything else")
    boolean desensitize;

    @Option(names = "--key-file", paramLabel = "FILE", description = "pseudonym key (>= 16 bytes); or set PARCELNET_KEY")
    Path keyFile;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "seed of every randomised step (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--resolution", defaultValue = "1.0", paramLabel = "G", description = "Leiden resolution (default: ${DEFAULT-VALUE})")
    double resolution;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads of Leiden and betweenness (default: 1); recorded in summary.json")
    Integer threads;

    @Option(names = "--budget", defaultValue = "8", paramLabel = "K", description = "interdiction budget: parties to remove (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--window-days", defaultValue = "3", paramLabel = "D", description = "relay window: a receiver forwarding within D days continues a chain (default: ${DEFAULT-VALUE})")
    double windowDays;

    @Option(names = "--hub-threshold", defaultValue = "" + CaseLinker.Params.DEFAULT_MAX_COUNTERPARTIES, paramLabel = "K", description = "case linking ignores identifiers with more than K distinct counterparties (default: ${DEFAULT-VALUE})")
    int hubThreshold;

    @Option(names = "--lead-weights", paramLabel = "SPEC", description = "lead feature weights, e.g. volume=1,relay=2 (see docs/leads.md)")
    String leadWeights;

    @Option(names = "--leads", defaultValue = "100", paramLabel = "N", description = "party leads to list (default: ${DEFAULT-VALUE})")
    int leadCount;

    @Option(names = "--top-rings", defaultValue = "4", paramLabel = "N", description = "rings drawn in the report and exported as GraphML/GEXF (default: ${DEFAULT-VALUE})")
    int topRings;

    @Option(names = "--samples", defaultValue = "256", paramLabel = "K", description = "betweenness pivots when the party graph has more than 20000 parties (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--party-key", defaultValue = "phone", paramLabel = "KEY", description = "what identifies a party: phone, phone+name or address (default: ${DEFAULT-VALUE})")
    String partyKey;

    @Option(names = "--map", paramLabel = "COLUMN=NAME", description = "read a shipment column from a differently named one")
    Map<String, String> columnMap = new LinkedHashMap<>();

    @Option(names = "--zone", defaultValue = "UTC", paramLabel = "ZONE", description = "zone of times without an offset (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--lenient", description = "reject bad rows (counted, written to rejects.csv) instead of stopping at the first")
    boolean lenient;

    @Option(names = {"-q", "--quiet"}, description = "no progress on stderr")
    boolean quiet;

    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
    private long stageStart;
    private ProgressListener bar = ProgressListener.NONE;
    private int stage;
    private static final String[] STAGES = {"read", "desensitise", "party graph", "communities (Leiden)",
            "relay chains", "tiers and rings", "betweenness", "interdiction", "link cases", "leads", "report"};

    private void begin(String name) {
        stageStart = System.nanoTime();
        bar.advance(0);
        if (bar != ProgressListener.NONE) {
            bar.end();
            bar.begin(String.format(Locale.ROOT, "%d/%d %s", ++stage, STAGES.length, name), -1);
        }
    }

    private void end(String name) {
        stageSeconds.put(name, (System.nanoTime() - stageStart) / 1e9);
    }

    @Override
    public Integer call() throws Exception {
        validate();
        long started = System.nanoTime();
        bar = ConsoleProgress.create(quiet);
        Path staging = ReportFolder.prepare(out);
        boolean ok = false;
        Path tempSample = null;
        try {
            Path input = shipments;
            Path truthPath = truth;
            if (input == null) {
                tempSample = Files.createTempDirectory("parcelnet-sample");
                input = extractSample(tempSample);
                if (truthPath == null) {
                    truthPath = tempSample;
                }
            }
            Run run = new Run(input, truthPath, staging);
            run.execute();
            ReportFolder.commit(staging, out);
            ok = true;
            bar.end();
            run.printSummary((System.nanoTime() - started) / 1e9);
            return Cli.OK;
        } finally {
            bar.end();
            if (!ok) {
                ReportFolder.discard(staging);
            }
            if (tempSample != null) {
                ReportFolder.deleteTree(tempSample);
            }
        }
    }

    private void validate() {
        if (budget < 1) {
            throw new IllegalArgumentException("--budget must be >= 1, got " + budget);
        }
        if (!(windowDays > 0)) {
            throw new IllegalArgumentException("--window-days must be > 0, got " + windowDays);
        }
        if (leadCount < 1) {
            throw new IllegalArgumentException("--leads must be >= 1, got " + leadCount);
        }
        if (topRings < 0) {
            throw new IllegalArgumentException("--top-rings must be >= 0, got " + topRings);
        }
        if (hubThreshold < 1) {
            throw new IllegalArgumentException("--hub-threshold must be >= 1, got " + hubThreshold);
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be >= 1, got " + threads);
        }
        if (keyFile != null && !desensitize) {
            throw new IllegalArgumentException("--key-file only makes sense with --desensitize");
        }
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be >= 0, got " + samples);
        }
        LeidenParams.builder().seed(seed).resolution(resolution).threads(threadsUsed()).build();
        PartyKey.parse(partyKey);
        zoneId();
        if (leadWeights != null) {
            LeadWeights.parse(leadWeights);
        }
        if (truth != null) {
            truthParties(truth);
        }
    }

    /** Worker threads of Leiden and betweenness: {@code --threads}, else 1 (what summary.json records). */
    int threadsUsed() {
        return threads != null ? threads : 1;
    }

    private ZoneId zoneId() {
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("--zone: unknown zone '" + zone + "'");
        }
    }

    /** The parties' truth file of {@code --truth} (a folder or the file itself); exit 2 when absent. */
    static Path truthParties(Path truthPath) {
        Path parties = Files.isDirectory(truthPath) ? truthPath.resolve("truth_parties.csv") : truthPath;
        if (!Files.isRegularFile(parties)) {
            throw new IllegalArgumentException("--truth " + truthPath + ": no truth_parties.csv there");
        }
        return parties;
    }

    /** Copies the bundled sample (shipments and truth) out of the jar. */
    static Path extractSample(Path dir) throws IOException {
        for (String f : List.of("shipments.csv.gz", "truth_parties.csv", "truth_rings.csv", "truth_shipments.csv")) {
            try (InputStream in = AnalyzeCommand.class.getResourceAsStream(SAMPLE + f)) {
                if (in == null) {
                    throw new IOException("the bundled sample is missing from this build (" + f + "); give --shipments FILE");
                }
                Files.copy(in, dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return dir.resolve("shipments.csv.gz");
    }

    /** One analysis: state shared by the stages. */
    final class Run {
        final Path input;
        final Path truthPath;
        final Path dir;
        final Map<String, Object> summary = Json.object();
        final List<Object[]> evaluation = new ArrayList<>();
        ShipmentTable table;
        ReadStats readStats;
        GroundTruth groundTruth;
        LinkResult links;
        PartyIndex parties;
        LabeledGraph partyGraph;
        CommunityResult communities;
        int[] community;
        RelayChains.Result chains;
        TierClassifier.Result tiers;
        CompactGraph undirectedPartyGraph;
        int ringSplits;
        int ringTrimmed;
        int refinedCommunityCount;
        int[] ringOf;
        int ringCount;
        double[] betweenness;
        int betweennessPivots;
        /** Case linking and betweenness, one after the other, beside the main line of stages. */
        final Background background = new Background();
        Background.Task<LinkResult> linkTask;
        Background.Task<Betweenness.Result> betweennessTask;
        final List<ResultTables.InterdictionRow> interdiction = new ArrayList<>();
        final Map<String, long[]> reachCurves = new LinkedHashMap<>();
        long initialReach;
        int[] sources = new int[0];
        int[] sinks = new int[0];
        int directSinks;
        int[] interdictionNetwork = {0, 0};
        Map<String, Object> cutSummary = Json.object();
        LeadResult leads;
        String[] region;
        double[] volume;

        Run(Path input, Path truthPath, Path dir) {
            this.input = input;
            this.truthPath = truthPath;
            this.dir = dir;
        }

        /**
         * The stages. Case linking needs only the table and betweenness only the party graph, and
         * nothing needs either before interdiction, so both run on a background thread (linking
         * first) while the single-threaded main line (party graph, Leiden, relay chains, rings) uses
         * the other core; their stage times are the waits for them.
         */
        void execute() throws IOException {
            try {
                read();
                maybeDesensitize();
                startLinking();
                partyGraph();
                startBetweenness();
                communities();
                relayChains();
                tiersAndRings();
                betweenness();
                interdiction();
                link();
                leads();
                if (groundTruth != null) {
                    evaluate();
                }
                report();
            } finally {
                background.close();
            }
        }

        void read() throws IOException {
            begin("read");
            ZoneId z = zoneId();
            ShipmentReader.Options o = ShipmentReader.Options.defaults().withColumnMap(columnMap).withZone(z)
                    .withLenient(lenient).withProgress(bar);
            ShipmentReader.Result r = ShipmentReader.read(input, o);
            table = r.table();
            readStats = r.stats();
            if (readStats.rowsRejected() > 0) {
                readStats.writeRejects(dir.resolve("rejects.csv"));
            }
            if (table.size() == 0) {
                throw new IllegalArgumentException(input + ": no shipments to analyse");
            }
            if (truthPath != null) {
                // Only the parties' truth is used here; a generator folder's truth_shipments.csv has
                // one row per shipment and would cost hundreds of MB at millions of rows.
                groundTruth = GroundTruth.read(truthParties(truthPath));
            }
            end("read");
        }

        void maybeDesensitize() throws IOException {
            if (!desensitize) {
                return;
            }
            begin("desensitise");
            PseudonymKey key = PseudonymKey.resolve(keyFile, System::getenv);
            try {
                Pseudonymizer p = new Pseudonymizer(key);
                table = p.apply(table);
                if (groundTruth != null) {
                    groundTruth = groundTruth.withPartyIds(p::phone);
                }
            } finally {
                key.destroy();
            }
            end("desensitise");
        }

        void startLinking() {
            ShipmentTable t = table;
            CaseLinker linker = new CaseLinker(CaseLinker.Params.withHubThreshold(hubThreshold));
            Path target = dir.resolve("networks.csv");
            linkTask = background.submit(() -> {
                LinkResult r = linker.link(t);
                TableFiles.writeNetworks(t, r.network(), target);
                return r;
            });
        }

        void link() throws IOException {
            begin("link cases");
            links = linkTask.await("case linking");
            end("link cases");
        }

        void partyGraph() {
            begin("party graph");
            parties = Projections.parties(table, PartyKey.parse(partyKey));
            partyGraph = Projections.partyGraph(table, parties, Projections.Volume.SHIPMENTS);
            end("party graph");
        }

        void communities() throws IOException {
            begin("communities (Leiden)");
            LeidenParams.Builder b = LeidenParams.builder().seed(seed).resolution(resolution).threads(threadsUsed());
            undirectedPartyGraph = partyGraph.graph().toUndirected();
            communities = new Leiden(b.build()).run(undirectedPartyGraph, bar);
            community = communities.partition().membership();
            end("communities (Leiden)");
        }

        void relayChains() {
            begin("relay chains");
            PlaceFacts facts = GeographyPlaces.INSTANCE;
            boolean[] entry = RelayChains.sendersFrom(table, parties, pl -> facts.isBorderEntry(pl.province(), pl.city()));
            chains = RelayChains.find(table, parties, entry, null,
                    RelayChains.Options.defaults().withWindowSeconds(Math.round(windowDays * RelayChains.DAY)));
            end("relay chains");
        }

        void tiersAndRings() throws IOException {
            begin("tiers and rings");
            PlaceFacts facts = GeographyPlaces.INSTANCE;
            // Rings: communities that relay chains from the border run through, split recursively
            // where the resolution limit glued a ring to the background or to another ring.
            LeidenParams.Builder lb = LeidenParams.builder().seed(seed).resolution(resolution).threads(threadsUsed());
            RingFinder.Result found = RingFinder.find(undirectedPartyGraph, community,
                    RingFinder.chainParties(chains, parties),
                    RingFinder.Options.defaults().withMinChains(MIN_RING_CHAINS).withLeiden(lb.build()));
            undirectedPartyGraph = null;
            ringSplits = found.splits();
            ringTrimmed = found.trimmed();
            community = found.partition().membership();
            refinedCommunityCount = found.partition().communityCount();
            ringOf = found.ringOf();
            ringCount = found.ringCount();
            TableFiles.writeCsv(ResultTables.communities(partyGraph.ids().ids(), community), dir.resolve("communities.csv"));
            tiers = TierClassifier.classify(table, parties, community, facts, chains, TierClassifier.Options.defaults());
            String[] tierNames = tierNamesInRings();
            TableFiles.writeCsv(ResultTables.tiers(partyGraph.ids().ids(), community, tierNames, tiers.sent(),
                    tiers.received()), dir.resolve("tiers.csv"));
            List<ResultTables.RouteRow> routeRows = new ArrayList<>();
            for (RelayChains.Route r : chains.routes()) {
                routeRows.add(new ResultTables.RouteRow(r.describe(), r.chains(), r.pieces(), r.parties()));
            }
            TableFiles.writeCsv(ResultTables.routes(routeRows), dir.resolve("routes.csv"));
            end("tiers and rings");
        }

        /** Tier names of ring members; null for parties outside rings. */
        String[] tierNamesInRings() {
            String[] names = new String[community.length];
            for (int v = 0; v < names.length; v++) {
                Tier t = tiers.tier()[v];
                names[v] = ringOf[v] >= 0 && t != null ? t.label() : null;
            }
            return names;
        }

        /**
         * Betweenness needs only the party graph, so it runs on its own thread while the
         * single-threaded stages that follow (Leiden, relay chains, rings) use the other core. One
         * worker thread unless {@code --threads} says otherwise; the result depends only on the graph,
         * the seed and the thread count.
         */
        void startBetweenness() {
            CompactGraph g = partyGraph.graph();
            int n = g.nodeCount();
            Betweenness.Options options = Betweenness.Options.defaults().withSamples(n > 20_000 ? samples : 0)
                    .withSeed(seed).withThreads(threadsUsed());
            betweennessTask = background.submit(() -> Betweenness.compute(g, options));
        }

        void betweenness() throws IOException {
            begin("betweenness");
            Betweenness.Result b = betweennessTask.await("betweenness");
            betweenness = b.score();
            betweennessPivots = b.pivots();
            end("betweenness");
        }

        void interdiction() throws IOException {
            begin("interdiction");
            // The rings' network: goods move from sources to retailers along ring members' parcels.
            // Paths through ordinary traffic (a source's innocent parcel to a shop that also serves a
            // retailer) are not smuggling routes, and cutting them would spend the budget on shops.
            int members = 0;
            for (int v : ringOf) {
                members += v >= 0 ? 1 : 0;
            }
            int[] ringNodes = new int[members];
            for (int v = 0, k = 0; v < ringOf.length; v++) {
                if (ringOf[v] >= 0) {
                    ringNodes[k++] = v;
                }
            }
            Subgraph net = Subgraph.induced(partyGraph.graph(), ringNodes);
            CompactGraph g = net.graph();
            int[] original = net.original();
            interdictionNetwork = new int[] {g.nodeCount(), g.edgeCount()};
            Tier[] localTier = new Tier[g.nodeCount()];
            for (int i = 0; i < localTier.length; i++) {
                localTier[i] = tiers.tier()[original[i]];
            }
            int[] localSources = TierClassifier.withTier(localTier, Tier.SOURCE);
            int[] retailers = TierClassifier.withTier(localTier, Tier.RETAILER);
            // A retailer that a source ships to directly cannot be cut off by removing intermediaries
            // (sources and sinks are not removable): such pairs are counted and left out of the sinks.
            int[] localSinks = new int[retailers.length];
            int kept = 0;
            for (int v : retailers) {
                boolean fed = false;
                for (int i = g.inStart(v); i < g.inEnd(v) && !fed; i++) {
                    fed = localTier[g.source(i)] == Tier.SOURCE;
                }
                if (!fed) {
                    localSinks[kept++] = v;
                }
            }
            directSinks = retailers.length - kept;
            localSinks = Arrays.copyOf(localSinks, kept);
            sources = toOriginal(localSources, original);
            sinks = toOriginal(localSinks, original);
            String[] tierNames = tierNamesInRings();
            if (localSources.length > 0 && localSinks.length > 0) {
                // Betweenness of the whole party graph, ranked among the rings' non-terminal members.
                double[] localScore = new double[g.nodeCount()];
                for (int i = 0; i < localScore.length; i++) {
                    localScore[i] = betweenness[original[i]];
                }
                InterdictionPlan.Result plan = InterdictionPlan.betweenSourcesAndSinks(g, localSources, localSinks,
                        localScore, InterdictionPlan.Options.defaults().withBudget(budget), bar);
                cutSummary.put("separable", plan.cut().separable());
                cutSummary.put("size", plan.cut().cut().length);
                cutSummary.put("relevant_parties", plan.cut().relevant());
                initialReach = plan.initial();
                if (plan.cutPicks() != null) {
                    addPicks("min_cut", plan.cutPicks(), original, tierNames);
                }
                addPicks("greedy", plan.greedy(), original, tierNames);
                addPicks("betweenness", plan.byScore(), original, tierNames);
            }
            TableFiles.writeCsv(ResultTables.interdiction(interdiction), dir.resolve("interdiction.csv"));
            end("interdiction");
        }

        private static int[] toOriginal(int[] local, int[] original) {
            int[] out = new int[local.length];
            for (int i = 0; i < local.length; i++) {
                out[i] = original[local[i]];
            }
            return out;
        }

        /** Records picks made on the rings' network ({@code original} maps its nodes to the party graph). */
        void addPicks(String method, KeyPlayers.Result r, int[] original, String[] tierNames) {
            long[] curve = new long[r.picks().length + 1];
            curve[0] = r.initial();
            for (int i = 0; i < r.picks().length; i++) {
                int v = original[r.picks()[i]];
                curve[i + 1] = r.reachabilityAfter()[i];
                interdiction.add(new ResultTables.InterdictionRow(partyGraph.label(v), method, i + 1,
                        r.reachabilityAfter()[i], tierNames[v], betweenness[v]));
            }
            reachCurves.put(method, curve);
        }

        void leads() throws IOException {
            begin("leads");
            Set<String> borderProvinces = new HashSet<>();
            for (int c = 0; c < table.placeCount(); c++) {
                String p = table.place(c).province();
                if (Geography.isBorderProvince(p) || Geography.isTransitProvince(p)) {
                    borderProvinces.add(p);
                }
            }
            PartyActivity activity = PartyActivity.compute(table, parties, borderProvinces);
            volume = activity.volume();
            // Flagged parcels in each party's case network: count flagged rows per network, then give
            // every party the largest count among the networks of the shipments it took part in.
            int[] flaggedPerNetwork = new int[links.networkCount()];
            for (int i = 0; i < table.size(); i++) {
                if (table.flagged(i)) {
                    flaggedPerNetwork[links.networkOf(i)]++;
                }
            }
            int np = parties.partyCount();
            double[] flagged = new double[np];
            for (int i = 0; i < table.size(); i++) {
                int f = flaggedPerNetwork[links.networkOf(i)];
                int s = parties.senderParty()[i];
                int r = parties.receiverParty()[i];
                flagged[s] = Math.max(flagged[s], f);
                flagged[r] = Math.max(flagged[r], f);
            }
            double[] relay = new double[np];
            for (int v = 0; v < np; v++) {
                relay[v] = chains.appearances()[v];
            }
            LeadFeatures f = LeadFeatures.of(partyGraph.ids().ids(), activity).withRelayChains(relay).withRing(ringOf)
                    .withBetweenness(betweenness).withFlaggedInNetwork(flagged);
            LeadWeights w = leadWeights == null ? LeadWeights.DEFAULTS : LeadWeights.parse(leadWeights);
            leads = new LeadScorer(w).score(f, leadCount);
            region = Dispatch.regions(table, parties);
            TableFiles.writeCsv(LeadTables.parties(leads.parties(), region), dir.resolve("leads.csv"));
            RegionFiles.write(LeadTables.partiesByRegion(leads.parties(), region), dir.resolve("leads"));
            TableFiles.writeCsv(LeadTables.rings(leads.rings(), partyGraph.ids().ids(), region, volume, 12),
                    dir.resolve("rings.csv"));
            end("leads");
        }

        void evaluate() {
            IdMap<String> ids = partyGraph.ids();
            int[] truthRing = groundTruth.ringLabels(ids);
            // Rings found: ring communities; every other party is "no ring" in its own group so that
            // background parties never count as recovered ring members.
            int[] found = new int[truthRing.length];
            for (int v = 0; v < found.length; v++) {
                found[v] = ringOf[v] >= 0 ? ringOf[v] : -2 - v;
            }
            PartitionComparison.Comparison ring = PartitionComparison.compare(truthRing, found);
            PartitionComparison.Comparison comm = PartitionComparison.compare(truthRing, community);
            Map<String, Object> e = Json.object();
            e.put("truth_rings", maxPlusOne(truthRing));
            e.put("truth_ring_parties", ring.labelledNodes());
            e.put("rings_found", ringCount);
            e.put("ring_mean_best_match_f1", ring.meanF1());
            e.put("ring_nmi", ring.nmi());
            e.put("ring_ari", ring.ari());
            e.put("community_nmi_on_ring_parties", comm.nmi());
            e.put("community_mean_best_match_f1", comm.meanF1());
            Tier[] truthTier = groundTruth.tiers(ids);
            TierClassifier.Accuracy acc = TierClassifier.accuracy(tiers.tier(), truthTier);
            e.put("tier_accuracy", acc.accuracy());
            e.put("tier_compared", acc.compared());
            Map<String, Object> confusion = Json.object();
            for (Tier t : Tier.values()) {
                Map<String, Object> row = Json.object();
                for (Tier p : Tier.values()) {
                    row.put(p.label(), acc.confusion()[t.ordinal()][p.ordinal()]);
                }
                confusion.put(t.label(), row);
            }
            e.put("tier_confusion_truth_by_predicted", confusion);
            Map<String, Object> pAt = Json.object();
            for (int k : new int[] {8, 50, 100}) {
                pAt.put("p@" + k, precisionAt(k, truthRing));
            }
            e.put("lead_precision", pAt);
            Map<String, Object> inter = Json.object();
            for (String method : reachCurves.keySet()) {
                int picks = 0;
                int middle = 0;
                int members = 0;
                for (ResultTables.InterdictionRow r : interdiction) {
                    if (!r.method().equals(method)) {
                        continue;
                    }
                    picks++;
                    int v = ids.indexOf(r.party());
                    Tier t = truthTier[v];
                    if (truthRing[v] >= 0) {
                        members++;
                    }
                    if (t == Tier.TRANSIT || t == Tier.DISTRIBUTOR) {
                        middle++;
                    }
                }
                Map<String, Object> m = Json.object();
                m.put("picks", picks);
                m.put("ring_members", members);
                m.put("transit_or_distributor", middle);
                m.put("precision", picks == 0 ? 0.0 : (double) middle / picks);
                inter.put(method, m);
            }
            e.put("interdiction_precision", inter);
            summary.put("evaluation", e);
        }

        double precisionAt(int k, int[] truthRing) {
            List<PartyLead> l = leads.parties();
            int n = Math.min(k, l.size());
            if (n == 0) {
                return 0;
            }
            int hits = 0;
            for (int i = 0; i < n; i++) {
                if (truthRing[l.get(i).party()] >= 0) {
                    hits++;
                }
            }
            return (double) hits / k;
        }

        void report() throws IOException {
            begin("report");
            CompactGraph g = partyGraph.graph();
            summary.put("command", "analyze");
            summary.put("input", shipments == null ? "bundled sample (sample-data/shipments.csv.gz)" : input.toString());
            Map<String, Object> params = Json.object();
            params.put("seed", seed);
            params.put("resolution", resolution);
            // Everything the outputs depend on, as it ran: rerunning with these options gives the same files.
            params.put("threads", threadsUsed());
            params.put("party_key", partyKey);
            params.put("window_days", windowDays);
            params.put("hub_threshold", hubThreshold);
            params.put("budget", budget);
            params.put("samples", samples);
            params.put("leads", leadCount);
            params.put("top_rings", topRings);
            LeadWeights lw = LeadWeights.parse(leadWeights);
            StringBuilder weights = new StringBuilder();
            for (org.parcelnet.leads.Feature f : org.parcelnet.leads.Feature.values()) {
                weights.append(weights.length() == 0 ? "" : ",").append(f.name().toLowerCase(Locale.ROOT)).append('=').append(lw.weight(f));
            }
            params.put("lead_weights", weights.toString());
            params.put("zone", zone);
            params.put("map", new LinkedHashMap<>(columnMap));
            params.put("lenient", lenient);
            params.put("desensitized", desensitize);
            summary.put("parameters", params);
            Map<String, Object> read = Json.object();
            read.put("rows_in", readStats.rowsIn());
            read.put("rows_read", readStats.rowsRead());
            read.put("rows_rejected", readStats.rowsRejected());
            read.put("rejected_by_reason", readStats.rejectsByReason());
            summary.put("read", read);
            Map<String, Object> sizes = Json.object();
            sizes.put("shipments", table.size());
            sizes.put("parties", g.nodeCount());
            sizes.put("party_edges", g.edgeCount());
            sizes.put("places", table.placeCount());
            sizes.put("case_networks", links.networkCount());
            sizes.put("linked_case_networks", links.linkedNetworkCount());
            sizes.put("largest_case_network", links.sizes().length == 0 ? 0 : links.sizes()[0]);
            sizes.put("suppressed_hubs", links.hubs().size());
            sizes.put("communities", communities.communityCount());
            sizes.put("modularity", communities.modularity());
            sizes.put("ring_splits", ringSplits);
            sizes.put("ring_community_members_with_weak_ties", ringTrimmed);
            sizes.put("communities_after_ring_splits", refinedCommunityCount);
            sizes.put("rings", ringCount);
            sizes.put("relay_chains", chains.chainCount());
            sizes.put("relay_routes", chains.routes().size());
            sizes.put("betweenness_pivots", betweennessPivots);
            summary.put("sizes", sizes);
            Map<String, Object> inter = Json.object();
            inter.put("network", "ring members (" + interdictionNetwork[0] + " parties, " + interdictionNetwork[1] + " links)");
            inter.put("sources", sources.length);
            inter.put("sinks", sinks.length);
            inter.put("sinks_supplied_directly_by_a_source", directSinks);
            inter.put("initial_reachability", initialReach);
            inter.put("min_cut", cutSummary);
            Map<String, Object> after = Json.object();
            for (Map.Entry<String, long[]> e : reachCurves.entrySet()) {
                after.put(e.getKey(), e.getValue()[e.getValue().length - 1]);
            }
            inter.put("reachability_after", after);
            summary.put("interdiction", inter);
            writeRingGraphs();
            new AnalyzeReport(this).write(dir.resolve("report.html"));
            end("report");
            summary.put("stage_seconds", new LinkedHashMap<>(stageSeconds));
            summary.put("stage_seconds_note", String.format(Locale.ROOT, "case linking (%.2f s in all) and then "
                    + "betweenness (%.2f s in all) run on a background thread beside the party graph, Leiden, relay "
                    + "chains and rings; their stage times are the waits for them", linkTask.seconds(),
                    betweennessTask.seconds()));
            org.parcelnet.io.AtomicFiles.writeString(dir.resolve("summary.json"), Json.write(summary));
        }

        /** The top ring communities (by ring lead rank) as graphs with tier attributes. */
        List<RingGraph> topRingGraphs() {
            List<RingGraph> out = new ArrayList<>();
            for (RingLead r : leads.rings()) {
                if (out.size() >= topRings) {
                    break;
                }
                out.add(ringGraph(r));
            }
            return out;
        }

        RingGraph ringGraph(RingLead lead) {
            int[] members = lead.members();
            CompactGraph g = partyGraph.graph();
            Map<Integer, Integer> local = new LinkedHashMap<>();
            IdMap<String> ids = new IdMap<>(members.length);
            List<String> tierNames = new ArrayList<>();
            for (int v : members) {
                local.put(v, ids.intern(partyGraph.label(v)));
                Tier t = tiers.tier()[v];
                tierNames.add(t == null ? null : t.label());
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

        void writeRingGraphs() throws IOException {
            int k = 0;
            for (RingGraph rg : topRingGraphs()) {
                k++;
                Map<String, List<String>> attrs = new LinkedHashMap<>();
                attrs.put("tier", rg.tiers());
                Path base = dir.resolve("rings");
                GraphExport.graphML(rg.graph(), attrs, base.resolve("ring-" + k + ".graphml"));
                GraphExport.gexf(rg.graph(), attrs, base.resolve("ring-" + k + ".gexf"));
            }
        }

        long seedValue() {
            return seed;
        }

        int budgetValue() {
            return budget;
        }

        int hubThresholdValue() {
            return hubThreshold;
        }

        String partyKeyValue() {
            return partyKey;
        }

        Map<String, Double> stageSecondsView() {
            return Collections.unmodifiableMap(stageSeconds);
        }

        void printSummary(double seconds) {
            java.io.PrintStream o = System.out;
            o.printf(Locale.ROOT, "%s: %,d shipments (%,d rejected), %,d parties, %,d case networks, %,d communities "
                            + "(modularity %.3f), %d rings, %,d relay chains%n", summary.get("input"), table.size(),
                    readStats.rowsRejected(), partyGraph.graph().nodeCount(), links.networkCount(),
                    communities.communityCount(), communities.modularity(), ringCount, chains.chainCount());
            if (!reachCurves.isEmpty()) {
                o.printf(Locale.ROOT, "interdiction (rings' network): %d sources, %d sinks, %,d sinks reached; "
                                + "after %d greedy picks %,d%n", sources.length, sinks.length, initialReach,
                        budget, reachCurves.get("greedy")[reachCurves.get("greedy").length - 1]);
            }
            if (!leads.parties().isEmpty()) {
                PartyLead top = leads.parties().get(0);
                o.printf(Locale.ROOT, "top lead: %s (score %.3f): %s%n", top.id(), top.score(), top.reasonText());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) summary.get("evaluation");
            if (e != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> p = (Map<String, Object>) e.get("lead_precision");
                if (((Number) e.get("truth_rings")).intValue() == 0) {
                    o.println("vs truth: the truth has no rings (nothing to recover); rings found: " + ringCount);
                } else {
                    o.printf(Locale.ROOT, "vs truth: ring F1 %.3f, NMI %.3f, tier accuracy %.3f, lead precision@8/50/100 "
                                    + "%.2f/%.2f/%.2f%n", (Double) e.get("ring_mean_best_match_f1"), (Double) e.get("ring_nmi"),
                            (Double) e.get("tier_accuracy"), (Double) p.get("p@8"), (Double) p.get("p@50"), (Double) p.get("p@100"));
                }
            }
            o.printf(Locale.ROOT, "report: %s (%.1f s)%n", out.resolve("report.html"), seconds);
        }
    }

    /** A ring as a small graph for drawing and export. */
    record RingGraph(RingLead lead, LabeledGraph graph, List<String> tiers) {
    }

    /** Relay chains inside a community that make it a ring (see tiersAndRings). */
    static final int MIN_RING_CHAINS = 5;

    /** Largest minimum cut whose reachability is evaluated after every pick. */

    /** The {@code k} highest-scoring nodes not in {@code excluded}, ties by smaller node. */
    static int maxPlusOne(int[] a) {
        int m = -1;
        for (int x : a) {
            m = Math.max(m, x);
        }
        return m + 1;
    }
}
