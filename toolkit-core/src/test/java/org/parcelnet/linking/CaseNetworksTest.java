package org.parcelnet.linking;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;
import org.parcelnet.progress.CancelledException;
import org.parcelnet.progress.ProgressListener;

class CaseNetworksTest {

    private static final long T0 = 1_700_000_000L;

    private static void add(ShipmentTable.Builder b, String id, long time, String s, String r, boolean flagged) {
        b.add(id, time, "Yunnan", "Kunming", "Guangdong", "Guangzhou", s, r, null, null, null, null, "c1",
                TransportMode.LAND, 1, 1.0, "tea", flagged);
    }

    /**
     * Case A (111 → 222), an ordinary parcel 222 → 333, case B (333 → 444), and seven unrelated
     * parcels: R = 10 shipments, phones 222 and 333 on two each, w = ln(10/2)/ln(10).
     */
    private static ShipmentTable chain(long bTime) {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "A", T0, "111", "222", true);
        add(b, "X", T0, "222", "333", false);
        add(b, "B", bTime, "333", "444", true);
        for (int i = 0; i < 7; i++) {
            add(b, "F" + i, T0, "90" + i, "80" + i, false);
        }
        return b.build();
    }

    @Test
    void casesLinkThroughAnIntermediateRecordWithTheProductOfWeights() {
        ShipmentTable t = chain(T0);
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);
        assertArrayEquals(new int[] {0, 2}, r.caseRows());
        assertEquals(1, r.links().size());
        CaseNetworks.Link l = r.links().get(0);
        double w = Math.log(5) / Math.log(10);
        assertEquals(w * w, l.evidence(), 1e-12);
        assertEquals(2, l.path().length);
        assertEquals("222", r.identifiers().value(l.path()[0]));
        assertEquals("333", r.identifiers().value(l.path()[1]));
        assertEquals(LinkResult.Kind.PHONE, r.identifiers().kind(l.path()[0]));
        assertArrayEquals(new int[] {2}, r.sizes());
        // shared identifiers only: A and B share none
        assertEquals(0, new CaseNetworks(CaseNetworks.Params.DEFAULTS.withMaxPathIdentifiers(1))
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null).links().size());
        // not enough evidence
        assertEquals(0, new CaseNetworks(CaseNetworks.Params.DEFAULTS.withMinEvidence(0.5))
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null).links().size());
    }

    @Test
    void distantCasesCountLess() {
        ShipmentTable t = chain(T0 + 30 * 86_400L);
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);
        double w = Math.log(5) / Math.log(10);
        assertEquals(w * w * (0.5 + 0.5 / Math.E), r.links().get(0).evidence(), 1e-12);
    }

    @Test
    void communitiesSplitLinks() {
        ShipmentTable t = chain(T0);
        int[] community = {0, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, community);
        assertEquals(0, r.links().size());
        assertEquals(1, r.splitLinks());
        assertArrayEquals(new int[] {1, 1}, r.sizes());
    }

    @Test
    void everyRecordAsCaseLinksSharedIdentifiersOnly() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "A", T0, "111", "222", false);
        add(b, "X", T0, "222", "333", false);
        add(b, "B", T0, "333", "444", false);
        for (int i = 0; i < 7; i++) {
            add(b, "F" + i, T0, "90" + i, "80" + i, false);
        }
        ShipmentTable t = b.build();
        boolean[] all = CaseNetworks.flaggedOrAll(t);
        for (boolean c : all) {
            assertTrue(c, "no flags: every shipment is a case");
        }
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS).link(t, all, CaseNetworks.CaseMode.ALL, null);
        // A–X share 222, X–B share 333: one network of three, seven singletons
        assertEquals(2, r.links().size());
        assertEquals(3, r.sizes()[0]);
        assertEquals(8, r.sizes().length);
        for (CaseNetworks.Link l : r.links()) {
            assertEquals(1, l.path().length);
            assertEquals(Math.log(5) / Math.log(10), l.evidence(), 1e-12);
        }
    }

    @Test
    void hubsCarryNoEvidence() {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        // two cases sent from one courier station with 5 counterparties
        add(b, "A", T0, "000", "201", true);
        add(b, "B", T0, "000", "202", true);
        for (int i = 0; i < 3; i++) {
            add(b, "S" + i, T0, "000", "30" + i, false);
        }
        for (int i = 0; i < 5; i++) {
            add(b, "F" + i, T0, "90" + i, "80" + i, false);
        }
        ShipmentTable t = b.build();
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS.withHubThreshold(3))
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);
        assertEquals(0, r.links().size());
        assertEquals(1, r.hubs().size());
        CaseNetworks.Result open = new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);
        assertEquals(1, open.links().size());
        // without suppression the station on 5 of 10 shipments is weak evidence: ln 2 / ln 10
        assertEquals(Math.log(2) / Math.log(10), open.links().get(0).evidence(), 1e-12);
    }

    @Test
    void insideCommunitiesAHubLinksItsOwnCommunitysCasesOnly() {
        // a distributor 000 with 5 counterparties (a hub at K = 3) sells to 201 and 202 (cases A, B,
        // its community 0) and 203 (case C, community 1); 5 unrelated parcels: R = 10
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        add(b, "A", T0, "000", "201", true);
        add(b, "B", T0, "000", "202", true);
        add(b, "C", T0, "000", "203", true);
        add(b, "S0", T0, "000", "300", false);
        add(b, "S1", T0, "000", "301", false);
        for (int i = 0; i < 5; i++) {
            add(b, "F" + i, T0, "90" + i, "80" + i, false);
        }
        ShipmentTable t = b.build();
        CaseNetworks linker = new CaseNetworks(CaseNetworks.Params.DEFAULTS.withHubThreshold(3));
        // without communities the hub carries no evidence
        assertEquals(0, linker.link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null)
                .links().size());
        int[] community = {0, 0, 1, 0, 0, 2, 3, 4, 5, 6};
        CaseNetworks.Result r = linker.link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, community);
        // A–B through the hub's phone, on 5 of 10 shipments: ln 2 / ln 10; C is in another community
        assertEquals(1, r.links().size());
        CaseNetworks.Link l = r.links().get(0);
        assertEquals(0, l.a());
        assertEquals(1, l.b());
        assertEquals(Math.log(2) / Math.log(10), l.evidence(), 1e-12);
        assertEquals("000", r.identifiers().value(l.path()[0]));
        assertArrayEquals(new int[] {2, 1}, r.sizes());
        assertEquals(1, r.hubs().size(), "still listed as a hub");
    }

    @Test
    void filesExplainEveryLink(@TempDir Path dir) throws Exception {
        ShipmentTable t = chain(T0 + 86_400L);
        CaseNetworks.Result r = new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);
        CaseNetworkFiles.writeLinks(t, r, dir.resolve("links.csv"));
        CaseNetworkFiles.writeNetworks(t, r, dir.resolve("networks.csv"));
        List<CaseNetworkFiles.Summary> s = CaseNetworkFiles.summaries(t, r);
        CaseNetworkFiles.writeSummaries(s, dir.resolve("case_networks.csv"));
        List<String> links = Files.readAllLines(dir.resolve("links.csv"));
        assertEquals("case_a,case_b,network,identifiers,weight", links.get(0));
        assertTrue(links.get(1).startsWith("A,B,0,phone:222>phone:333,0."), links.get(1));
        assertEquals(List.of("shipment_id,network", "A,0", "B,0"), Files.readAllLines(dir.resolve("networks.csv")));
        assertEquals(1, s.size());
        assertEquals(2, s.get(0).cases());
        assertEquals(4, s.get(0).parties());
        assertEquals(2, s.get(0).identifiers());
        assertEquals(1.0, s.get(0).spanDays(), 1e-9);
        assertEquals(List.of("Guangdong", "Yunnan"), s.get(0).provinces());
        List<String> nets = Files.readAllLines(dir.resolve("case_networks.csv"));
        assertEquals("0,2,4,2,1,2023-11-14T22:13:20Z,2023-11-15T22:13:20Z,1.0,Guangdong;Yunnan", nets.get(1));
    }

    @Test
    void spreadsheetFormulasAreNeutralised() {
        assertEquals("\"'=SUM(A1)\"", CaseNetworkFiles.cell("=SUM(A1)"));
        assertEquals("\"'+1,2\"", CaseNetworkFiles.cell("+1,2"));
        assertEquals("plain", CaseNetworkFiles.cell("plain"));
    }

    @Test
    void progressAndCancellation() {
        ShipmentTable t = chain(T0);
        int[] calls = new int[2];
        ProgressListener counting = new ProgressListener() {
            @Override
            public void begin(String task, long totalWork) {
                calls[0]++;
            }

            @Override
            public void end() {
                calls[1]++;
            }
        };
        new CaseNetworks(CaseNetworks.Params.DEFAULTS).link(t, CaseNetworks.flaggedOrAll(t),
                CaseNetworks.CaseMode.FLAGGED, null, counting);
        new CaseLinker().link(t, counting);
        assertEquals(2, calls[0]);
        assertEquals(2, calls[1]);
        ProgressListener cancelled = new ProgressListener() {
            @Override
            public void end() {
                calls[1]++;
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> new CaseNetworks(CaseNetworks.Params.DEFAULTS)
                .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null, cancelled));
        assertThrows(CancelledException.class, () -> new CaseLinker().link(t, cancelled));
        assertEquals(4, calls[1], "end() in finally");
    }

    /**
     * 40 gangs of 5 flagged parcels each, every gang's parcels chained through its own phones, so
     * every case links to the others of its gang and nothing else: the search shared with a helper
     * worker gives the same links, evidence and networks as the caller alone (each case's links come
     * from that case alone, combined in case order).
     */
    @Test
    void searchSharedWithAHelperGivesTheSameResult() throws Exception {
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int g = 0; g < 40; g++) {
            for (int k = 0; k < 5; k++) {
                add(b, "G" + g + "-" + k, T0 + 3600L * k, "7" + g + "0" + k, "7" + g + "0" + (k + 1), true);
            }
        }
        for (int i = 0; i < 200; i++) {
            add(b, "F" + i, T0, "90" + i, "80" + i, false);
        }
        ShipmentTable t = b.build();
        CaseNetworks linker = new CaseNetworks(CaseNetworks.Params.DEFAULTS);
        boolean[] cases = CaseNetworks.flaggedOrAll(t);
        CaseNetworks.Result alone = linker.link(t, cases, CaseNetworks.CaseMode.FLAGGED, null);
        CaseNetworks.Result shared;
        try (org.parcelnet.progress.WorkerPool helper = org.parcelnet.progress.WorkerPool.beside("test")) {
            shared = linker.link(linker.prepare(t), cases, CaseNetworks.CaseMode.FLAGGED, null,
                    ProgressListener.NONE, helper);
        }
        assertEquals(40, alone.linkedNetworkCount());
        assertArrayEquals(alone.network(), shared.network());
        assertEquals(alone.links().size(), shared.links().size());
        for (int i = 0; i < alone.links().size(); i++) {
            CaseNetworks.Link x = alone.links().get(i);
            CaseNetworks.Link y = shared.links().get(i);
            assertEquals(x.a(), y.a());
            assertEquals(x.b(), y.b());
            assertEquals(x.evidence(), y.evidence(), 0);
            assertArrayEquals(x.path(), y.path());
        }
    }

    /**
     * On random phone-only tables (many phones on a single shipment, some on several), every link's
     * evidence is the strongest product of weights over any chain of phones that share shipments
     * (an exhaustive max-product closure over all phones, Floyd–Warshall style), times the time
     * factor, and every path given is such a chain with that product.
     */
    @Test
    void linksCarryTheStrongestEvidenceOfAnExhaustiveSearch() {
        java.util.Random random = new java.util.Random(29);
        for (int round = 0; round < 40; round++) {
            int phones = 12 + random.nextInt(20);
            int rows = 30 + random.nextInt(50);
            ShipmentTable.Builder b = new ShipmentTable.Builder();
            int[][] rowPhones = new int[rows][];
            long[] time = new long[rows];
            boolean[] flagged = new boolean[rows];
            int cases = 0;
            for (int i = 0; i < rows; i++) {
                int s = random.nextInt(phones);
                int r = (s + 1 + random.nextInt(phones - 1)) % phones;
                rowPhones[i] = new int[] {s, r};
                time[i] = T0 + random.nextInt(20 * 86_400);
                flagged[i] = cases < 18 && random.nextInt(3) == 0;
                cases += flagged[i] ? 1 : 0;
                add(b, "S" + i, time[i], "1380000" + (1000 + s), "1380000" + (1000 + r), flagged[i]);
            }
            ShipmentTable t = b.build();
            // at evidence 0.3 no chain of phones on 2+ of these <= 80 shipments (weight <= 0.842) is
            // longer than 7, so the path limit of 8 never binds and the strongest chain is the rule
            CaseNetworks.Params params = CaseNetworks.Params.DEFAULTS.withMinEvidence(0.3).withMaxPathIdentifiers(8);
            CaseNetworks.Result result = new CaseNetworks(params)
                    .link(t, CaseNetworks.flaggedOrAll(t), CaseNetworks.CaseMode.FLAGGED, null);

            int[] df = new int[phones];
            boolean[][] adjacent = new boolean[phones][phones];
            for (int[] rp : rowPhones) {
                df[rp[0]]++;
                df[rp[1]]++;
                adjacent[rp[0]][rp[1]] = true;
                adjacent[rp[1]][rp[0]] = true;
            }
            double[] w = new double[phones];
            for (int p = 0; p < phones; p++) {
                w[p] = df[p] == 0 ? 0 : Math.log((double) rows / df[p]) / Math.log(rows);
            }
            // best[p][q]: strongest product of the weights along a chain from p to q, both ends included
            double[][] best = new double[phones][phones];
            for (int p = 0; p < phones; p++) {
                best[p][p] = w[p];
                for (int q = 0; q < phones; q++) {
                    if (adjacent[p][q]) {
                        best[p][q] = w[p] * w[q];
                    }
                }
            }
            for (int m = 0; m < phones; m++) {
                for (int p = 0; p < phones; p++) {
                    for (int q = 0; q < phones; q++) {
                        if (w[m] > 0 && best[p][m] * best[m][q] / w[m] > best[p][q]) {
                            best[p][q] = best[p][m] * best[m][q] / w[m];
                        }
                    }
                }
            }
            java.util.Map<Long, Double> expected = new java.util.HashMap<>();
            int[] caseRows = result.caseRows();
            for (int a = 0; a < caseRows.length; a++) {
                for (int c = a + 1; c < caseRows.length; c++) {
                    double e = 0;
                    for (int p : rowPhones[caseRows[a]]) {
                        for (int q : rowPhones[caseRows[c]]) {
                            e = Math.max(e, best[p][q]);
                        }
                    }
                    if (e < params.minEvidence()) {
                        continue; // the search prunes a chain once it falls below the threshold
                    }
                    double dt = Math.abs((double) time[caseRows[a]] - time[caseRows[c]]);
                    double ev = e * (0.5 + 0.5 * Math.exp(-dt / (30 * 86_400.0)));
                    if (ev >= params.minEvidence()) {
                        expected.put(((long) a << 32) | c, ev);
                    }
                }
            }
            assertEquals(expected.size(), result.links().size(), "links in round " + round);
            for (CaseNetworks.Link l : result.links()) {
                int a = Math.min(l.a(), l.b());
                int c = Math.max(l.a(), l.b());
                Double ev = expected.get(((long) a << 32) | c);
                assertTrue(ev != null, "unexpected link in round " + round);
                assertEquals(ev, l.evidence(), 1e-12);
                // the path: a chain of adjacent phones from one on case a to one on case b
                int[] path = l.path();
                double product = 1;
                int prev = -1;
                for (int x : path) {
                    int phone = Integer.parseInt(result.identifiers().value(x).substring(7)) - 1000;
                    assertTrue(prev < 0 || adjacent[prev][phone]);
                    product *= w[phone];
                    prev = phone;
                }
                int first = Integer.parseInt(result.identifiers().value(path[0]).substring(7)) - 1000;
                int[] aPhones = rowPhones[caseRows[l.a()]];
                int[] bPhones = rowPhones[caseRows[l.b()]];
                assertTrue(first == aPhones[0] || first == aPhones[1]);
                assertTrue(prev == bPhones[0] || prev == bPhones[1]);
                double dt = Math.abs((double) time[caseRows[l.a()]] - time[caseRows[l.b()]]);
                assertEquals(l.evidence(), product * (0.5 + 0.5 * Math.exp(-dt / (30 * 86_400.0))), 1e-12);
            }
        }
    }

    @Test
    void paramsAreValidated() {
        assertEquals("minEvidence must be in (0, 1], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> CaseNetworks.Params.DEFAULTS.withMinEvidence(0)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaseNetworks.Params.DEFAULTS.withMaxPathIdentifiers(9));
    }
}
