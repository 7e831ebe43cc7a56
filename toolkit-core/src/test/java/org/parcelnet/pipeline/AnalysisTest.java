package org.parcelnet.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.eval.Evaluation;
import org.parcelnet.eval.GroundTruth;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.interdiction.Disruption;
import org.parcelnet.interdiction.RingInterdiction;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.leads.PartyLead;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.ProgressListener;
import org.parcelnet.roles.Tier;

/**
 * The pipeline as a library call, on the hand-designed mini file (whose rings, tiers and chokepoints
 * are known by construction, see sample-data/README.md) and on the bundled sample against its
 * ground truth.
 */
class AnalysisTest {

    static final Path MINI = Path.of("..", "sample-data", "shipments-mini.csv");
    static final Path SAMPLE = Path.of("..", "sample-data", "shipments.csv.gz");

    // The designed parties of the mini file: ring A (Ruili → Kunming → Chengdu/Wuhan), ring B
    // (Dongxing → Nanning → Guangzhou), and a courier station shared by unrelated senders.
    static final String SOURCE_A = "13870000001";
    static final String TRANSIT_A = "13870000002";
    static final String SOURCE_B = "13971000001";
    static final String TRANSIT_B = "13971000002";
    static final String DISTRIBUTOR_A = "13870000004";
    static final String DISTRIBUTOR_B = "13971000003";
    static final String STATION = "13999990000";

    /**
     * The relay-chain lead feature by hand: party 0 (a ring member with 100 counterparties, a
     * distributor selling to many buyers) keeps its 30 chains; party 1 (outside rings, 41
     * counterparties: a courier station at the border) counts none of its 50; party 2 (outside rings,
     * 40 counterparties, at the threshold) keeps its 7; party 3 (outside rings, no chains) stays 0.
     */
    @Test
    void chainsOfAHubOutsideEveryRingDoNotCountForItAsALead() {
        double[] relay = Analysis.leadRelayChains(new int[] {30, 50, 7, 0}, new int[] {0, -1, -1, -1},
                new double[] {100, 41, 40, 3}, 40);
        assertArrayEquals(new double[] {30, 0, 7, 0}, relay);
    }

