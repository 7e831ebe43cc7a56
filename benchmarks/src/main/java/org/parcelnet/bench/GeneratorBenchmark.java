package org.parcelnet.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.parcelnet.synth.GeneratorConfig;
import org.parcelnet.synth.NetworkGenerator;

/**
 * Generator throughput at the case count of the platform we follow: 4,310,000 shipments with 200
 * rings, in a JVM capped at {@code -Xmx2g} (the memory goal). Scores are shipments per second
 * ({@code @OperationsPerInvocation}). {@code writeFiles} writes the four files to a temporary folder
 * (about 1.2 GB); {@code generateOnly} renders the same bytes to null streams, separating generation
 * from the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class GeneratorBenchmark {

    static final int SHIPMENTS = 4_310_000;

    @Param({"1", "2"})
    int threads;

    GeneratorConfig config;
    Path dir;

    @Setup(Level.Trial)
    public void setup() throws IOException {
        config = GeneratorConfig.builder().shipments(SHIPMENTS).rings(200).seed(2024).build();
        dir = Files.createTempDirectory("parcelnet-bench-generate");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(SHIPMENTS)
    public NetworkGenerator.Summary writeFiles() throws IOException {
        return new NetworkGenerator(config).writeTo(dir, false, threads);
    }

    @Benchmark
    @OperationsPerInvocation(SHIPMENTS)
    public NetworkGenerator.Summary generateOnly() throws IOException {
        OutputStream n = OutputStream.nullOutputStream();
        return new NetworkGenerator(config).write(n, n, n, n, threads);
    }
}
