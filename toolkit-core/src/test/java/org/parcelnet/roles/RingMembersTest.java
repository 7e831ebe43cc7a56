package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
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
        int n = p.partyCount();
        int[] ring = new int[n];
        for (int v = 0; v < n; v++) {
            String id = p.parties().id(v);
            ring[v] = id.equals("S") || id.equals("T") || id.equals("D") || id.equals("R1") || id.equals("R2")
                    || id.equals("B") || id.equals("X") ? 0 : -1;
        }
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
}
