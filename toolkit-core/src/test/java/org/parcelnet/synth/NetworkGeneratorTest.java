package org.parcelnet.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkGeneratorTest {

    /** The four outputs of one run, as text. */
    record Output(String shipments, String truthShipments, String truthParties, String truthRings,
                  NetworkGenerator.Summary summary) {

        String sha256() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                for (String s : List.of(shipments, truthShipments, truthParties, truthRings)) {
                    md.update(s.getBytes(StandardCharsets.UTF_8));
                    md.update((byte) 0);
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }

    static Output run(GeneratorConfig cfg, int threads) throws IOException {
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        NetworkGenerator.Summary s = new NetworkGenerator(cfg).write(a, b, c, d, threads);
        return new Output(a.toString(StandardCharsets.UTF_8), b.toString(StandardCharsets.UTF_8),
                c.toString(StandardCharsets.UTF_8), d.toString(StandardCharsets.UTF_8), s);
    }

    static List<String[]> rows(String csv) {
        List<String[]> out = new ArrayList<>();
        String[] lines = csv.split("\n");
        for (int i = 1; i < lines.length; i++) {
            out.add(lines[i].split(",", -1));
        }
        return out;
    }

    // shipments.csv columns
    static final int ID = 0;
    static final int AT = 1;
    static final int OPROV = 2;
    static final int OCITY = 3;
    static final int DPROV = 4;
    static final int SPHONE = 6;
    static final int RPHONE = 7;
    static final int SNAME = 8;
    static final int MODE = 13;
    static final int PIECES = 14;
    static final int WEIGHT = 15;
    static final int FLAGGED = 17;

    static final GeneratorConfig CONFIG = GeneratorConfig.builder().shipments(40_000).rings(6).seed(7).build();
    static Output out;
    static List<String[]> ships;
    static List<String[]> truthShips;
    static Map<String, String[]> parties;
    static List<String[]> rings;

    @BeforeAll
    static void generate() throws IOException {
        out = run(CONFIG, 1);
        ships = rows(out.shipments());
        truthShips = rows(out.truthShipments());
        parties = new HashMap<>();
        for (String[] p : rows(out.truthParties())) {
            assertEquals(null, parties.put(p[0], p), "party listed twice: " + p[0]);
        }
        rings = rows(out.truthRings());
    }

    static int tier(String phone) {
        String[] p = parties.get(phone);
        if (p == null || p[1].isEmpty()) {
            return -1;
        }
        return List.of(RingPlanner.TIER_NAMES).indexOf(p[2]);
    }

    @Test
    void shipmentsHaveTheSchemaAreUniqueAndSortedByTime() {
        assertTrue(out.shipments().startsWith(NetworkGenerator.SHIPMENTS_HEADER + "\n"));
        assertEquals(CONFIG.shipments(), ships.size());
        assertEquals(CONFIG.shipments(), out.summary().shipments());
        Set<String> ids = new HashSet<>();
        OffsetDateTime prev = null;
        for (String[] r : ships) {
            assertEquals(18, r.length, String.join(",", r));
            assertTrue(ids.add(r[ID]), "duplicate id " + r[ID]);
            OffsetDateTime t = OffsetDateTime.parse(r[AT]);
            if (prev != null) {
                assertFalse(t.isBefore(prev), "not sorted at " + r[ID]);
            }
            prev = t;
            for (int c : new int[] {SPHONE, RPHONE}) {
                assertTrue(r[c].matches("1[3-9][0-9]{9}"), "phone " + r[c]);
            }
            assertNotNull(Geography.city(r[OPROV], r[OCITY]));
            assertTrue(r[MODE].equals("land") || r[MODE].equals("air"));
            assertTrue(Integer.parseInt(r[PIECES]) >= 1);
            assertTrue(Double.parseDouble(r[WEIGHT]) > 0);
            assertFalse(r[SPHONE].equals(r[RPHONE]), "self shipment " + r[ID]);
        }
        OffsetDateTime first = OffsetDateTime.parse(ships.get(0)[AT]);
        OffsetDateTime last = OffsetDateTime.parse(ships.get(ships.size() - 1)[AT]);
        assertFalse(first.toLocalDate().isBefore(CONFIG.startDate()));
        assertTrue(last.toLocalDate().isBefore(CONFIG.startDate().plusDays(CONFIG.spanDays())));
    }

    @Test
    void truthFilesAgreeWithShipments() {
        assertEquals(ships.size(), truthShips.size());
        Set<String> phones = new HashSet<>();
        Map<String, Integer> perRing = new HashMap<>();
        for (int i = 0; i < ships.size(); i++) {
            assertEquals(ships.get(i)[ID], truthShips.get(i)[0]);
            phones.add(ships.get(i)[SPHONE]);
            phones.add(ships.get(i)[RPHONE]);
            String ring = truthShips.get(i)[1];
            if (!ring.isEmpty()) {
                perRing.merge(ring, 1, Integer::sum);
            }
        }
        // every party in truth appears in the shipments, and every phone in the shipments is listed
        assertEquals(phones, parties.keySet());
        Map<String, Integer> partiesPerRing = new HashMap<>();
        for (String[] p : parties.values()) {
            if (!p[1].isEmpty()) {
                partiesPerRing.merge(p[1], 1, Integer::sum);
                assertTrue(List.of(RingPlanner.TIER_NAMES).contains(p[2]));
            } else {
                assertEquals("", p[2]);
            }
        }
        assertEquals(CONFIG.rings(), rings.size());
        long ringTotal = 0;
        for (String[] r : rings) {
            assertEquals(perRing.get(r[0]), Integer.valueOf(r[3]), "shipments of ring " + r[0]);
            assertEquals(partiesPerRing.get(r[0]), Integer.valueOf(r[2]), "parties of ring " + r[0]);
            assertTrue(Geography.borderEntries().stream().anyMatch(c -> c.name().equals(r[1])), r[1]);
            ringTotal += Long.parseLong(r[3]);
        }
        assertEquals(out.summary().ringShipments(), ringTotal);
        // about ringShare of all shipments
        assertEquals(CONFIG.ringShare(), (double) ringTotal / ships.size(), 0.005);
    }

    @Test
    void everyRingParcelGoesDownOneTierFromTheRightPlaces() {
        Map<String, String> entryOfRing = new HashMap<>();
        for (String[] r : rings) {
            entryOfRing.put(r[0], r[1]);
        }
        int checked = 0;
        for (int i = 0; i < ships.size(); i++) {
            String ring = truthShips.get(i)[1];
            if (ring.isEmpty()) {
                continue;
            }
            String[] s = ships.get(i);
            int to = tier(s[RPHONE]);
            assertTrue(to >= 1, "ring parcel received by a non-member or a source: " + s[ID]);
            int from = tier(s[SPHONE]);
            if (from >= 0) {
                assertEquals(from + 1, to, "ring parcel " + s[ID] + " does not go down one tier");
                assertEquals(ring, parties.get(s[SPHONE])[1], "sender belongs to the parcel's ring");
                checked++;
            }
            if (from == 0) {
                assertEquals(entryOfRing.get(ring), s[OCITY], "sources ship from the entry town");
                assertTrue(Geography.isBorderEntry(s[OPROV], s[OCITY]));
            }
            if (from == 1) {
                assertTrue(Geography.isTransitProvince(s[OPROV]), "transit in " + s[OPROV]);
            }
            if (from == 2) {
                assertFalse(Geography.isTransitProvince(s[DPROV]), "retailer in " + s[DPROV]);
            }
        }
        assertTrue(checked > 0.9 * out.summary().ringShipments());
    }

    @Test
    void relaysForwardWithinTheWindowAfterReceiving() {
        Map<String, List<Long>> inbound = new HashMap<>();
        for (int i = 0; i < ships.size(); i++) {
            if (!truthShips.get(i)[1].isEmpty()) {
                inbound.computeIfAbsent(ships.get(i)[RPHONE], k -> new ArrayList<>())
                        .add(OffsetDateTime.parse(ships.get(i)[AT]).toEpochSecond());
            }
        }
        long window = CONFIG.relayMaxDays() * 86_400L;
        int relays = 0;
        for (int i = 0; i < ships.size(); i++) {
            String[] s = ships.get(i);
            int from = tier(s[SPHONE]);
            if (truthShips.get(i)[1].isEmpty() || from < 1) {
                continue;
            }
            long t = OffsetDateTime.parse(s[AT]).toEpochSecond();
            boolean ok = false;
            for (long in : inbound.getOrDefault(s[SPHONE], List.of())) {
                if (in < t && in >= t - window) {
                    ok = true;
                    break;
                }
            }
            assertTrue(ok, "relay " + s[ID] + " has no inbound ring parcel in the preceding window");
            relays++;
        }
        assertTrue(relays > out.summary().ringShipments() / 2);
    }

    @Test
    void antMovingTwoCartonShareHighInRingsLowInBackground() {
        int ring = 0;
        int ring2 = 0;
        int bg = 0;
        int bg2 = 0;
        int flaggedOutside = 0;
        int flagged = 0;
        for (int i = 0; i < ships.size(); i++) {
            boolean two = ships.get(i)[PIECES].equals("2");
            boolean isFlagged = ships.get(i)[FLAGGED].equals("true");
            if (truthShips.get(i)[1].isEmpty()) {
                bg++;
                bg2 += two ? 1 : 0;
                flaggedOutside += isFlagged ? 1 : 0;
            } else {
                ring++;
                ring2 += two ? 1 : 0;
                flagged += isFlagged ? 1 : 0;
            }
        }
        assertTrue(ring2 > 0.85 * ring, "2-carton share in rings " + (double) ring2 / ring);
        assertTrue(bg2 < 0.10 * bg, "2-carton share in background " + (double) bg2 / bg);
        assertEquals(0, flaggedOutside);
        assertTrue(flagged > 0 && flagged < 0.06 * ring, "flagged " + flagged);
        assertEquals(out.summary().flagged(), flagged);
    }

    @Test
    void personGoodsSeparationNamesVaryWhilePhonesRepeat() {
        Map<String, Set<String>> namesOfSender = new HashMap<>();
        Map<String, Integer> parcelsOfSender = new HashMap<>();
        for (int i = 0; i < ships.size(); i++) {
            String[] s = ships.get(i);
            if (!truthShips.get(i)[1].isEmpty() && tier(s[SPHONE]) == 0) {
                namesOfSender.computeIfAbsent(s[SPHONE], k -> new HashSet<>()).add(s[SNAME]);
                parcelsOfSender.merge(s[SPHONE], 1, Integer::sum);
            }
        }
        assertFalse(namesOfSender.isEmpty());
        for (Map.Entry<String, Set<String>> e : namesOfSender.entrySet()) {
            int n = parcelsOfSender.get(e.getKey());
            if (n >= 20) {
                assertTrue(e.getValue().size() > n / 2, "source names vary: " + e.getValue().size() + "/" + n);
            }
        }
    }

    @Test
    void hubPhonesLinkManyUnrelatedSenders() {
        Map<String, Set<String>> names = new HashMap<>();
        Map<String, Set<String>> receivers = new HashMap<>();
        for (String[] s : ships) {
            names.computeIfAbsent(s[SPHONE], k -> new HashSet<>()).add(s[SNAME]);
            receivers.computeIfAbsent(s[SPHONE], k -> new HashSet<>()).add(s[RPHONE]);
        }
        int hubs = 0;
        for (Map.Entry<String, Set<String>> e : names.entrySet()) {
            // a courier station: one phone, many people's names, many receivers, no ring
            if (e.getValue().size() >= 20 && receivers.get(e.getKey()).size() >= 20) {
                assertEquals("", parties.get(e.getKey())[1], "a hub belongs to no ring");
                hubs++;
            }
        }
        assertTrue(hubs >= 30, "courier stations with ≥ 20 sender names: " + hubs);
    }

    @Test
    void someRingsReachTwentyProvinces() throws IOException {
        GeneratorConfig big = GeneratorConfig.builder().shipments(30_000).rings(2).ringSize(150, 160)
                .ringShare(0.1).seed(3).build();
        Output o = run(big, 1);
        List<String[]> s = rows(o.shipments());
        List<String[]> t = rows(o.truthShipments());
        Map<String, Set<String>> provinces = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            String ring = t.get(i)[1];
            if (!ring.isEmpty()) {
                provinces.computeIfAbsent(ring, k -> new HashSet<>()).add(s.get(i)[OPROV]);
                provinces.computeIfAbsent(ring, k -> new HashSet<>()).add(s.get(i)[DPROV]);
            }
        }
        for (Set<String> p : provinces.values()) {
            assertTrue(p.size() >= 20, "provinces reached: " + p.size());
        }
    }

    @Test
    void mixingControlsLinksOutsideTheRing() throws IOException {
        GeneratorConfig base = GeneratorConfig.builder().shipments(20_000).rings(5).seed(11).build();
        assertEquals(0, outsideLinks(run(base.toBuilder().mixing(0).build(), 1)));
        int some = outsideLinks(run(base.toBuilder().mixing(0.3).build(), 1));
        assertTrue(some > 30, "outside links with mixing 0.3: " + some);
    }

    /** Ring parcels whose sender is not a member of the ring or whose receiver is in another ring. */
    private static int outsideLinks(Output o) {
        Map<String, String> ringOf = new HashMap<>();
        for (String[] p : rows(o.truthParties())) {
            ringOf.put(p[0], p[1]);
        }
        List<String[]> s = rows(o.shipments());
        List<String[]> t = rows(o.truthShipments());
        int n = 0;
        for (int i = 0; i < s.size(); i++) {
            String ring = t.get(i)[1];
            if (!ring.isEmpty() && (!ring.equals(ringOf.get(s.get(i)[SPHONE]))
                    || !ring.equals(ringOf.get(s.get(i)[RPHONE])))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void phoneChurnAddsPhonesToTheSameRingsAndTiers() throws IOException {
        GeneratorConfig base = GeneratorConfig.builder().shipments(20_000).rings(5).seed(5).build();
        NetworkGenerator.Summary none = run(base.toBuilder().phoneChurn(0).build(), 1).summary();
        NetworkGenerator.Summary lots = run(base.toBuilder().phoneChurn(2).build(), 1).summary();
        assertEquals(none.ringShipments() > 0, true);
        assertTrue(lots.ringParties() > none.ringParties() * 1.3,
                "ring phones " + none.ringParties() + " → " + lots.ringParties());
    }

    @Test
    void weeklyRhythmAndDoubleEleven() {
        int[] perWeekday = new int[8];
        Map<String, Integer> perDay = new HashMap<>();
        for (String[] s : ships) {
            OffsetDateTime t = OffsetDateTime.parse(s[AT]);
            perWeekday[t.getDayOfWeek().getValue()]++;
            perDay.merge(t.toLocalDate().toString(), 1, Integer::sum);
        }
        assertTrue(perWeekday[7] < 0.85 * perWeekday[3], "Sundays quieter than Wednesdays");
        double mean = (double) ships.size() / CONFIG.spanDays();
        assertTrue(perDay.get("2024-11-11") > 2 * mean, "Double 11 peak");
        int night = 0;
        int day = 0;
        for (String[] s : ships) {
            int h = OffsetDateTime.parse(s[AT]).getHour();
            if (h >= 2 && h < 5) {
                night++;
            } else if (h >= 14 && h < 17) {
                day++;
            }
        }
        assertTrue(day > 10 * night, "afternoon busier than small hours");
    }

    @Test
    void sameSeedSameBytesWhateverTheThreadCount() throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().shipments(15_000).rings(5).seed(42).build();
        String one = run(cfg, 1).sha256();
        assertEquals(one, run(cfg, 1).sha256());
        assertEquals(one, run(cfg, 3).sha256());
        assertNotEquals(one, run(cfg.toBuilder().seed(43).build(), 2).sha256());
    }

    @Test
    void writesFilesAtomicallyAndGzip(@TempDir Path dir) throws IOException {
        GeneratorConfig cfg = GeneratorConfig.builder().shipments(5_000).rings(2).seed(9).build();
        NetworkGenerator.Summary s = new NetworkGenerator(cfg).writeTo(dir, true, 2);
        assertEquals(5_000, s.shipments());
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(dir.resolve("shipments.csv.gz")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(run(cfg, 1).shipments(), text);
        }
        for (String f : List.of("truth_parties.csv", "truth_rings.csv", "truth_shipments.csv")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count(), "no temporary files left");
        }
    }
}
