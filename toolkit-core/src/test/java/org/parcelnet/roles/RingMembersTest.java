package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.linking.CaseNetworks;
import org.parcelnet.linking.CaseRule;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class RingMembersTest {

    private static int row;

    private static void add(ShipmentTable.Builder b, String s, String r, int pieces, double kg) {
        b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null, null, null,
                null, "c1", TransportMode.LAND, pieces, kg, "tea", false);
    }

    /** The four tiers S → T → D → R, each passing three 20 kg lots of two cartons down. */
    private static void fourTiers(ShipmentTable.Builder b) {
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D", 2, 20);
            add(b, "D", "R", 2, 20);
        }
    }

    /**
     * A ring by hand: source S sends 3 lots to transit T, T 2 to distributor D, D 2 to retailer R1, one
     * 20 kg lot to retailer R2 and one 1 kg parcel to buyer B; shop X sells R1 one parcel and ten
     * others one each. Q is outside the ring but received two lots from D.
     */
    @Test
    void membersAndCustomersByHand() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
        }
        for (int i = 0; i < 2; i++) {
            add(b, "T", "D", 2, 20);
            add(b, "D", "R1", 2, 20);
            add(b, "D", "Q", 2, 20);
        }
        add(b, "D", "R2", 2, 20);
        add(b, "D", "B", 1, 1);
        add(b, "X", "R1", 1, 1);
        for (int i = 0; i < 10; i++) {
            add(b, "X", "C" + i, 1, 1);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1", "R2", "B", "X");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(0.875, conf(r, p, "S"), 1e-12);   // sent 3: 1 - 0.5^3
        assertEquals(0.95, conf(r, p, "T"), 1e-12);    // relays
        assertEquals(0.95, conf(r, p, "D"), 1e-12);
        assertEquals(0.75, conf(r, p, "R1"), 1e-12);   // received 2 of its 3 parcels from members
        assertEquals(0.6, conf(r, p, "R2"), 1e-12);    // one 20 kg lot, median core lot 20 kg
        assertEquals(0.3, conf(r, p, "B"), 1e-12);     // one 1 kg parcel: a customer
        assertEquals(0.3, conf(r, p, "X"), 1e-12);     // sold one parcel to a member: a customer
        assertEquals(0.75, conf(r, p, "Q"), 1e-12);    // outside the ring, supplied twice by D: joins it
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "Q"));
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "B"));
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "X"));
        assertNull(role(r, p, "C0"));
        assertEquals(2, r.customers());
        assertEquals(6, r.memberCount());
    }

    /**
     * A branch outside the found ring: the ring S → T → D → R is found; D also supplies D2 twice, D2
     * supplies R2 twice and R3 twice, and shop Y sends R2 one parcel and 20 other people one each. No
     * D2..R3 party is in a ring. Round 1 adds D2 (two lots from D); round 2 adds R2 and R3 (two lots
     * from D2 each, more than a quarter of their parcels); shop Y sent a member one of its 21 parcels
     * and stays out.
     */
    @Test
    void branchCutOffFromItsRingIsReattachedRoundByRound() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        fourTiers(b);
        for (int i = 0; i < 2; i++) {
            add(b, "D", "D2", 2, 20);
            add(b, "D2", "R2", 2, 20);
            add(b, "D2", "R3", 2, 20);
        }
        add(b, "Y", "R2", 1, 1);
        for (int i = 0; i < 20; i++) {
            add(b, "Y", "P" + i, 1, 1);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        for (String id : new String[] {"S", "T", "D", "R", "D2", "R2", "R3"}) {
            assertEquals(RingMembers.Role.MEMBER, role(r, p, id), id);
            assertEquals(0, r.members()[p.parties().indexOf(id)], id);
        }
        assertEquals(0.95, conf(r, p, "D2"), 1e-12);   // received from D and sent to R2, R3: relays
        assertEquals(0.75, conf(r, p, "R2"), 1e-12);   // two lots from D2, 2 of its 3 parcels
        assertNull(role(r, p, "Y"));
        assertNull(role(r, p, "P0"));
        assertEquals(7, r.memberCount());
    }

    /**
     * Resellers by hand. The found ring is S → T → D → R (three 20 kg lots a leg). X received two 20 kg
     * lots from D (depth 2), bought ten ordinary parcels from shops and shipped one parcel each to six buyers:
     * its ring parcels are 2 of 18, below the share rule's quarter, but it resells what the distributor
     * tier supplies, so it is a member (1 − 0.5² = 0.75). Y got the same two lots and bought the same, but
     * shipped two parcels to one friend only: no reseller. Z got two lots from the retailer R (depth 3)
     * and shipped to six buyers: past the retail tier, no member. E, a second distributor, got two lots from T, sells
     * to six buyers and shops like X; it supplies F twice, who sells to six buyers too: E joins as a
     * reseller at depth 2, and then F (12 kg lots, over half the ring's median 20 kg) through E. W got
     * two 2 kg parcels from D (a member's own post, no wholesale lots), shops like X and ships to six, a
     * month apart: no reseller.
     * Without the rule X, E and F stay out.
     */
    @Test
    void resellersSuppliedByTheDistributorTierAreMembers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        fourTiers(b);
        for (String v : new String[] {"X", "Y", "Z"}) {
            add(b, v.equals("Z") ? "R" : "D", v, 2, 20);
            add(b, v.equals("Z") ? "R" : "D", v, 2, 20);
            for (int k = 0; k < 10; k++) {
                add(b, "shop" + v + k, v, 1, 1);
            }
        }
        for (int k = 0; k < 6; k++) {
            add(b, "X", "buyerX" + k, 1, 1);
            add(b, "Z", "buyerZ" + k, 1, 1);
        }
        add(b, "Y", "friendY0", 1, 1);
        add(b, "Y", "friendY0", 1, 1);
        for (int k = 0; k < 2; k++) {
            add(b, "T", "E", 2, 20);
            add(b, "E", "F", 2, 12);
            add(b, "D", "W", 1, 2); // a member's own small parcels: no wholesale supply
        }
        for (int k = 0; k < 10; k++) {
            add(b, "shopE" + k, "E", 1, 1);
            add(b, "shopF" + k, "F", 1, 1);
            add(b, "shopW" + k, "W", 1, 1);
        }
        for (int k = 0; k < 6; k++) {
            add(b, "E", "buyerE" + k, 1, 1);
            add(b, "F", "buyerF" + k, 1, 1);
            addOnDay(b, "W", "buyerW" + k, 40 + 31 * k, 1, 1); // a sale a month: no burst after a supply
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "X"));
        assertEquals(0, r.members()[p.parties().indexOf("X")]);
        assertEquals(0.75, conf(r, p, "X"), 1e-12);
        assertNull(role(r, p, "Y"));
        assertNull(role(r, p, "Z"));
        assertNull(role(r, p, "W"));
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "E"));
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "F"));
        assertEquals(0, r.members()[p.parties().indexOf("F")]);
        assertEquals(7, r.memberCount());
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withTierDepth(false));
        assertNull(role(without, p, "X"));
        assertNull(role(without, p, "F"));
        assertEquals(4, without.memberCount());
    }

    /** The ring S → T → D → R passing three 20 kg lots down, R shipping {@code buyer} a 1 kg parcel with each. */
    private static void ringSellingTo(ShipmentTable.Builder b, String buyer) {
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D", 2, 20);
            add(b, "D", "R", 2, 20);
            add(b, "R", buyer, 1, 1);
        }
    }

    /**
     * Loyal buyers by hand. The found ring is S → T → D → R → {C1, C2} (C1 and C2 in the ring's
     * community): S, T and D pass on 20 kg lots; R receives 20 kg lots and ships C1 three 1 kg parcels
     * and C2 two. C1 and C2 are four hops below the source, pass nothing on, and get parcels smaller
     * than the lots their supplier receives: customers, with the confidence of a single parcel (0.3),
     * though the repeated-receipt rule alone makes them members. In the cut-off branch above
     * (S → T → D → D2 → R2), R2 is as deep but receives lots as large as D2's, and stays a member.
     */
    @Test
    void loyalBuyersPastTheRetailTierAreCustomers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        ringSellingTo(b, "C1");
        add(b, "R", "C2", 1, 1);
        add(b, "R", "C2", 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R", "C1", "C2");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "C1"));
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "C2"));
        assertEquals(0.3, conf(r, p, "C1"), 1e-12);
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R"));
        assertEquals(4, r.memberCount());
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withTierDepth(false));
        assertEquals(RingMembers.Role.MEMBER, role(without, p, "C1"));
        assertEquals(6, without.memberCount());
    }

    /**
     * A member's membership rests on members, by hand. The found ring is S → T → D → R → C1 as in
     * {@link #loyalBuyersPastTheRetailTierAreCustomers}: C1 receives three 1 kg parcels from R. K, a
     * shop outside every ring, sells C1 two parcels and ships nothing else. In the member rounds C1 is a
     * member (it received ring parcels three times), so K, whose every parcel went to a member, joins as
     * a sender (1 − 0.5² = 0.75); the depth rules then make C1 the ring's market, a customer, and K is
     * left with no parcel with any member: no member either (outside every ring, not listed).
     */
    @Test
    void aPartyThatTradedOnlyWithTheMarketIsNoMember() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        ringSellingTo(b, "C1");
        add(b, "K", "C1", 1, 1);
        add(b, "K", "C1", 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R", "C1");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "C1"));
        assertNull(role(r, p, "K"));
        assertEquals(4, r.memberCount());
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withTierDepth(false));
        assertEquals(RingMembers.Role.MEMBER, role(without, p, "K"));
        assertEquals(0.75, conf(without, p, "K"), 1e-12);
    }

    /**
     * A loyal buyer who posts to family, by hand. The found ring is S → T → D → R (20 kg lots) and R
     * ships buyer C three 1 kg parcels; C sends its relative F two parcels and F sends one back. C and
     * F are in the ring's community. C received ring parcels and sent to a party of the ring, F too, so
     * both look like relays (0.95); but C is four hops below the source and its parcels are smaller
     * than R's lots: the market, although it sends. F is reached only through C: no ring goods reach
     * it from the ring's own tiers, so it is a customer as well. Without the rule both are members.
     */
    @Test
    void theMarketAndWhatOnlyItReachesAreCustomers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        ringSellingTo(b, "C");
        add(b, "C", "F", 1, 1);
        add(b, "C", "F", 1, 1);
        add(b, "F", "C", 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R", "C", "F");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "C"));
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "F"));
        assertEquals(0.3, conf(r, p, "C"), 1e-12);
        assertEquals(0.3, conf(r, p, "F"), 1e-12);
        assertEquals(4, r.memberCount());
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withTierDepth(false));
        assertEquals(0.95, conf(without, p, "C"), 1e-12);
        assertEquals(0.95, conf(without, p, "F"), 1e-12);
        assertEquals(6, without.memberCount());
    }

    /**
     * The market's parcels are measured against the lots of its suppliers' whole tier, by hand. S → T →
     * D move 20 kg lots; D supplies retailer R1 three 20 kg lots and retailer R2 two 2 kg lots, and R2
     * sells buyer C two 3 kg parcels. R2's own receipts (2 kg) are smaller than C's, but the retail
     * tier of the ring receives 20 kg lots (median of 20, 20, 20, 2, 2): C, four hops down, is the
     * market.
     */
    @Test
    void theMarketIsMeasuredAgainstItsSuppliersTier() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D", 2, 20);
            add(b, "D", "R1", 2, 20);
        }
        for (int i = 0; i < 2; i++) {
            add(b, "D", "R2", 1, 2);
            add(b, "R2", "C", 1, 3);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1", "R2", "C");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "C"));
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R2"));
        assertEquals(5, r.memberCount());
    }

    /**
     * Depth follows the supply lines, by hand. S → T (20 kg lots) supplies distributors D1 and D2, each of
     * which splits them into 10 kg lots for its retailer (R1, R2), three times. R1 once posts D2 a
     * parcel of its own. Over every ring parcel the longest path runs S → T → D1 → R1 → D2 → R2 and puts
     * R2 five hops deep, where its 10 kg lots, smaller than D2's 20 kg receipts, would make it the market;
     * over the arcs of two or more parcels D2 is a distributor (depth 2) and R2 a retailer (3).
     */
    @Test
    void depthFollowsRepeatedSupplyNotSingleParcels() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D1", 2, 20);
            add(b, "T", "D2", 2, 20);
            add(b, "D1", "R1", 1, 10);
            add(b, "D2", "R2", 1, 10);
        }
        add(b, "R1", "D2", 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D1", "D2", "R1", "R2");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R2"));
        assertEquals(0.875, conf(r, p, "R2"), 1e-12); // three lots: 1 − 0.5³
        assertEquals(6, r.memberCount());
        // depths by hand over the ring arcs (all parties members of ring 0)
        int n = p.partyCount();
        int[] memberRing = new int[n];
        java.util.Arrays.fill(memberRing, 0);
        RingMembers.RingArcs arcs = RingMembers.RingArcs.of(p.senderParty(), p.receiverParty(), memberRing, n);
        boolean[] source = new boolean[n];
        source[p.parties().indexOf("S")] = true;
        int[] all = RingMembers.depths(source, arcs.start(), arcs.head(), n);
        int[] supply = RingMembers.supplyDepths(source, arcs, n);
        assertEquals(5, all[p.parties().indexOf("R2")]);
        assertEquals(4, all[p.parties().indexOf("D2")]);
        assertEquals(3, supply[p.parties().indexOf("R2")]);
        assertEquals(2, supply[p.parties().indexOf("D2")]);
        assertEquals(3, supply[p.parties().indexOf("R1")]);
    }

    /**
     * A reseller's lots are measured against what its supplier sends its own tier, by hand. S → T → D
     * move 20 kg lots; D splits them into 4 kg lots for its retailer R. X gets two such 4 kg lots from D,
     * buys ten ordinary parcels and ships to six buyers. The ring's median core parcel is 20 kg, of
     * which 4 kg is not half; but D's lots to its members are 4 kg, and X's are as large: X is a
     * reseller (1 − 0.5² = 0.75). V got two 1 kg parcels from D (D's own post) and ships to six as well,
     * a month apart: no reseller.
     */
    @Test
    void resellerLotsAreComparedWithTheirSuppliersLots() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D", 2, 20);
            add(b, "D", "R", 1, 4);
        }
        for (int i = 0; i < 2; i++) {
            add(b, "D", "X", 1, 4);
            add(b, "D", "V", 1, 1);
        }
        for (int k = 0; k < 10; k++) {
            add(b, "shopX" + k, "X", 1, 1);
            add(b, "shopV" + k, "V", 1, 1);
        }
        for (int k = 0; k < 6; k++) {
            add(b, "X", "buyerX" + k, 1, 1);
            addOnDay(b, "V", "buyerV" + k, 40 + 31 * k, 1, 1); // a sale a month: no burst after a supply
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "X"));
        assertEquals(0.75, conf(r, p, "X"), 1e-12);
        assertNull(role(r, p, "V"));
        assertEquals(5, r.memberCount());
    }

    /**
     * One wholesale lot and sales after it make a reseller, by hand: S → T → D → R move 20 kg lots three
     * times. P, who buys ten ordinary parcels, gets one 20 kg lot from D and then ships to six buyers: a
     * reseller (0.6, as one wholesale lot). U ships to six buyers first and gets its lot afterwards:
     * nothing was sold from it. V gets a 2 kg parcel from D (a sale, not a lot) and ships to six after,
     * a month apart (never three within {@link RingMembers#SALES_SECONDS}): no member. Without weights
     * one carton is no lot, but P's six sales right after it make P a retailer by the quick-sale rule.
     */
    @Test
    void oneLotSoldOnAfterwardsMakesAReseller() {
        for (boolean weights : new boolean[] {true, false}) {
            double lot = weights ? 20 : Double.NaN;
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            for (int i = 0; i < 3; i++) {
                add(b, "S", "T", 2, lot);
                add(b, "T", "D", 2, lot);
                add(b, "D", "R", 2, lot);
            }
            for (int k = 0; k < 10; k++) {
                add(b, "shop" + k, "P", 1, weights ? 1 : Double.NaN);
            }
            for (int k = 0; k < 6; k++) {
                add(b, "U", "buyerU" + k, 1, weights ? 1 : Double.NaN);
            }
            add(b, "D", "P", 2, lot);
            add(b, "D", "U", 2, lot);
            add(b, "D", "V", 1, weights ? 2 : Double.NaN);
            for (int k = 0; k < 6; k++) {
                add(b, "P", "buyerP" + k, 1, weights ? 1 : Double.NaN);
                // a parcel a month, from 40 days on: never three within SALES_SECONDS of the 2 kg parcel
                addOnDay(b, "V", "buyerV" + k, 40 + 31 * k, 1, weights ? 1 : Double.NaN);
            }
            ShipmentTable t = b.build();
            PartyIndex p = Projections.parties(t, PartyKey.PHONE);
            int[] ring = ringZero(p, "S", "T", "D", "R");
            RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
            // with weights the lot rule finds P; without, its six sales right after the lot do
            assertEquals(RingMembers.Role.MEMBER, role(r, p, "P"));
            assertEquals(0.6, conf(r, p, "P"), 1e-12);
            assertNull(role(r, p, "U"));
            assertNull(role(r, p, "V"));
            assertEquals(5, r.memberCount());
        }
    }

    private static void addOnDay(ShipmentTable.Builder b, String s, String r, double day, int pieces, double kg) {
        b.add("S" + (row++), 1_700_000_000L + Math.round(day * 86_400), "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r,
                null, null, null, null, "c1", TransportMode.LAND, pieces, kg, "tea", false);
    }

    /**
     * Selling on within weeks of a supply, by hand. S sends T three 20 kg lots (days 0–2), T sends D three
     * (days 5–7), D sends R three (days 10–12). On day 40 D sends one 2 kg parcel (a tenth of its lots,
     * no wholesale lot) to each of U, V, W, X, Y and Z. V ships to three different parties on days 41, 45 and
     * 69 (within {@link RingMembers#SALES_SECONDS}, 30 days): a retailer, member at 0.6 supplied by D,
     * one tier below it; so is X, which ships to two different parties within the window
     * ({@link RingMembers#QUICK_SALE_RECEIVERS}). W ships to three too, but on days 41, 80 and 150 (one
     * within 30 days); U twice to one party within the window and to another after it; Y to three
     * before day 40 and none after; Z, a shop, to three within the window but to eight in the year (the
     * window's three are less than half): none of them is a member.
     */
    @Test
    void aBurstOfSalesRightAfterASupplyMakesARetailer() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            addOnDay(b, "S", "T", i, 2, 20);
            addOnDay(b, "T", "D", 5 + i, 2, 20);
            addOnDay(b, "D", "R", 10 + i, 2, 20);
        }
        for (String v : new String[] {"U", "V", "W", "X", "Y", "Z"}) {
            addOnDay(b, "D", v, 40, 1, 2);
        }
        double[] zDays = {10, 25, 42, 47, 52, 100, 150, 200};
        for (int k = 0; k < zDays.length; k++) {
            addOnDay(b, "Z", "buyerZ" + k, zDays[k], 1, 1);
        }
        double[] vDays = {41, 45, 69};
        double[] wDays = {41, 80, 150};
        double[] yDays = {10, 20, 30};
        for (int k = 0; k < 3; k++) {
            addOnDay(b, "V", "buyerV" + k, vDays[k], 1, 1);
            addOnDay(b, "W", "buyerW" + k, wDays[k], 1, 1);
            addOnDay(b, "Y", "buyerY" + k, yDays[k], 1, 1);
        }
        addOnDay(b, "X", "buyerX0", 42, 1, 1);
        addOnDay(b, "X", "buyerX1", 50, 1, 1);
        addOnDay(b, "X", "buyerX0", 55, 1, 1);
        addOnDay(b, "U", "buyerU0", 42, 1, 1);
        addOnDay(b, "U", "buyerU0", 50, 1, 1);
        addOnDay(b, "U", "buyerU1", 80, 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "V"));
        assertEquals(0.6, conf(r, p, "V"), 1e-12);
        assertEquals(r.members()[p.parties().indexOf("D")], r.members()[p.parties().indexOf("V")]);
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "X"));
        assertEquals(0.6, conf(r, p, "X"), 1e-12);
        assertNull(role(r, p, "U"));
        assertNull(role(r, p, "W"));
        assertNull(role(r, p, "Y"));
        assertNull(role(r, p, "Z"));
        assertEquals(6, r.memberCount());
    }

    /**
     * A single wholesale lot makes a member only from the ring's supply tiers, by hand. S → T → D → R
     * move three 20 kg lots each (depths 0, 1, 2, 3). A, B and E each receive one 20 kg lot and nothing
     * else, all in the ring's community: A's from D (the distributor tier: a retailer, member at 0.6),
     * B's from the source S (a buyer the source sold to directly) and E's from K, a party of the
     * community that is no member (it sent that one parcel): B is a customer with one ring parcel (0.3),
     * E one with none from a member (0.1).
     */
    @Test
    void aSingleLotMakesAMemberOnlyFromTheSupplyTiers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        fourTiers(b);
        add(b, "D", "A", 2, 20);
        add(b, "S", "B", 2, 20);
        add(b, "K", "E", 2, 20);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R", "A", "B", "K", "E");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "A"));
        assertEquals(0.6, conf(r, p, "A"), 1e-12);
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "B"));
        assertEquals(0.3, conf(r, p, "B"), 1e-12);
        assertEquals(RingMembers.Role.CUSTOMER, role(r, p, "E"));
        assertEquals(0.1, conf(r, p, "E"), 1e-12);
        assertEquals(5, r.memberCount());
    }

    /**
     * The ring's sources by hand (every party a member). Shop X sells source S one parcel and buyer Y two;
     * S sends T three lots, T sends D two, D sends R two, R sells to buyer B twice. S received one parcel,
     * from X, which received none, and supplies T, a relay: a source, so T stays the transit tier rather
     * than one deeper. D2 received one lot from T and supplies R2 twice, which sells on: supplied by the
     * ring's warehouse, no source. Shop Z got one parcel back from its buyer W, to whom it sold two:
     * W passes nothing to anyone but Z, so Z is no source either.
     */
    @Test
    void sourcesAreNotPushedDownByTheirOwnPurchases() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "X", "S", 1, 1);
        add(b, "X", "Y", 1, 1);
        add(b, "X", "Y", 1, 1);
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
        }
        for (int i = 0; i < 2; i++) {
            add(b, "T", "D", 2, 20);
            add(b, "D", "R", 1, 5);
            add(b, "R", "B", 1, 1);
            add(b, "D2", "R2", 1, 5);
            add(b, "R2", "B2", 1, 1);
            add(b, "Z", "W", 1, 1);
        }
        add(b, "T", "D2", 2, 20);
        add(b, "W", "Z", 1, 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int n = p.partyCount();
        int[] memberRing = new int[n];
        boolean[] member = new boolean[n];
        java.util.Arrays.fill(member, true);
        RingMembers.RingArcs arcs = RingMembers.RingArcs.of(p.senderParty(), p.receiverParty(), memberRing, n);
        boolean[] source = RingMembers.sources(member, arcs, n);
        java.util.Set<String> sources = new java.util.TreeSet<>();
        for (int v = 0; v < n; v++) {
            if (source[v]) {
                sources.add(p.parties().id(v));
            }
        }
        assertEquals(java.util.Set.of("X", "S"), sources);
        int[] depth = RingMembers.supplyDepths(source, arcs, n);
        assertEquals(1, depth[p.parties().indexOf("T")]);
        assertEquals(2, depth[p.parties().indexOf("D")]);
        assertEquals(3, depth[p.parties().indexOf("R")]);
        assertEquals(4, depth[p.parties().indexOf("B")]);
    }

    /**
     * A supplier whose tier below no round made members is measured by its parcels to the parties it
     * ships to again and again, by hand: D sends no member a parcel, sends retailer R three 4 kg lots and
     * five one-off buyers 1 kg each (median of all its parcels 1 kg); its reference lot is 4 kg. S sent
     * T (a member) 20 kg lots: 20 kg. Q, a member that sent five one-off parcels only, has none (NaN).
     */
    @Test
    void aSupplierWithoutMemberReceiversIsMeasuredByItsRepeatedReceivers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "S", "T", 2, 20);
        add(b, "S", "T", 2, 20);
        for (int i = 0; i < 3; i++) {
            add(b, "D", "R", 1, 4);
        }
        for (int k = 0; k < 5; k++) {
            add(b, "D", "buyer" + k, 1, 1);
            add(b, "Q", "other" + k, 1, 2);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] memberRing = ringZero(p, "S", "T", "D", "Q");
        double[] lot = RingMembers.medianLotSent(t, p.senderParty(), p.receiverParty(), memberRing, true,
                p.partyCount());
        assertEquals(20.0, lot[p.parties().indexOf("S")], 0.0);
        assertEquals(4.0, lot[p.parties().indexOf("D")], 0.0);
        assertEquals(Double.NaN, lot[p.parties().indexOf("Q")], 0.0);
        assertEquals(Double.NaN, lot[p.parties().indexOf("R")], 0.0); // not a member
    }

    /** Longest-path depths by hand, with a cycle whose closing arc is left out. */
    @Test
    void depthsAreLongestPathsWithoutCycles() {
        // 0 → 1 → 2 → 3, shortcut 0 → 3, cycle 3 → 1; 4 unreachable; 5 a second source → 2
        int n = 6;
        int[][] arcs = {{0, 1}, {0, 3}, {1, 2}, {2, 3}, {3, 1}, {5, 2}};
        int[] start = new int[n + 1];
        for (int[] a : arcs) {
            start[a[0] + 1]++;
        }
        for (int v = 0; v < n; v++) {
            start[v + 1] += start[v];
        }
        int[] head = new int[arcs.length];
        int[] fill = start.clone();
        for (int[] a : arcs) {
            head[fill[a[0]]++] = a[1];
        }
        boolean[] source = {true, false, false, false, false, true};
        assertArrayEquals(new int[] {0, 1, 2, 3, -1, 0}, RingMembers.depths(source, start, head, n));
    }

    /** An outside party that relays between members but trades mostly elsewhere does not join. */
    @Test
    void outsidePartiesMustTradeMostlyWithTheRing() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20);
            add(b, "T", "D", 2, 20);
        }
        add(b, "D", "Z", 1, 1);
        add(b, "Z", "S", 1, 1);
        for (int i = 0; i < 10; i++) {
            addOnDay(b, "Z", "P" + i, 40 + 31 * i, 1, 1); // a parcel a month: no burst of sales
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertNull(role(r, p, "Z")); // 2 of its 12 parcels with members: less than a quarter
        assertEquals(3, r.memberCount());
    }

    /** A found ring none of whose parties is a member is dropped; the next ring takes its id. */
    @Test
    void ringsWithoutMembersAreDropped() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 2; i++) {
            add(b, "A", "B", 1, 1); // ring 0: A supplies B twice, B relays to C twice
            add(b, "B", "C", 1, 1);
        }
        add(b, "X", "Y", 1, 1); // ring 1: two one-off parcels from different senders
        add(b, "Z", "Y", 1, 1);
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", 2, 20); // ring 2
            add(b, "T", "D", 2, 20);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = new int[p.partyCount()];
        for (int v = 0; v < ring.length; v++) {
            String id = p.parties().id(v);
            ring[v] = "ABC".contains(id) ? 0 : "XYZ".contains(id) ? 1 : 2;
        }
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(2, r.ringCount());
        assertEquals(-1, r.ringMap()[1]);
        assertEquals(1, r.ringMap()[2]);
        assertEquals(1, r.members()[p.parties().indexOf("T")]);
        assertEquals(0, r.members()[p.parties().indexOf("B")]);
        assertNull(role(r, p, "Y"));
        assertEquals(-1, r.ring()[p.parties().indexOf("Y")]);
    }

    /**
     * Two rings sharing transit warehouse W (a member of ring A). Per lot k = 0..2: SA sends a lot to
     * W and W passes it to DA; SB sends a lot to W and W passes it to DB; SB also sends a lot to its own
     * warehouse TB, which passes it to DB; DA and DB each supply their retailer twice. Inside A 8
     * parcels (SA→W 3, W→DA 3, DA→RA 2), inside B 8 (SB→TB 3, TB→DB 3, DB→RB 2); between the members
     * of A and B 6 (SB→W 3, W→DB 3), at least a fifth of 8, so by parcels alone they are one ring cut
     * in two. W receives from B and passes on to B within seconds, 3 parcels each way: B's goods
     * through a relay both use, not exchange, and the rings stay apart whichever receipts the relay
     * chains pair W's parcels with (each lot's own, or the other ring's).
     */
    @Test
    void ringsSharingATransitWarehouseStayApartWhenItPassesOnEachRingsLots() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        int[][] lots = new int[3][];
        for (int k = 0; k < 3; k++) {
            int base = row;
            add(b, "SA", "W", 2, 20);   // base
            add(b, "SB", "W", 2, 20);   // base + 1
            add(b, "W", "DA", 2, 20);   // base + 2
            add(b, "W", "DB", 2, 20);   // base + 3
            add(b, "SB", "TB", 2, 20);
            add(b, "TB", "DB", 2, 20);
            lots[k] = new int[] {base, base + 1, base + 2, base + 3};
        }
        for (int i = 0; i < 2; i++) {
            add(b, "DA", "RA", 2, 20);
            add(b, "DB", "RB", 2, 20);
        }
        ShipmentTable t = b.build();
        int first = row - t.size();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "SA", "W", "DA", "RA");
        for (String id : new String[] {"SB", "TB", "DB", "RB"}) {
            ring[p.parties().indexOf(id)] = 1;
        }
        assertEquals(2, RingMembers.classify(t, p, ring, RingMembers.Options.defaults()).ringCount());
        int[][] apart = new int[6][];
        int[][] pooled = new int[6][];
        for (int k = 0; k < 3; k++) {
            int[] l = lots[k];
            apart[2 * k] = new int[] {l[0] - first, l[2] - first};
            apart[2 * k + 1] = new int[] {l[1] - first, l[3] - first};
            pooled[2 * k] = new int[] {l[0] - first, l[3] - first};
            pooled[2 * k + 1] = new int[] {l[1] - first, l[2] - first};
        }
        for (int[][] chains : new int[][][] {apart, pooled}) {
            RingMembers.Result r = RingMembers.classify(t, p, ring, chains(chains), RingMembers.Options.defaults(),
                    org.parcelnet.progress.ProgressListener.NONE);
            assertEquals(2, r.ringCount());
            assertEquals(r.members()[p.parties().indexOf("SB")], r.members()[p.parties().indexOf("DB")]);
            assertEquals(r.members()[p.parties().indexOf("SA")], r.members()[p.parties().indexOf("W")]);
        }
    }

    private static void addAt(ShipmentTable.Builder b, String s, String r, long day) {
        b.add("S" + (row++), 1_700_000_000L + day * 86_400L, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null, null,
                null, null, "c1", TransportMode.LAND, 2, 20, "tea", false);
    }

    /**
     * The parties of the test above, but W pools the lots: every 20 days SA's lot comes in on day 0
     * and W passes it to DB on day 1, SB's lot comes in on day 10 and goes to DA on day 11. W receives
     * from B and sends to B as before, but never passes on what B brought within
     * {@link RingMembers#PASS_ON_SECONDS} (7 days; 11 days apart): the 6 parcels are exchange and A
     * and B are one ring cut in two at its warehouse. With SB's lots going to DB on day 11 instead, W
     * passes B's goods on and the rings stay apart.
     */
    @Test
    void aWarehouseThatPassesOneRingsLotsToTheOtherJoinsThem() {
        for (boolean pooling : new boolean[] {true, false}) {
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            for (int k = 0; k < 3; k++) {
                long d = 20L * k;
                addAt(b, "SA", "W", d);
                addAt(b, "W", pooling ? "DB" : "DA", d + 1);
                addAt(b, "SB", "W", d + 10);
                addAt(b, "W", pooling ? "DA" : "DB", d + 11);
                addAt(b, "SB", "TB", d + 10);
                addAt(b, "TB", "DB", d + 11);
            }
            for (int i = 0; i < 2; i++) {
                addAt(b, "DA", "RA", 70 + i);
                addAt(b, "DB", "RB", 70 + i);
            }
            ShipmentTable t = b.build();
            PartyIndex p = Projections.parties(t, PartyKey.PHONE);
            int[] ring = ringsOf(p, new String[][] {{"SA", "W", "DA", "RA"}, {"SB", "TB", "DB", "RB"}});
            assertEquals(pooling ? 1 : 2, RingMembers.classify(t, p, ring, RingMembers.Options.defaults()).ringCount(),
                    pooling ? "pooling" : "passing each ring's lots on");
        }
    }

    /**
     * Rings A, B and C (source S_, warehouse W_, distributor D_, retailer R_: 3 lots S→W, 3 W→D, 2
     * D→R each) hand lots in at courier station ST too, whose phone is then the sender: ST sends 3
     * lots to each warehouse and receives nothing. Taken as a member of ring A, its 3 parcels to WB and
     * 3 to WC are more than a fifth of B's and C's 8 inside parcels, so by parcels the three rings
     * would be one ring cut in three; a party that receives nothing from the rings and supplies two
     * or more rings besides its own is a shared drop-off point, and the rings stay apart. A party
     * that supplies one other ring only (a source of a ring cut in two) still joins them.
     */
    @Test
    void aStationSeveralRingsHandLotsInAtDoesNotJoinThem() {
        for (boolean threeRings : new boolean[] {true, false}) {
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            String[] rings = threeRings ? new String[] {"A", "B", "C"} : new String[] {"A", "B"};
            for (String g : rings) {
                for (int k = 0; k < 3; k++) {
                    add(b, "S" + g, "W" + g, 2, 20);
                    add(b, "W" + g, "D" + g, 2, 20);
                    add(b, "ST", "W" + g, 2, 20);
                }
                for (int k = 0; k < 2; k++) {
                    add(b, "D" + g, "R" + g, 2, 20);
                }
            }
            ShipmentTable t = b.build();
            PartyIndex p = Projections.parties(t, PartyKey.PHONE);
            String[][] members = new String[rings.length][];
            for (int g = 0; g < rings.length; g++) {
                String r = rings[g];
                members[g] = g == 0 ? new String[] {"S" + r, "W" + r, "D" + r, "R" + r, "ST"}
                        : new String[] {"S" + r, "W" + r, "D" + r, "R" + r};
            }
            RingMembers.Result r = RingMembers.classify(t, p, ringsOf(p, members), RingMembers.Options.defaults());
            assertEquals(threeRings ? 3 : 1, r.ringCount(), threeRings ? "station of three rings" : "source of two");
        }
    }

    /**
     * Ring B has no warehouse of its own: SB sends 3 lots to W (a member of ring A), W passes each to
     * DB ten days later (past {@link RingMembers#PASS_ON_SECONDS}), DB supplies RB twice. On ring
     * parcels alone SB sent none (its lots went to ring A's party) and is a customer; with the chains
     * SB→W→DB its 3 lots are B's parcels: a source, 1 − 0.5³ = 0.875. Where W passes each lot on the
     * next day, the lots are B's without chains too.
     */
    @Test
    void aSourceWhoseLotsAllGoThroughAnotherRingsWarehouseIsAMember() {
        for (int passOnDays : new int[] {10, 1}) {
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            int[][] chain = new int[3][];
            int start = row;
            for (int k = 0; k < 3; k++) {
                addAt(b, "SB", "W", 30L * k);
                addAt(b, "W", "DB", 30L * k + passOnDays);
                chain[k] = new int[] {row - 2 - start, row - 1 - start};
            }
            for (int k = 0; k < 3; k++) {
                addAt(b, "SA", "W", 30L * k + 15);
                addAt(b, "W", "DA", 30L * k + 16);
            }
            for (int i = 0; i < 2; i++) {
                addAt(b, "DB", "RB", 100 + i);
                addAt(b, "DA", "RA", 100 + i);
            }
            ShipmentTable t = b.build();
            PartyIndex p = Projections.parties(t, PartyKey.PHONE);
            int[] ring = ringsOf(p, new String[][] {{"SA", "W", "DA", "RA"}, {"SB", "DB", "RB"}});
            assertEquals(passOnDays > 7 ? RingMembers.Role.CUSTOMER : RingMembers.Role.MEMBER,
                    role(RingMembers.classify(t, p, ring, RingMembers.Options.defaults()), p, "SB"));
            RingMembers.Result r = RingMembers.classify(t, p, ring, chains(chain), RingMembers.Options.defaults(),
                    org.parcelnet.progress.ProgressListener.NONE);
            assertEquals(RingMembers.Role.MEMBER, role(r, p, "SB"));
            assertEquals(0.875, conf(r, p, "SB"), 1e-12);
            assertEquals(2, r.ringCount());
            assertEquals(r.members()[p.parties().indexOf("SB")], r.members()[p.parties().indexOf("RB")]);
        }
    }

    /**
     * Ring A (SA → W → DA → RA) and ring B (SB → TB → DB → RB) share A's warehouse W: SB also sends 3
     * lots to W, and W passes each on to DX the next day; DX, a distributor of B that community
     * detection left outside every ring, supplies RX twice. W also passes a fourth lot of SB's on to
     * DB, a member of B, in 2 parcels: it relays for B. On parcels alone DX is supplied by W, a member
     * of A, and joins A. With the chains SB → W → DX → RX its 3 lots are B's goods: DX joins B
     * (received 3), RX follows it in the next round (received 2, 1 − 0.5² = 0.75), and DX, which then
     * passes B's goods on to a member, is a relay (0.95). When the
     * chains start at ST instead, a member of B that sends 3 lots to W, 3 to ring C's warehouse WC and
     * only 2 to its own ring (a courier station at the border taken into B), its chains say nothing
     * about whose goods W passes on, and DX stays with A. Without W's 2 parcels to DB (W never relays
     * for B) the chains SB → W → DX would not count either: a station's lots that one ring's warehouse
     * passes on to that ring's own branch are that ring's goods.
     */
    @Test
    void aBranchSuppliedThroughAnotherRingsWarehouseJoinsTheRingWhoseLotsItGets() {
        for (String start : new String[] {"", "SB", "ST", "SB, W relaying nothing for B"}) {
            boolean relays = !start.startsWith("SB,");
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            int first = row;
            int[][] chain = new int[3][];
            for (int k = 0; k < 3; k++) {
                long d = 20L * k;
                addAt(b, "SA", "W", d);
                addAt(b, "W", "DA", d + 1);
                addAt(b, "SB", "TB", d);
                addAt(b, "TB", "DB", d + 1);
                addAt(b, start.equals("ST") ? "ST" : "SB", "W", d + 10);
                addAt(b, "W", "DX", d + 11);
                chain[k] = new int[] {row - 2 - first, row - 1 - first};
                if (start.equals("ST")) {
                    addAt(b, "ST", "WC", d + 12);
                }
                addAt(b, "SC", "WC", d + 13);
                addAt(b, "WC", "DC", d + 14);
            }
            // W also passes a lot of SB's on to DB, a member of B: it relays for B
            addAt(b, "SB", "W", 64);
            addAt(b, "W", relays ? "DB" : "DA", 65);
            addAt(b, "W", relays ? "DB" : "DA", 66);
            int[][] relayed = {{row - 3 - first, row - 2 - first}, {row - 3 - first, row - 1 - first}};
            for (int i = 0; i < 2; i++) {
                addAt(b, "DA", "RA", 70 + i);
                addAt(b, "DB", "RB", 70 + i);
                addAt(b, "DC", "RC", 70 + i);
                if (start.equals("ST")) {
                    addAt(b, "ST", "TB", 70 + i);
                }
                addAt(b, "DX", "RX", 75 + i);
            }
            ShipmentTable t = b.build();
            PartyIndex p = Projections.parties(t, PartyKey.PHONE);
            int[] ring = ringsOf(p, new String[][] {{"SA", "W", "DA", "RA"}, start.equals("ST")
                ? new String[] {"SB", "TB", "DB", "RB", "ST"} : new String[] {"SB", "TB", "DB", "RB"},
                {"SC", "WC", "DC", "RC"}});
            RingMembers.Result r = start.isEmpty() ? RingMembers.classify(t, p, ring, RingMembers.Options.defaults())
                    : RingMembers.classify(t, p, ring, chains(new int[][] {chain[0], chain[1], chain[2], relayed[0],
                        relayed[1]}),
                    RingMembers.Options.defaults(), org.parcelnet.progress.ProgressListener.NONE);
            if (!start.isEmpty() && relays) {
                assertEquals(3, r.ringCount(), start);
            }
            int dx = r.members()[p.parties().indexOf("DX")];
            if (start.equals("SB")) {
                assertEquals(r.members()[p.parties().indexOf("SB")], dx);
                assertEquals(dx, r.members()[p.parties().indexOf("RX")]);
                assertEquals(0.95, conf(r, p, "DX"), 1e-12);
                assertEquals(0.75, conf(r, p, "RX"), 1e-12);
            } else {
                assertEquals(r.members()[p.parties().indexOf("W")], dx, start);
            }
            assertEquals(r.members()[p.parties().indexOf("SA")], r.members()[p.parties().indexOf("W")]);
        }
    }

    /** Relay chains with the given rows (positions and counts not used by {@link RingMembers}). */
    private static org.parcelnet.paths.RelayChains.Result chains(int[][] rows) {
        int[] start = new int[rows.length + 1];
        for (int c = 0; c < rows.length; c++) {
            start[c + 1] = start[c] + rows[c].length;
        }
        int[] all = new int[start[rows.length]];
        for (int c = 0; c < rows.length; c++) {
            System.arraycopy(rows[c], 0, all, start[c], rows[c].length);
        }
        return new org.parcelnet.paths.RelayChains.Result(start, all, java.util.List.of(), new long[0], new int[0],
                new int[0], new int[0]);
    }

    /** Ring g for the parties named in {@code rings[g]}, -1 (no ring) for every other party. */
    private static void addFrom(ShipmentTable.Builder b, String s, String r, String province, String city, long seconds,
                                double kg) {
        b.add("S" + (row++), 1_700_000_000L + seconds, province, city, "Hubei", "Wuhan", s, r, null, null, null, null,
                "c1", TransportMode.LAND, kg >= 10 ? 2 : 1, kg, "tea", false);
    }

    /**
     * Parcels handed in at a courier station, by hand. The found ring is S (Ruili) → T (Kunming) → D
     * (Chengdu) → R1, 20 kg lots. On day 30 D posts a lot to R1 itself, and two hours later station K in
     * Chengdu sends a 20 kg lot to R2: D handed it in, and R2, supplied once with a wholesale lot that is
     * all its parcels, is a member of D's ring (0.6). K's other parcels stay K's: a 1 kg parcel an hour
     * after D's (not a lot), a lot three days later (no member posted in Chengdu within six hours). Station
     * K2 in Chongqing sends a lot at the same time (another place), and station K3 in Chengdu, where
     * walk-in customers post a lot every other day (30 in 60 days: 2.5 expected by chance in a 12-hour
     * window, more than {@link RingMembers#HAND_IN_CHANCE}), sends one an hour after D's: none of their
     * receivers is attributed anything. Without the stations named, R2 is not in the ring either.
     */
    @Test
    void aLotHandedInAtAStationCountsAsTheMembersWhoPostedBesideIt() {
        long day = 86_400L;
        long hour = 3_600L;
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            addFrom(b, "S", "T", "Yunnan", "Ruili", i * day, 20);
        }
        addFrom(b, "T", "D", "Yunnan", "Kunming", 5 * day, 20);
        addFrom(b, "T", "D", "Yunnan", "Kunming", 25 * day, 20);
        addFrom(b, "D", "R1", "Sichuan", "Chengdu", 20 * day, 20);
        addFrom(b, "D", "R1", "Sichuan", "Chengdu", 30 * day, 20);
        addFrom(b, "K", "R2", "Sichuan", "Chengdu", 30 * day + 2 * hour, 20);
        addFrom(b, "K", "W1", "Sichuan", "Chengdu", 30 * day + hour, 1);
        addFrom(b, "K", "W2", "Sichuan", "Chengdu", 33 * day, 20);
        for (int k = 0; k < 12; k++) {
            addFrom(b, "K", "V" + k, "Sichuan", "Chengdu", 5 * k * day + 12 * hour, 1);
        }
        addFrom(b, "K2", "W3", "Chongqing", "Chongqing", 30 * day + hour, 20);
        addFrom(b, "K3", "W4", "Sichuan", "Chengdu", 30 * day + hour, 20);
        for (int k = 0; k < 30; k++) {
            addFrom(b, "K3", "U" + k, "Sichuan", "Chengdu", (2 * k + 1) * day + 12 * hour, 20);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1");
        boolean[] stations = new boolean[p.partyCount()];
        for (String k : new String[] {"K", "K2", "K3"}) {
            stations[p.parties().indexOf(k)] = true;
        }
        RingMembers.Result r = RingMembers.classify(t, p, ring, null, RingMembers.Options.defaults(), null, stations,
                org.parcelnet.progress.ProgressListener.NONE);
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R2"));
        assertEquals(0.6, conf(r, p, "R2"), 1e-12);
        assertEquals(r.members()[p.parties().indexOf("D")], r.members()[p.parties().indexOf("R2")]);
        for (String other : new String[] {"W1", "W2", "W3", "W4", "U0", "V0", "K", "K2", "K3"}) {
            assertNull(role(r, p, other), other);
        }
        assertEquals(5, r.memberCount()); // S, T, D, R1, R2
        RingMembers.Result unnamed = RingMembers.classify(t, p, ring, null, RingMembers.Options.defaults(), null, null,
                org.parcelnet.progress.ProgressListener.NONE);
        assertNull(role(unnamed, p, "R2"));
        assertEquals(4, unnamed.memberCount());
    }

    private static int[] ringsOf(PartyIndex p, String[][] rings) {
        int[] ring = new int[p.partyCount()];
        java.util.Arrays.fill(ring, -1);
        for (int g = 0; g < rings.length; g++) {
            for (String m : rings[g]) {
                ring[p.parties().indexOf(m)] = g;
            }
        }
        return ring;
    }

    /** Ring 0 for the named parties, -1 (no ring) for every other party. */
    /** Node ids 0, 1, … for the names in order. */
    private static java.util.Map<String, Integer> numbered(String... names) {
        java.util.Map<String, Integer> id = new java.util.HashMap<>();
        for (String x : names) {
            id.put(x, id.size());
        }
        return id;
    }

    private static int[] ringZero(PartyIndex p, String... members) {
        int[] ring = new int[p.partyCount()];
        java.util.Arrays.fill(ring, -1);
        for (String id : members) {
            ring[p.parties().indexOf(id)] = 0;
        }
        return ring;
    }

    private static double conf(RingMembers.Result r, PartyIndex p, String id) {
        return r.confidence()[p.parties().indexOf(id)];
    }

    private static RingMembers.Role role(RingMembers.Result r, PartyIndex p, String id) {
        return r.role()[p.parties().indexOf(id)];
    }

    @Test
    void hubsLoseTheirEdges() {
        // 0 is a hub with neighbours 1, 2, 3; edge 1–2 stays
        CompactGraph g = CompactGraphBuilder.undirected(5).addEdge(0, 1).addEdge(0, 2).addEdge(0, 3).addEdge(1, 2, 2.0)
                .addEdge(3, 4).build();
        CompactGraph h = RingFinder.withoutHubs(g, 2);
        assertEquals(5, h.nodeCount());
        assertEquals(2, h.edgeCount());
        assertEquals(2.0, h.weight(h.arcIndex(1, 2)), 0);
        assertEquals(0, h.degree(0));
        assertEquals(5, RingFinder.withoutHubs(g, 3).edgeCount());
        assertThrows(IllegalArgumentException.class, () -> RingFinder.withoutHubs(g, 0));
    }

    /**
     * A courier station is a place, not a party, by hand: station H (two neighbours, no hub) takes two
     * lots each for transits T1 and T2 of two rings, which are otherwise apart (S1 → T1, S2 → T2, two
     * parcels each). Without places H ties the rings together (4 edges); marked a place it loses its
     * edges and the rings' own ties stay (2 edges).
     */
    @Test
    void placesLoseTheirEdges() {
        String[] names = {"S1", "T1", "S2", "T2", "H"};
        java.util.Map<String, Integer> id = numbered(names);
        CompactGraph directed = CompactGraphBuilder.directed(names.length)
                .addEdge(id.get("S1"), id.get("T1"), 2).addEdge(id.get("S2"), id.get("T2"), 2)
                .addEdge(id.get("H"), id.get("T1"), 2).addEdge(id.get("H"), id.get("T2"), 2).build();
        assertEquals(4, RingFinder.withoutHubs(directed, 40, 2).edgeCount());
        boolean[] places = new boolean[names.length];
        places[id.get("H")] = true;
        CompactGraph h = RingFinder.withoutHubs(directed, 40, 2, places);
        assertEquals(2, h.edgeCount());
        assertEquals(0, h.degree(id.get("H")));
        assertEquals(2.0, h.weight(h.arcIndex(id.get("S1"), id.get("T1"))), 0);
    }

    /**
     * A distributor whose retailers are hubs themselves, by hand (more than 3 neighbours is a hub):
     * T supplies D 3 parcels; D supplies retailers S1 and S2 twice each and sells one parcel each to
     * buyers A1 and A2; S1 and S2 each sell one parcel to four buyers. D's repeated ties out go to hubs,
     * and still carry goods on: D relays and keeps its tie to T (weight 3). A hub's repeated receipts
     * from another hub do not make it a relay, and ties between two hubs are dropped: S1 and S2 keep
     * nothing, nor does D–S1.
     */
    @Test
    void aRelayWhoseRetailersAreHubsKeepsItsSupplier() {
        String[] names = {"T", "D", "S1", "S2", "A1", "A2", "C1", "C2", "C3", "C4", "E1", "E2", "E3", "E4"};
        java.util.Map<String, Integer> id = numbered(names);
        CompactGraphBuilder b = CompactGraphBuilder.directed(names.length);
        b.addEdge(id.get("T"), id.get("D"), 3).addEdge(id.get("D"), id.get("S1"), 2).addEdge(id.get("D"), id.get("S2"), 2)
                .addEdge(id.get("D"), id.get("A1"), 1).addEdge(id.get("D"), id.get("A2"), 1);
        for (int i = 1; i <= 4; i++) {
            b.addEdge(id.get("S1"), id.get("C" + i), 1).addEdge(id.get("S2"), id.get("E" + i), 1);
        }
        CompactGraph h = RingFinder.withoutHubs(b.build(), 3, 2);
        assertEquals(1, h.edgeCount());
        assertEquals(3.0, h.weight(h.arcIndex(id.get("T"), id.get("D"))), 0);
    }

    /**
     * Hubs (more than 3 neighbours) by hand, directed: D is supplied 3 parcels by T, supplies R1 and
     * R2 twice each and sells one parcel each to buyers B1..B4 (11 parcels, repeated ties 3 in and 4
     * out, both at least a tenth): a relay, it keeps T, R1 and R2. Station H hands in two parcels each
     * to R3 and R4 and one each to P1..P3: repeated one way only, it keeps nothing; nor does its
     * repeated tie to the hub D.
     */
    @Test
    void relayingHubsKeepRepeatedTies() {
        String[] names = {"T", "D", "R1", "R2", "B1", "B2", "B3", "B4", "H", "R3", "R4", "P1", "P2", "P3"};
        java.util.Map<String, Integer> id = numbered(names);
        CompactGraphBuilder b = CompactGraphBuilder.directed(names.length);
        b.addEdge(id.get("T"), id.get("D"), 3).addEdge(id.get("D"), id.get("R1"), 2).addEdge(id.get("D"), id.get("R2"), 2);
        for (int i = 1; i <= 4; i++) {
            b.addEdge(id.get("D"), id.get("B" + i), 1);
        }
        b.addEdge(id.get("H"), id.get("R3"), 2).addEdge(id.get("H"), id.get("R4"), 2).addEdge(id.get("H"), id.get("D"), 2);
        for (int i = 1; i <= 3; i++) {
            b.addEdge(id.get("H"), id.get("P" + i), 1);
        }
        CompactGraph directed = b.build();
        CompactGraph h = RingFinder.withoutHubs(directed, 3, 2);
        assertEquals(false, h.isDirected());
        assertEquals(3, h.edgeCount());
        assertEquals(3.0, h.weight(h.arcIndex(id.get("T"), id.get("D"))), 0);
        assertEquals(2.0, h.weight(h.arcIndex(id.get("D"), id.get("R1"))), 0);
        assertEquals(2.0, h.weight(h.arcIndex(id.get("R2"), id.get("D"))), 0);
        assertEquals(0, h.degree(id.get("H")));
        assertEquals(0, h.degree(id.get("B1")));
        // without the repeated ties rule D is cut off entirely
        assertEquals(0, RingFinder.withoutHubs(directed.toUndirected(), 3).degree(id.get("D")));
        assertThrows(IllegalArgumentException.class, () -> RingFinder.withoutHubs(h, 3, 2));
    }

    private static void add(ShipmentTable.Builder b, String s, String r, String senderAddress, String receiverAddress) {
        b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null, null,
                senderAddress, receiverAddress, "c1", TransportMode.LAND, 2, 20, "tea", false);
    }

    /**
     * Phone churn by hand. Ring 0 is A1 → B1 → C1 (two parcels each leg); ring 1 is the same three
     * people after changing phones (A2, B2, C2 at the same addresses); ring 2 (X → Y → Z) shares one
     * address with ring 0 by coincidence; ring 3 (U → V → W) uses a courier station's address as V's,
     * where ring 0's C1 also collects, among twenty ordinary parcels. Rings 0 and 1 share three member
     * addresses and are one ring; ring 2 shares only one and ring 3 only a station's address (members'
     * parcels a minority there), so both stay apart: 3 rings.
     */
    @Test
    void ringsSharingMemberAddressesAreOneRing() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[][] rings = {{"A1", "B1", "C1"}, {"A2", "B2", "C2"}, {"X", "Y", "Z"}, {"U", "V", "W"}};
        String[][] addresses = {{"1 Road A", "2 Road B", "3 Road C"}, {"1 Road A", "2 Road B", "3 Road C"},
            {"7 Road X", "8 Road Y", "3 Road C"}, {"4 Road U", "9 Station Road", "6 Road W"}};
        for (int g = 0; g < rings.length; g++) {
            for (int k = 0; k < 2; k++) {
                add(b, rings[g][0], rings[g][1], addresses[g][0], addresses[g][1]);
                add(b, rings[g][1], rings[g][2], addresses[g][1], addresses[g][2]);
            }
        }
        add(b, "A1", "C1", "1 Road A", "9 Station Road");
        for (int i = 0; i < 20; i++) {
            add(b, "shop" + i, "buyer" + i, "10 Shop Street", "9 Station Road");
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringsOf(p, rings);
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(12, r.memberCount());
        assertEquals(3, r.ringCount());
        assertEquals(r.members()[p.parties().indexOf("A1")], r.members()[p.parties().indexOf("C2")]);
        assertEquals(false, r.members()[p.parties().indexOf("A1")] == r.members()[p.parties().indexOf("X")]);
        assertEquals(false, r.members()[p.parties().indexOf("A1")] == r.members()[p.parties().indexOf("U")]);
    }

    /**
     * Sources post where every smuggler at the border does, by hand. Rings E1 → F1 → G1 and E2 → F2 → G2
     * (two parcels each leg) have addresses of their own but sources that each post from the same
     * freight yard and border trade zone: two shared member addresses, both only sources', so the
     * rings stay apart. Counted as identities, the two would make them one ring.
     */
    @Test
    void sourcesSharingBorderPickupPointsAreNotOneRing() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[][] rings = {{"E1", "F1", "G1"}, {"E2", "F2", "G2"}};
        for (int g = 0; g < rings.length; g++) {
            for (int k = 0; k < 2; k++) {
                add(b, rings[g][0], rings[g][1], k == 0 ? "Freight Yard" : "Border Trade Zone", "1" + g + " Depot Road");
                add(b, rings[g][1], rings[g][2], "1" + g + " Depot Road", "2" + g + " Market Road");
            }
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        RingMembers.Result r = RingMembers.classify(t, p, ringsOf(p, rings), RingMembers.Options.defaults());
        assertEquals(6, r.memberCount());
        assertEquals(2, r.ringCount());
    }

    private static void add(ShipmentTable.Builder b, String s, String r, String receiverName, String receiverAddress,
                            double kg) {
        b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null,
                receiverName, "1 Depot Road", receiverAddress, "c1", TransportMode.LAND, kg >= 10 ? 2 : 1, kg, "tea",
                false);
    }

    /**
     * Successor phones by hand (rows in time order). The found ring is S → T → D (three 20 kg lots each
     * leg) and D → R1 (two lots to Li at 5 Home Road). Li then changes phones: R1 goes quiet and R1b,
     * at the same address and name, receives one 1 kg parcel from D — a single retail-sized parcel,
     * a customer's evidence, but R1's successor: a member with R1's confidence (1 − 0.5², as R1).
     * Q1 and Q2 both receive at 8 Tower Road (an apartment block) with no names, Q1 two lots from D,
     * Q2 one 1 kg parcel from D between them: their activity overlaps, so they are two people and Q2
     * stays out. Without the rule R1b stays out too.
     */
    @Test
    void successorPhonesAreOnePerson() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", null, "2 Depot Road", 20);
            add(b, "T", "D", null, "3 Depot Road", 20);
        }
        add(b, "D", "Q1", null, "8 Tower Road", 20);
        add(b, "D", "Q2", null, "8 Tower Road", 1);
        add(b, "D", "Q1", null, "8 Tower Road", 20);
        add(b, "D", "R1", "Li", "5 Home Road", 20);
        add(b, "D", "R1", "Li", "5 Home Road", 20);
        add(b, "D", "R1b", "Li", "5 Home Road", 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R1b"));
        assertEquals(0, r.members()[p.parties().indexOf("R1b")]);
        assertEquals(0.75, conf(r, p, "R1b"), 1e-12);
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "Q1")); // two lots from D, its only parcels
        assertNull(role(r, p, "Q2"));
        assertEquals(6, r.memberCount());
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withSuccessorPhones(false));
        assertNull(role(without, p, "R1b"));
        assertEquals(5, without.memberCount());
        // persons: R1 and R1b one (by address and name, and by address alone); Q1 and Q2 overlap
        int[] person = RingMembers.successorParties(t, p.senderParty(), p.receiverParty(), ring, p.partyCount(),
                null);
        int r1 = p.parties().indexOf("R1");
        int r1b = p.parties().indexOf("R1b");
        assertEquals(Math.min(r1, r1b), person[r1]); // labelled by its smallest party
        assertEquals(person[r1], person[r1b]);
        assertEquals(-1, person[p.parties().indexOf("Q1")]);
        assertEquals(-1, person[p.parties().indexOf("Q2")]);
        // the normalised addresses of case linking's index give the same persons and the same result
        int[] forms = new CaseNetworks(CaseNetworks.Params.DEFAULTS).prepare(t).addressFormIds();
        assertArrayEquals(person, RingMembers.successorParties(t, p.senderParty(), p.receiverParty(), ring,
                p.partyCount(), forms));
        RingMembers.Result withForms = RingMembers.classify(t, p, ring, null, RingMembers.Options.defaults(), forms,
                org.parcelnet.progress.ProgressListener.NONE);
        assertArrayEquals(r.members(), withForms.members());
        assertArrayEquals(r.confidence(), withForms.confidence());
    }

    /** A row without addresses: sender and receiver by phone, the receiver's name only. */
    private static void addNamed(ShipmentTable.Builder b, String s, String r, String receiverName, double kg) {
        b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, null,
                receiverName, null, null, "c1", TransportMode.LAND, kg >= 10 ? 2 : 1, kg, "tea", false);
    }

    /**
     * Successor phones in a file without addresses, by hand (rows in time order). The found ring is
     * S → T → D (three 20 kg lots each leg) and D → R1 (two lots to "Li Wei" at Chengdu). R1 goes
     * quiet and R1b receives one 1 kg parcel from D as "Li Wei" at Chengdu: the same name at the same
     * place, after R1's last parcel, so R1's successor (a member with R1's confidence 1 − 0.5²). R2
     * gets two lots as "L**" and R2b one parcel as "L**": a masked name identifies no one, R2b stays
     * out. Q1 and Q2 are both "Wang Fang" at Chengdu, Q2's parcel between Q1's two: two people, Q2
     * stays out. Before names counted without addresses, R1b stayed out.
     */
    @Test
    void successorPhonesByNameAndPlaceWithoutAddresses() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 3; i++) {
            addNamed(b, "S", "T", null, 20);
            addNamed(b, "T", "D", null, 20);
        }
        addNamed(b, "D", "Q1", "Wang Fang", 20);
        addNamed(b, "D", "Q2", "Wang Fang", 1);
        addNamed(b, "D", "Q1", "Wang Fang", 20);
        addNamed(b, "D", "R1", "Li Wei", 20);
        addNamed(b, "D", "R2", "L**", 20);
        addNamed(b, "D", "R1", "Li Wei", 20);
        addNamed(b, "D", "R2", "L**", 20);
        addNamed(b, "D", "R1b", "Li Wei", 1);
        addNamed(b, "D", "R2b", "L**", 1);
        ShipmentTable t = b.build();
        assertEquals(0, t.addresses().size());
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1", "R2");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R1b"));
        assertEquals(0, r.members()[p.parties().indexOf("R1b")]);
        assertEquals(0.75, conf(r, p, "R1b"), 1e-12);
        assertNull(role(r, p, "R2b"));
        assertNull(role(r, p, "Q2"));
        int[] person = RingMembers.successorParties(t, p.senderParty(), p.receiverParty(), ring, p.partyCount(),
                null);
        int r1 = p.parties().indexOf("R1");
        assertEquals(person[r1], person[p.parties().indexOf("R1b")]);
        assertEquals(Math.min(r1, p.parties().indexOf("R1b")), person[r1]);
        assertEquals(-1, person[p.parties().indexOf("R2")]);
        assertEquals(-1, person[p.parties().indexOf("Q1")]);
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withSuccessorPhones(false));
        assertNull(role(without, p, "R1b"));
    }

    /**
     * A shared phone owns none of the identities it carries, by hand. The ring and Li's two phones are
     * those of {@link #successorPhonesAreOnePerson} (R1 two lots at 5 Home Road as "Li", then R1b one
     * parcel there). M is a mailroom's phone that receives for five addresses, one parcel for Li at 5
     * Home Road among them, from before R1's first parcel to after R1b's: its activity overlaps both
     * phones, but 5 Home Road (and Li there) is a fifth of its parcels, under a quarter
     * ({@link RingMembers#OWN_IDENTITY_SHARE}), so it is not that address's owner and neither joins
     * nor keeps apart the phones that own it. Before, M's
     * overlap kept R1b out. H1 and H2, two phones that each receive only at 9 Hill Road with
     * overlapping activity (a family), stay two people.
     */
    @Test
    void aSharedPhoneOwnsNoneOfTheIdentitiesItCarries() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "shop1", "M", null, "6 Home Road", 1);
        add(b, "shop2", "M", "Li", "5 Home Road", 1);
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", null, "2 Depot Road", 20);
            add(b, "T", "D", null, "3 Depot Road", 20);
        }
        add(b, "D", "H1", null, "9 Hill Road", 20);
        add(b, "D", "H2", null, "9 Hill Road", 1);
        add(b, "D", "H1", null, "9 Hill Road", 20);
        add(b, "D", "R1", "Li", "5 Home Road", 20);
        add(b, "D", "R1", "Li", "5 Home Road", 20);
        add(b, "D", "R1b", "Li", "5 Home Road", 1);
        add(b, "shop3", "M", null, "7 Home Road", 1);
        add(b, "shop4", "M", null, "8 Home Road", 1);
        add(b, "shop5", "M", null, "10 Home Road", 1);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R1");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "R1b"));
        assertEquals(0.75, conf(r, p, "R1b"), 1e-12);
        assertNull(role(r, p, "M"));
        assertNull(role(r, p, "H2"));
        int[] person = RingMembers.successorParties(t, p.senderParty(), p.receiverParty(), ring, p.partyCount(),
                null);
        assertEquals(person[p.parties().indexOf("R1")], person[p.parties().indexOf("R1b")]);
        assertEquals(-1, person[p.parties().indexOf("M")]);
        assertEquals(-1, person[p.parties().indexOf("H1")]);
        assertEquals(-1, person[p.parties().indexOf("H2")]);
    }

    /**
     * A reseller's earlier phone, by hand. The found ring (its community) is S → T → D → R (three 20 kg
     * lots a leg) and X: X got two 20 kg lots from D, bought ten parcels from shops and shipped one to
     * each of six buyers, all at 9 Market Street as "Zhang" — a reseller, member by the depth rules
     * (1 − 0.5² = 0.75) though its ring parcels are under a quarter of its parcels. Before X's first
     * parcel, X0 received three parcels from shops there as "Zhang" and nothing else: Zhang's old phone,
     * which carries no ring parcel. It follows X, the member the depth rules found, with X's confidence.
     * Before, only members of the member rounds passed their ring on to a person's other phones, and X0
     * stayed out.
     */
    @Test
    void aResellersEarlierPhoneFollowsIt() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int k = 0; k < 3; k++) {
            add(b, "shopOld" + k, "X0", "Zhang", "9 Market Street", 1);
        }
        for (int i = 0; i < 3; i++) {
            add(b, "S", "T", null, "2 Depot Road", 20);
            add(b, "T", "D", null, "3 Depot Road", 20);
            add(b, "D", "R", null, "4 Depot Road", 20);
        }
        add(b, "D", "X", "Zhang", "9 Market Street", 20);
        add(b, "D", "X", "Zhang", "9 Market Street", 20);
        for (int k = 0; k < 10; k++) {
            add(b, "shop" + k, "X", "Zhang", "9 Market Street", 1);
        }
        for (int k = 0; k < 6; k++) {
            add(b, "X", "buyer" + k, null, (k + 20) + " Other Road", 1);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringZero(p, "S", "T", "D", "R", "X");
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "X"));
        assertEquals(0.75, conf(r, p, "X"), 1e-12);
        assertEquals(RingMembers.Role.MEMBER, role(r, p, "X0"));
        assertEquals(0, r.members()[p.parties().indexOf("X0")]);
        assertEquals(0.75, conf(r, p, "X0"), 1e-12);
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withSuccessorPhones(false));
        assertNull(role(without, p, "X0"));
    }

    /**
     * Rings joined by persons by hand: ring 0 is A1 → B1 → C1, ring 1 the same people after changing
     * phones (A2 → B2 → C2, each phone's parcels after its predecessor's), each pair at one receiver
     * address and name; ring 2 (X → Y → Z) is unrelated. Rings 0 and 1 share 2 persons (B, C), 2 of 3
     * members: one ring. B's and C's addresses are apartment blocks where four neighbours each, under
     * their own names, receive parcels before and after them: members' parcels are a minority there, so they
     * are no member addresses (rings sharing them are not joined by addresses), and the address alone
     * identifies nobody (its phones overlap in time); address and name do.
     */
    @Test
    void ringsSharingPersonsAreOneRing() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[][] rings = {{"A1", "B1", "C1"}, {"A2", "B2", "C2"}, {"X", "Y", "Z"}};
        String[] names = {"Bo", "Chen", "Yu", "Zhu"};
        neighbours(b);
        for (int g = 0; g < rings.length; g++) {
            for (int k = 0; k < 2; k++) {
                String bName = g == 2 ? names[2] : names[0];
                String cName = g == 2 ? names[3] : names[1];
                b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", rings[g][0],
                        rings[g][1], null, bName, null, g == 2 ? "7 Road Y" : "2 Road B", "c1", TransportMode.LAND,
                        2, 20, "tea", false);
                b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", rings[g][1],
                        rings[g][2], null, cName, null, g == 2 ? "8 Road Z" : "3 Road C", "c1", TransportMode.LAND,
                        2, 20, "tea", false);
            }
        }
        neighbours(b);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringsOf(p, rings);
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(2, r.ringCount());
        assertEquals(r.members()[p.parties().indexOf("A1")], r.members()[p.parties().indexOf("C2")]);
        assertEquals(false, r.members()[p.parties().indexOf("A1")] == r.members()[p.parties().indexOf("X")]);
        assertEquals(3, RingMembers.classify(t, p, ring, RingMembers.Options.defaults().withSuccessorPhones(false))
                .ringCount());
    }

    /** A 20 kg lot (or a 1 kg parcel) from s to r with the sender's and the receiver's names and addresses. */
    private static void lot(ShipmentTable.Builder b, String s, String r, String senderName, String senderAddress,
                            String receiverName, String receiverAddress, double kg) {
        b.add("S" + (row++), 1_700_000_000L + row, "Yunnan", "Ruili", "Sichuan", "Chengdu", s, r, senderName,
                receiverName, senderAddress, receiverAddress, "c1", TransportMode.LAND, kg >= 10 ? 2 : 1, kg, "tea",
                false);
    }

    /**
     * One ring that community detection found as two parts, each with eleven member phones of three
     * persons: in the first period A sends two lots to each of Bo's phones B1–B5 (at 2 Road B), and
     * each Bk two to Chen's phone Ck (at 3 Road C); in the second period A2, B6–B10 and C6–C10 do the
     * same. Bo's and Chen's phones follow each other, so each is one person (by name and address; the
     * addresses alone are apartment blocks where neighbours receive before, between and after them,
     * and members' parcels are a minority there, so they join no rings as member addresses). The parts
     * share 2 persons: a fifth of the smaller part's 11 phones would ask 2.2, a fifth of its 3 persons
     * asks 2 (the minimum), so the parts are one ring; without the successor-phone rule they stay two.
     * Bo's last phone B11 receives one 1 kg parcel from A2, a customer's evidence, outside the found
     * rings: while Bo had members in both parts his phones gave nothing; on the joined ring B11 is a
     * member with his phones' confidence.
     */
    @Test
    void sharedPersonsAreWeighedAgainstPersonsNotPhones() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[][] rings = new String[2][11];
        for (int part = 0; part < 2; part++) {
            neighbours(b);
            neighbours(b);
            neighbours(b);
            rings[part][0] = "A" + (part + 1);
            for (int k = 1; k <= 5; k++) {
                String bk = "B" + (5 * part + k);
                String ck = "C" + (5 * part + k);
                rings[part][k] = bk;
                rings[part][5 + k] = ck;
                lot(b, rings[part][0], bk, null, null, "Bo", "2 Road B", 20);
                lot(b, rings[part][0], bk, null, null, "Bo", "2 Road B", 20);
                lot(b, bk, ck, null, null, "Chen", "3 Road C", 20);
                lot(b, bk, ck, null, null, "Chen", "3 Road C", 20);
            }
        }
        lot(b, "A2", "B11", null, null, "Bo", "2 Road B", 1);
        neighbours(b);
        neighbours(b);
        neighbours(b);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] ring = ringsOf(p, rings);
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(23, r.memberCount());
        assertEquals(1, r.ringCount());
        assertEquals(0, r.members()[p.parties().indexOf("B11")]);
        assertEquals(conf(r, p, "B10"), conf(r, p, "B11"), 1e-12);
        RingMembers.Result without = RingMembers.classify(t, p, ring,
                RingMembers.Options.defaults().withSuccessorPhones(false));
        assertEquals(22, without.memberCount());
        assertEquals(2, without.ringCount());
        assertNull(role(without, p, "B11"));
    }

    /**
     * Phones that community detection glued to another ring follow their persons. Found ring 0 is S →
     * T (three lots) and T → U1–U5 (two lots each), with Bo's and Chen's earlier phones glued to it:
     * B1 and B2 (Bo, 2 Road B) each send two lots to C1 and C2 (Chen, 3 Road C), and T once sent B1 a
     * 1 kg parcel. Found ring 1 is A → B3–B7 and Bk → Ck, Bo's and Chen's later phones. Ring 0 has 11
     * member phones of 9 persons and shares Bo and Chen with ring 1 (3 persons): a fifth of ring 1's
     * persons would join the two rings. But B1 trades 2 parcels with members whose persons are in ring 1
     * (C1) against 1 with ring 0's own (T), B2, C1 and C2 only with them: the four phones move to ring
     * 1, after which the rings share no person and stay two rings.
     */
    @Test
    void phonesGluedToAnotherRingFollowTheirPersons() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        neighbours(b);
        neighbours(b);
        for (int i = 0; i < 3; i++) {
            lot(b, "S", "T", null, null, null, null, 20);
        }
        for (int k = 1; k <= 5; k++) {
            lot(b, "T", "U" + k, null, null, null, null, 20);
            lot(b, "T", "U" + k, null, null, null, null, 20);
        }
        lot(b, "T", "B1", null, null, null, null, 1);
        for (int k = 1; k <= 2; k++) {
            lot(b, "B" + k, "C" + k, "Bo", "2 Road B", "Chen", "3 Road C", 20);
            lot(b, "B" + k, "C" + k, "Bo", "2 Road B", "Chen", "3 Road C", 20);
        }
        neighbours(b);
        for (int k = 3; k <= 7; k++) {
            lot(b, "A", "B" + k, null, null, "Bo", "2 Road B", 20);
            lot(b, "A", "B" + k, null, null, "Bo", "2 Road B", 20);
            lot(b, "B" + k, "C" + k, null, null, "Chen", "3 Road C", 20);
            lot(b, "B" + k, "C" + k, null, null, "Chen", "3 Road C", 20);
        }
        neighbours(b);
        neighbours(b);
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        String[][] rings = {{"S", "T", "U1", "U2", "U3", "U4", "U5", "B1", "B2", "C1", "C2"},
            {"A", "B3", "B4", "B5", "B6", "B7", "C3", "C4", "C5", "C6", "C7"}};
        int[] ring = ringsOf(p, rings);
        int[] person = RingMembers.successorParties(t, p.senderParty(), p.receiverParty(), ring, p.partyCount(),
                null);
        assertEquals(person[p.parties().indexOf("B1")], person[p.parties().indexOf("B7")]);
        assertEquals(person[p.parties().indexOf("C1")], person[p.parties().indexOf("C7")]);
        RingMembers.Result r = RingMembers.classify(t, p, ring, RingMembers.Options.defaults());
        assertEquals(22, r.memberCount());
        assertEquals(2, r.ringCount());
        int later = r.members()[p.parties().indexOf("B7")];
        for (String glued : new String[] {"B1", "B2", "C1", "C2"}) {
            assertEquals(later, r.members()[p.parties().indexOf(glued)], glued);
        }
        assertEquals(false, later == r.members()[p.parties().indexOf("S")]);
        assertEquals(r.members()[p.parties().indexOf("S")], r.members()[p.parties().indexOf("U5")]);
    }

    /** Four neighbours at 2 Road B and four at 3 Road C, each receiving one parcel. */
    private static void neighbours(ShipmentTable.Builder b) {
        for (int k = 0; k < 4; k++) {
            for (String address : new String[] {"2 Road B", "3 Road C"}) {
                b.add("S" + (row++), 1_700_000_000L + row, "Zhejiang", "Yiwu", "Sichuan", "Chengdu", "shop",
                        "n" + address.charAt(0) + k, null, "Neighbour " + address.charAt(0) + k, null, address, "c1",
                        TransportMode.LAND, 1, 1, "books", false);
            }
        }
    }

    @Test
    void caseRules() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "1", "2", 2, 20);
        add(b, "3", "4", 1, 1);
        ShipmentTable t = b.build();
        boolean[] sel = CaseRule.parse("origin_province=yunnan; pieces>=2").select(t);
        assertEquals(true, sel[0]);
        assertEquals(false, sel[1]);
        boolean[] light = CaseRule.parse("weight_kg<=1").select(t);
        assertEquals(false, light[0]);
        assertEquals(true, light[1]);
        assertEquals("case rule: 'sender_phone=' needs a text column (one of origin_province, origin_city,"
                + " destination_province, destination_city, carrier, mode, declared_goods)",
                assertThrows(IllegalArgumentException.class, () -> CaseRule.parse("sender_phone=1")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseRule.parse("pieces>=x"));
        assertThrows(IllegalArgumentException.class, () -> CaseRule.parse(" ; "));
    }

    /**
     * Drop-off points by hand (parties 0..5): ring 0 has source 0 (6 lots to warehouse 1); ring 1 has
     * source 3 (6 lots to warehouse 4); station 2, in ring 0, sends 3 lots to 1 and 3 to 4 and
     * receives nothing. Both rings have a supply of their own, so the station is a shared drop-off
     * point although it sends to one ring besides its own; the station of a ring without sources of
     * its own (source 3 gone: the station is ring 1's only supply), or sources that also supply the
     * other ring (a ring cut in two draws on the same sources), are none.
     */
    @Test
    void aDropOffPointOfTwoRingsWithSourcesOfTheirOwnIsNoExchange() {
        int[] ring = {0, 0, 0, 1, 1, -1};
        int[][] parcels = {{0, 1, 6}, {3, 4, 6}, {2, 1, 3}, {2, 4, 3}, {1, 5, 2}};
        assertArrayEquals(new boolean[6], RingMembers.sharedDropOffs(senders(parcels), receivers(parcels), ring, false));
        boolean[] dropOff = RingMembers.sharedDropOffs(senders(parcels), receivers(parcels), ring, true);
        assertArrayEquals(new boolean[] {false, false, true, false, false, false}, dropOff);
        int[][] stationOnly = {{0, 1, 6}, {2, 1, 3}, {2, 4, 3}, {4, 5, 2}};
        assertArrayEquals(new boolean[6], RingMembers.sharedDropOffs(senders(stationOnly), receivers(stationOnly), ring, true));
        int[][] sharedSources = {{0, 1, 6}, {0, 4, 6}, {3, 4, 6}, {3, 1, 6}, {2, 1, 3}, {2, 4, 3}};
        assertArrayEquals(new boolean[6],
                RingMembers.sharedDropOffs(senders(sharedSources), receivers(sharedSources), ring, true));
    }

    /** Sender of every parcel of {@code parcels} ({sender, receiver, count} rows). */
    private static int[] senders(int[][] parcels) {
        return expand(parcels, 0);
    }

    private static int[] receivers(int[][] parcels) {
        return expand(parcels, 1);
    }

    private static int[] expand(int[][] parcels, int column) {
        int n = 0;
        for (int[] p : parcels) {
            n += p[2];
        }
        int[] out = new int[n];
        int k = 0;
        for (int[] p : parcels) {
            for (int c = 0; c < p[2]; c++) {
                out[k++] = p[column];
            }
        }
        return out;
    }
}
