package org.parcelnet.paths;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.PartyIndex;
import org.parcelnet.graph.Projections;
import org.parcelnet.model.PartyKey;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class RelayChainsTest {

    private static final long DAY = RelayChains.DAY;

    private static void add(ShipmentTable.Builder b, String id, long t, String op, String oc, String dp, String dc,
                            String from, String to, int pieces) {
        b.add(id, t, op, oc, dp, dc, from, to, "", "", "", "", "", TransportMode.LAND, pieces, 1.0, "", false);
    }

    /** Rows: S1..S10 are rows 0..9. */
    private static ShipmentTable table() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "S1", 0, "Yunnan", "Ruili", "Yunnan", "Kunming", "111", "222", 1);
        add(b, "S2", DAY, "Yunnan", "Kunming", "Sichuan", "Chengdu", "222", "333", 1);
        add(b, "S3", 4 * DAY, "Sichuan", "Chengdu", "Guangdong", "Guangzhou", "333", "444", 3);   // Δt = window exactly
        add(b, "S4", 0, "Yunnan", "Ruili", "Yunnan", "Kunming", "111", "555", 1);
        add(b, "S5", 3 * DAY + 1, "Yunnan", "Kunming", "Hunan", "Changsha", "555", "666", 1);    // Δt = window + 1 s
        add(b, "S6", 10 * DAY, "Yunnan", "Ruili", "Yunnan", "Dali", "111", "777", 1);
        add(b, "S7", 10 * DAY, "Yunnan", "Dali", "Hunan", "Changsha", "777", "888", 1);           // Δt = 0
        add(b, "S8", 20 * DAY, "Yunnan", "Ruili", "Guangdong", "Shenzhen", "111", "999", 2);
        add(b, "S9", 20 * DAY + 5, "Yunnan", "Ruili", "Guangdong", "Shenzhen", "111", "999", 4);
        add(b, "S10", DAY / 2, "Sichuan", "Chengdu", "Yunnan", "Kunming", "1234", "222", 1);      // later, unsourced receipt
        return b.build();
    }

    @Test
    void chainsRespectWindowBoundariesAndStrictOrder() {
        ShipmentTable t = table();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> place.city().equals("Ruili"));
        assertTrue(sources[p.parties().indexOf("111")]);
        assertFalse(sources[p.parties().indexOf("222")]);
        RelayChains.Result r = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p), RelayChains.Options.DEFAULTS);
        // S1→S2→S3 (Δt 1 day, then exactly 3 days; S2 prefers the sourced S1 over the later S10),
        // S8 and S9 (direct). S5 (3 days + 1 s after S4) and S7 (Δt = 0 after S6) start no sourced chain.
        assertEquals(3, r.chainCount());
        assertArrayEquals(new int[] {0, 1, 2}, r.chain(0));
        assertArrayEquals(new int[] {7}, r.chain(1));
        assertArrayEquals(new int[] {8}, r.chain(2));
        List<RelayChains.Route> routes = r.routes();
        assertEquals(2, routes.size());
        assertEquals(List.of("Yunnan", "Guangdong"), routes.get(0).places());
        assertEquals(2, routes.get(0).chains());
        assertEquals(6, routes.get(0).pieces());
        assertEquals(2, routes.get(0).parties());
        assertEquals("Yunnan > Sichuan > Guangdong", routes.get(1).describe());
        assertEquals(1, routes.get(1).chains());
        assertEquals(3, routes.get(1).pieces());
        assertEquals(4, routes.get(1).parties());
        // positions: 111 starts 3 chains, 222 is second, 444 ends one chain at position 3
        int p111 = p.parties().indexOf("111");
        assertEquals(3, r.firsts()[p111]);
        assertEquals(0.0, r.meanPosition(p111));
        assertEquals(1.0, r.meanPosition(p.parties().indexOf("222")));
        assertEquals(3.0, r.meanPosition(p.parties().indexOf("444")));
        assertEquals(1, r.lasts()[p.parties().indexOf("444")]);
        assertTrue(Double.isNaN(r.meanPosition(p.parties().indexOf("1234"))));
    }

    /**
     * A relay that also receives ordinary parcels: 222 gets a consignment from source 111 (row 0),
     * then nine online purchases from shops (rows 1..9, more than the 8 recent receipts kept), then
     * forwards to 333 a day later (row 10). The purchases fill the recent slots, but the sourced
     * receipt is remembered: chain [0, 10]. Relay 444 gets the same (rows 11..20) and forwards 3 days
     * and 1 s after its consignment (row 21): outside the window, no chain.
     */
    @Test
    void ordinaryReceiptsDoNotMakeARelayForgetItsConsignment() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        String[] relays = {"222", "444"};
        long[] forwardAfter = {DAY, 3 * DAY + 1};
        for (int k = 0; k < 2; k++) {
            add(b, "C" + k, 0, "Yunnan", "Ruili", "Yunnan", "Kunming", "111", relays[k], 2);
            for (int s = 1; s <= 9; s++) {
                add(b, "P" + k + "-" + s, s * 3600L, "Zhejiang", "Hangzhou", "Yunnan", "Kunming", "90" + s, relays[k], 1);
            }
            add(b, "F" + k, forwardAfter[k], "Yunnan", "Kunming", "Sichuan", "Chengdu", relays[k], "333", 2);
        }
        ShipmentTable t = b.build();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> place.city().equals("Ruili"));
        RelayChains.Result r = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p), RelayChains.Options.DEFAULTS);
        assertEquals(1, r.chainCount());
        assertArrayEquals(new int[] {0, 10}, r.chain(0));
    }

    @Test
    void windowHopLimitAndCityLevel() {
        ShipmentTable t = table();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> place.city().equals("Ruili"));
        // a window of 3 days + 1 s also lets S5 continue S4: 555 forwards, 666 is a sink
        RelayChains.Result wide = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p),
                RelayChains.Options.builder().windowSeconds(3 * DAY + 1).build());
        assertEquals(4, wide.chainCount());
        // a window under 1 day breaks S1→S2
        RelayChains.Result narrow = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p),
                RelayChains.Options.builder().windowSeconds(DAY - 1).build());
        assertEquals(2, narrow.chainCount());
        // at most 2 shipments per chain: S3 cannot continue S1→S2
        RelayChains.Result shortChains = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p), RelayChains.Options.builder().maxHops(2).build());
        assertEquals(2, shortChains.chainCount());
        RelayChains.Result city = RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p),
                RelayChains.Options.builder().level(RelayChains.Level.CITY).build());
        assertEquals("Yunnan/Ruili > Yunnan/Kunming > Sichuan/Chengdu > Guangdong/Guangzhou", city.routes().get(1).describe());
        // without sinks a chain ends wherever the goods stop: S4 and S6 are not continued either
        RelayChains.Result leaves = RelayChains.find(t, p, sources, null, RelayChains.Options.DEFAULTS);
        assertEquals(5, leaves.chainCount());
        assertArrayEquals(new int[] {3}, leaves.chain(0));
        assertArrayEquals(new int[] {0, 1, 2}, leaves.chain(1));
        assertArrayEquals(new int[] {5}, leaves.chain(2));
        assertThrows(IllegalArgumentException.class, () -> RelayChains.Options.builder().windowSeconds(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> RelayChains.find(t, p, new boolean[1], null, RelayChains.Options.DEFAULTS));
    }

    @Test
    void cancellingAfterTheLinkingPassThrowsWithoutAResult() {
        ShipmentTable t = table();
        PartyIndex p = Projections.parties(t, PartyKey.PHONE);
        boolean[] sources = RelayChains.sendersFrom(t, p, place -> place.city().equals("Ruili"));
        org.parcelnet.progress.CancellingListener l = org.parcelnet.progress.CancellingListener.afterWork(1);
        org.junit.jupiter.api.Assertions.assertThrows(org.parcelnet.progress.CancelledException.class,
                () -> RelayChains.find(t, p, sources, RelayChains.nonForwarders(t, p), RelayChains.Options.DEFAULTS, l));
        assertTrue(l.balanced(), "end() called");
        assertEquals(t.size(), l.work(), "stopped after the first of two passes");
    }
}
