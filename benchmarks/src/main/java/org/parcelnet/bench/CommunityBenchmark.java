package org.parcelnet.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.jgrapht.Graph;
import org.jgrapht.alg.clustering.LabelPropagationClustering;
import org.jgrapht.alg.interfaces.ClusteringAlgorithm;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.community.CommunityResult;
import org.parcelnet.community.LabelPropagation;
import org.parcelnet.community.LabelPropagationParams;
import org.parcelnet.community.Leiden;
import org.parcelnet.community.LeidenParams;
import org.parcelnet.community.LocalMoveMode;
import org.parcelnet.community.Louvain;
import org.parcelnet.community.LouvainParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.linking.UnionFind;

/**
 * Community detection and union-find on the standard {@link PlantedPartitionFixture} (1M nodes, 10M
 * undirected edges, blocks of 100, 90% of edges inside blocks, seed 42), and label propagation against
 * JGraphT's {@link LabelPropagationClustering} on a 1M-edge graph of the same kind (100k nodes).
 * Run: {@code java -Xmx6g -jar benchmarks/target/benchmarks.jar CommunityBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CommunityBenchmark {

    /** Worker threads of Louvain and Leiden local moving. */
    @Param({"1"})
    int threads;

    /** How local moving applies moves (the thread count does not change the result). */
    @Param({"BATCHED"})
    LocalMoveMode moveMode;

    PlantedPartitionFixture.Fixture fixture;
    CompactGraph graph;
    CompactGraph small;
    Graph<Integer, DefaultEdge> smallJGraphT;

    @Setup(Level.Trial)
    public void setup() {
        fixture = PlantedPartitionFixture.standard(42);
        graph = fixture.graph();
        PlantedPartitionFixture.Fixture s = PlantedPartitionFixture.generate(100_000, 1_000_000, 100, 0.9, 43);
        small = s.graph();
        smallJGraphT = new SimpleGraph<>(DefaultEdge.class);
        for (int v = 0; v < s.nodes(); v++) {
            smallJGraphT.addVertex(v);
        }
        for (int i = 0; i < s.edgeCount(); i++) {
            smallJGraphT.addEdge(s.tails()[i], s.heads()[i]);
        }
    }

    @Benchmark
    public CommunityResult louvain() {
        return new Louvain(LouvainParams.builder().seed(1).moveMode(moveMode).threads(threads).build()).run(graph);
    }

    @Benchmark
    public CommunityResult leiden() {
        return new Leiden(LeidenParams.builder().seed(1).moveMode(moveMode).threads(threads).build()).run(graph);
    }

    @Benchmark
    public CommunityResult labelPropagation() {
        return new LabelPropagation(LabelPropagationParams.builder().seed(1).build()).run(graph);
    }

    /** Union-find over the fixture's 10M edges (the linking kernel). */
    @Benchmark
    public int unionFind10M() {
        int[] t = fixture.tails();
        int[] h = fixture.heads();
        UnionFind uf = new UnionFind(fixture.nodes());
        for (int i = 0; i < t.length; i++) {
            uf.union(t[i], h[i]);
        }
        return uf.setCount();
    }

    @Benchmark
    public CommunityResult labelPropagation1M() {
        return new LabelPropagation(LabelPropagationParams.builder().seed(1).build()).run(small);
    }

    @Benchmark
    public ClusteringAlgorithm.Clustering<Integer> jgraphtLabelPropagation1M() {
        return new LabelPropagationClustering<>(smallJGraphT, new Random(1)).getClustering();
    }
}
