package org.parcelnet.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.paths.Cost;
import org.parcelnet.paths.Dijkstra;

/**
 * Single-source Dijkstra to every node on a 1M-node / 10M-edge undirected random graph (weights
 * 1..9): ParcelNet's {@link Dijkstra} on the CSR graph against JGraphT's
 * {@link DijkstraShortestPath#getPaths} on the same graph, in the same run. Sources cycle through a
 * seeded list.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 1, time = 10)
@Measurement(iterations = 3, time = 10)
public class DijkstraBenchmark {

    static final int NODES = 1_000_000;
    static final int EDGES = 10_000_000;

    /** The CSR graph and its costs. */
    @State(Scope.Benchmark)
    public static class Csr {
        CompactGraph graph;
        Dijkstra dijkstra;
        int[] sources;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            graph = PathsFixture.undirected(NODES, EDGES, 42);
            dijkstra = Dijkstra.of(graph, Cost.WEIGHT);
            sources = new SplittableRandom(7).ints(64, 0, NODES).toArray();
        }

        int source() {
            return sources[next++ & 63];
        }
    }

    /** The same graph in JGraphT. */
    @State(Scope.Benchmark)
    public static class JGraphT {
        Graph<Integer, DefaultWeightedEdge> graph;
        int[] sources;
        int next;

        @Setup(Level.Trial)
        public void setup() {
            graph = PathsFixture.toJGraphT(PathsFixture.undirected(NODES, EDGES, 42));
            sources = new SplittableRandom(7).ints(64, 0, NODES).toArray();
        }

        int source() {
            return sources[next++ & 63];
        }
    }

    @Benchmark
    public double[] parcelnetDijkstra(Csr s) {
        return s.dijkstra.distances(s.source());
    }

    @Benchmark
    public Object jgraphtDijkstra(JGraphT s) {
        return new DijkstraShortestPath<>(s.graph).getPaths(s.source());
    }
}
