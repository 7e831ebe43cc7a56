package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.paths.RelayChains;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * Relay chains where ring members also buy online (one ordinary parcel per ring parcel, in the days
 * after it): a relay's purchases push its consignment out of its recent receipts, and core then takes
 * its latest receipt carrying a chain from a source, kept apart. The job's components must hold that
 * receipt with the send that reads it, so its chains and routes are core's (several tasks, so that a
 * component split wrongly would show).
 */
class RelayPurchasesAgreementTest {

    @TempDir
    static Path dir;

    @Test
    void chainsEqualCoreWhenPurchasesPushConsignmentsOutOfTheRecentReceipts() throws IOException {
        Path gen = dir.resolve("gen");
        new NetworkGenerator(GeneratorConfig.builder().shipments(20_000).rings(6).seed(1).memberPurchases(1).build())
                .writeTo(gen, false, 1);
        Path file = gen.resolve("shipments.csv");
        ShipmentTable table = ShipmentReader.read(file).table();
        ShipmentIngest.Settings s = new ShipmentIngest.Settings(false, "UTC", new HashMap<>(), null);
        Dataset<Row> shipments = ShipmentIngest.read(TestSpark.get(), List.of(file.toString()), List.of(file.toString()),
                s, dir.resolve("rejects").toString());
        RelayChains.Result core = CoreReference.relayChains(table, 3);
        assertTrue(core.chainCount() > 100, "chains to compare: " + core.chainCount());
        RelayChainJob.Result spark = RelayChainJob.run(shipments, RelayChainJob.options(3), 4);
        Set<String> sparkChains = new HashSet<>();
        for (Row r : spark.chains().collectAsList()) {
            sparkChains.add(String.join(" ", r.<String>getList(1)));
        }
        assertEquals(CoreReference.chainSet(table, core), sparkChains);
        List<String> routes = new java.util.ArrayList<>();
        routes.add(SparkEngine.ROUTES_HEADER);
        spark.routes().collectAsList().forEach(r -> routes.add(SparkEngine.routeLine(r)));
        assertEquals(CoreReference.routeLines(core, dir), routes);
    }
}
