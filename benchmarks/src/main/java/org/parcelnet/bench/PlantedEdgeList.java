package org.parcelnet.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the standard planted-partition fixture ({@link PlantedPartitionFixture#standard}: 1M nodes,
 * 10M distinct edges, blocks of 100, 90% inside) as a weighted {@code edges.csv}: header
 * {@code source,target,weight}, node ids as decimal ints, weights uniform integers 1..9 drawn from the
 * same seed. About 178 MB. The input of the whole-command comparison with igraph
 * ({@code benchmarks/compare_whole_command.py}) and of {@link EdgeListBenchmark}.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.parcelnet.bench.PlantedEdgeList OUT.csv [seed] [nodes edges]}
 */
public final class PlantedEdgeList {

    private PlantedEdgeList() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        PlantedPartitionFixture.Fixture f = args.length > 3
                ? PlantedPartitionFixture.generate(Integer.parseInt(args[2]), Integer.parseInt(args[3]), 100, 0.9, seed)
                : PlantedPartitionFixture.standard(seed);
        write(f, seed, out);
        System.out.println(out + ": " + f.nodes() + " nodes, " + f.edgeCount() + " edges, " + Files.size(out) + " bytes");
    }

    /** Writes the fixture's edges with weights 1..9 from {@code seed}. */
    static void write(PlantedPartitionFixture.Fixture f, long seed, Path out) throws IOException {
        SplittableRandom r = new SplittableRandom(seed ^ 0x5DEECE66DL);
        byte[] line = new byte[64];
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            os.write("source,target,weight\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < f.edgeCount(); i++) {
                int n = 0;
                n = digits(f.tails()[i], line, n);
                line[n++] = ',';
                n = digits(f.heads()[i], line, n);
                line[n++] = ',';
                line[n++] = (byte) ('1' + r.nextInt(9));
                line[n++] = '\n';
                os.write(line, 0, n);
            }
        }
    }

    private static int digits(int v, byte[] b, int at) {
        String s = Integer.toString(v);
        for (int i = 0; i < s.length(); i++) {
            b[at++] = (byte) s.charAt(i);
        }
        return at;
    }
}
