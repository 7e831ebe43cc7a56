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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.progress.WorkerPool;
import org.parcelnet.graphalytics.Bfs;
import org.parcelnet.graphalytics.Cdlp;
import org.parcelnet.graphalytics.Dataset;
import org.parcelnet.graphalytics.Lcc;
import org.parcelnet.graphalytics.Sssp;
import org.parcelnet.graphalytics.Wcc;
import org.parcelnet.paths.DeltaStepping;
import org.parcelnet.paths.PageRank;

/**
 * The six LDBC Graphalytics kernels on a Graph500-style Kronecker graph ({@link Kronecker}, scale 20
 * by default: 1,048,576 vertices, about 15.7M distinct undirected edges, seed 1), made in the setup.
 * Parameters as {@link Kronecker#properties}: PR 0.85 × 10 iterations, CDLP 10 iterations.
 * {@code benchmarks/compare_graphalytics_igraph.py} runs igraph's equivalents on the same graph.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 3, time = 5)
@State(Scope.Benchmark)
public class GraphalyticsBenchmark {

    @Param({"20"})
    int scale;

    @Param({"2"})
    int threads;

    Dataset data;
    WorkerPool par;
    int source;

    @Setup(Level.Trial)
    public void setup() {
        data = Kronecker.dataset(scale, 1);
        par = WorkerPool.of(threads, "graphalytics");
        source = data.sourceNode("bfs");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        par.close();
    }

    @Benchmark
    public long[] bfs() {
        return Bfs.depths(data.graph(), source, par);
    }

    @Benchmark
    public double[] pageRank() {
        return PageRank.compute(data.graph(), PageRank.Options.graphalytics(0.85, 10), threads).rank();
    }

    @Benchmark
    public int[] wcc() {
        return Wcc.components(data.graph(), par);
    }

    @Benchmark
    public int[] cdlp() {
        return Cdlp.labels(data.graph(), 10, par);
    }

    @Benchmark
    public double[] lcc() {
        return Lcc.coefficients(data.graph(), par);
    }

    /** Δ-stepping on {@code threads} workers with the Δ the kernel chooses. */
    @Benchmark
    public double[] sssp() {
        return Sssp.distances(data.graph(), source, par);
    }

    /** The sequential Dijkstra (4-ary heap) that Δ-stepping replaced, for comparison. */
    @Benchmark
    public double[] ssspDijkstra() {
        return Sssp.distances(data.graph(), source);
    }

    /** Δ-stepping with Δ = {@code deltaScale} × the chosen Δ, to check the choice. */
    @Param({"1"})
    double deltaScale;

    @Benchmark
    public double[] ssspDeltaScaled() {
        return DeltaStepping.distances(data.graph(), source, deltaScale * DeltaStepping.delta(data.graph(), par), par);
    }
}
