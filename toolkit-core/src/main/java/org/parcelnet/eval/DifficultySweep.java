package org.parcelnet.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import org.parcelnet.community.LabelPropagation;
import org.parcelnet.community.LabelPropagationParams;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.Louvain;
import org.parcelnet.community.LouvainParams;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.io.AtomicFiles;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.pipeline.Analysis;
import org.parcelnet.pipeline.AnalysisOptions;
import org.parcelnet.pipeline.AnalysisResult;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * The difficulty sweep: generates shipments at each point of each difficulty knob, runs the pipeline
 * ({@link Analysis} with default options: rings on the party graph without hub parties, members and
 * customers, evidence case linking, leads on members) and the plain baselines
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

    /**
     * Scores the pipeline ({@link Analysis} with default options and {@code seed}) and the baselines on
     * {@code t} against {@code truth} (with shipment truth).
     */
    public static Scores evaluate(ShipmentTable t, GroundTruth truth, long seed) throws IOException {
        AnalysisResult r = Analysis.run(t, truth, AnalysisOptions.builder().seed(seed).build(), ProgressListener.NONE);
        CompactGraph und = r.partyGraph().graph().toUndirected();
        int[] truthRing = truth.ringLabels(r.partyGraph().ids());
        double leidenF1 = PartitionComparison.compare(truthRing,
                new Leiden(LeidenParams.builder().seed(seed).build()).run(und).partition().membership()).meanF1();
        double louvainF1 = PartitionComparison.compare(truthRing,
                new Louvain(LouvainParams.builder().seed(seed).build()).run(und).partition().membership()).meanF1();
        double lpaF1 = PartitionComparison.compare(truthRing,
                new LabelPropagation(new LabelPropagationParams(seed, 100)).run(und).partition().membership()).meanF1();
        Evaluation e = r.evaluation().orElseThrow();
        double[] pr = linkScores(t, truth, r.links());
        int largest = r.links().sizes().length == 0 ? 0 : r.links().sizes()[0];
        return new Scores(e.ring().meanF1(), r.rings().ringCount(), r.members().customers(), louvainF1, leidenF1, lpaF1,
                r.links().mode(), r.links().caseRows().length, pr[0], pr[1], r.links().linkedNetworkCount(), largest,
                Evaluation.precisionAt(50, r.leads().parties(), truthRing));
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
                    AtomicFiles.deleteTree(dir);
                }
            }
        }
        return out;
    }
}
