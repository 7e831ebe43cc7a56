package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;
import org.parcelnet.paths.RelayChains;

class TierClassifierTest {

    /** Yunnan is a border province with entry city Ruili; Guizhou is a transit province. */
    static final PlaceFacts FACTS = new PlaceFacts() {
        @Override
        public boolean isBorderEntry(String province, String city) {
            return province.equals("Yunnan") && city.equals("Ruili");
        }

        @Override
        public boolean isBorderProvince(String province) {
            return province.equals("Yunnan");
        }

        @Override
        public boolean isTransitProvince(String province) {
            return Set.of("Guizhou").contains(province);
        }
    };

    private static void add(ShipmentTable.Builder b, String id, long t, String op, String oc, String dp, String dc,
                            String from, String to) {
        b.add(id, t, op, oc, dp, dc, from, to, "", "", "", "", "", TransportMode.LAND, 1, 1.0, "", false);
    }

    @Test
    void withTierListsTheNodesOfOneTierInOrder() {
        Tier[] t = {Tier.RETAILER, null, Tier.SOURCE, Tier.RETAILER, Tier.TRANSIT};
        assertArrayEquals(new int[] {0, 3}, TierClassifier.withTier(t, Tier.RETAILER));
        assertArrayEquals(new int[] {2}, TierClassifier.withTier(t, Tier.SOURCE));
        assertArrayEquals(new int[0], TierClassifier.withTier(t, Tier.DISTRIBUTOR));
    }

