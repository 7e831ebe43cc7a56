package org.parcelnet.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Modularity;
import org.parcelnet.eval.Evaluation;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.interdiction.Disruption;
import org.parcelnet.interdiction.InterdictionPlan;
import org.parcelnet.interdiction.RingDisruption;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.io.ReadStats;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.leads.Dispatch;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.PartyActivity;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.roles.CourierStations;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.RingFinder;
import org.parcelnet.roles.RingMembers;
import org.parcelnet.roles.SharedRelays;
import org.parcelnet.roles.TierClassifier;

/**
 * The whole ParcelNet pipeline on one set of shipments, as a library call: (pseudonymise) → party
 * graph → Leiden communities (on the party graph without hub parties) → relay chains from border
 * entry towns → rings (ring splits) → members and customers ({@link RingMembers}) and tiers →
 * interdiction on the members' network → case networks of the flagged shipments (every shipment when
 * none is flagged; {@link CaseNetworks}, split by the members' rings) → leads on members and
 * dispatch → evaluation against a ground truth when one is given. {@code parcelnet analyze} is this
 * plus the writers.
 *
 * <pre>{@code
 * AnalysisResult r = Analysis.run(Path.of("shipments.csv.gz"), AnalysisOptions.DEFAULTS);
 * r.rings().ringCount();          // rings found
 * r.leads().parties().get(0);     // the top party lead, with its reasons
 * }</pre>
 *
 * <p>Threads: case linking's identifier index needs only the shipments, betweenness only the party
 * graph, and the leads' activity counts and regions only the shipments and parties, and nothing needs
 * them before interdiction or the leads, so they run one after the other on a background thread
 * beside the main line (Leiden, relay chains, rings, members); the case search follows on the main
 * line, and the background thread joins it once those are done (both take blocks of cases from one
 * counter). Results do not depend on that overlap. Cost: dominated by reading, Leiden (O(m) per level) and sampled betweenness
 * (O(pivots·m)); memory about 1 KB per shipment at millions of rows (see docs/benchmarks.md).
 *
 * <p>Determinism: the same shipments, options (seed included) and truth give the same result.
 * References: Leiden — Traag, Waltman, van Eck 2019, doi:10.1038/s41598-019-41695-z; betweenness —
 * Brandes 2001, doi:10.1080/0022250X.2001.9990249; the rest in docs/community.md and docs/paths.md.
 */
public final class Analysis {

    /** The pipeline's stages in order, as they appear in {@link AnalysisResult.StageTimes#stages()}. */
    public static final List<String> STAGES = List.of("read", "desensitise", "party graph", "communities (Leiden)",
            "relay chains", "tiers and rings", "betweenness", "interdiction", "disruption", "link cases", "leads", "evaluation");

