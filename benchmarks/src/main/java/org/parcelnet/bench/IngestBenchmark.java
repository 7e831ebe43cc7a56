package org.parcelnet.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.io.EdgeListReader;
import org.parcelnet.io.ShipmentReader;
import org.parcelnet.model.ShipmentTable;
import org.parcelnet.model.TransportMode;

/**
 * Ingest throughput: parsing a 1M-row shipments.csv into a {@link ShipmentTable} and a 2M-edge
 * edges.csv into a CompactGraph. Scores are operations per second where one operation is one row
 * (JMH {@code @OperationsPerInvocation}), i.e. rows/s and edges/s. The files are written in the
 * setup from a seed: 200k distinct phones, 300 places, names and addresses on a third of the rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IngestBenchmark {

    static final int ROWS = 1_000_000;
    static final int EDGES = 2_000_000;

    @Param({"false"})
    boolean gzip;

    Path shipments;
    Path edges;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        shipments = Files.createTempFile("parcelnet-bench-shipments", gzip ? ".csv.gz" : ".csv");
        writeShipments(shipments, ROWS, 7);
        edges = Files.createTempFile("parcelnet-bench-edges", ".csv");
        SplittableRandom r = new SplittableRandom(3);
        try (BufferedWriter w = Files.newBufferedWriter(edges, StandardCharsets.UTF_8)) {
            w.write("source,target,weight\n");
            for (int i = 0; i < EDGES; i++) {
                w.write("n" + r.nextInt(500_000) + ",n" + r.nextInt(500_000) + "," + (1 + r.nextInt(9)) + "\n");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(shipments);
        Files.deleteIfExists(edges);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ShipmentTable shipmentRows() throws IOException {
        return ShipmentReader.read(shipments).table();
    }

    @Benchmark
    @OperationsPerInvocation(EDGES)
    public Object edgeListEdges() throws IOException {
        return EdgeListReader.read(edges).graph();
    }

    static final String[][] PLACES = places();

    private static String[][] places() {
        String[] provinces = {"云南", "广西", "广东", "四川", "湖北", "湖南", "河南", "浙江", "江苏", "北京"};
        String[][] p = new String[300][];
        for (int i = 0; i < 300; i++) {
            p[i] = new String[] {provinces[i % provinces.length], "城市" + i};
        }
        return p;
    }

    /** Writes a shipments.csv of {@code rows} deterministic rows. */
    static void writeShipments(Path file, int rows, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        java.io.OutputStream os = Files.newOutputStream(file);
        if (file.toString().endsWith(".gz")) {
            os = new java.util.zip.GZIPOutputStream(os, 1 << 16);
        }
        try (BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("shipment_id,shipped_at,origin_province,origin_city,destination_province,destination_city,"
                    + "sender_phone,receiver_phone,sender_name,receiver_name,sender_address,receiver_address,carrier,"
                    + "mode,pieces,weight_kg,declared_goods,flagged\n");
            long t0 = 1_735_689_600L;
            for (int i = 0; i < rows; i++) {
                String[] o = PLACES[r.nextInt(PLACES.length)];
                String[] d = PLACES[r.nextInt(PLACES.length)];
                boolean named = r.nextInt(3) == 0;
                StringBuilder sb = new StringBuilder(200);
                sb.append("WB").append(10_000_000 + i).append(',')
                        .append(Instant.ofEpochSecond(t0 + i * 30L)).append(',')
                        .append(o[0]).append(',').append(o[1]).append(',').append(d[0]).append(',').append(d[1]).append(',')
                        .append(13_000_000_000L + r.nextInt(200_000) * 7919L).append(',')
                        .append(13_000_000_000L + r.nextInt(200_000) * 7919L).append(',')
                        .append(named ? "张" + r.nextInt(5000) : "").append(',')
                        .append(named ? "李" + r.nextInt(5000) : "").append(',')
                        .append(named ? o[1] + "路" + r.nextInt(2000) + "号" : "").append(',')
                        .append(named ? d[1] + "街" + r.nextInt(2000) + "号" : "").append(',')
                        .append(r.nextBoolean() ? "顺丰" : "中通").append(',')
                        .append(r.nextInt(4) == 0 ? "air" : "land").append(',')
                        .append(1 + r.nextInt(4)).append(',')
                        .append(r.nextInt(3000) / 100.0).append(',')
                        .append(r.nextInt(10) == 0 ? "\"茶叶, 散装\"" : "日用品").append(',')
                        .append(r.nextInt(100) == 0 ? "true" : "false").append('\n');
                w.write(sb.toString());
            }
        }
    }

    /** A table of {@code rows} deterministic rows built in memory (for footprint measurement). */
    static ShipmentTable syntheticTable(int rows, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ShipmentTable.Builder b = new ShipmentTable.Builder();
        for (int i = 0; i < rows; i++) {
            String[] o = PLACES[r.nextInt(PLACES.length)];
            String[] d = PLACES[r.nextInt(PLACES.length)];
            boolean named = r.nextInt(3) == 0;
            b.add("WB" + (10_000_000 + i), 1_735_689_600L + i * 30L, o[0], o[1], d[0], d[1],
                    Long.toString(13_000_000_000L + r.nextInt(200_000) * 7919L),
                    Long.toString(13_000_000_000L + r.nextInt(200_000) * 7919L),
                    named ? "张" + r.nextInt(5000) : "", named ? "李" + r.nextInt(5000) : "",
                    named ? o[1] + "路" + r.nextInt(2000) + "号" : "", named ? d[1] + "街" + r.nextInt(2000) + "号" : "",
                    r.nextBoolean() ? "顺丰" : "中通", r.nextInt(4) == 0 ? TransportMode.AIR : TransportMode.LAND,
                    1 + r.nextInt(4), r.nextInt(3000) / 100.0, "日用品", r.nextInt(100) == 0);
        }
        return b.build();
    }
}
