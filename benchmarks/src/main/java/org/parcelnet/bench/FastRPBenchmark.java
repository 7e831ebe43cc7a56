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
import org.parcelnet.embed.FastRP;
import org.parcelnet.graph.CompactGraph;

/**
 * FastRP ({@link FastRP}) on the standard {@link PlantedPartitionFixture} (1M nodes, 10M undirected
 * edges, blocks of 100, 90% inside, seed 42): dimension 128, the default three propagation steps,
 * on {@code threads} workers. Working memory ({@link FastRP#memoryBytes}): 1.20 GB, 1,204 bytes per node
 * (two n × 128 float arrays, the renumbered arcs and the sparse projection).
 * Run: {@code java -jar benchmarks/target/benchmarks.jar FastRPBenchmark -f 1 -wi 1 -i 3}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx5g", "-Xms5g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class FastRPBenchmark {

    @Param({"2"})
    int threads;

    @Param({"128"})
    int dimension;

    CompactGraph graph;

    @Setup(Level.Trial)
    public void setup() {
        graph = PlantedPartitionFixture.standard(42).graph();
    }

    @Benchmark
    public FastRP.Embedding fastRP() {
        return FastRP.embed(graph, FastRP.Params.defaults(dimension).withThreads(threads));
    }
}
