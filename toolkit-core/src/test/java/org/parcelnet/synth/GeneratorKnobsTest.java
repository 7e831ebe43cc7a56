package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.parcelnet.linking.CaseLinker;

/** The difficulty knobs: off by default (the published sample is unchanged), and each does what it says. */
class GeneratorKnobsTest {

    private static final GeneratorConfig BASE = GeneratorConfig.builder().shipments(20_000).rings(4).mixing(0).build();

    private static NetworkGeneratorTest.Output run(GeneratorConfig c) throws IOException {
        return NetworkGeneratorTest.run(c, 2);
    }

    /** A truth file's first two columns as a map (party → ring, or shipment → ring; "" for background). */
    private static Map<String, String> column(String csv, int value) {
        Map<String, String> m = new HashMap<>();
        for (String[] r : NetworkGeneratorTest.rows(csv)) {
            m.put(r[0], r[value]);
        }
        return m;
    }

    @Test
    void defaultsReproduceThePublishedSample() throws IOException, NoSuchAlgorithmException {
        // sample-data/README.md gives this SHA-256 of the uncompressed sample shipments.csv
        NetworkGeneratorTest.Output o = NetworkGeneratorTest.run(GeneratorConfig.builder().build(), 2);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(o.shipments().getBytes(StandardCharsets.UTF_8)));
        assertEquals("d986e0787ddd3d1cc05797f0dbcfd99deea436f7a5d685d2559dc0eac941a50f", sha);
    }

    @Test
    void customerLeakageSendsRingParcelsToBuyersOutsideTheRing() throws IOException {
        NetworkGeneratorTest.Output o = run(BASE.toBuilder().customerLeakage(1).build());
        Map<String, String> party = column(o.truthParties(), 1);
        Map<String, String> tier = column(o.truthParties(), 2);
        Map<String, String> ship = column(o.truthShipments(), 1);
        int toBuyers = 0;
        int distToRetailer = 0;
        for (String[] r : NetworkGeneratorTest.rows(o.shipments())) {
            if (ship.get(r[0]).isEmpty()) {
                continue;
            }
            String s = r[NetworkGeneratorTest.SPHONE];
            String t = r[NetworkGeneratorTest.RPHONE];
            if (party.get(t).isEmpty()) {
                toBuyers++;
                assertEquals("1", r[NetworkGeneratorTest.PIECES], "a retail lot is one carton");
                assertEquals("distributor", tier.get(s), "sold by a distributor");
            } else if ("distributor".equals(tier.get(s)) && "retailer".equals(tier.get(t))) {
                distToRetailer++;
            }
        }
        // customerLeakage = 1: exactly one buyer parcel per distributor → retailer parcel
        assertEquals(distToRetailer, toBuyers);
        assertTrue(toBuyers > 100, "buyer parcels " + toBuyers);
    }

    @Test
    void memberPurchasesComeFromShopsToMembers() throws IOException {
        NetworkGeneratorTest.Output o = run(BASE.toBuilder().memberPurchases(0.5).build());
        Map<String, String> party = column(o.truthParties(), 1);
        Map<String, String> ship = column(o.truthShipments(), 1);
        int purchases = 0;
        int ring = 0;
        for (String[] r : NetworkGeneratorTest.rows(o.shipments())) {
            if (!ship.get(r[0]).isEmpty()) {
                ring++;
            } else if (party.get(r[NetworkGeneratorTest.SPHONE]).isEmpty()
                    && !party.get(r[NetworkGeneratorTest.RPHONE]).isEmpty()) {
                purchases++;
            }
        }
        assertTrue(purchases > 0.4 * ring && purchases <= 0.5 * ring + 4, // rounded per ring
                purchases + " purchases, " + ring + " ring");
    }

    @Test
    void stationHandInReplacesTheSenderOfThatShareOfRingParcels() throws IOException {
        NetworkGeneratorTest.Output o = run(BASE.toBuilder().stationHandIn(0.4).build());
        Map<String, String> party = column(o.truthParties(), 1);
        Map<String, String> ship = column(o.truthShipments(), 1);
        int ring = 0;
        int atStation = 0;
        for (String[] r : NetworkGeneratorTest.rows(o.shipments())) {
            if (!ship.get(r[0]).isEmpty()) {
                ring++;
                if (party.get(r[NetworkGeneratorTest.SPHONE]).isEmpty()) {
                    atStation++;
                    assertTrue(r[10].contains("Courier Station"), r[10]);
                }
            }
        }
        double share = (double) atStation / ring;
        assertTrue(share > 0.36 && share < 0.44, "share " + share);
    }

    @Test
    void sharedTransitCarriesAnotherRingsParcels() throws IOException {
        GeneratorConfig c = BASE.toBuilder().rings(6).sharedTransit(1).build();
        assertTrue(foreignTransit(run(c)) >= 3);
        assertEquals(0, foreignTransit(run(c.toBuilder().sharedTransit(0).build())));
    }

    /** Transit warehouses that forward parcels of a ring other than their own (truth). */
    private static int foreignTransit(NetworkGeneratorTest.Output o) {
        Map<String, String> party = column(o.truthParties(), 1);
        Map<String, String> tier = column(o.truthParties(), 2);
        Map<String, String> ship = column(o.truthShipments(), 1);
        Set<String> foreign = new HashSet<>();
        for (String[] r : NetworkGeneratorTest.rows(o.shipments())) {
            String s = r[NetworkGeneratorTest.SPHONE];
            String ring = ship.get(r[0]);
            if (!ring.isEmpty() && "transit".equals(tier.get(s)) && !ring.equals(party.get(s))) {
                foreign.add(s);
            }
        }
        return foreign.size();
    }

    @Test
    void falseFlagsMarkOrdinaryParcels() throws IOException {
        NetworkGeneratorTest.Output o = run(BASE.toBuilder().falseFlagShare(0.01).flaggedShare(0).build());
        Map<String, String> ship = column(o.truthShipments(), 1);
        int background = 0;
        int flagged = 0;
        for (String[] r : NetworkGeneratorTest.rows(o.shipments())) {
            boolean f = r[NetworkGeneratorTest.FLAGGED].equals("true");
            if (ship.get(r[0]).isEmpty()) {
                background++;
                flagged += f ? 1 : 0;
            } else {
                assertFalse(f, "flaggedShare 0 flags no ring parcel");
            }
        }
        double share = (double) flagged / background;
        assertTrue(share > 0.008 && share < 0.012, "share " + share);
    }

    @Test
    void columnsCanBeLeftOut() throws IOException {
        GeneratorConfig c = BASE.toBuilder().flaggedColumn(false).omittedColumns(Set.of("sender_name", "weight_kg"))
                .build();
        NetworkGeneratorTest.Output full = run(BASE);
        NetworkGeneratorTest.Output o = run(c);
        String header = o.shipments().substring(0, o.shipments().indexOf('\n'));
        assertEquals(NetworkGenerator.header(c), header);
        List<String> cols = List.of(header.split(","));
        assertEquals(15, cols.size());
        assertFalse(cols.contains("flagged") || cols.contains("sender_name") || cols.contains("weight_kg"));
        // every other field as in the full output
        List<String[]> a = NetworkGeneratorTest.rows(full.shipments());
        List<String[]> b = NetworkGeneratorTest.rows(o.shipments());
        assertEquals(a.size(), b.size());
        List<String> all = List.of(NetworkGenerator.SHIPMENTS_HEADER.split(","));
        for (int i = 0; i < a.size(); i += 97) {
            assertEquals(15, b.get(i).length);
            for (int k = 0; k < cols.size(); k++) {
                assertEquals(a.get(i)[all.indexOf(cols.get(k))], b.get(i)[k]);
            }
        }
    }

    @Test
    void noiseSpellsTheSameNamesAndAddressesDifferently() throws IOException {
        NetworkGeneratorTest.Output clean = run(BASE);
        NetworkGeneratorTest.Output o = run(BASE.toBuilder().nameNoise(0.3).addressNoise(0.3).build());
        List<String[]> a = NetworkGeneratorTest.rows(clean.shipments());
        List<String[]> b = NetworkGeneratorTest.rows(o.shipments());
        int names = 0;
        int addresses = 0;
        int sameForm = 0;
        int fields = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int k : new int[] {8, 9}) {
                names += a.get(i)[k].equals(b.get(i)[k]) ? 0 : 1;
            }
            for (int k : new int[] {10, 11}) {
                if (!a.get(i)[k].equals(b.get(i)[k])) {
                    addresses++;
                    if (CaseLinker.normalizeAddress(a.get(i)[k]).equals(CaseLinker.normalizeAddress(b.get(i)[k]))) {
                        sameForm++;
                    }
                }
            }
            fields += 2;
            for (int k : new int[] {0, 1, 6, 7, 14, 15, 17}) {
                assertEquals(a.get(i)[k], b.get(i)[k], "only names and addresses change");
            }
        }
        double nameShare = (double) names / fields;
        double addressShare = (double) addresses / fields;
        // a lower-cased name that is already lower case (none) or a typo of "z" still differ: all variants change
        assertTrue(nameShare > 0.27 && nameShare < 0.33, "names " + nameShare);
        assertTrue(addressShare > 0.2 && addressShare < 0.33, "addresses " + addressShare);
        // the case-and-punctuation variant (a third) normalises back to the same form
        double same = (double) sameForm / addresses;
        assertTrue(same > 0.25 && same < 0.45, "normalised equal " + same);
    }

    @Test
    void knobsAreValidated() {
        String m = assertThrows(IllegalArgumentException.class,
                () -> GeneratorConfig.builder().omittedColumns(Set.of("sender_phone")).build()).getMessage();
        assertTrue(m.contains("sender_phone"), m);
        m = assertThrows(IllegalArgumentException.class,
                () -> GeneratorConfig.builder().falseFlagShare(0.2).build()).getMessage();
        assertEquals("falseFlagShare must be between 0 and 0.05, got 0.2", m);
    }
}
