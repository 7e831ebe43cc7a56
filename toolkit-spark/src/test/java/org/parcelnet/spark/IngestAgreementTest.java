package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.linking.CaseLinker;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.privacy.PseudonymKey;
import org.parcelnet.privacy.Pseudonymizer;
import org.parcelnet.roles.CourierStations;

/**
 * Rows read on Spark are core's rows; pseudonyms are core's pseudonyms, and the rows sent from a courier
 * station's address are core's, read before the pseudonyms (bundled sample).
 */
class IngestAgreementTest {

    @TempDir
    Path dir;

    private static final String KEY = "a test key of more than sixteen bytes";

    private List<Row> read(Path file, ShipmentIngest.KeySource key) {
        ShipmentIngest.Settings s = new ShipmentIngest.Settings(false, "UTC", new java.util.HashMap<>(Map.of()), key);
        return ShipmentIngest.read(TestSpark.get(), List.of(file.toString()), List.of(file.toString()), s,
                dir.resolve("rejects").toString()).orderBy("part", "row").collectAsList();
    }

    @Test
    void pseudonymisedRowsEqualCoresOnTheSample() throws IOException {
        Path sample = TestSpark.sampleData().resolve("shipments.csv.gz");
        ShipmentTable clear = ShipmentReader.read(sample).table();
        ShipmentTable core = new Pseudonymizer(PseudonymKey.fromText(KEY, "test")).apply(clear);
        // stations by the clear addresses, as core's analyze reads them before pseudonymising
        boolean[] atStation = CourierStations.stationRows(clear, CourierStations.DEFAULT_WORDS);
        List<Row> rows = read(sample, new ShipmentIngest.KeySource(KEY.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(core.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(core.shipmentId(i), r.getString(2));
            assertEquals(core.shippedAt(i), r.getLong(3));
            assertEquals(core.phones().value(core.senderPhone(i)), r.getString(8), "sender phone, row " + i);
            assertEquals(core.phones().value(core.receiverPhone(i)), r.getString(9), "receiver phone, row " + i);
            assertEquals(value(core.names(), core.senderName(i)), r.getString(10));
            assertEquals(value(core.addresses(), core.receiverAddress(i)), r.getString(13));
            assertEquals(core.flagged(i), r.getBoolean(21));
            assertEquals(atStation[i], r.getBoolean(22), "sender at a station, row " + i);
        }
        assertTrue(CourierStations.count(atStation) > 0, "the sample's stations post under station addresses");
        assertNotEquals(clear.phones().value(clear.senderPhone(0)), rows.get(0).getString(8), "phones are replaced");
    }

    @Test
    void clearRowsAndAddressKeysEqualCoresOnTheMiniFile() throws IOException {
        Path mini = TestSpark.sampleData().resolve("shipments-mini.csv");
        ShipmentTable core = ShipmentReader.read(mini).table();
        List<Row> rows = read(mini, null);
        assertEquals(core.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(core.shipmentId(i), r.getString(2));
            assertEquals(core.place(core.originPlace(i)).city(), r.getString(5));
            assertEquals(core.phones().value(core.senderPhone(i)), r.getString(8));
            String address = value(core.addresses(), core.senderAddress(i));
            String key = address == null ? null : CaseLinker.normalizeAddress(address);
            assertEquals(key == null || key.isEmpty() ? null : key, r.getString(14));
            assertEquals(core.pieces(i), r.getInt(18));
        }
    }

    /**
     * The engine's rows keep an address as written only where its key would not normalise to itself
     * (Hangul jamo that the first normalisation leaves apart and a second composes); linking then
     * gets an address core normalises to the same key either way.
     */
    @Test
    void engineRowsKeepTheAddressOnlyWhereTheKeyCannotStandForIt() throws IOException {
        Path mini = TestSpark.sampleData().resolve("shipments-mini.csv");
        List<String> lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(mini));
        int at = java.util.Arrays.asList(lines.get(0).split(",")).indexOf("sender_address");
        String[] cells = lines.get(1).split(",", -1);
        String jamo = "\u1100 \u1161-7";
        cells[at] = jamo;
        lines.set(1, String.join(",", cells));
        Path file = dir.resolve("jamo.csv");
        java.nio.file.Files.write(file, lines);
        ShipmentTable core = ShipmentReader.read(file).table();
        ShipmentIngest.Settings s = new ShipmentIngest.Settings(false, "UTC", new java.util.HashMap<>(Map.of()), null);
        List<Row> rows = ShipmentIngest.read(TestSpark.get(), List.of(file.toString()), List.of(file.toString()), s,
                dir.resolve("rejects").toString(), false).orderBy("part", "row").collectAsList();
        assertEquals(ShipmentIngest.JOB_SCHEMA, rows.get(0).schema());
        int raw = ShipmentIngest.JOB_SCHEMA.fieldIndex("sender_address_raw");
        int key = ShipmentIngest.JOB_SCHEMA.fieldIndex("sender_address_key");
        assertEquals(jamo, rows.get(0).getString(raw));
        assertNotEquals(rows.get(0).getString(key), CaseLinker.normalizeAddress(rows.get(0).getString(key)));
        for (int i = 1; i < rows.size(); i++) {
            Row r = rows.get(i);
            assertEquals(null, r.getString(raw), "row " + i);
            String address = value(core.addresses(), core.senderAddress(i));
            String k = address == null ? "" : CaseLinker.normalizeAddress(address);
            assertEquals(k, r.isNullAt(key) ? "" : CaseLinker.normalizeAddress(r.getString(key)), "row " + i);
        }
    }

    private static String value(org.parcelnet.model.StringDictionary d, int code) {
        return code < 0 ? null : d.value(code);
    }
}
