package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.Subgraph;
import org.junit.jupiter.api.Test;

class RingFinderTest {

    /** Chains as party lists. */
    private static RingFinder.ChainParties chains(List<int[]> list) {
        int[] offsets = new int[list.size() + 1];
        int total = list.stream().mapToInt(a -> a.length).sum();
        int[] parties = new int[total];
        int p = 0;
        for (int c = 0; c < list.size(); c++) {
            for (int v : list.get(c)) {
                parties[p++] = v;
            }
            offsets[c + 1] = p;
        }
        return new RingFinder.ChainParties(offsets, parties);
    }

    /** A ring: source s → transit s+1 → distributors s+2, s+3 → retailers (three each); chains along every branch. */
    private static void ring(CompactGraphBuilder b, List<int[]> chains, int s, int repeats) {
        b.addEdge(s, s + 1, 20);
        b.addEdge(s + 1, s + 2, 10);
        b.addEdge(s + 1, s + 3, 10);
        for (int r = 0; r < 3; r++) {
            b.addEdge(s + 2, s + 4 + r, 3);
            b.addEdge(s + 3, s + 7 + r, 3);
        }
        for (int k = 0; k < repeats; k++) {
            for (int r = 0; r < 3; r++) {
                chains.add(new int[] {s, s + 1, s + 2, s + 4 + r});
                chains.add(new int[] {s, s + 1, s + 3, s + 7 + r});
            }
        }
    }

    /** Chains as party lists with their entry places. */
    private static RingFinder.ChainParties chains(List<int[]> list, List<Integer> entry) {
        RingFinder.ChainParties c = chains(list);
        return new RingFinder.ChainParties(c.offsets(), c.parties(), entry.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Ring A: source 0 → warehouses 1, 2 → distributors 3..5 → retailers 6..11 (two each), entering at
     * place 7; ring B: source 12 → warehouses 13 and (shared) 1 → distributors 14..16 → retailers
     * 17..22, entering at place 9. Every warehouse feeds every distributor of its rings; each
     * source–warehouse–distributor–retailer path is a chain, twice. With all parties in one community
     * (the two rings are one dense group joined at 1), the group is split by crossing into A and B,
     * warehouse 1 going with A, whose chains run through it as often as B's (ties: the first side).
     * Without entry places it stays one ring.
     */
    @Test
    void twoRingsJoinedAtOneSharedWarehouseAreSplitByCrossing() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(23);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 2);
        addRing(b, list, entry, new int[] {12, 1, 13, 14, 15, 16, 17}, 9, 2);
        CompactGraph g = b.build();
        RingFinder.Options o = RingFinder.Options.defaults();
        RingFinder.Result split = RingFinder.find(g, new int[23], chains(list, entry), o);
        assertTwoRings(split, 0, range(0, 12), 12, range(12, 23));
        RingFinder.Result whole = RingFinder.find(g, new int[23], chains(list), o.withMaxDepth(0));
        assertEquals(1, whole.ringCount());
    }