    @Test
    void handMadeRingGetsItsTiers() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        long h = 3600;
        int n = 0;
        // source S (Ruili) -> transit T (Guiyang) -> distributor D (Guangzhou) -> retailers R1, R2 (Guangzhou, Foshan)
        for (int k = 0; k < 4; k++) {
            long t0 = k * 100 * h;
            add(b, "a" + n++, t0, "Yunnan", "Ruili", "Guizhou", "Guiyang", "S", "T");
            add(b, "a" + n++, t0 + 10 * h, "Guizhou", "Guiyang", "Guangdong", "Guangzhou", "T", "D");
            add(b, "a" + n++, t0 + 20 * h, "Guangdong", "Guangzhou", "Guangdong", "Guangzhou", "D", "R1");
            add(b, "a" + n++, t0 + 21 * h, "Guangdong", "Guangzhou", "Guangdong", "Foshan", "D", "R2");
        }
        // an outsider who is in no community
        add(b, "x", 5, "Beijing", "Beijing", "Beijing", "Beijing", "X", "Y");
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] community = new int[p.partyCount()];
        for (int v = 0; v < community.length; v++) {
            String id = p.parties().id(v);
            community[v] = id.equals("X") || id.equals("Y") ? -1 : 0;
        }
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> FACTS.isBorderEntry(place.province(), place.city()));
        RelayChains.Result chains = RelayChains.find(t, p, sources, null, RelayChains.Options.DEFAULTS);
        TierClassifier.Result r = TierClassifier.classify(t, p, community, FACTS, chains, TierClassifier.Options.defaults());
        assertEquals(Tier.SOURCE, r.tier()[p.parties().indexOf("S")]);
        assertEquals(Tier.TRANSIT, r.tier()[p.parties().indexOf("T")]);
        assertEquals(Tier.DISTRIBUTOR, r.tier()[p.parties().indexOf("D")]);
        assertEquals(Tier.RETAILER, r.tier()[p.parties().indexOf("R1")]);
        assertEquals(Tier.RETAILER, r.tier()[p.parties().indexOf("R2")]);
        assertNull(r.tier()[p.parties().indexOf("X")]);
        assertArrayEquals(new int[] {1, 1, 1, 2}, r.counts());
        assertEquals(8, r.sent()[p.parties().indexOf("D")]);
        assertEquals(PlaceFacts.PlaceClass.TRANSIT, r.home()[p.parties().indexOf("T")]);

        Tier[] truth = r.tier().clone();
        truth[p.parties().indexOf("R2")] = Tier.DISTRIBUTOR;
        TierClassifier.Accuracy acc = TierClassifier.accuracy(r.tier(), truth);
        assertEquals(5, acc.compared());
        assertEquals(0.8, acc.accuracy(), 1e-12);
        assertEquals(1, acc.confusion()[Tier.DISTRIBUTOR.ordinal()][Tier.RETAILER.ordinal()]);
    }

    /**
     * Tiers by depth by hand. S (Ruili) → T (Guiyang) → D (Guangzhou) → R (Foshan), and R sells on to
     * buyers B1, B2 (in R's community but not ring members). The rules see R forward goods and call it
     * a distributor; by depth from the source it is the retailer. B1 and B2 keep the rule tier (they are
     * no members), and so does Q, a member no source reaches (its only supplier, a courier station, is
     * no member).
     */
    @Test
    void membersGetTheirTiersByDepthFromTheSource() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        long h = 3600;
        int n = 0;
        for (int k = 0; k < 4; k++) {
            long t0 = k * 100 * h;
            add(b, "a" + n++, t0, "Yunnan", "Ruili", "Guizhou", "Guiyang", "S", "T");
            add(b, "a" + n++, t0 + 10 * h, "Guizhou", "Guiyang", "Guangdong", "Guangzhou", "T", "D");
            add(b, "a" + n++, t0 + 20 * h, "Guangdong", "Guangzhou", "Guangdong", "Foshan", "D", "R");
            add(b, "a" + n++, t0 + 30 * h, "Guangdong", "Foshan", "Guangdong", "Foshan", "R", "B1");
            add(b, "a" + n++, t0 + 31 * h, "Guangdong", "Foshan", "Guangdong", "Foshan", "R", "B2");
            add(b, "a" + n++, t0 + 32 * h, "Guangdong", "Foshan", "Guangdong", "Foshan", "STATION", "Q");
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        int[] community = new int[p.partyCount()];
        int[] ringOf = new int[p.partyCount()];
        for (int v = 0; v < community.length; v++) {
            String id = p.parties().id(v);
            community[v] = 0;
            ringOf[v] = id.startsWith("B") || id.equals("STATION") ? -1 : 0;
        }
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> FACTS.isBorderEntry(place.province(), place.city()));
        RelayChains.Result chains = RelayChains.find(t, p, sources, null, RelayChains.Options.DEFAULTS);
        TierClassifier.Result rules = TierClassifier.classify(t, p, community, FACTS, chains, TierClassifier.Options.defaults());
        assertEquals(Tier.DISTRIBUTOR, rules.tier()[p.parties().indexOf("R")]);
        TierClassifier.Result r = TierClassifier.withDepths(rules, p, ringOf);
        assertEquals(Tier.SOURCE, r.tier()[p.parties().indexOf("S")]);
        assertEquals(Tier.TRANSIT, r.tier()[p.parties().indexOf("T")]);
        assertEquals(Tier.DISTRIBUTOR, r.tier()[p.parties().indexOf("D")]);
        assertEquals(Tier.RETAILER, r.tier()[p.parties().indexOf("R")]);
        for (String kept : new String[] {"B1", "B2", "Q", "STATION"}) {
            assertEquals(rules.tier()[p.parties().indexOf(kept)], r.tier()[p.parties().indexOf(kept)], kept);
        }
        assertArrayEquals(rules.sent(), r.sent());
    }

    @Test
    void rulesInOrder() {
        TierClassifier.Options o = TierClassifier.Options.defaults();
        assertEquals(Tier.RETAILER, TierClassifier.decide(true, 0, 5, PlaceFacts.PlaceClass.ENTRY, false, Double.NaN, o));
        assertEquals(Tier.RETAILER, TierClassifier.decide(true, 1, 20, PlaceFacts.PlaceClass.DESTINATION, false, Double.NaN, o));
        assertEquals(Tier.SOURCE, TierClassifier.decide(true, 10, 2, PlaceFacts.PlaceClass.ENTRY, true, Double.NaN, o));
        assertEquals(Tier.TRANSIT, TierClassifier.decide(true, 10, 10, PlaceFacts.PlaceClass.ENTRY, true, Double.NaN, o));
        assertEquals(Tier.TRANSIT, TierClassifier.decide(true, 10, 0, PlaceFacts.PlaceClass.TRANSIT, false, Double.NaN, o));
        assertEquals(Tier.DISTRIBUTOR, TierClassifier.decide(true, 10, 10, PlaceFacts.PlaceClass.DESTINATION, false, 2.0, o));
        assertEquals(Tier.SOURCE, TierClassifier.decide(true, 10, 0, PlaceFacts.PlaceClass.DESTINATION, false, 0.0, o));
        // no shipment inside the community: a destination party is taken for a retailer
        assertEquals(Tier.RETAILER, TierClassifier.decide(false, 1, 0, PlaceFacts.PlaceClass.DESTINATION, false, Double.NaN, o));
        assertEquals(Tier.TRANSIT, TierClassifier.decide(false, 1, 0, PlaceFacts.PlaceClass.TRANSIT, false, Double.NaN, o));
    }
}
