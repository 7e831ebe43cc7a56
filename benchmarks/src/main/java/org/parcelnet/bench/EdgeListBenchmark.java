package org.parcelnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.graph.GraphSnapshot;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.EdgeListReader;

/**
 * Reading the 10M-edge weighted planted-partition {@code edges.csv} ({@link PlantedEdgeList}, 178 MB,
 * written in the setup from seed 42) into a CompactGraph, whole read and CSR build, with the byte-level
 * reader on {@code threads} region threads, and from its binary snapshot. Single-shot milliseconds per
 * read; files are read from the page cache after the first iteration. The setup prints the graph's
 * state in bytes per edge.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class EdgeListBenchmark {

    @Param({"2"})
    int threads;

    Path edges;
    Path snapshot;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        edges = Files.createTempFile("parcelnet-bench-planted", ".csv");
        PlantedEdgeList.write(PlantedPartitionFixture.standard(42), 42, edges);
        snapshot = Files.createTempFile("parcelnet-bench-planted", ".pnb");
        LabeledGraph g = EdgeListReader.read(edges).graph();
        GraphSnapshot.write(g, snapshot);
        System.out.printf("%n%,d edges; graph state %.1f bytes per edge; snapshot %,d bytes%n", g.graph().edgeCount(),
                (double) g.graph().memoryBytes() / g.graph().edgeCount(), Files.size(snapshot));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(edges);
        Files.deleteIfExists(snapshot);
    }

    /** The same graph from its binary snapshot ({@code parcelnet convert edges}). */
    @Benchmark
    public LabeledGraph plantedSnapshot10M() throws IOException {
        return GraphSnapshot.read(snapshot);
    }

    @Benchmark
    public LabeledGraph plantedEdges10M() throws IOException {
        return EdgeListReader.read(edges, EdgeListReader.Options.defaults(), threads).graph();
    }
}