    private final AnalysisOptions options;
    private final ProgressListener progress;
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    private Analysis(AnalysisOptions options, ProgressListener progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /** Reads {@code shipments} with the default reader options and analyses them. */
    public static AnalysisResult run(Path shipments, AnalysisOptions options) throws IOException {
        return run(shipments, ShipmentReader.Options.defaults(), null, options, ProgressListener.NONE);
    }

    /**
     * Reads {@code shipments} and analyses them.
     *
     * @param shipments   a shipments.csv(.gz)
     * @param readOptions column mapping, zone, leniency (its progress listener is replaced by {@code progress})
     * @param truth       ground truth to evaluate against, or null
     * @param options     the analysis options
     * @param progress    progress of each stage and cancellation
     * @throws org.parcelnet.io.InputException on bad input (file, line and column)
     * @throws org.parcelnet.progress.CancelledException when {@code progress} was cancelled
     */
    public static AnalysisResult run(Path shipments, ShipmentReader.Options readOptions, GroundTruth truth,
                                     AnalysisOptions options, ProgressListener progress) throws IOException {
        Analysis a = new Analysis(options, progress);
        long t0 = a.begin("read");
        ShipmentReader.Result r = ShipmentReader.read(shipments, readOptions.withProgress(progress));
        a.end("read", t0);
        if (r.table().size() == 0) {
            throw new IllegalArgumentException(shipments + ": no shipments to analyse");
        }
        return a.analyze(r.table(), r.stats(), truth);
    }

    /**
     * Analyses shipments already in memory.
     *
     * @param shipments the shipments (at least one)
     * @param truth     ground truth to evaluate against, or null
     * @param options   the analysis options
     * @param progress  progress of each stage and cancellation
     */
    public static AnalysisResult run(ShipmentTable shipments, GroundTruth truth, AnalysisOptions options,
                                     ProgressListener progress) throws IOException {
        if (shipments.size() == 0) {
            throw new IllegalArgumentException("no shipments to analyse");
        }
        ReadStats stats = new ReadStats("(in memory)", shipments.size(), shipments.size(), List.of());
        return new Analysis(options, progress).analyze(shipments, stats, truth);
    }

    private long begin(String stage) {
        progress.checkCancelled();
        progress.begin(stage, -1);
        return System.nanoTime();
    }

    private void end(String stage, long t0) {
        progress.end();
        stageSeconds.put(stage, (System.nanoTime() - t0) / 1e9);
    }

    private AnalysisResult analyze(ShipmentTable input, ReadStats stats, GroundTruth truthIn) throws IOException {
        ShipmentTable table = input;
        GroundTruth truth = truthIn;
        boolean[] stationRowsRead = null;
        if (options.desensitize()) {
            long t = begin("desensitise");
            // courier stations are recognised by their addresses: read before pseudonyms replace them
            // (pseudonymising keeps the rows' order)
            stationRowsRead = CourierStations.stationRows(table, options.stationWords());
            table = options.pseudonymizer().apply(table);
            if (truth != null) {
                truth = truth.withPartyIds(options.pseudonymizer()::phone);
            }
            end("desensitise", t);
        }
        try (Background background = new Background()) {
            // the identifier index of case linking needs only the shipments: built beside the main line
            ShipmentTable shipments = table;
            boolean[] stationRowsGiven = stationRowsRead;
            Background.Task<boolean[]> stationRows = background.submit(() -> stationRowsGiven != null
                    ? stationRowsGiven : CourierStations.stationRows(shipments, options.stationWords()));
            CaseNetworks linker = new CaseNetworks(CaseNetworks.Params.DEFAULTS.withHubThreshold(options.hubThreshold()));
            Background.Task<CaseNetworks.Prepared> linkIndex = background.submit(() -> linker.prepare(shipments));

            long t = begin("party graph");
            PartyIndex parties = Projections.parties(table, options.partyKey());
            LabeledGraph partyGraph = Projections.partyGraph(table, parties, Projections.Volume.SHIPMENTS);
            end("party graph", t);

            CompactGraph g = partyGraph.graph();
            Betweenness.Options bo = Betweenness.Options.builder()
                    .samples(g.nodeCount() > options.exactBetweennessUpTo() ? options.betweennessSamples() : 0)
                    .seed(options.seed()).threads(options.threads()).build();
            Background.Task<Betweenness.Result> betweennessTask = background.submit(() -> Betweenness.compute(g, bo));
            // the leads' activity counts and regions need only the shipments and parties: queued after
            // betweenness, they are ready by the time the main line reaches the leads
            PlaceFacts facts = options.places();
            Background.Task<PartyActivity> activityTask = background.submit(() -> activity(shipments, parties, facts));
            Background.Task<String[]> regionsTask = background.submit(() -> Dispatch.regions(shipments, parties));

            t = begin("communities (Leiden)");
            LeidenParams leiden = LeidenParams.builder().seed(options.seed()).resolution(options.resolution())
                    .threads(options.threads()).build();
            // without the one-off edges of hub parties (courier stations, busy shops): they join unrelated
            // people and would let modularity merge the rings that use the same station or shop; a hub's
            // repeated ties stay when it relays (a distributor that also sells to many one-off buyers);
            // courier stations, places rather than people, lose their edges whatever their size
            boolean[] station = CourierStations.senders(stationRows.await("courier stations"), parties);
            CompactGraph undirected = RingFinder.withoutHubs(g, options.hubThreshold(),
                    RingFinder.Options.defaults().minTie(), station);
            CommunityResult hubless = new Leiden(leiden).run(undirected, progress);
            // modularity reported on the whole party graph (hub parties are singletons there); its
            // undirected copy is made only now, so that it does not sit beside Leiden's working arrays
            CommunityResult communities = new CommunityResult(hubless.algorithm(), hubless.partition(),
                    Modularity.of(g.toUndirected(), hubless.partition(), options.resolution()), hubless.levels(),
                    hubless.iterations(), hubless.repairedCommunities(), hubless.workingBytes());
            end("communities (Leiden)", t);

            t = begin("relay chains");
            boolean[] entry = RelayChains.sendersFrom(table, parties, pl -> facts.isBorderEntry(pl.province(), pl.city()));
            RelayChains.Result chains = RelayChains.find(table, parties, entry, null, RelayChains.Options.builder()
                    .windowSeconds(Math.round(options.windowDays() * RelayChains.DAY)).build(), progress);
            end("relay chains", t);

            // Rings: communities that relay chains from the border run through, split recursively
            // where the resolution limit glued a ring to the background or to another ring.
            t = begin("tiers and rings");
            RingFinder.ChainParties chainParties = RingFinder.chainParties(chains, parties, table);
            // the first relays' receipts and sends in time order: whether a warehouse passes several
            // rings' lots on, each to its own ring
            SharedRelays relays = SharedRelays.of(table, parties, chainParties,
                    Math.round(options.windowDays() * RelayChains.DAY));
            RingFinder.Result found = RingFinder.find(undirected, g, communities.partition().membership(),
                    chainParties, relays,
                    RingFinder.Options.defaults().withMinChains(options.minRingChains()).withLeiden(leiden), progress);
            undirected = null;
            // members only from here on: customers (one-off buyers and sellers) are the rings' market;
            // the linking index (built first on the background thread) has every address normalised
            CaseNetworks.Prepared index = linkIndex.await("case linking");
            // courier stations send for whoever hands parcels in: their parcels are the rings' goods,
            // the stations themselves places, not members
            RingMembers.Result members = RingMembers.classify(table, parties, found.ringOf(), chains,
                    RingMembers.Options.defaults(), index.addressFormIds(), station, progress).without(station);
            RingFinder.Result rings = members.applyTo(found);
            TierClassifier.Result tiers = TierClassifier.withDepths(TierClassifier.classify(table, parties,
                    rings.partition().membership(), facts, chains, TierClassifier.Options.defaults()), parties,
                    rings.ringOf());
            end("tiers and rings", t);

            t = begin("betweenness");
            Betweenness.Result betweenness = betweennessTask.await("betweenness");
            end("betweenness", t);

            t = begin("interdiction");
            RingInterdiction.Result interdiction = RingInterdiction.plan(g, rings.ringOf(), tiers.tier(),
                    betweenness.score(), InterdictionPlan.Options.defaults().withBudget(options.budget()), progress);
            end("interdiction", t);

            t = begin("disruption");
            List<Disruption.Curve> disruption = RingDisruption.run(g, rings.ringOf(), tiers.tier(), interdiction,
                    new Disruption.Options(Disruption.Strategy.KEY_PLAYERS, options.disruptionWaves(),
                            options.budget(), Disruption.Adaptation.NONE, options.seed()), progress);
            end("disruption", t);

            t = begin("link cases");
            boolean flagged = CaseNetworks.anyFlagged(table);
            boolean[] isCase = CaseNetworks.flaggedOrAll(table);
            boolean[] anchor = new boolean[parties.partyCount()];
            for (int v = 0; v < anchor.length; v++) {
                anchor[v] = rings.ringOf()[v] >= 0;
            }
            int[] rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(),
                    CaseNetworks.splitLabels(rings.partition().membership(), rings.ringOf()), anchor);
            // the background worker (idle once betweenness is done) shares the evidence search
            CaseNetworks.Result links = linker.link(index, isCase,
                    flagged ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL, rowCommunity, progress,
                    background.worker);
            end("link cases", t);

            t = begin("leads");
            PartyActivity activity = activityTask.await("party activity");
            LeadFeatures features = leadFeatures(table, parties, partyGraph, chains, rings, betweenness, links, activity,
                    options.hubThreshold());
            LeadResult leads = new LeadScorer(options.leadWeights()).score(features, options.leadCount(), station);
            String[] regions = regionsTask.await("lead regions");
            end("leads", t);

            Optional<Evaluation> evaluation = Optional.empty();
            if (truth != null) {
                t = begin("evaluation");
                evaluation = Optional.of(Evaluation.of(truth, partyGraph.ids(), rings.ringOf(), rings.ringCount(),
                        rings.partition().membership(), tiers.tier(), leads.parties(), interdiction));
                end("evaluation", t);
            }
            AnalysisResult.StageTimes times = new AnalysisResult.StageTimes(stageSeconds, linkIndex.seconds(),
                    betweennessTask.seconds());
            return new AnalysisResult(options, table, stats, links, parties, partyGraph, communities, chains, rings,
                    members, tiers, betweenness, interdiction, disruption, leads, regions, activity.volume(), station,
                    evaluation, times);
        }
    }

