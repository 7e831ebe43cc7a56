package org.parcelnet.spark;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Hashed party ids: distinct keys always end with distinct ids. Ids shortened to 10 bits make the
 * first salt repeat an id among 40 parties, and the next salts are tried until none repeats.
 */
class PartyIdsTest {

    private static final long TEN_BITS = (1L << 10) - 1;

    private static Dataset<Row> ring(int parties) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            rows.add(RowFactory.create("party-" + i, "party-" + ((i + 1) % parties), (long) (i + 1)));
        }
        StructType schema = new StructType().add("source", DataTypes.StringType, false)
                .add("target", DataTypes.StringType, false).add("weight", DataTypes.LongType, false);
        return TestSpark.get().createDataFrame(rows, schema);
    }

    @Test
    void repeatedIdsMoveToTheNextSalt() {
        Dataset<Row> arcs = ring(40);
        CommunityJob.PartyIds first = new CommunityJob.PartyIds(null, 0, TEN_BITS);
        long distinctAtSaltZero = arcs.select(first.id(col("source")).as("pid")).distinct().count();
        assertTrue(distinctAtSaltZero < 40, "the test's precondition: salt 0 repeats an id among 40 parties");

        CommunityJob.PartyIds ids = CommunityJob.PartyIds.of(arcs, TEN_BITS);
        assertTrue(ids.salt() > 0);
        Map<Long, String> partyOf = new HashMap<>();
        for (Row r : ids.table().collectAsList()) {
            String before = partyOf.put(r.getLong(1), r.getString(0));
            assertEquals(null, before, "one party per id");
            assertTrue(r.getLong(1) >= 0 && r.getLong(1) <= TEN_BITS);
        }
        assertEquals(40, partyOf.size());

        // the arcs by id are the arcs by name
        Set<String> byId = new HashSet<>();
        for (Row r : ids.directed(arcs).collectAsList()) {
            byId.add(partyOf.get(r.getLong(0)) + ">" + partyOf.get(r.getLong(1)) + "=" + r.getDouble(2));
        }
        Set<String> byName = new HashSet<>();
        for (Row r : arcs.collectAsList()) {
            byName.add(r.getString(0) + ">" + r.getString(1) + "=" + (double) r.getLong(2));
        }
        assertEquals(byName, byId);
    }

    @Test
    void fullIdsAreDistinctAtTheFirstSalt() {
        CommunityJob.PartyIds ids = CommunityJob.PartyIds.of(ring(500), -1L);
        assertEquals(0, ids.salt());
        assertEquals(500, ids.table().select("pid").distinct().count());
    }
}
