package org.parcelnet.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.LabelPropagation;
import org.parcelnet.community.LabelPropagationParams;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Louvain;
import org.parcelnet.community.LouvainParams;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.leads.LeadFeatures;
import org.parcelnet.leads.LeadResult;
import org.parcelnet.leads.LeadScorer;
import org.parcelnet.leads.PartyActivity;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.PlaceFacts;
import org.parcelnet.roles.RingFinder;
import org.parcelnet.roles.RingMembers;
import org.parcelnet.synth.Geography;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * The difficulty sweep: generates shipments at each point of each difficulty knob, runs the ring and
 * linking pipeline (Leiden communities of the party graph without hub parties
 * ({@link RingFinder#withoutHubs}), relay chains, {@link RingFinder}, {@link RingMembers}, evidence
 * case linking split by the refined communities, lead scoring on members) and the plain baselines
 * (seeded Louvain, Leiden and label propagation on the undirected party graph), and scores each
 * against the generator's truth. Everything is seeded: the same points give the same table.
 *
 * <p>Scores: ring F1 is the mean best-match F1 of the planted rings against the rings' members
 * (parties not in a ring, including customers, count against nobody; a ring's found set counts every
 * party it holds). Baselines' F1 uses their communities as found sets. Linking precision is the share
 * of same-ring pairs among linked case pairs (pairs in one case network) that touch a ring shipment;
 * recall the share of same-ring case pairs that are linked. Lead precision@50 is the share of the top
 * 50 party leads that are planted ring members.
 */
public final class DifficultySweep {

    private DifficultySweep() {
    }

    /** A knob and the values to sweep (the first is the default, 0 or off). */
    public enum Knob {
        CUSTOMER_LEAKAGE("customer leakage", new double[] {0, 0.5, 1, 2}, (b, v) -> b.customerLeakage(v)),
        MEMBER_PURCHASES("member purchases", new double[] {0, 0.25, 0.5, 1}, (b, v) -> b.memberPurchases(v)),
        STATION_HAND_IN("station hand-in", new double[] {0, 0.1, 0.25, 0.5}, (b, v) -> b.stationHandIn(v)),
        SHARED_TRANSIT("shared transit", new double[] {0, 0.25, 0.5, 1}, (b, v) -> b.sharedTransit(v)),
        FALSE_FLAGS("false flags", new double[] {0, 0.0005, 0.001, 0.002}, (b, v) -> b.falseFlagShare(v)),
        NO_FLAGGED_COLUMN("no flagged column", new double[] {0, 1}, (b, v) -> b.flaggedColumn(v == 0)),
        NAME_ADDRESS_NOISE("name/address noise", new double[] {0, 0.1, 0.25, 0.5},
                (b, v) -> b.nameNoise(v).addressNoise(v)),
        MISSING_COLUMNS("missing optional columns", new double[] {0, 1, 2}, (b, v) -> b.omittedColumns(
                v == 0 ? Set.of() : v == 1 ? Set.of("weight_kg", "declared_goods")
                        : Set.of("weight_kg", "declared_goods", "sender_name", "receiver_name", "sender_address",
                        "receiver_address"))),
        PHONE_CHURN("phone churn", new double[] {0.1, 0.5, 1, 2}, (b, v) -> b.phoneChurn(v));

        private final String label;
        private final double[] values;
        private final BiFunction<GeneratorConfig.Builder, Double, GeneratorConfig.Builder> apply;

        Knob(String label, double[] values, BiFunction<GeneratorConfig.Builder, Double, GeneratorConfig.Builder> apply) {
            this.label = label;
            this.values = values;
            this.apply = apply;
        }

        public String label() {
            return label;
        }

        public double[] points() {
            return values.clone();
        }

        /** The configuration with this knob at {@code v}. */
        public GeneratorConfig at(GeneratorConfig base, double v) {
            return apply.apply(base.toBuilder(), v).build();
        }
    }

    /**
     * Scores at one point.
     *
     * @param ringF1          pipeline rings (members only) vs planted rings, mean best-match F1
     * @param ringsFound      rings found
     * @param customers       ring parties classed as customers
     * @param louvainF1       plain Louvain communities, same F1
     * @param leidenF1        plain Leiden communities, same F1
     * @param lpaF1           label propagation communities, same F1
     * @param caseMode        how cases were chosen
     * @param cases           cases linked
     * @param linkPrecision   same-ring pairs among linked pairs touching a ring case
     * @param linkRecall      linked share of same-ring case pairs
     * @param networks        case networks with 2+ cases
     * @param largestNetwork  cases in the largest network
     * @param leadPrecision50 planted members among the top 50 party leads
     */
    public record Scores(double ringF1, int ringsFound, int customers, double louvainF1, double leidenF1, double lpaF1,
                         CaseNetworks.CaseMode caseMode, int cases, double linkPrecision, double linkRecall,
                         int networks, int largestNetwork, double leadPrecision50) {
    }

    /** Generates {@code cfg} into {@code dir} and scores it. */
    public static Scores evaluate(GeneratorConfig cfg, Path dir) throws IOException {
        Files.createDirectories(dir);
        new NetworkGenerator(cfg).writeTo(dir, false, 1);
        ShipmentTable t = ShipmentReader.read(dir.resolve("shipments.csv")).table();
        GroundTruth truth = GroundTruth.read(dir);
        return evaluate(t, truth, 42);
    }

    /** Scores the pipeline and the baselines on {@code t} against {@code truth} (with shipment truth). */
    public static Scores evaluate(ShipmentTable t, GroundTruth truth, long seed) {
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        LabeledGraph pg = Projections.partyGraph(t, parties, Projections.Volume.SHIPMENTS);
        CompactGraph und = pg.graph().toUndirected();
        int[] truthRing = truth.ringLabels(pg.ids());
        LeidenParams lp = LeidenParams.builder().seed(seed).build();
        // rings are found on the party graph without hub parties, as analyze does
        CompactGraph ringGraph = RingFinder.withoutHubs(und, CaseNetworks.Params.DEFAULTS.maxCounterparties());
        CommunityResult leiden = new Leiden(lp).run(ringGraph);
        int[] community = leiden.partition().membership();
        double leidenF1 = PartitionComparison.compare(truthRing, new Leiden(lp).run(und).partition().membership())
                .meanF1();
        double louvainF1 = PartitionComparison.compare(truthRing,
                new Louvain(LouvainParams.builder().seed(seed).build()).run(und).partition().membership()).meanF1();
        double lpaF1 = PartitionComparison.compare(truthRing,
                new LabelPropagation(new LabelPropagationParams(seed, 100)).run(und).partition().membership()).meanF1();

        PlaceFacts facts = GeographyPlaces.INSTANCE;
        boolean[] entry = RelayChains.sendersFrom(t, parties, pl -> facts.isBorderEntry(pl.province(), pl.city()));
        RelayChains.Result chains = RelayChains.find(t, parties, entry, null,
                RelayChains.Options.defaults().withWindowSeconds(3 * RelayChains.DAY));
        RingFinder.Result found = RingFinder.find(ringGraph, community, RingFinder.chainParties(chains, parties),
                RingFinder.Options.defaults().withMinChains(5).withLeiden(lp));
        RingMembers.Result members = RingMembers.classify(t, parties, found.ringOf(), RingMembers.Options.defaults());
        int[] memberRing = members.members();
        int[] foundSets = new int[memberRing.length];
        for (int v = 0; v < foundSets.length; v++) {
            foundSets[v] = memberRing[v] >= 0 ? memberRing[v] : -2 - v;
        }
        double ringF1 = PartitionComparison.compare(truthRing, foundSets).meanF1();

        // case linking, split by the refined communities
        boolean[] isCase = CaseNetworks.flaggedOrAll(t);
        boolean anyFlag = false;
        for (int i = 0; i < t.size() && !anyFlag; i++) {
            anyFlag = t.flagged(i);
        }
        CaseNetworks.CaseMode mode = anyFlag ? CaseNetworks.CaseMode.FLAGGED : CaseNetworks.CaseMode.ALL;
        boolean[] anchor = new boolean[memberRing.length];
        for (int v = 0; v < anchor.length; v++) {
            anchor[v] = memberRing[v] >= 0;
        }
        int[] rowCommunity = CaseNetworks.rowCommunities(parties.senderParty(), parties.receiverParty(),
                splitLabels(found.partition().membership(), memberRing), anchor);
        CaseNetworks.Result links = new CaseNetworks(CaseNetworks.Params.DEFAULTS).link(t, isCase, mode, rowCommunity);
        double[] pr = linkScores(t, truth, links);

        // leads on members only
        Set<String> border = new HashSet<>();
        for (int c = 0; c < t.placeCount(); c++) {
            String p = t.place(c).province();
            if (Geography.isBorderProvince(p) || Geography.isTransitProvince(p)) {
                border.add(p);
            }
        }
        PartyActivity activity = PartyActivity.compute(t, parties, border);
        int np = parties.partyCount();
        double[] relay = new double[np];
        for (int v = 0; v < np; v++) {
            relay[v] = chains.appearances()[v];
        }
        double[] flagged = flaggedInNetwork(t, parties, links);
        double[] btw = Betweenness.compute(pg.graph(), Betweenness.Options.defaults()
                .withSamples(np > 20_000 ? 256 : 0).withSeed(seed)).score();
        LeadFeatures f = LeadFeatures.of(pg.ids().ids(), activity).withRelayChains(relay).withRing(memberRing)
                .withBetweenness(btw).withFlaggedInNetwork(flagged);
        LeadResult leads = new LeadScorer().score(f, 50);
        int hits = 0;
        for (PartyLead l : leads.parties()) {
            hits += truthRing[l.party()] >= 0 ? 1 : 0;
        }
        int largest = links.sizes().length == 0 ? 0 : links.sizes()[0];
        return new Scores(ringF1, found.ringCount(), members.customers(), louvainF1, leidenF1, lpaF1, mode,
                links.caseRows().length, pr[0], pr[1], links.linkedNetworkCount(), largest, hits / 50.0);
    }

    /**
     * Labels to split case networks by: a member's ring (rings that {@link RingMembers} joined count as
     * one), else its community in the refined partition (offset past the ring ids).
     */
    public static int[] splitLabels(int[] community, int[] memberRing) {
        int rings = 0;
        for (int r : memberRing) {
            rings = Math.max(rings, r + 1);
        }
        int[] out = new int[community.length];
        for (int v = 0; v < out.length; v++) {
            out[v] = memberRing[v] >= 0 ? memberRing[v] : rings + community[v];
        }
        return out;
    }

    /** Flagged cases in each party's case networks (the largest over the networks of its cases). */
    public static double[] flaggedInNetwork(ShipmentTable t, PartyIndex parties, CaseNetworks.Result links) {
        int[] flaggedPerNetwork = new int[links.sizes().length];
        int[] rows = links.caseRows();
        int[] net = links.network();
        for (int c = 0; c < rows.length; c++) {
            if (t.flagged(rows[c])) {
                flaggedPerNetwork[net[c]]++;
            }
        }
        double[] out = new double[parties.partyCount()];
        for (int c = 0; c < rows.length; c++) {
            int f = flaggedPerNetwork[net[c]];
            int s = parties.senderParty()[rows[c]];
            int r = parties.receiverParty()[rows[c]];
            out[s] = Math.max(out[s], f);
            out[r] = Math.max(out[r], f);
        }
        return out;
    }

    /**
     * Pair precision and recall of case networks against the shipment truth: precision over linked
     * pairs that touch a ring case, recall over same-ring case pairs.
     */
    public static double[] linkScores(ShipmentTable t, GroundTruth truth, CaseNetworks.Result links) {
        int[] rows = links.caseRows();
        int[] net = links.network();
        Map<String, Integer> ringId = new HashMap<>();
        int[] ring = new int[rows.length];
        for (int c = 0; c < rows.length; c++) {
            String r = truth.shipmentRing(t.shipmentId(rows[c]));
            ring[c] = r == null || r.isEmpty() ? -1 : ringId.computeIfAbsent(r, x -> ringId.size());
        }
        int rings = ringId.size();
        int networks = links.sizes().length;
        // per network: counts per ring and background
        Map<Long, Integer> cell = new HashMap<>();
        long[] background = new long[networks];
        long[] total = new long[networks];
        long[] ringTotal = new long[rings];
        for (int c = 0; c < rows.length; c++) {
            total[net[c]]++;
            if (ring[c] < 0) {
                background[net[c]]++;
            } else {
                cell.merge(((long) net[c] << 32) | ring[c], 1, Integer::sum);
                ringTotal[ring[c]]++;
            }
        }
        double same = 0;
        for (int count : cell.values()) {
            same += pairs(count);
        }
        double touching = 0;
        for (int n = 0; n < networks; n++) {
            touching += pairs(total[n]) - pairs(background[n]);
        }
        double truePairs = 0;
        for (long r : ringTotal) {
            truePairs += pairs(r);
        }
        return new double[] {touching == 0 ? 1 : same / touching, truePairs == 0 ? 1 : same / truePairs};
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }

    /** One row of the sweep. */
    public record Row(Knob knob, double value, long seed, Scores scores) {
    }

    /** Runs every point of {@code knobs} on {@code base} for each generator seed, in {@code work}. */
    public static List<Row> run(GeneratorConfig base, List<Knob> knobs, long[] seeds, Path work) throws IOException {
        List<Row> out = new ArrayList<>();
        for (Knob k : knobs) {
            for (double v : k.values) {
                for (long s : seeds) {
                    GeneratorConfig cfg = k.at(base.toBuilder().seed(s).build(), v);
                    Path dir = work.resolve(k.name().toLowerCase() + "-" + v + "-" + s);
                    out.add(new Row(k, v, s, evaluate(cfg, dir)));
                    deleteTree(dir);
                }
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