    @Test
    void miniFileGivesTheDesignedRingsTiersAndChokepoints() throws IOException {
        AnalysisResult r = Analysis.run(MINI, AnalysisOptions.DEFAULTS);
        LabeledGraph g = r.partyGraph();
        assertEquals(350, r.shipments().size());
        assertEquals(2, r.rings().ringCount());
        int[] ringOf = r.ringOf();
        int a = ringOf[g.node(SOURCE_A)];
        int b = ringOf[g.node(SOURCE_B)];
        assertTrue(a >= 0 && b >= 0 && a != b, "each source heads its own ring");
        assertEquals(a, ringOf[g.node(TRANSIT_A)]);
        assertEquals(b, ringOf[g.node(TRANSIT_B)]);
        assertEquals(b, ringOf[g.node(DISTRIBUTOR_B)]);
        assertEquals(-1, ringOf[g.node(STATION)], "the courier station is ordinary traffic");
        Tier[] tier = r.tiers().tier();
        assertEquals(Tier.SOURCE, tier[g.node(SOURCE_A)]);
        assertEquals(Tier.TRANSIT, tier[g.node(TRANSIT_A)]);
        assertEquals(Tier.SOURCE, tier[g.node(SOURCE_B)]);
        assertEquals(Tier.TRANSIT, tier[g.node(TRANSIT_B)]);
        assertEquals(Tier.DISTRIBUTOR, tier[g.node(DISTRIBUTOR_A)]);

        // Every ring parcel passes its ring's one transit warehouse: those two are the minimum cut.
        RingInterdiction.Result plan = r.interdiction();
        RingInterdiction.Picks cut = plan.picks("min_cut");
        Set<String> cutParties = java.util.Arrays.stream(cut.parties()).mapToObj(g::label).collect(Collectors.toSet());
        assertEquals(Set.of(TRANSIT_A, TRANSIT_B), cutParties);
        assertEquals(0, cut.finalReachability());
        assertEquals(plan.sinks().length, plan.initialReach(), "before any removal every sink is reached");
        for (RingInterdiction.Picks p : plan.picks()) {
            long[] curve = p.curve();
            for (int i = 1; i < curve.length; i++) {
                assertTrue(curve[i] <= curve[i - 1], p.method() + ": removing a party never adds reachability");
            }
        }
        // Strike waves on the same network: every strategy's curve starts at every sink reached and,
        // without recovery, never rises; cutting the two warehouses (min-cut, tier) ends all supply
        // in the first wave.
        assertEquals(Disruption.Strategy.values().length, r.disruption().size());
        for (Disruption.Curve c : r.disruption()) {
            List<Disruption.Point> pts = c.points();
            assertEquals(plan.initialReach(), pts.get(0).sinksReached(), c.strategy().key());
            for (int i = 1; i < pts.size(); i++) {
                assertTrue(pts.get(i).sinksReached() <= pts.get(i - 1).sinksReached(), c.strategy().key());
            }
            if (c.strategy() == Disruption.Strategy.MIN_CUT) {
                Set<String> firstTwo = Set.of(g.label(pts.get(1).node()), g.label(pts.get(2).node()));
                assertEquals(Set.of(TRANSIT_A, TRANSIT_B), firstTwo);
                assertEquals(0, pts.get(2).sinksReached());
            }
        }
        // cases are the flagged shipments, or every shipment when none is flagged
        int flagged = 0;
        for (int i = 0; i < r.shipments().size(); i++) {
            flagged += r.shipments().flagged(i) ? 1 : 0;
        }
        assertEquals(flagged > 0 ? flagged : r.shipments().size(), r.links().caseRows().length);
        assertTrue(r.evaluation().isEmpty());
        assertEquals(Analysis.STAGES.subList(0, 1), List.copyOf(r.times().stages().keySet()).subList(0, 1));
    }

    @Test
    void bundledSampleAgainstItsTruth() throws IOException {
        GroundTruth truth = GroundTruth.read(Path.of("..", "sample-data", "truth_parties.csv"));
        AnalysisResult r = Analysis.run(SAMPLE, ShipmentReader.Options.defaults(), truth, AnalysisOptions.DEFAULTS,
                ProgressListener.NONE);
        Evaluation e = r.evaluation().orElseThrow();
        assertEquals(8, e.truthRings(), "the sample plants 8 rings (sample-data/README.md)");
        assertEquals(8, e.ringsFound());
        assertTrue(e.ring().meanF1() > 0.9, "ring F1 " + e.ring().meanF1());
        assertEquals(1.0, e.leadPrecision().get(8), "the top 8 leads are all true ring members");
        assertEquals(e.leadPrecision().get(8), Evaluation.precisionAt(8, r.leads().parties(),
                truth.ringLabels(r.partyGraph().ids())));
        assertTrue(e.tiers().accuracy() > 0.9, "tier accuracy " + e.tiers().accuracy());
    }

