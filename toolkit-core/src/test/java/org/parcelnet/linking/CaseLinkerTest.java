package org.parcelnet.linking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

class CaseLinkerTest {

    private static int row;

    private static void add(ShipmentTable.Builder b, String sPhone, String rPhone, String sName, String rName,
                            String sAddr, String rAddr) {
        b.add("S" + (row++), 1_700_000_000L, "Yunnan", "Kunming", "Guangdong", "Guangzhou", sPhone, rPhone,
                sName, rName, sAddr, rAddr, "c1", TransportMode.LAND, 1, 1.0, "tea", false);
    }

    @Test
    void sharedPhonesAddressesAndNamePhoneLink() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "111", "222", null, null, null, null);              // 0
        add(b, "222", "333", null, null, null, null);              // 1: 222 received in 0, sends here
        add(b, "444", "555", null, null, "No. 5, Renmin Rd.", null); // 2
        add(b, "666", "777", null, null, "no5 RENMIN rd", null);   // 3: same address after normalisation
        add(b, "888", "999", null, null, null, null);              // 4: alone
        ShipmentTable t = b.build();
        LinkResult r = new CaseLinker().link(t);
        assertEquals(r.networkOf(0), r.networkOf(1));
        assertEquals(r.networkOf(2), r.networkOf(3));
        assertNotEquals(r.networkOf(0), r.networkOf(2));
        assertNotEquals(r.networkOf(4), r.networkOf(0));
        assertNotEquals(r.networkOf(4), r.networkOf(2));
        assertEquals(3, r.networkCount());
        assertEquals(2, r.linkedNetworkCount());
        assertEquals(0, r.hubs().size());
        // Dense ids, 0 = largest; the two pairs tie at 2, broken by first row.
        assertEquals(0, r.networkOf(0));
        assertEquals(1, r.networkOf(2));
        assertEquals(2, r.networkOf(4));
    }

    @Test
    void hubPhonesAreSuppressedButNamePhoneStillLinks() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        // A courier station 000 sends for five unrelated people to five different receivers.
        for (int i = 0; i < 5; i++) {
            add(b, "000", "90" + i, "person" + i, null, null, null);
        }
        // person0 drops a second parcel at the station: name+phone (person0|000) links rows 0 and 5.
        add(b, "000", "950", "person0", null, null, null);
        ShipmentTable t = b.build();
        // With K = 3 the station (6 counterparties) is a hub.
        LinkResult r = new CaseLinker(CaseLinker.Params.withHubThreshold(3)).link(t);
        assertEquals(1, r.hubs().size());
        LinkResult.Hub hub = r.hubs().get(0);
        assertEquals(LinkResult.Kind.PHONE, hub.kind());
        assertEquals("000", hub.value());
        assertEquals(6, hub.shipments());
        assertEquals(6, hub.counterparties());
        assertEquals(r.networkOf(0), r.networkOf(5));
        for (int i = 1; i < 5; i++) {
            assertNotEquals(r.networkOf(0), r.networkOf(i));
        }
        assertEquals(5, r.networkCount());
        // Without suppression the station chains everything into one network.
        LinkResult all = new CaseLinker(CaseLinker.Params.NO_SUPPRESSION).link(t);
        assertEquals(1, all.networkCount());
        assertEquals(0, all.hubs().size());
        // At K = 6 the station is not (yet) a hub: the limit is "more than K".
        assertEquals(0, new CaseLinker(CaseLinker.Params.withHubThreshold(6)).link(t).hubs().size());
    }

    @Test
    void shipmentLimitAndRepeatedCounterpartiesCountOnce() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        // 123 sends five parcels to the same receiver: 5 shipments, 1 counterparty.
        for (int i = 0; i < 5; i++) {
            add(b, "123", "456", null, null, null, null);
        }
        ShipmentTable t = b.build();
        assertEquals(0, new CaseLinker(new CaseLinker.Params(1, 10, true, true)).link(t).hubs().size());
        LinkResult r = new CaseLinker(new CaseLinker.Params(1, 4, true, true)).link(t);
        // Both phones are on 5 shipments > 4.
        assertEquals(2, r.hubs().size());
        assertEquals(5, r.networkCount());
    }

    @Test
    void addressesOfPunctuationOnlyLinkNothing() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "11", "21", null, null, "-", null);
        add(b, "12", "22", null, null, "--", "N/A");
        add(b, "13", "23", null, null, null, "n/a"); // "na" is a value: links with the row above
        LinkResult r = new CaseLinker().link(b.build());
        assertEquals(2, r.networkCount());
        assertNotEquals(r.networkOf(0), r.networkOf(1));
        assertEquals(r.networkOf(1), r.networkOf(2));
    }

    @Test
    void addressHubsAreReportedNormalised() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < 4; i++) {
            add(b, "1" + i, "2" + i, null, null, null, i % 2 == 0 ? "Pickup Point 7" : "pickup-point 7");
        }
        LinkResult r = new CaseLinker(CaseLinker.Params.withHubThreshold(2)).link(b.build());
        assertEquals(1, r.hubs().size());
        assertEquals(LinkResult.Kind.ADDRESS, r.hubs().get(0).kind());
        assertEquals("pickuppoint7", r.hubs().get(0).value());
        assertEquals(4, r.networkCount());
        assertEquals("no5renminrd", CaseLinker.normalizeAddress("No. 5, Renmin Rd."));
        assertEquals("人民路5号", CaseLinker.normalizeAddress("人民路 ５ 号"));
    }

    @Test
    void asciiAddressesNormaliseAsTheUnicodeRuleSays() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(30);
            for (int k = 0; k < n; k++) {
                b.append((char) (r.nextInt(10) == 0 ? 0x80 + r.nextInt(0x100) : r.nextInt(0x80)));
            }
            String a = b.toString();
            // The rule itself, written out: NFKC, lower case, letters and digits only.
            String nfkc = java.text.Normalizer.normalize(a, java.text.Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
            StringBuilder expected = new StringBuilder();
            nfkc.codePoints().filter(Character::isLetterOrDigit).forEach(expected::appendCodePoint);
            assertEquals(expected.toString(), CaseLinker.normalizeAddress(a), a);
        }
    }

    @Test
    void invalidThresholdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CaseLinker.Params.withHubThreshold(0));
        assertThrows(IllegalArgumentException.class, () -> new CaseLinker.Params(5, 0, true, true));
    }
}
