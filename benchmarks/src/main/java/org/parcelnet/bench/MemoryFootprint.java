package org.parcelnet.bench;

import java.lang.management.ManagementFactory;

import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.model.ShipmentTable;

/**
 * Bytes per edge of a built {@link CompactGraph} and of a JGraphT {@link SimpleWeightedGraph}, and
 * bytes per shipment of a {@link ShipmentTable}: heap in use after full GCs, before and after
 * building, with the input arrays still held. Run:
 * {@code java -Xmx12g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.MemoryFootprint [nodes] [edges]},
 * or for the shipment table alone (built in memory and read from a generated file):
 * {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.MemoryFootprint shipments [rows]}.
 */
public final class MemoryFootprint {

    private MemoryFootprint() {
    }

    static long used() {
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    public static void main(String[] args) throws java.io.IOException {
        if (args.length > 0 && args[0].equals("shipments")) {
            shipments(args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000);
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        RandomEdges.Edges f = RandomEdges.generate(n, m, 42);
        long before = used();
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).expectedEdges(m);
        for (int i = 0; i < m; i++) {
            b.addEdge(f.tails()[i], f.heads()[i], f.weights()[i]);
        }
        CompactGraph g = b.build();
        b = null;
        long compact = used() - before;
        System.out.printf("CompactGraph: %d nodes, %d edges, heap %.1f MB = %.2f B/edge (arrays: %.2f B/edge)%n",
                g.nodeCount(), g.edgeCount(), compact / 1e6, compact / (double) g.edgeCount(),
                g.memoryBytes() / (double) g.edgeCount());
        CompactGraph keep = g;
        before = used();
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> j = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < n; v++) {
            j.addVertex(v);
        }
        for (int i = 0; i < m; i++) {
            DefaultWeightedEdge e = j.addEdge(f.tails()[i], f.heads()[i]);
            if (e != null) {
                j.setEdgeWeight(e, f.weights()[i]);
            }
        }
        long jg = used() - before;
        System.out.printf("JGraphT SimpleWeightedGraph: %d edges, heap %.1f MB = %.2f B/edge%n",
                j.edgeSet().size(), jg / 1e6, jg / (double) j.edgeSet().size());
        System.out.println(keep.nodeCount() + j.vertexSet().size() > 0 ? "" : "-");
        j = null;
        shipments(1_000_000);
    }

    /** Heap of a {@link ShipmentTable} with its dictionaries: built in memory, then read from a file. */
    static void shipments(int rows) throws java.io.IOException {
        long before = used();
        ShipmentTable t = IngestBenchmark.syntheticTable(rows, 7);
        long tableBytes = used() - before;
        report("built in memory", t, tableBytes);
        t = null;
        java.nio.file.Path file = java.nio.file.Files.createTempFile("parcelnet-footprint", ".csv");
        try {
            IngestBenchmark.writeShipments(file, rows, 7);
            before = used();
            ShipmentTable read = org.parcelnet.io.ShipmentReader.read(file).table();
            long readBytes = used() - before;
            report("read from " + (java.nio.file.Files.size(file) >> 20) + " MiB shipments.csv", read, readBytes);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    private static void report(String how, ShipmentTable t, long heapBytes) {
        int rows = t.size();
        System.out.printf("ShipmentTable (%s): %d rows, heap %.1f MB = %.1f B/shipment incl. dictionaries; "
                + "columns %d B/shipment, dictionaries (arrays) %.1f B/shipment; distinct: %d phones, %d names, "
                + "%d addresses%n", how, rows, heapBytes / 1e6, heapBytes / (double) rows,
                ShipmentTable.bytesPerShipment(), t.dictionaryBytes() / (double) rows, t.phones().size(),
                t.names().size(), t.addresses().size());
    }
}