    /**
     * Ring A's source sends every lot from a courier station's address (a 驿站): in the same file so
     * written it is a place, not a person, and leaves ring A's members and the leads, while ring A is
     * found with its warehouse as before; pseudonyms do not hide it (addresses are read before they
     * are replaced). Without station words it heads ring A, as in the designed file.
     */
    @Test
    void aSourceSendingFromACourierStationIsAPlaceNotAMember(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mini-station.csv");
        Files.writeString(file, Files.readString(MINI).replace("瑞丽市姐告路8号", "瑞丽市姐告路菜鸟驿站(8号店)"));
        Pseudonymizer p = new Pseudonymizer(PseudonymKey.ofBytes(
                "a test key of 32 bytes, not real".getBytes(StandardCharsets.US_ASCII)));
        for (Pseudonymizer pseudonyms : new Pseudonymizer[] {null, p}) {
            AnalysisResult r = Analysis.run(file, AnalysisOptions.builder().pseudonymizer(pseudonyms).build());
            LabeledGraph g = r.partyGraph();
            int source = g.node(pseudonyms == null ? SOURCE_A : p.phone(SOURCE_A));
            int transit = g.node(pseudonyms == null ? TRANSIT_A : p.phone(TRANSIT_A));
            assertTrue(r.stations()[source]);
            assertEquals(1, org.parcelnet.roles.CourierStations.count(r.stations()));
            assertEquals(2, r.rings().ringCount());
            assertEquals(-1, r.ringOf()[source], "the station is no member");
            assertTrue(r.ringOf()[transit] >= 0, "ring A is still found");
            assertTrue(r.leads().parties().stream().noneMatch(l -> l.party() == source), "the station is no lead");
        }
        AnalysisResult without = Analysis.run(file, AnalysisOptions.builder().stationWords(List.of()).build());
        LabeledGraph g = without.partyGraph();
        assertEquals(0, org.parcelnet.roles.CourierStations.count(without.stations()));
        assertTrue(without.ringOf()[g.node(SOURCE_A)] >= 0);
        assertEquals(without.ringOf()[g.node(TRANSIT_A)], without.ringOf()[g.node(SOURCE_A)]);
    }

    @Test
    void sameInputAndOptionsGiveTheSameResult() throws IOException {
        ShipmentTable table = ShipmentReader.read(MINI).table();
        AnalysisResult fromPath = Analysis.run(MINI, AnalysisOptions.DEFAULTS);
        AnalysisResult fromTable = Analysis.run(table, null, AnalysisOptions.DEFAULTS, ProgressListener.NONE);
        assertArrayEquals(fromPath.community(), fromTable.community());
        assertArrayEquals(fromPath.ringOf(), fromTable.ringOf());
        assertArrayEquals(fromPath.links().network(), fromTable.links().network());
        assertArrayEquals(fromPath.betweenness().score(), fromTable.betweenness().score());
        assertEquals(leadIds(fromPath), leadIds(fromTable));
        assertEquals(fromPath.leads().parties().get(0).score(), fromTable.leads().parties().get(0).score());
    }

    @Test
    void pseudonymisedRunFindsTheSameStructureWithoutRawPhones() throws IOException {
        byte[] key = "a test key of 32 bytes, not real".getBytes(StandardCharsets.US_ASCII);
        Pseudonymizer p = new Pseudonymizer(PseudonymKey.ofBytes(key));
        AnalysisResult plain = Analysis.run(MINI, AnalysisOptions.DEFAULTS);
        AnalysisResult safe = Analysis.run(MINI, AnalysisOptions.builder().pseudonymizer(p).build());
        assertEquals(plain.rings().ringCount(), safe.rings().ringCount());
        assertEquals(plain.partyGraph().graph().nodeCount(), safe.partyGraph().graph().nodeCount());
        List<String> ids = safe.partyGraph().ids().ids();
        assertFalse(ids.contains(SOURCE_A));
        assertTrue(ids.contains(p.phone(SOURCE_A)));
        assertNotEquals(-1, safe.ringOf()[safe.partyGraph().node(p.phone(TRANSIT_A))]);
    }

    @Test
    void cancellingStopsTheRun() {
        AtomicInteger stages = new AtomicInteger();
        ProgressListener cancelAfterTwoStages = new ProgressListener() {
            @Override
            public void begin(String task, long totalWork) {
                stages.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return stages.get() >= 2;
            }
        };
        assertThrows(CancelledException.class, () -> Analysis.run(MINI, ShipmentReader.Options.defaults(), null,
                AnalysisOptions.DEFAULTS, cancelAfterTwoStages));
    }

    @Test
    void optionsAreValidatedOnConstruction() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisOptions.builder().budget(0).build());
        assertEquals("budget must be >= 1, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AnalysisOptions.builder().windowDays(0).build());
        assertThrows(IllegalArgumentException.class, () -> AnalysisOptions.builder().resolution(Double.NaN).build());
    }

    private static List<String> leadIds(AnalysisResult r) {
        return r.leads().parties().stream().map(PartyLead::id).toList();
    }
}
