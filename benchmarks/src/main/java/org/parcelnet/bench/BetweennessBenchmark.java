package org.parcelnet.bench;

import java.util.concurrent.TimeUnit;

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
import org.parcelnet.paths.Betweenness;
import org.parcelnet.paths.Cost;

/**
 * Brandes betweenness: exact on a 10k-node / 120k-edge undirected random graph (weighted with
 * weights 1..9 as costs, and unweighted), and sampled with 256 seeded pivots on the 1M-node /
 * 10M-edge planted-partition fixture (unweighted). One operation is one full computation (including
 * Betweenness's private copy of the graph and, on the 1M fixture, its locality renumbering);
 * {@code threads} workers.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class BetweennessBenchmark {

    @Param({"2"})
    int threads;

    /** 10k nodes, 120k edges. */
    @State(Scope.Benchmark)
    public static class Small {
        CompactGraph graph;
        double[] cost;

        @Setup(Level.Trial)
        public void setup() {
            graph = PathsFixture.undirected(10_000, 120_000, 42);
            cost = Cost.WEIGHT.arcCosts(graph);
        }
    }

    /** The project's 1M-node / 10M-edge fixture ({@link PlantedPartitionFixture#standard}). */
    @State(Scope.Benchmark)
    public static class Large {
        CompactGraph graph;

        @Setup(Level.Trial)
        public void setup() {
            graph = PlantedPartitionFixture.standard(42).graph();
        }
    }

    @Benchmark
    public double[] exactWeighted10k(Small s) {
        return Betweenness.compute(s.graph, Betweenness.Options.builder().arcCost(s.cost).threads(threads).build()).score();
    }

    @Benchmark
    public double[] exactUnweighted10k(Small s) {
        return Betweenness.compute(s.graph, Betweenness.Options.builder().threads(threads).build()).score();
    }

    /** About half a minute on two free cores; no warm-up needed at that length. */
    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 2)
    public double[] sampled256Unweighted1M(Large s) {
        return Betweenness.compute(s.graph, Betweenness.Options.builder().samples(256).seed(1).threads(threads)
                .build()).score();
    }
}
