package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.parcelnet.community.Modularity;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/**
 * The job's modularity is core's {@link Modularity#of} of the job's partition on the whole party
 * graph, also where the hub rule removed edges that lie inside a community: a relaying hub's
 * one-off edge to a party of its own community, and a hub's self loop.
 */
class CommunityModularityTest {

    private static final String[][] ARCS = {
        // H relays: repeated ties in (S1, S2) and out (R1, R2), one-off parcels to C1, C2, C3, a self loop
        {"S1", "H", "10"}, {"S2", "H", "10"}, {"H", "R1", "10"}, {"H", "R2", "10"},
        {"H", "C1", "1"}, {"H", "C2", "1"}, {"H", "C3", "1"}, {"H", "H", "2"},
        // C1 and C2 trade with H's receivers
        {"C1", "R1", "5"}, {"R1", "C1", "5"}, {"R2", "C2", "5"},
        // a separate triangle
        {"X1", "X2", "3"}, {"X2", "X3", "3"}, {"X3", "X1", "3"},
    };

    @Test
    void equalsCoresModularityOfThePartitionWithRemovedInternalEdges() {
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> node = new HashMap<>();
        for (String[] a : ARCS) {
            rows.add(RowFactory.create(a[0], a[1], Long.parseLong(a[2])));
            node.putIfAbsent(a[0], node.size());
            node.putIfAbsent(a[1], node.size());
        }
        StructType schema = new StructType().add("source", DataTypes.StringType, false)
                .add("target", DataTypes.StringType, false).add("weight", DataTypes.LongType, false);
        Dataset<Row> arcs = TestSpark.get().createDataFrame(rows, schema);
        // hubs: more than 3 distinct neighbours (H alone)
        CommunityJob.Result r = CommunityJob.run(arcs, null, new CommunityJob.Options(42, 1.0, 3, 1000, 3));

        int[] membership = new int[node.size()];
        for (Row m : r.membership().collectAsList()) {
            membership[node.get(m.getString(0))] = m.getInt(1);
        }
        assertTrue(membership[node.get("H")] == membership[node.get("C1")]
                        || membership[node.get("H")] == membership[node.get("C2")],
                "a removed one-off edge of the relaying hub lies inside a community");
        CompactGraphBuilder b = CompactGraphBuilder.directed(node.size());
        for (String[] a : ARCS) {
            b.addEdge(node.get(a[0]), node.get(a[1]), Double.parseDouble(a[2]));
        }
        CompactGraph whole = b.build().toUndirected();
        assertEquals(Modularity.of(whole, membership, 1.0), r.modularity(), 1e-12);
    }
}
