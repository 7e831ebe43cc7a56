package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;
import org.parcelnet.progress.ProgressListener;

class SharedRelaysTest {

    private static final long DAY = 86_400L;
    private static final long WINDOW = 3 * DAY;

    private int row;

    private void add(ShipmentTable.Builder b, String s, String r, long seconds) {
        b.add("P" + (row++), 1_700_000_000L + seconds, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null, null,
                null, null, "c1", TransportMode.LAND, 2, 20, "tea", false);
    }

    /**
     * Every 10 days source SA hands a lot of 4 parcels to a warehouse and, 5 days later, source SB
     * another: every other lot to warehouse W, the others to the source's own warehouse (WA, WB); the
     * warehouse forwards each lot the next day, 2 parcels to each of two distributors, and each
     * distributor sends one parcel to each of its two retailers two days later. {@code ownLots}: each
     * source's lots go to distributors of its own group (A1..A3, B1..B3) — W is a warehouse two rings
     * share; otherwise the lots are pooled over all six. SB's lots start on day {@code bStart}.
     */
    private ShipmentTable warehouse(boolean ownLots, int bStart) {
        return warehouse(ownLots, bStart, true);
    }

    /** The same; without {@code ownWarehouses} all lots go through W (there is no WA or WB). */
    private ShipmentTable warehouse(boolean ownLots, int bStart, boolean ownWarehouses) {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[] dists = {"A1", "A2", "A3", "B1", "B2", "B3"};
        for (int k = 0; k < 12; k++) {
            for (int src = 0; src < 2; src++) {
                long day = src == 0 ? 10L * k : bStart + 10L * k + 5;
                String s = src == 0 ? "SA" : "SB";
                String w = k % 2 == 0 || !ownWarehouses ? "W" : src == 0 ? "WA" : "WB";
                for (int p = 0; p < 4; p++) {
                    add(b, s, w, day * DAY + p * 3600);
                }
                for (int j = 0; j < 2; j++) {
                    int d = ownLots ? 3 * src + (k + j) % 3 : (3 * src + k + 2 * j) % 6;
                    for (int p = 0; p < 2; p++) {
                        add(b, w, dists[d], (day + 1) * DAY + (2 * j + p) * 3600);
                    }
                    for (int r = 0; r < 2; r++) {
                        add(b, dists[d], dists[d] + "r" + r, (day + 3) * DAY + r * 3600);
                    }
                }
            }
        }
        return b.build();
    }

    /** The chains by hand: each lot's way from its source through its warehouse to a distributor and a retailer. */
    private static RingFinder.ChainParties chains(ShipmentTable t, PartyIndex p) {
        List<int[]> list = new ArrayList<>();
        int[] sender = p.senderParty();
        int[] receiver = p.receiverParty();
        for (int i = 0; i < t.size(); i++) {
            // warehouse → distributor rows: the chain from the source whose lot came in last, on to a retailer
            int w = sender[i];
            if (!p.parties().id(w).startsWith("W")) {
                continue;
            }
            int src = -1;
            for (int j = i - 1; j >= 0 && src < 0; j--) {
                if (receiver[j] == w) {
                    src = sender[j];
                }
            }
            int d = receiver[i];
            String name = p.parties().id(d);
            list.add(new int[] {src, w, d, p.parties().indexOf(name + "r0")});
        }
        int[] offsets = new int[list.size() + 1];
        int[] parties = new int[list.size() * 4];
        for (int c = 0; c < list.size(); c++) {
            System.arraycopy(list.get(c), 0, parties, 4 * c, 4);
            offsets[c + 1] = 4 * (c + 1);
        }
        return new RingFinder.ChainParties(offsets, parties);
    }

    private static RingFinder.Result find(ShipmentTable t, boolean withRelays) {
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        CompactGraph g = Projections.partyGraph(t, p, Projections.Volume.SHIPMENTS).graph().toUndirected();
        RingFinder.ChainParties chains = chains(t, p);
        int[] one = new int[g.nodeCount()];
        SharedRelays relays = withRelays ? SharedRelays.of(t, p, chains, WINDOW) : null;
        return RingFinder.find(g, g, one, chains, relays,
                RingFinder.Options.defaults().withLeiden(LeidenParams.builder().seed(1).build()), ProgressListener.NONE);
    }

    private static int ringOf(ShipmentTable t, RingFinder.Result r, String id) {
        return r.ringOf()[Projections.parties(t, PartyKey.PHONE).parties().indexOf(id)];
    }