    private static PartyActivity activity(ShipmentTable table, PartyIndex parties, PlaceFacts places) {
        Set<String> borderProvinces = new HashSet<>();
        for (int c = 0; c < table.placeCount(); c++) {
            String p = table.place(c).province();
            if (places.isBorderProvince(p) || places.isTransitProvince(p)) {
                borderProvinces.add(p);
            }
        }
        return PartyActivity.compute(table, parties, borderProvinces);
    }

    private static LeadFeatures leadFeatures(ShipmentTable table, PartyIndex parties, LabeledGraph partyGraph,
                                             RelayChains.Result chains, RingFinder.Result rings,
                                             Betweenness.Result betweenness, CaseNetworks.Result links,
                                             PartyActivity activity, int hubThreshold) {
        double[] relay = leadRelayChains(chains.appearances(), rings.ringOf(), activity.counterparties(), hubThreshold);
        return LeadFeatures.of(partyGraph.ids().ids(), activity).withRelayChains(relay)
                .withRing(rings.ringOf()).withBetweenness(betweenness.score())
                .withFlaggedInNetwork(LeadFeatures.flaggedInCaseNetworks(table, parties, links));
    }

    /**
     * The relay-chain lead feature: the chains each party is on, except for a party outside every ring
     * with more than {@code hubThreshold} distinct counterparties — a courier station, a busy shop or
     * a popular buyer (the hubs of case linking and ring detection). The chains such a party is on
     * carry other people's goods: a station's phone stands in for whoever handed the parcel in, so at
     * an entry town it starts the chains of every ring that hands lots in there. O(parties).
     */
    static double[] leadRelayChains(int[] appearances, int[] ringOf, double[] counterparties, int hubThreshold) {
        double[] relay = new double[appearances.length];
        for (int v = 0; v < relay.length; v++) {
            relay[v] = ringOf[v] < 0 && counterparties[v] > hubThreshold ? 0 : appearances[v];
        }
        return relay;
    }