    /**
     * The two rings of the test above, but the chain linking at the shared warehouse 1 paired each
     * ring's receipts with parcels to the other ring's distributors: chains 0 → 1 → B's distributors
     * and 12 → 1 → A's distributors (once per retailer). Every party past warehouse 1 now carries
     * chains of both crossings, far more than two. Cutting each chain after relay 1 leaves A and B
     * nothing else in common, and each side reaches a warehouse, three distributors and six retailers
     * of its own: two rings. Without the relay rule the group stays one ring.
     */
    @Test
    void chainsCrossingIntoTheOtherRingAtASharedWarehouseDoNotJoinTheCrossings() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(23);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 2);
        addRing(b, list, entry, new int[] {12, 1, 13, 14, 15, 16, 17}, 9, 2);
        for (int di = 0; di < 3; di++) {
            for (int ri = 0; ri < 2; ri++) {
                list.add(new int[] {0, 1, 14 + di, 17 + 2 * di + ri});
                entry.add(7);
                list.add(new int[] {12, 1, 3 + di, 6 + 2 * di + ri});
                entry.add(9);
            }
        }
        CompactGraph g = b.build();
        RingFinder.Result split = RingFinder.find(g, new int[23], chains(list, entry), RingFinder.Options.defaults());
        int[] ab = assertTwoRings(split, 0, range(2, 12), 12, range(13, 23));
        int a = ab[0];
        int bRing = ab[1];
        assertTrue(split.ringOf()[1] == a || split.ringOf()[1] == bRing);
    }

    /**
     * Rings as accepted: {0} alone with the chains 0 → 1 → 2 and 0 → 1 → 3 (a source whose first relay,
     * warehouse 1, went to the other ring), {1, 2, 3, 4} with the chain 4 → 1 → 2 of its own source 4,
     * and {5, 6} with 5 → 6. Ring {0} holds nothing but a chain start: it joins the ring of 1..4, which
     * its chains reach, and takes its label; {5, 6} is left alone.
     */
    @Test
    void aRingOfNothingButASourceJoinsTheRingItsChainsReach() {
        RingFinder.ChainParties c = chains(List.of(new int[] {0, 1, 2}, new int[] {0, 1, 3}, new int[] {4, 1, 2},
                new int[] {5, 6}));
        List<RingFinder.Group> rings = new ArrayList<>(List.of(new RingFinder.Group(new int[] {0}, new int[] {0, 1}, 1),
                new RingFinder.Group(new int[] {1, 2, 3, 4}, new int[] {2}, 1),
                new RingFinder.Group(new int[] {5, 6}, new int[] {3}, 0)));
        int[] label = {10, 11, 11, 11, 11, 12, 12};
        RingFinder.attachLoneSources(rings, c, label, 7);
        assertEquals(2, rings.size());
        int[] joined = rings.get(0).nodes().clone();
        Arrays.sort(joined);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, joined);
        assertEquals(3, rings.get(0).chains().length);
        assertEquals(11, label[0]);
        assertArrayEquals(new int[] {5, 6}, rings.get(1).nodes());
    }

    /**
     * Three rings sharing warehouse 1: ring A (source 0, warehouses 1 and 2, distributors 3..5,
     * retailers 6..11) enters at place 7 and sends most through 1; rings B (source 12, warehouses 1
     * and 13, distributors 14..16, retailers 17..22) and C (source 23, warehouses 1 and 24,
     * distributors 25..27, retailers 28..33) both enter at place 9. Each source–warehouse–distributor–
     * retailer path is a chain (A's through 1 six times, the others twice). Twice the chain linking
     * took B's receipt at 1 for a parcel 1 sent to C's distributor 25 (chain 12, 1, 25, 28). The group
     * is split by crossing into A (with warehouse 1, whose chains run through it most) and B + C; there
     * Leiden separates B from C (no edge joins them without 1), and the stray chain, which crosses
     * from B to C only through 1, a relay of the other side, does not join them again: three rings.
     */
    @Test
    void aChainThroughARelayOfTheOtherSideDoesNotJoinTheRingsItRunsBetween() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(34);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 6);
        addRing(b, list, entry, new int[] {12, 1, 13, 14, 15, 16, 17}, 9, 2);
        addRing(b, list, entry, new int[] {23, 1, 24, 25, 26, 27, 28}, 9, 2);
        for (int rep = 0; rep < 2; rep++) {
            list.add(new int[] {12, 1, 25, 28});
            entry.add(9);
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[34], chains(list, entry), RingFinder.Options.defaults());
        assertEquals(3, r.ringCount());
        int[][] expected = {range(0, 12), range(12, 23), range(23, 34)};
        for (int[] ring : expected) {
            for (int v : ring) {
                assertEquals(r.ringOf()[ring[ring.length - 1]], r.ringOf()[v], "party " + v);
            }
        }
        assertNotEquals(r.ringOf()[12], r.ringOf()[23]);
        assertNotEquals(r.ringOf()[0], r.ringOf()[12]);
        assertNotEquals(r.ringOf()[0], r.ringOf()[23]);
    }

    /**
     * Rings A (source 0, warehouses 1 and 2, distributors 3..5, retailers 6..11) and B (source 12,
     * warehouses 13 and 14, distributors 15..17, retailers 18..23) enter at the same place 7 and
     * both also hand lots in at courier station 24 there, whose phone is then the sender: 24 → 1 and
     * 24 → 13 (weight 10 each), and every station–warehouse–distributor–retailer path through 1 and 13
     * is a chain, twice. All of it is one community. Leiden separates A from B (only 24 touches
     * both); the chains starting at 24 would join them again, but 24 feeds two parts that each have
     * 24 chains from a source of their own: a shared drop-off point, which joins nothing. Two rings,
     * with 24 in one of them; without the rule (or with 24 the only supply of B) one ring.
     */
    @Test
    void aDropOffPointAtTheBorderThatTwoRingsShareDoesNotJoinThem() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(25);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 2);
        addRing(b, list, entry, new int[] {12, 13, 14, 15, 16, 17, 18}, 7, 2);
        int station = 24;
        for (int[] side : new int[][] {{1, 3, 6}, {13, 15, 18}}) {
            b.addEdge(station, side[0], 10);
            for (int di = 0; di < 3; di++) {
                for (int ri = 0; ri < 2; ri++) {
                    for (int rep = 0; rep < 2; rep++) {
                        list.add(new int[] {station, side[0], side[1] + di, side[2] + 2 * di + ri});
                        entry.add(7);
                    }
                }
            }
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[25], chains(list, entry), RingFinder.Options.defaults());
        int[] ab = assertTwoRings(r, 0, range(0, 12), 12, range(12, 24));
        int a = ab[0];
        int bRing = ab[1];
        assertTrue(r.ringOf()[station] == a || r.ringOf()[station] == bRing);
        // B without a source of its own: the station is its only supply, so it is B's source and A's
        // part is joined to it (one operation feeding both through one sender)
        List<int[]> onlyStation = new ArrayList<>();
        List<Integer> onlyEntry = new ArrayList<>();
        for (int c = 0; c < list.size(); c++) {
            if (list.get(c)[0] != 12) {
                onlyStation.add(list.get(c));
                onlyEntry.add(entry.get(c));
            }
        }
        RingFinder.Result joined = RingFinder.find(g, new int[25], chains(onlyStation, onlyEntry),
                RingFinder.Options.defaults());
        assertEquals(1, joined.ringCount());
    }

    /**
     * Rings A (parties 0..11) and B (12..23) entering at place 7 as {@link #addRing} builds them, and
     * station 24 tied to all four warehouses by 60 parcels each, with chains station → warehouse →
     * distributor → retailer in both rings.
     */
    private static void twoRingsWithABusyDropOff(CompactGraphBuilder b, List<int[]> list, List<Integer> entry) {
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 2);
        addRing(b, list, entry, new int[] {12, 13, 14, 15, 16, 17, 18}, 7, 2);
        int station = 24;
        for (int[] side : new int[][] {{1, 3, 6}, {2, 3, 6}, {13, 15, 18}, {14, 15, 18}}) {
            b.addEdge(station, side[0], 60);
            for (int di = 0; di < 3; di++) {
                list.add(new int[] {station, side[0], side[1] + di, side[2] + 2 * di});
                entry.add(7);
            }
        }
    }

    /**
     * Two rings entering at one town (place 7) whose lots are also handed in at one busy drop-off
     * point there: ring A (source 0, warehouses 1, 2, distributors 3..5, retailers 6..11) and ring B
     * (12, 13, 14, 15..17, 18..23) as {@link #addRing} builds them, and station 24 tied to all four
     * warehouses by 60 parcels each, with chains station → warehouse → distributor → retailer in
     * both rings. Leiden puts the station with both rings' warehouses, and that part joins the rings
     * (one ring before the rule); without the edges of the chains' pure starts (sources and the
     * station) it separates A from B, whose relaying parties share no tie, and the station, feeding
     * both with each supplied by a source of its own, joins neither. With a warehouse of B supplying
     * a distributor of A (2 parcels) the parts trade below the border: one ring.
     */
    @Test
    void aBusyDropOffPointDoesNotGlueTwoRingsThatDoNotTradeBelowTheBorder() {
        for (boolean trade : new boolean[] {false, true}) {
            CompactGraphBuilder b = CompactGraphBuilder.undirected(25);
            List<int[]> list = new ArrayList<>();
            List<Integer> entry = new ArrayList<>();
            twoRingsWithABusyDropOff(b, list, entry);
            if (trade) {
                b.addEdge(13, 3, 2);
            }
            RingFinder.Result r = RingFinder.find(b.build(), new int[25], chains(list, entry),
                    RingFinder.Options.defaults());
            if (trade) {
                assertEquals(1, r.ringCount());
                continue;
            }
            assertTwoRings(r, 0, range(0, 12), 12, range(12, 24));
        }
    }

    /**
     * The rings of {@link #aBusyDropOffPointDoesNotGlueTwoRingsThatDoNotTradeBelowTheBorder} and a
     * buyer, party 25, who buys from A's retailer 6 again and again (5 parcels) and once from B's
     * retailer 18, right after 18 received a parcel from a border shop (party 26, a hub without
     * edges): the chain 26 → 18 → 25. Leiden puts the buyer with A, whose part chains feed; a chain from
     * outside ending in a single sale does not join that part to B, so the rings stay apart (one ring
     * before the rule). When the buyer takes 2 parcels from 18, it trades with both rings' relaying
     * parties: one ring.
     */
    @Test
    void aChainFromOutsideEndingInASingleSaleDoesNotJoinTheBuyersRingToAnother() {
        for (int fromB : new int[] {1, 2}) {
            CompactGraphBuilder b = CompactGraphBuilder.undirected(27);
            List<int[]> list = new ArrayList<>();
            List<Integer> entry = new ArrayList<>();
            twoRingsWithABusyDropOff(b, list, entry);
            int buyer = 25;
            int shop = 26;
            b.addEdge(6, buyer, 5);
            b.addEdge(18, buyer, fromB);
            list.add(new int[] {shop, 18, buyer});
            entry.add(7);
            int[] communities = new int[27];
            communities[shop] = 1; // a party without edges is a community of its own
            RingFinder.Result r = RingFinder.find(b.build(), communities, chains(list, entry),
                    RingFinder.Options.defaults());
            if (fromB == 2) {
                assertEquals(1, r.ringCount());
                continue;
            }
            int[] ab = assertTwoRings(r, 0, range(0, 12), 12, range(12, 24));
            assertTrue(r.ringOf()[buyer] == ab[0] || r.ringOf()[buyer] == -1, "the buyer is not B's");
        }
    }

    /**
     * A ring as {@link #addRing} builds it (source 0, warehouses 1, 2, distributors 3..5, retailers
     * 6..11) and retailer 12, supplied once by distributor 3 with a single parcel right after 3 got a
     * parcel handed in at a border station (party 21, a hub without edges: the chain 21 → 3 → 12); the
     * retailer sells to 8 buyers of its own (13..20, 3 parcels each). Leiden puts the retailer with
     * its buyers; no chain feeds that part and every single sale into it comes from the ring, so it
     * joins the ring and the retailer is a ring party. The buyers are not: each has 3 parcels from
     * the retailer and is tied to no chain party beside it.
     */
    @Test
    void aRetailerSuppliedOnceWithItsOwnBuyersStaysWithTheRing() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(22);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        addRing(b, list, entry, new int[] {0, 1, 2, 3, 4, 5, 6}, 7, 2);
        int retailer = 12;
        int station = 21;
        b.addEdge(3, retailer, 1);
        list.add(new int[] {station, 3, retailer});
        entry.add(7);
        for (int buyer = 13; buyer <= 20; buyer++) {
            b.addEdge(retailer, buyer, 3);
        }
        int[] communities = new int[22];
        communities[station] = 1; // a party without edges is a community of its own
        RingFinder.Result r = RingFinder.find(b.build(), communities, chains(list, entry),
                RingFinder.Options.defaults());
        assertEquals(1, r.ringCount());
        for (int v = 0; v <= retailer; v++) {
            assertEquals(0, r.ringOf()[v], "party " + v);
        }
    }

    /**
     * One ring whose Leiden parts meet only at its sources: sources 0 and 1 both feed warehouses 2 and
     * 3; warehouse 2 feeds distributors 4, 5 (retailers 8..11), warehouse 3 feeds 6, 7 (retailers
     * 12..15); every source–warehouse–distributor–retailer path is a chain. Each source feeds both
     * sides and neither side has a supply of its own, so the sources join them: one ring.
     */
    @Test
    void sourcesThatFeedEveryPartOfARingKeepItWhole() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(16);
        List<int[]> list = new ArrayList<>();
        for (int src : new int[] {0, 1}) {
            for (int w : new int[] {2, 3}) {
                b.addEdge(src, w, 5);
            }
        }
        for (int d = 4; d < 8; d++) {
            int w = d < 6 ? 2 : 3;
            b.addEdge(w, d, 6);
            for (int ri = 0; ri < 2; ri++) {
                int retailer = 8 + 2 * (d - 4) + ri;
                b.addEdge(d, retailer, 3);
                for (int src : new int[] {0, 1}) {
                    list.add(new int[] {src, w, d, retailer});
                    list.add(new int[] {src, w, d, retailer});
                }
            }
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[16], chains(list), RingFinder.Options.defaults());
        assertEquals(1, r.ringCount());
        for (int v = 0; v < 16; v++) {
            assertEquals(0, r.ringOf()[v], "party " + v);
        }
    }

    /**
     * Adds a hand-built ring: source {@code ring[0]} → warehouses {@code ring[1]} and {@code ring[2]}
     * (weight 10) → distributors {@code ring[3..5]} (4) → two retailers each, numbered from
     * {@code ring[6]} (3). Each source–warehouse–distributor–retailer path is a chain entering at
     * {@code place}, twice, or {@code throughFirst} times through the first warehouse.
     */
    private static void addRing(CompactGraphBuilder b, List<int[]> chains, List<Integer> entry, int[] ring, int place,
                                int throughFirst) {
        int src = ring[0];
        int[] dists = {ring[3], ring[4], ring[5]};
        int firstRetailer = ring[6];
        for (int w : new int[] {ring[1], ring[2]}) {
            b.addEdge(src, w, 10);
            int repeats = w == ring[1] ? throughFirst : 2;
            for (int di = 0; di < 3; di++) {
                b.addEdge(w, dists[di], 4);
                for (int ri = 0; ri < 2; ri++) {
                    for (int rep = 0; rep < repeats; rep++) {
                        chains.add(new int[] {src, w, dists[di], firstRetailer + 2 * di + ri});
                        entry.add(place);
                    }
                }
            }
        }
        for (int di = 0; di < 3; di++) {
            for (int ri = 0; ri < 2; ri++) {
                b.addEdge(dists[di], firstRetailer + 2 * di + ri, 3);
            }
        }
    }

    /**
     * One ring entering at two crossings: sources 0 (place 7) and 1 (place 9) both feed warehouses 2
     * and 3, which feed distributors 4, 5, 6 with two retailers each. The crossings' chains share both
     * warehouses and every distributor and retailer (more than two parties), so it stays one ring.
     */
    @Test
    void oneRingEnteringAtTwoCrossingsIsNotSplit() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(13);
        List<int[]> list = new ArrayList<>();
        List<Integer> entry = new ArrayList<>();
        for (int src = 0; src < 2; src++) {
            for (int w = 2; w < 4; w++) {
                b.addEdge(src, w, 10);
                for (int d = 4; d < 7; d++) {
                    for (int ri = 0; ri < 2; ri++) {
                        list.add(new int[] {src, w, d, 7 + 2 * (d - 4) + ri});
                        entry.add(src == 0 ? 7 : 9);
                    }
                }
            }
        }
        for (int w = 2; w < 4; w++) {
            for (int d = 4; d < 7; d++) {
                b.addEdge(w, d, 4);
            }
        }
        for (int d = 4; d < 7; d++) {
            b.addEdge(d, 7 + 2 * (d - 4), 3);
            b.addEdge(d, 8 + 2 * (d - 4), 3);
        }
        RingFinder.Result r = RingFinder.find(b.build(), new int[13], chains(list, entry), RingFinder.Options.defaults());
        assertEquals(1, r.ringCount());
        for (int v = 0; v < 13; v++) {
            assertEquals(0, r.ringOf()[v], "party " + v);
        }
    }

    /**
     * Chains that start at a courier station: party 0 handed in every source parcel and, as a hub, has
     * no edges left (its own community). The chains 0 → 1 → 2 → 3 and 0 → 1 → 2 → 4 still lie inside
     * the community of 1..4, which is a ring; the station is not in it.
     */
    @Test
    void chainsStartingAtAHubWithoutEdgesCountForTheCommunityOfTheirOtherParties() {
        CompactGraph g = CompactGraphBuilder.undirected(5).addEdge(1, 2, 6).addEdge(2, 3, 3).addEdge(2, 4, 3).build();
        List<int[]> list = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            list.add(new int[] {0, 1, 2, 3});
            list.add(new int[] {0, 1, 2, 4});
        }
        RingFinder.Result r = RingFinder.find(g, new int[] {1, 0, 0, 0, 0}, chains(list),
                RingFinder.Options.defaults().withMaxDepth(0));
        assertEquals(1, r.ringCount());
        assertArrayEquals(new int[] {-1, 0, 0, 0, 0}, r.ringOf());
        assertEquals(6, r.ringChains()[0]);
        // the same chains with the station in the middle (it collected a parcel and handed in another)
        List<int[]> middle = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            middle.add(new int[] {1, 0, 2, 3});
            middle.add(new int[] {1, 0, 2, 4});
        }
        assertEquals(0, RingFinder.find(g, new int[] {1, 0, 0, 0, 0}, chains(middle),
                RingFinder.Options.defaults().withMaxDepth(0)).ringCount());
    }

    /**
     * Asserts that {@code r} found two rings, the ring of {@code anchorA} holding every party of
     * {@code a} and the other, that of {@code anchorB}, every party of {@code b}; returns the two ring ids.
     */
    private static int[] assertTwoRings(RingFinder.Result r, int anchorA, int[] a, int anchorB, int[] b) {
        assertEquals(2, r.ringCount());
        int ringA = r.ringOf()[anchorA];
        int ringB = r.ringOf()[anchorB];
        assertNotEquals(ringA, ringB);
        for (int v : a) {
            assertEquals(ringA, r.ringOf()[v], "ring A: " + v);
        }
        for (int v : b) {
            assertEquals(ringB, r.ringOf()[v], "ring B: " + v);
        }
        return new int[] {ringA, ringB};
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void twoRingsGluedToOrdinaryTrafficAreCutFreeAndKeptWhole() {
        // Ring A = 0..9, ring B = 10..19, ordinary traffic = a clique 20..49; every ring member also
        // trades once with the clique, and all of it was (as the resolution limit does) one community.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(50);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 2);
        ring(b, list, 10, 2);
        for (int u = 20; u < 50; u++) {
            for (int v = u + 1; v < 50; v++) {
                b.addEdge(u, v, 1);
            }
        }
        for (int v = 0; v < 20; v++) {
            b.addEdge(v, 20 + v, 1);
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[50], chains(list), RingFinder.Options.defaults());
        assertEquals(2, r.ringCount());
        assertTrue(r.splits() >= 1);
        for (int v = 0; v < 10; v++) {
            assertEquals(r.ringOf()[0], r.ringOf()[v], "ring A whole: " + v);
            assertEquals(r.ringOf()[10], r.ringOf()[10 + v], "ring B whole: " + (10 + v));
        }
        assertNotEquals(r.ringOf()[0], r.ringOf()[10]);
        for (int v = 20; v < 50; v++) {
            assertEquals(-1, r.ringOf()[v], "ordinary party " + v);
        }
        assertArrayEquals(new int[] {12, 12}, r.ringChains());
        // Refined communities: the rings and the clique are apart.
        int[] m = r.partition().membership();
        assertNotEquals(m[0], m[20]);
        assertNotEquals(m[0], m[10]);
    }

    @Test
    void aRingIsNotCutAlongItsBranchesAndWithoutSplittingStaysOneCommunity() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(10);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 1);
        CompactGraph g = b.build();
        for (int depth : new int[] {0, 4}) {
            RingFinder.Result r = RingFinder.find(g, new int[10], chains(list),
                    RingFinder.Options.defaults().withMaxDepth(depth));
            assertEquals(1, r.ringCount());
            assertEquals(0, r.splits());
            int[] expected = new int[10];
            assertArrayEquals(expected, r.ringOf());
        }
    }

    @Test
    void fewChainsInABigCommunityAreChanceNotARing() {
        // 5 chains through a 60-node community: 5 >= minChains but 5 < 0.2 × 60.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(60);
        for (int v = 1; v < 60; v++) {
            b.addEdge(v - 1, v, 1);
            b.addEdge(v, (v * 7) % 60, 1);
        }
        List<int[]> list = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            list.add(new int[] {k, k + 1, k + 2});
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[60], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0));
        assertEquals(0, r.ringCount());
        assertEquals(-1, Arrays.stream(r.ringOf()).max().getAsInt());
        RingFinder.Result lax = RingFinder.find(g, new int[60], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0));
        assertEquals(1, lax.ringCount(), "without the density rule the 5 chains make it a ring");
    }

    /**
     * A ring of 13 parties (source 0, transit 1, distributors 2 and 3, six retailers) with one chain
     * along each of its 6 branches, whose distributor 2 also sold one parcel each to 40 one-off buyers
     * (13..52). The community holds 53 parties: 6 chains are fewer than 0.2 × 53, but the buyers, with
     * a single parcel each, are the ring's market and do not count: 6 ≥ 0.2 × 13, a ring. Give every
     * buyer a second parcel and they count: no ring.
     */
    @Test
    void oneOffBuyersDoNotThinARingsChains() {
        for (int parcels = 1; parcels <= 2; parcels++) {
            CompactGraphBuilder b = CompactGraphBuilder.undirected(53);
            List<int[]> list = new ArrayList<>();
            ring(b, list, 0, 1);
            for (int v = 13; v < 53; v++) {
                b.addEdge(2, v, parcels);
            }
            RingFinder.Result r = RingFinder.find(b.build(), new int[53], chains(list),
                    RingFinder.Options.defaults().withMaxDepth(0));
            assertEquals(parcels == 1 ? 1 : 0, r.ringCount(), "buyers with " + parcels + " parcels");
        }
    }

    @Test
    void weaklyTiedCommunityMembersAreNotRingMembers() {
        // Ring 0..9 with its chains; node 10 is a shop: one parcel from ring member 4, 40 parcels to
        // node 11 (its other customer); node 12 got one parcel from ring member 5 and nothing else.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(13);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 1);
        b.addEdge(4, 10, 1);
        b.addEdge(10, 11, 40);
        b.addEdge(5, 12, 1);
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[13], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0.1));
        assertEquals(1, r.ringCount());
        assertEquals(-1, r.ringOf()[10], "the shop: 1 of its 41 parcels with the ring");
        assertEquals(-1, r.ringOf()[11], "no parcel with the ring");
        assertEquals(0, r.ringOf()[12], "all of its parcels are with the ring");
        assertEquals(2, r.trimmed());
        RingFinder.Result all = RingFinder.find(g, new int[13], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0.1).withMinTie(0));
        assertEquals(0, all.trimmed());
    }

    @Test
    void deterministicAndValidated() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(50);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 2);
        ring(b, list, 10, 2);
        for (int u = 20; u < 50; u++) {
            b.addEdge(u, 20 + (u * 13) % 30, 1);
            b.addEdge(u, 20 + (u * 7 + 3) % 30, 1);
        }
        b.addEdge(9, 20, 1);
        b.addEdge(19, 21, 1);
        CompactGraph g = b.build();
        RingFinder.Options o = RingFinder.Options.defaults().withLeiden(LeidenParams.builder().seed(3).build());
        RingFinder.Result a = RingFinder.find(g, new int[50], chains(list), o);
        RingFinder.Result c = RingFinder.find(g, new int[50], chains(list), o);
        assertArrayEquals(a.ringOf(), c.ringOf());
        assertArrayEquals(a.partition().membership(), c.partition().membership());
        assertThrows(IllegalArgumentException.class, () -> RingFinder.find(g, new int[3], chains(list), o));
        assertThrows(IllegalArgumentException.class, () -> RingFinder.Options.defaults().withMinChains(0));
        assertThrows(IllegalArgumentException.class, () -> RingFinder.Options.defaults().withMinChainsPerMember(-1));
        CompactGraph directed = CompactGraphBuilder.directed(2).addEdge(0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> RingFinder.find(directed, new int[2], chains(List.of()), o));
    }

    @Test
    void inducedSubgraphKeepsArcsAmongChosenNodes() {
        CompactGraph g = CompactGraphBuilder.directed(5).addEdge(0, 1, 2).addEdge(1, 2, 3).addEdge(2, 0, 4)
                .addEdge(3, 4, 5).addEdge(2, 2, 6).build();
        Subgraph s = Subgraph.induced(g, new int[] {2, 0, 1});
        assertEquals(4, s.graph().edgeCount(), "0→1, 1→2, 2→0 and the loop at 2");
        assertEquals(2.0, s.graph().weight(s.graph().arcIndex(1, 2)), "0→1 became 1→2");
        assertEquals(6.0, s.graph().weight(s.graph().arcIndex(0, 0)));
        CompactGraph u = g.toUndirected();
        Subgraph su = Subgraph.induced(u, new int[] {0, 1, 2});
        assertEquals(4, su.graph().edgeCount());
        assertEquals(2 + 3 + 4 + 6, su.graph().totalWeight());
        assertThrows(IllegalArgumentException.class, () -> Subgraph.induced(g, new int[] {1, 1}));
    }
}
