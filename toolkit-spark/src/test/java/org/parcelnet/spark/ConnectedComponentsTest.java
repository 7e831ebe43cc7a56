package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.parcelnet.linking.UnionFind;

/**
 * Both merges (on the driver, and large-star/small-star rounds) after the per-partition contraction,
 * against core's union-find on seeded random graphs and a long path.
 */
class ConnectedComponentsTest {

    private static final StructType EDGES = new StructType().add("src", DataTypes.LongType, false)
            .add("dst", DataTypes.LongType, false);

    private static Map<Long, Long> components(List<long[]> edges, long maxDriverEdges) {
        List<Row> rows = new ArrayList<>();
        for (long[] e : edges) {
            rows.add(RowFactory.create(e[0], e[1]));
        }
        // three partitions, so that the contraction sees parts of components and the merge has work
        Dataset<Row> df = TestSpark.get().createDataFrame(rows, EDGES).repartition(3);
        Map<Long, Long> out = new HashMap<>();
        for (Row r : ConnectedComponents.of(df, maxDriverEdges).collectAsList()) {
            Long before = out.put(r.getLong(0), r.getLong(1));
            assertEquals(null, before, "one component per node");
        }
        return out;
    }

    /** Expected: every node with an edge labelled with the smallest node of its union-find set. */
    private static Map<Long, Long> unionFind(int n, List<long[]> edges) {
        UnionFind uf = new UnionFind(n);
        boolean[] touched = new boolean[n];
        for (long[] e : edges) {
            uf.union((int) e[0], (int) e[1]);
            touched[(int) e[0]] = true;
            touched[(int) e[1]] = true;
        }
        long[] smallest = new long[n];
        java.util.Arrays.fill(smallest, Long.MAX_VALUE);
        for (int v = 0; v < n; v++) {
            smallest[uf.find(v)] = Math.min(smallest[uf.find(v)], v);
        }
        Map<Long, Long> out = new HashMap<>();
        for (int v = 0; v < n; v++) {
            boolean loopOnly = true;
            for (long[] e : edges) {
                if ((e[0] == v || e[1] == v) && e[0] != e[1]) {
                    loopOnly = false;
                    break;
                }
            }
            if (touched[v] && !loopOnly) {
                out.put((long) v, smallest[uf.find(v)]);
            }
        }
        return out;
    }

    @Test
    void equalsUnionFindOnSeededRandomGraphs() {
        for (long seed = 1; seed <= 2; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = 300;
            List<long[]> edges = new ArrayList<>();
            for (int i = 0; i < 260; i++) {
                edges.add(new long[] {rnd.nextInt(n), rnd.nextInt(n)});
            }
            assertEquals(unionFind(n, edges), components(edges, Long.MAX_VALUE), "driver merge, seed " + seed);
            assertEquals(unionFind(n, edges), components(edges, 0), "large-star/small-star, seed " + seed);
        }
    }

    @Test
    void longPathNumberedBackwardsIsOneComponent() {
        List<long[]> edges = new ArrayList<>();
        for (int v = 200; v > 0; v--) {
            edges.add(new long[] {v, v - 1});
        }
        for (long maxDriverEdges : new long[] {Long.MAX_VALUE, 0}) {
            Map<Long, Long> c = components(edges, maxDriverEdges);
            assertEquals(201, c.size());
            assertEquals(1, c.values().stream().distinct().count());
            assertEquals(0L, c.get(200L));
        }
    }
}
