package org.parcelnet.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.IdMap;
import org.parcelnet.io.InputException;
import org.parcelnet.roles.Tier;

class GroundTruthTest {

    @TempDir
    Path dir;

    @Test
    void readsRingsTiersAndShipments() throws IOException {
        Files.writeString(dir.resolve("truth_parties.csv"),
                "party,ring,tier\n111,,\n222,r1,source\n333,r1,retailer\n444,r2,transit\n555,,\n");
        Files.writeString(dir.resolve("truth_shipments.csv"), "shipment_id,ring\nS1,r1\nS2,\nS3,r2\n");
        GroundTruth t = GroundTruth.read(dir);
        assertEquals(Map.of("222", "r1", "333", "r1", "444", "r2"), t.ringParties());
        assertNull(t.ring("111"));
        assertNull(t.ring("999"));
        assertEquals(Tier.RETAILER, t.tier("333"));
        assertNull(t.tier("111"));
        assertTrue(t.hasShipments());
        assertEquals("r2", t.shipmentRing("S3"));
        assertNull(t.shipmentRing("S2"));
        IdMap<String> nodes = IdMap.ofDistinct(List.of("444", "111", "222", "999", "333"));
        assertArrayEquals(new int[] {0, -1, 1, -1, 1}, t.ringLabels(nodes));
    }

    /** A folder whose shipments are all background still counts as having shipment truth. */
    @Test
    void shipmentTruthOfBackgroundOnlyIsStillShipmentTruth() throws IOException {
        Files.writeString(dir.resolve("truth_parties.csv"), "party,ring,tier\n111,,\n");
        Files.writeString(dir.resolve("truth_shipments.csv"), "shipment_id,ring\nS1,\nS2,\n");
        assertTrue(GroundTruth.read(dir).hasShipments());
        Files.delete(dir.resolve("truth_shipments.csv"));
        assertFalse(GroundTruth.read(dir).hasShipments());
    }

    /** A party listed twice is an error wherever its rows are: background or ring, in either order. */
    @Test
    void repeatedPartiesAreErrorsWithTheirLine() throws IOException {
        // the repeated party is a word that no temporary folder's name (digits) can contain
        for (String rows : List.of("secret,,\n222,r1,\nsecret,,\n", "secret,,\n222,r1,\nsecret,r2,\n",
                "secret,r2,\n222,r1,\nsecret,,\n", "secret,r2,\n222,r1,\nsecret,r1,\n")) {
            Path f = dir.resolve("truth_parties.csv");
            Files.writeString(f, "party,ring,tier\n" + rows);
            InputException e = assertThrows(InputException.class, () -> GroundTruth.read(f), rows);
            assertTrue(e.getMessage().contains(":4:1"), e.getMessage());
            assertTrue(e.getMessage().contains("duplicate party"), e.getMessage());
            assertFalse(e.getMessage().contains("secret"), "the party's value is not shown");
        }
    }

    /** Many distinct background parties (past several resizes of the fingerprint set) are no repeats. */
    @Test
    void manyDistinctBackgroundPartiesAreAccepted() throws IOException {
        StringBuilder b = new StringBuilder("party,ring,tier\n");
        for (int i = 0; i < 50_000; i++) {
            b.append(13_800_000_000L + i * 7L).append(",,\n");
        }
        b.append("999,r9,distributor\n");
        Files.writeString(dir.resolve("truth_parties.csv"), b);
        GroundTruth t = GroundTruth.read(dir.resolve("truth_parties.csv"));
        assertEquals(Map.of("999", "r9"), t.ringParties());
        assertEquals(Tier.DISTRIBUTOR, t.tier("999"));
    }
}
