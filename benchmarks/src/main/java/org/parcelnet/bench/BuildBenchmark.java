package org.parcelnet.bench;

import java.util.concurrent.TimeUnit;

import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
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
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;

/**
 * Building a graph from the same random weighted edges: {@link CompactGraphBuilder} (CSR) against
 * JGraphT's {@link SimpleWeightedGraph}. Parallel edges are merged in both (JGraphT keeps the first
 * and the builder sums; a handful of the 10M edges repeat, which does not change the cost).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "-Xms8g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BuildBenchmark {

    @Param({"1000000"})
    int nodes;

    @Param({"10000000"})
    int edges;

    RandomEdges.Edges fixture;

    @Setup(Level.Trial)
    public void setup() {
        fixture = RandomEdges.generate(nodes, edges, 42);
    }

    @Benchmark
    public CompactGraph compactGraphBuilder() {
        RandomEdges.Edges f = fixture;
        CompactGraphBuilder b = CompactGraphBuilder.undirected(f.nodes()).expectedEdges(f.size());
        for (int i = 0; i < f.size(); i++) {
            b.addEdge(f.tails()[i], f.heads()[i], f.weights()[i]);
        }
        return b.build();
    }

    @Benchmark
    public SimpleWeightedGraph<Integer, DefaultWeightedEdge> jgraphtSimpleWeightedGraph() {
        RandomEdges.Edges f = fixture;
        SimpleWeightedGraph<Integer, DefaultWeightedEdge> g = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        for (int v = 0; v < f.nodes(); v++) {
            g.addVertex(v);
        }
        for (int i = 0; i < f.size(); i++) {
            DefaultWeightedEdge e = g.addEdge(f.tails()[i], f.heads()[i]);
            if (e != null) {
                g.setEdgeWeight(e, f.weights()[i]);
            }
        }
        return g;
    }
}