    /**
     * The lead features the run scored (recomputed from its parts: one pass over the shipments), for
     * scoring the same parties another way. O(shipments + parties).
     */
    public static LeadFeatures leadFeatures(AnalysisResult r) {
        return leadFeatures(r.shipments(), r.parties(), r.partyGraph(), r.chains(), r.rings(), r.betweenness(),
                r.links(), activity(r.shipments(), r.parties(), r.options().places()), r.options().hubThreshold());
    }

    /**
     * One background thread: tasks run one after the other in the order submitted. A task's failure
     * surfaces, as itself, where its result is awaited; closing drops the tasks not started and
     * waits for the running one.
     */
    static final class Background implements AutoCloseable {

        private final WorkerPool worker = WorkerPool.beside("background");

        static final class Task<T> {
            private WorkerPool.Pending<T> pending;
            private volatile double seconds;

            T await(String what) throws IOException {
                try {
                    return pending.get();
                } catch (InterruptedIOException e) {
                    throw new InterruptedIOException("interrupted while waiting for " + what);
                }
            }

            double seconds() {
                return seconds;
            }
        }

        <T> Task<T> submit(Callable<T> work) {
            Task<T> task = new Task<>();
            task.pending = worker.submit(() -> {
                long t0 = System.nanoTime();
                try {
                    return work.call();
                } finally {
                    task.seconds = (System.nanoTime() - t0) / 1e9;
                }
            });
            return task;
        }

        @Override
        public void close() {
            worker.close();
        }
    }
}
