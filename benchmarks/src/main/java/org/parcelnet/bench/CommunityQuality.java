package org.parcelnet.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.LabelPropagation;
import org.parcelnet.community.LabelPropagationParams;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.LocalMoveMode;
import org.parcelnet.community.Louvain;
import org.parcelnet.community.LouvainParams;
import org.parcelnet.community.Modularity;
import org.parcelnet.community.PartitionComparison;
import org.parcelnet.graph.CompactGraph;

/**
 * One run of each algorithm on the standard planted-partition fixture, printing modularity, NMI
 * against the planted blocks, communities, wall seconds and working bytes per edge; the figures that
 * go with the JMH times. Optionally exports the fixture as an edge list for other tools:
 * {@code java -Xmx6g -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.CommunityQuality [threads] [BATCHED|SEQUENTIAL] [edges.txt]}
 * (the local-moving mode of Louvain and Leiden; batched when not given).
 */
public final class CommunityQuality {

    private CommunityQuality() {
    }

    public static void main(String[] args) throws IOException {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        LocalMoveMode mode = LocalMoveMode.BATCHED;
        String edges = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("BATCHED") || args[i].equals("SEQUENTIAL")) {
                mode = LocalMoveMode.valueOf(args[i]);
            } else {
                edges = args[i];
            }
        }
        PlantedPartitionFixture.Fixture f = PlantedPartitionFixture.standard(42);
        CompactGraph g = f.graph();
        System.out.printf(Locale.ROOT, "fixture: %d nodes, %d edges, inside fraction %.4f, planted modularity %.4f, graph %.1f bytes/edge%n",
                g.nodeCount(), g.edgeCount(), f.insideFraction(), Modularity.of(g, f.truth(), 1.0),
                (double) g.memoryBytes() / g.edgeCount());
        if (edges != null) {
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(edges)))) {
                for (int i = 0; i < f.edgeCount(); i++) {
                    w.print(f.tails()[i]);
                    w.print(' ');
                    w.println(f.heads()[i]);
                }
            }
        }
        for (String alg : new String[] {"louvain", "leiden", "lpa"}) {
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CommunityResult r = switch (alg) {
                case "louvain" -> new Louvain(LouvainParams.builder().seed(1).moveMode(mode).threads(threads).build()).run(g);
                case "leiden" -> new Leiden(LeidenParams.builder().seed(1).moveMode(mode).threads(threads).build()).run(g);
                default -> new LabelPropagation(LabelPropagationParams.builder().seed(1).build()).run(g);
            };
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(Locale.ROOT, "%-8s Q %.5f  NMI %.4f  communities %d  levels %d  iterations %d  wall %.2f s  "
                            + "main-thread CPU %.2f s  working %.1f bytes/edge%n",
                    alg, r.modularity(), PartitionComparison.nmi(f.truth(), r.partition().membership()),
                    r.communityCount(), r.levels().size(), r.iterations(), s, cpu, (double) r.workingBytes() / g.edgeCount());
        }
    }
}
