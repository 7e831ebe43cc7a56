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
 * {@code java -Xmx12g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.MemoryFootprint [nodes] [edges]}.
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

    public static void main(String[] args) {
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
        int rows = 1_000_000;
        before = used();
        ShipmentTable t = IngestBenchmark.syntheticTable(rows, 7);
        long tableBytes = used() - before;
        System.out.printf("ShipmentTable: %d rows, heap %.1f MB = %.1f B/shipment incl. distinct strings; "
                + "columns alone: %d B/shipment%n", t.size(), tableBytes / 1e6, tableBytes / (double) rows,
                ShipmentTable.bytesPerShipment());
    }
}
