package org.parcelnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.parcelnet.community.Modularity;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.roles.CourierStations;

/**
 * Courier stations on Spark, by hand: which senders are stations ({@link CourierStationJob}), that a
 * station loses every edge of the graph communities are found on whatever its size, and the
 * {@code --station-words} option.
 */
class CourierStationsTest {

    /**
     * At least 9 in 10 of a sender's shipments from a station's address: A 9 of 10 (9 ≥ 9.0), C 1 of 1;
     * not B 8 of 10, E 8 of 9 (8 &lt; 8.1), D none of 3.
     */
    @Test
    void aStationSendsAtLeastNineInTenOfItsShipmentsFromAStationsAddress() {
        List<Row> rows = new ArrayList<>();
        add(rows, "A", 9, 1);
        add(rows, "B", 8, 2);
        add(rows, "C", 1, 0);
        add(rows, "D", 0, 3);
        add(rows, "E", 8, 1);
        Dataset<Row> shipments = TestSpark.get().createDataFrame(rows, new StructType()
                .add("sender_phone", DataTypes.StringType, false).add("sender_at_station", DataTypes.BooleanType, false));
        assertEquals(Set.of("A", "C"),
                new HashSet<>(CourierStationJob.stations(shipments).as(Encoders.STRING()).collectAsList()));
    }

    private static void add(List<Row> rows, String sender, int atStation, int elsewhere) {
        for (int i = 0; i < atStation + elsewhere; i++) {
            rows.add(RowFactory.create(sender, i < atStation));
        }
    }

    /**
     * Station P (two counterparties, far below the hub threshold of 40) takes two lots each for T1 and
     * T2 of two rings that are otherwise apart (S1 → T1, S2 → T2, two parcels each) and sends itself one
     * parcel. As a station it loses all three edges and is a community of its own: the rings' own ties
     * are what is clustered ({S1, T1} and {S2, T2}), and the job's modularity on the whole graph (P's
     * edges included, its loop inside its own community) is core's of that partition.
     */
    @Test
    void aStationLosesEveryEdgeWhateverItsSize() {
        String[][] arcs = {{"S1", "T1", "2"}, {"S2", "T2", "2"}, {"P", "T1", "2"}, {"P", "T2", "2"}, {"P", "P", "1"}};
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> node = new HashMap<>();
        for (String[] a : arcs) {
            rows.add(RowFactory.create(a[0], a[1], Long.parseLong(a[2])));
            node.putIfAbsent(a[0], node.size());
            node.putIfAbsent(a[1], node.size());
        }
        Dataset<Row> arcRows = TestSpark.get().createDataFrame(rows, new StructType()
                .add("source", DataTypes.StringType, false).add("target", DataTypes.StringType, false)
                .add("weight", DataTypes.LongType, false));
        Dataset<Row> stations = TestSpark.get().createDataFrame(List.of(RowFactory.create("P")),
                new StructType().add("party", DataTypes.StringType, false));

        CommunityJob.PartyIds ids = CommunityJob.PartyIds.of(arcRows, -1L);
        Dataset<Row> directed = ids.directed(arcRows);
        Dataset<Row> und = CommunityJob.undirected(directed);
        assertEquals(5, CommunityJob.withoutHubs(directed, und, 40, null).kept().count(), "no hubs, no places");
        Map<Long, String> name = new HashMap<>();
        ids.table().collectAsList().forEach(r -> name.put(r.getLong(1), r.getString(0)));
        Set<String> kept = new HashSet<>();
        for (Row r : CommunityJob.withoutHubs(directed, und, 40, ids.places(stations)).kept().collectAsList()) {
            kept.add(edge(name.get(r.getLong(0)), name.get(r.getLong(1))) + "=" + r.getDouble(2));
        }
        assertEquals(Set.of("S1~T1=2.0", "S2~T2=2.0"), kept);

        CommunityJob.Result r = CommunityJob.run(arcRows, stations, new CommunityJob.Options(42, 1.0, 40, 1000, 3));
        int[] membership = new int[node.size()];
        Map<String, Integer> community = new HashMap<>();
        for (Row m : r.membership().collectAsList()) {
            membership[node.get(m.getString(0))] = m.getInt(1);
            community.put(m.getString(0), m.getInt(1));
        }
        assertEquals(community.get("S1"), community.get("T1"));
        assertEquals(community.get("S2"), community.get("T2"));
        assertNotEquals(community.get("S1"), community.get("S2"));
        assertNotEquals(community.get("P"), community.get("T1"));
        assertNotEquals(community.get("P"), community.get("T2"));
        CompactGraphBuilder b = CompactGraphBuilder.directed(node.size());
        for (String[] a : arcs) {
            b.addEdge(node.get(a[0]), node.get(a[1]), Double.parseDouble(a[2]));
        }
        assertEquals(Modularity.of(b.build().toUndirected(), membership, 1.0), r.modularity(), 1e-12);
    }

    private static String edge(String x, String y) {
        return x.compareTo(y) <= 0 ? x + "~" + y : y + "~" + x;
    }

    /** {@code --station-words} as core's analyze takes it: comma-separated, replacing the defaults, blanks dropped. */
    @Test
    void stationWordsOption() throws IOException {
        String[] base = {"analyze", "--shipments", "in.csv", "--out", "out"};
        assertEquals(CourierStations.DEFAULT_WORDS, SparkMain.parse(base).stationWords());
        assertEquals(List.of("locker", " kiosk "), SparkMain.parse(with(base, "--station-words", "locker,, kiosk "))
                .stationWords());
        assertEquals(List.of("locker", "kiosk"), SparkMain.parse(with(base, "--station-words=locker",
                "--station-words", "kiosk")).stationWords());
        assertEquals(List.of(), SparkMain.parse(with(base, "--station-words=")).stationWords());
        assertEquals(List.of(), SparkMain.parse(with(base, "--station-words", "")).stationWords());
    }

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