    /**
     * W (and WA, WB) pass SA's lots to A1..A3 only and SB's to B1..B3 only, the two interleaved in
     * time: under pooling each of the 21 returning picks of a side (24 picks, 3 receivers) would stay
     * on its side with probability 1/2, 0.5^42 together, far below ALPHA. Without the rule the chains
     * through W keep everything one ring; with it the two groups are rings of their own.
     */
    @Test
    void aWarehouseThatPassesEachGroupsLotsToItsOwnReceiversSplitsTheGroup() {
        ShipmentTable t = warehouse(true, 0);
        RingFinder.Result before = find(t, false);
        assertEquals(1, before.ringCount());
        RingFinder.Result after = find(t, true);
        assertEquals(2, after.ringCount());
        assertOneRing(t, after, "SA", "A1", "A2", "A3", "A1r0", "A3r0");
        assertOneRing(t, after, "SB", "B1", "B2", "B3", "B1r0", "B3r0");
        assertNotEquals(ringOf(t, after, "SA"), ringOf(t, after, "SB"));
    }

    /**
     * Both rings' lots all go through W, which one found ring holds. The other ring keeps no relay:
     * its chains run from its source through W to its distributors, and the source still joins the
     * distributors its lots went to past W (otherwise the recursive split leaves it a ring of senders
     * alone, and the distributors' parts without chains are dropped).
     */
    @Test
    void aRingWhoseOnlyWarehouseWentToTheOtherRingStaysWhole() {
        ShipmentTable t = warehouse(true, 0, false);
        RingFinder.Result r = find(t, true);
        assertEquals(2, r.ringCount());
        assertOneRing(t, r, "A1", "SA", "A2", "A3", "A1r0", "A3r0");
        assertOneRing(t, r, "B1", "SB", "B2", "B3", "B1r0", "B3r0");
        assertNotEquals(ringOf(t, r, "A1"), ringOf(t, r, "B1"));
        assertTrue(ringOf(t, r, "W") == ringOf(t, r, "A1") || ringOf(t, r, "W") == ringOf(t, r, "B1"));
    }

    /** A ring's warehouses mix both sources' lots over all six distributors: one block, one ring. */
    @Test
    void aRingsOwnWarehouseThatPoolsItsSourcesLotsStaysWhole() {
        ShipmentTable t = warehouse(false, 0);
        RingFinder.Result r = find(t, true);
        assertEquals(1, r.ringCount());
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        RingFinder.ChainParties chains = chains(t, p);
        SharedRelays relays = SharedRelays.of(t, p, chains, WINDOW);
        assertNull(blocks(relays, p, t));
    }

    /**
     * The same two blocks one after the other in time (SB's lots start after SA's last): a ring whose
     * members all changed phones at once looks like this, so the relay is not taken as shared.
     */
    @Test
    void blocksOneAfterTheOtherInTimeAreNotRingsOfTheirOwn() {
        ShipmentTable t = warehouse(true, 200);
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        assertNull(blocks(SharedRelays.of(t, p, chains(t, p), WINDOW), p, t));
        assertEquals(1, find(t, true).ringCount());
        // interleaved, the same lots are two blocks
        ShipmentTable u = warehouse(true, 0);
        PartyIndex q = Projections.parties(u, PartyKey.PHONE);
        assertNotNull(blocks(SharedRelays.of(u, q, chains(u, q), WINDOW), q, u));
    }

