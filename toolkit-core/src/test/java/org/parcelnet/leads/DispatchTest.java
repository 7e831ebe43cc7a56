package org.parcelnet.leads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class DispatchTest {

    static final String A = "13800000001";
    static final String B = "13800000002";
    static final String C = "13800000003";

    /** W1 A→B (2 cartons, from 云南, flagged), W2 A→B (1, 云南), W3 B→C (2, 四川), W4 C→C (2, 广西). */
    static ShipmentTable table() {
        return new ShipmentTable.Builder()
                .add("W1", 0, "云南", "瑞丽", "四川", "成都", A, B, null, null, null, null, null, TransportMode.LAND, 2, 1, null, true)
                .add("W2", 1, "云南", "瑞丽", "广东", "广州", A, B, null, null, null, null, null, TransportMode.LAND, 1, 1, null, false)
                .add("W3", 2, "四川", "成都", "广东", "广州", B, C, null, null, null, null, null, TransportMode.LAND, 2, 1, null, false)
                .add("W4", 3, "广西", "凭祥", "广东", "深圳", C, C, null, null, null, null, null, TransportMode.LAND, 2, 1, null, false)
                .build();
    }

    @Test
    void partyActivityByHand() {
        ShipmentTable t = table();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        assertEquals(List.of(A, B, C), parties.parties().ids());
        PartyActivity a = PartyActivity.compute(t, parties, Set.of("云南", "广西"));
        assertArrayEquals(new double[] {2, 3, 2}, a.volume(), 1e-12, "C's self shipment counts once");
        assertArrayEquals(new double[] {0.5, 2.0 / 3, 1}, a.twoCartonShare(), 1e-12);
        assertArrayEquals(new double[] {1, 2.0 / 3, 0.5}, a.borderShare(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 1}, a.counterparties(), 1e-12, "repeat pairs and self loops not counted");
        assertArrayEquals(new double[] {1, 1, 0}, a.flagged(), 1e-12);
        LeadFeatures f = LeadFeatures.of(parties.parties().ids(), a);
        assertArrayEquals(new int[] {-1, -1, -1}, f.ring());
        assertArrayEquals(new double[] {2, 3, 2}, f.volume(), 1e-12);
    }

    @Test
    void regionIsWhereAPartyDeliversMostWithTiesByName() {
        ShipmentTable t = table();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        // A: 四川 1, 广东 1 → tie → "四川" (U+56DB) sorts before "广东" (U+5E7F).
        // B: 四川 1 (W1 received), 广东 2 (W2 received, W3 sent). C: 广东 2 (W3, W4 once).
        assertArrayEquals(new String[] {"四川", "广东", "广东"}, Dispatch.regions(t, parties));
    }

    @Test
    void leadsAreGroupedPerRegionInRankOrder() {
        ShipmentTable t = table();
        PartyIndex parties = Projections.parties(t, PartyKey.PHONE);
        PartyActivity a = PartyActivity.compute(t, parties, Set.of("云南"));
        LeadFeatures f = LeadFeatures.of(parties.parties().ids(), a).withRing(new int[] {0, 0, 1});
        LeadResult r = new LeadScorer().score(f, 3);
        String[] region = Dispatch.regions(t, parties);
        Map<String, List<PartyLead>> byRegion = Dispatch.partiesByRegion(r.parties(), region);
        assertEquals(List.of("四川", "广东"), List.copyOf(byRegion.keySet()));
        assertEquals(List.of(A), byRegion.get("四川").stream().map(PartyLead::id).toList());
        List<PartyLead> south = byRegion.get("广东");
        assertEquals(2, south.size());
        assertEquals(true, south.get(0).rank() < south.get(1).rank());
        // Ring 0 = {A, B}: volumes 2 (四川) and 3 (广东) → 广东. Ring 1 = {C} → 广东.
        double[] volume = f.volume();
        RingLead ring0 = r.rings().stream().filter(x -> x.ring() == 0).findFirst().orElseThrow();
        assertEquals("广东", Dispatch.ringRegion(ring0, region, volume));
        Map<String, List<RingLead>> rings = Dispatch.ringsByRegion(r.rings(), region, volume);
        assertEquals(List.of("广东"), List.copyOf(rings.keySet()));
        assertEquals(2, rings.get("广东").size());
    }
}
