package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;

/** The whole Spark job on the bundled sample against core's results on the same file. */
class SampleAgreementTest {

    @TempDir
    static Path dir;

    static ShipmentTable table;
    static Path out;
    static ScaleOutSummary summary;

    @BeforeAll
    static void run() throws IOException {
        Path sample = TestSpark.sampleData().resolve("shipments.csv.gz");
        table = ShipmentReader.read(sample).table();
        out = dir.resolve("out");
        summary = new SparkEngine(TestSpark.get()).analyze(ScaleOutRequest.of(sample.toString(), out.toString()));
        System.out.println("sample: " + summary);
    }

    @Test
    void readsEveryShipmentAsCoreDoes() {
        assertEquals(table.size(), summary.rowsRead());
        assertEquals(0, summary.rowsRejected());
    }

    @Test
    void outputFolderHoldsExactlyTheListedFiles() throws IOException {
        assertEquals(SparkEngine.OUTPUTS, Files.readAllLines(out.resolve(OutputFolder.MANIFEST)));
        java.util.TreeSet<String> expected = new java.util.TreeSet<>(SparkEngine.OUTPUTS);
        expected.add(OutputFolder.MANIFEST);
        try (var files = Files.list(out)) {
            assertEquals(expected, files.map(f -> f.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
    }

    @Test
    void partyGraphEqualsCore() throws IOException {
        Map<String, Long> spark = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("party_graph.csv")).subList(1, (int) summary.partyEdges() + 1)) {
            String[] f = line.split(",");
            spark.put(f[0] + ">" + f[1], Long.parseLong(f[2]));
        }
        assertEquals(CoreReference.partyArcs(table), spark);
    }

    @Test
    void caseNetworksEqualCore() throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("networks.csv"));
        assertEquals("shipment_id,network", lines.get(0));
        // core's linking, split by the communities this job wrote (as parcelnet link splits by its own)
        assertEquals(CoreReference.evidenceNetworkLines(table, CoreReference.readCommunities(out.resolve("communities.csv"))),
                lines.subList(1, lines.size()));
    }

    /** routes.csv: core's rows, in core's order, from the same rule (border-entry senders, 3-day window). */
    @Test
    void relayRoutesEqualCore() throws IOException {
        org.parcelnet.paths.RelayChains.Result core = CoreReference.relayChains(table, 3);
        assertTrue(core.chainCount() > 0, "the sample has relay chains");
        assertEquals(CoreReference.routeLines(core, dir), Files.readAllLines(out.resolve("routes.csv")));
    }

    /**
     * leads.csv: core's scorer and writer on the features the job has (case networks split by the job's
     * communities, no rings, betweenness 0); leads/ holds each region's leads, as core dispatches them.
     */
    @Test
    void leadsEqualCoresScorerAndAreDispatchedByRegion() throws IOException {
        org.parcelnet.linking.CaseNetworks.Result links = CoreReference.evidenceNetworks(table,
                CoreReference.readCommunities(out.resolve("communities.csv")),
                org.parcelnet.linking.CaseNetworks.Params.DEFAULTS);
        List<String> leads = Files.readAllLines(out.resolve("leads.csv"));
        assertEquals(CoreReference.leadLines(table, CoreReference.relayChains(table, 3), links, 100, dir), leads);
        List<String> index = Files.readAllLines(out.resolve("leads").resolve("index.csv"));
        assertEquals("region,file,rows", index.get(0));
        int listed = 0;
        for (String row : index.subList(1, index.size())) {
            String[] f = row.split(",");
            List<String> file = Files.readAllLines(out.resolve("leads").resolve(f[1]));
            assertEquals(leads.get(0), file.get(0));
            List<String> expected = leads.subList(1, leads.size()).stream()
                    .filter(l -> l.split(",")[4].equals(f[0])).toList();
            assertEquals(expected, file.subList(1, file.size()), "region " + f[0]);
            assertEquals(Integer.parseInt(f[2]), expected.size());
            listed += expected.size();
        }
        assertEquals(leads.size() - 1, listed, "every lead dispatched once");
    }

    /** The courier stations are core's (the sample's stations post under "Courier Station" addresses). */
    @Test
    void countsCoresCourierStations() throws IOException {
        int core = org.parcelnet.roles.CourierStations.count(CoreReference.stations(table));
        assertTrue(core > 0, "the sample has stations");
        assertEquals(core, summary.courierStations());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"courier_stations\": " + core));
    }

    @Test
    void modularityAtLeastCoresLessOneHundredth() throws IOException {
        CoreReference.Communities core = CoreReference.communities(table, 42);
        double sparkOnCore = CoreReference.modularityOf(table, out.resolve("communities.csv"));
        assertEquals(sparkOnCore, summary.modularity(), 1e-9, "the job's own modularity figure");
        assertTrue(summary.modularity() >= core.modularity() - 0.01,
                "spark " + summary.modularity() + " vs core " + core.modularity());
    }
}
