package org.parcelnet.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.parcelnet.community.Leiden;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.interdiction.KeyPlayers;
import org.parcelnet.interdiction.MinVertexCut;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.GeographyPlaces;
import org.parcelnet.roles.Tier;
import org.parcelnet.roles.TierClassifier;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * Evaluates relay chains, ring tiers and interdiction against the generator's ground truth, and times
 * the min vertex cut. Not a JMH benchmark: a one-shot quality report. Usage:
 * {@code java [-Dleiden=false] -cp benchmarks.jar org.parcelnet.bench.PathsEvaluation SHIPMENTS RINGS SEED [DIR]}
 * (generates into DIR unless it already holds shipments.csv).
 */
public final class PathsEvaluation {

    private PathsEvaluation() {
    }

    public static void main(String[] args) throws Exception {
        int shipments = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rings = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        Path dir = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("parcelnet-eval");
        Path ship = dir.resolve("shipments.csv");
        if (!Files.exists(ship)) {
            long t0 = System.nanoTime();
            new NetworkGenerator(GeneratorConfig.builder().shipments(shipments).rings(rings).seed(seed).build())
                    .writeTo(dir, false, 2);
            System.out.printf(Locale.ROOT, "generated %d shipments, %d rings in %.1f s%n", shipments, rings, (System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        ShipmentTable t = ShipmentReader.read(ship).table();
        GroundTruth truth = GroundTruth.read(dir);
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        LabeledGraph party = Projections.partyGraph(t, p, Projections.Volume.SHIPMENTS);
        CompactGraph g = party.graph();
        System.out.printf(Locale.ROOT, "read %d shipments, %d parties, %d arcs in %.1f s%n", t.size(), g.nodeCount(), g.edgeCount(),
                (System.nanoTime() - t0) / 1e9);
        Tier[] trueTier = truth.tiers(p.parties());
        int[] ring = truth.ringLabels(p.parties());

        // relay chains from the senders at border entry towns
        boolean[] entrySenders = RelayChains.sendersFrom(t, p, pl -> GeographyPlaces.INSTANCE.isBorderEntry(pl.province(), pl.city()));
        for (long days : new long[] {3, 4}) {
            RelayChains.Result rc = RelayChains.find(t, p, entrySenders, null,
                    RelayChains.Options.builder().windowSeconds(days * RelayChains.DAY).build());
            relayReport(t, truth, p, rc, days);
        }
        RelayChains.Result chains = RelayChains.find(t, p, entrySenders, null, RelayChains.Options.DEFAULTS);

        // tiers with the true rings as communities, then with Leiden communities restricted to ring-bearing ones
        tierReport("true rings as communities", TierClassifier.classify(t, p, ring, GeographyPlaces.INSTANCE, chains,
                TierClassifier.Options.defaults()).tier(), trueTier);
        if (Boolean.parseBoolean(System.getProperty("leiden", "true"))) {
            long tl = System.nanoTime();
            int[] leiden = new Leiden().run(g).partition().membership();
            System.out.printf(Locale.ROOT, "leiden: %.1f s%n", (System.nanoTime() - tl) / 1e9);
            tierReport("Leiden communities (all parties)", TierClassifier.classify(t, p, leiden, GeographyPlaces.INSTANCE,
                    chains, TierClassifier.Options.defaults()).tier(), trueTier);
        }

        // interdiction between classified sources and retailers of the true rings
        Tier[] tiers = TierClassifier.classify(t, p, ring, GeographyPlaces.INSTANCE, chains, TierClassifier.Options.defaults()).tier();
        int[] sources = TierClassifier.withTier(tiers, Tier.SOURCE);
        int[] sinks = TierClassifier.withTier(tiers, Tier.RETAILER);
        long tc = System.nanoTime();
        MinVertexCut.Result cut = MinVertexCut.compute(g, sources, sinks);
        double cutSeconds = (System.nanoTime() - tc) / 1e9;
        System.out.printf(Locale.ROOT, "min vertex cut: %d sources, %d sinks, relevant %d parties, separable %s, cut %d, %.2f s%n",
                sources.length, sinks.length, cut.relevant(), cut.separable(), cut.cut().length, cutSeconds);
        precision("min_cut", cut.cut(), trueTier);
        KeyPlayers.Result kp = KeyPlayers.betweenSourcesAndSinks(g, sources, sinks, 8, ProgressListener.NONE);
        System.out.println("greedy key players: initial " + kp.initial() + " after " + Arrays.toString(kp.reachabilityAfter()));
        precision("greedy", kp.picks(), trueTier);
    }

    private static void precision(String method, int[] picks, Tier[] truth) {
        int middle = 0;
        int members = 0;
        for (int v : picks) {
            if (truth[v] != null) {
                members++;
                middle += truth[v] == Tier.TRANSIT || truth[v] == Tier.DISTRIBUTOR ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d picks, %d ring members, %d transit/distributor (precision %.2f)%n", method,
                picks.length, members, middle, picks.length == 0 ? Double.NaN : (double) middle / picks.length);
    }

    private static void tierReport(String what, Tier[] predicted, Tier[] truth) {
        TierClassifier.Accuracy a = TierClassifier.accuracy(predicted, truth);
        System.out.printf(Locale.ROOT, "tiers (%s): accuracy %.3f over %d ring parties%n", what, a.accuracy(), a.compared());
        System.out.println("  truth \\ predicted: source transit distributor retailer");
        for (Tier x : Tier.values()) {
            System.out.println("  " + x.label() + ": " + Arrays.toString(a.confusion()[x.ordinal()]));
        }
    }

    /**
     * A planted relay path is recovered when a chain starts at a true source, ends at a true retailer
     * and every shipment on it is a ring parcel of one ring. Reported: chains, recovered chains, and
     * the share of ring parcels delivered to retailers that end a recovered chain.
     */
    private static void relayReport(ShipmentTable t, GroundTruth truth, PartyIndex p, RelayChains.Result rc, long days) {
        int recovered = 0;
        int full = 0;
        for (int c = 0; c < rc.chainCount(); c++) {
            int[] rows = rc.chain(c);
            String r0 = truth.shipmentRing(t.shipmentId(rows[0]));
            boolean same = r0 != null && !r0.isEmpty();
            for (int i = 1; same && i < rows.length; i++) {
                same = r0.equals(truth.shipmentRing(t.shipmentId(rows[i])));
            }
            String first = p.parties().id(p.senderParty()[rows[0]]);
            String last = p.parties().id(p.receiverParty()[rows[rows.length - 1]]);
            if (same && truth.tier(first) == Tier.SOURCE && truth.tier(last) == Tier.RETAILER) {
                recovered++;
                if (rows.length == 3) {
                    full++;
                }
            }
        }
        int toRetailers = 0;
        for (int i = 0; i < t.size(); i++) {
            String r = truth.shipmentRing(t.shipmentId(i));
            if (r != null && !r.isEmpty() && truth.tier(p.parties().id(p.receiverParty()[i])) == Tier.RETAILER
                    && truth.tier(p.parties().id(p.senderParty()[i])) == Tier.DISTRIBUTOR) {
                toRetailers++;
            }
        }
        System.out.printf(Locale.ROOT, "relay chains (window %d days): %d chains, %d ring source→retailer chains "
                + "(%d through all 4 tiers), %d ring parcels distributor→retailer (recovered share %.3f)%n", days,
                rc.chainCount(), recovered, full, toRetailers, toRetailers == 0 ? Double.NaN : (double) full / toRetailers);
        for (int i = 0; i < Math.min(5, rc.routes().size()); i++) {
            RelayChains.Route r = rc.routes().get(i);
            System.out.println("  " + r.describe() + "  chains=" + r.chains() + " pieces=" + r.pieces() + " parties=" + r.parties());
        }
    }
}