    /**
     * Warehouse W receives a lot of 4 parcels from SA on each of {@code aDays} and from SB on each of
     * {@code bDays} and forwards it the next day, 2 parcels to each of the source's two distributors
     * (A1, A2 or B1, B2).
     */
    private ShipmentTable fewLots(int[] aDays, int[] bDays) {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int src = 0; src < 2; src++) {
            String s = src == 0 ? "SA" : "SB";
            String d = src == 0 ? "A" : "B";
            for (int day : src == 0 ? aDays : bDays) {
                for (int p = 0; p < 4; p++) {
                    add(b, s, "W", day * DAY + p * 3600);
                }
                for (int j = 1; j <= 2; j++) {
                    for (int p = 0; p < 2; p++) {
                        add(b, "W", d + j, (day + 1) * DAY + (2 * j + p) * 3600);
                    }
                }
            }
        }
        return b.build();
    }

    /** Side of each party of {@code t} by {@link SharedRelays#split} over W alone with SA, SB as senders. */
    private static int[] sides(ShipmentTable t) {
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int n = p.partyCount();
        int[] local = java.util.stream.IntStream.range(0, n).toArray();
        boolean[] source = sendersSaSb(p);
        int w = p.parties().indexOf("W");
        // chains SA/SB → W → distributor, one per forwarded parcel: only their first relay matters here
        RingFinder.ChainParties chains = new RingFinder.ChainParties(new int[] {0, 2}, new int[] {
            p.parties().indexOf("SA"), w});
        return SharedRelays.of(t, p, chains, WINDOW).split(new int[] {w}, n, local, source, null);
    }

    private static int sideOf(ShipmentTable t, int[] side, String id) {
        return side[Projections.parties(t, PartyKey.PHONE).parties().indexOf(id)];
    }

    /**
     * Three lots of each source, interleaved: each lot is two picks (one per distributor), so each
     * block has 6 picks on 2 receivers, 4 of them returning. Under pooling (q = 2/4) the 4 returning
     * picks of a block stay inside and the other block's 4 stay outside with probability
     * 0.5^4 · 0.5^4 = 1/256 ≈ 0.0039: above 10⁻³, the level of a single test, but below
     * ALPHA / 2 = 0.005 for the two blocks tested, so W passes two rings' lots.
     */
    @Test
    void twoBlocksOfThreeLotsEachAreTwoRingsAtTheLevelPerBlockTested() {
        ShipmentTable t = fewLots(new int[] {0, 20, 40}, new int[] {10, 30, 50});
        int[] side = sides(t);
        assertNotNull(side);
        assertEquals(sideOf(t, side, "SA"), sideOf(t, side, "A1"));
        assertEquals(sideOf(t, side, "SA"), sideOf(t, side, "A2"));
        assertEquals(sideOf(t, side, "SB"), sideOf(t, side, "B2"));
        assertNotEquals(sideOf(t, side, "SA"), sideOf(t, side, "SB"));
        // two lots each: 2 returning picks per block, 0.5^2 · 0.5^2 = 1/16: chance
        assertNull(sides(fewLots(new int[] {0, 20}, new int[] {10, 30})));
    }

    /**
     * Blocks whose lots overlap in time by less than half the shorter span (SA on days 0–100, SB on
     * days 90–190): two rings using W side by side for a while, not a ring whose phones changed at
     * once (whose blocks do not overlap at all, {@link #blocksOneAfterTheOtherInTimeAreNotRingsOfTheirOwn}).
     */
    @Test
    void blocksThatOverlapInTimeOnlyBrieflyAreStillRingsOfTheirOwn() {
        ShipmentTable t = fewLots(new int[] {0, 20, 40, 60, 80, 100}, new int[] {90, 110, 130, 150, 170, 190});
        int[] side = sides(t);
        assertNotNull(side);
        assertNotEquals(sideOf(t, side, "SA"), sideOf(t, side, "SB"));
        assertEquals(sideOf(t, side, "SB"), sideOf(t, side, "B1"));
        // one after the other: SB starts after SA's last lot
        assertNull(sides(fewLots(new int[] {0, 20, 40, 60, 80, 100}, new int[] {110, 130, 150, 170, 190, 210})));
    }

    /** SA and SB marked as the senders of the split. */
    private static boolean[] sendersSaSb(PartyIndex p) {
        boolean[] source = new boolean[p.partyCount()];
        source[p.parties().indexOf("SA")] = true;
        source[p.parties().indexOf("SB")] = true;
        return source;
    }

    /** The blocks of the warehouses over the whole table as one group. */
    private static int[] blocks(SharedRelays relays, PartyIndex p, ShipmentTable t) {
        int n = p.partyCount();
        int[] local = java.util.stream.IntStream.range(0, n).toArray();
        boolean[] source = sendersSaSb(p);
        int[] side = relays.split(new int[] {p.parties().indexOf("W"), p.parties().indexOf("WA"),
            p.parties().indexOf("WB")}, n, local, source, null);
        return side == null ? null : Arrays.copyOf(side, n);
    }

    /** Every party in {@code others} is in the found ring of {@code anchor}. */
    private static void assertOneRing(ShipmentTable t, RingFinder.Result r, String anchor, String... others) {
        for (String x : others) {
            assertEquals(ringOf(t, r, anchor), ringOf(t, r, x), x);
        }
    }
}
