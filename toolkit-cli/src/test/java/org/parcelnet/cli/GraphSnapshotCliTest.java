package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.community.Partition;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.io.Csv;

/**
 * {@code convert edges} and graph commands on the snapshot: the same outputs as from the CSV, and one-line
 * exit-2 errors for damaged or foreign snapshots.
 */
class GraphSnapshotCliTest {

    @TempDir
    Path dir;

    private Path plantedEdges() throws IOException {
        SplittableRandom r = new SplittableRandom(11);
        StringBuilder sb = new StringBuilder("source,target,weight\n");
        for (int i = 0; i < 3000; i++) {
            int block = r.nextInt(20);
            int u = block * 25 + r.nextInt(25);
            int v = r.nextInt(10) == 0 ? r.nextInt(500) : block * 25 + r.nextInt(25);
            sb.append(u).append(',').append(v).append(',').append(1 + r.nextInt(9)).append('\n');
        }
        Path p = dir.resolve("edges.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void communitiesFromSnapshotEqualCommunitiesFromCsv() throws IOException {
        Path edges = plantedEdges();
        Path snap = dir.resolve("graph.pnb");
        CliTestSupport.Run c = CliTestSupport.run("convert", "edges", "--in", edges.toString(), "--out", snap.toString(), "-q");
        assertEquals(0, c.exitCode(), c.err());
        for (String alg : new String[] {"louvain", "leiden", "lpa"}) {
            Path a = dir.resolve("csv-" + alg);
            Path b = dir.resolve("pnb-" + alg);
            assertEquals(0, CliTestSupport.run("communities", "--graph", edges.toString(), "--algorithm", alg, "--out",
                    a.toString(), "-q").exitCode());
            CliTestSupport.Run r = CliTestSupport.run("communities", "--graph", snap.toString(), "--algorithm", alg, "--out",
                    b.toString(), "-q");
            assertEquals(0, r.exitCode(), r.err());
            assertArrayEquals(Files.readAllBytes(a.resolve("communities.csv")), Files.readAllBytes(b.resolve("communities.csv")), alg);
        }
        Path s1 = dir.resolve("stats-csv");
        CliTestSupport.Run fromCsv = CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "pagerank", "--out", s1.toString(), "-q");
        Path s2 = dir.resolve("stats-pnb");
        CliTestSupport.Run fromSnap = CliTestSupport.run("centrality", "--graph", snap.toString(), "--measure", "pagerank", "--out", s2.toString(), "-q");
        assertEquals(0, fromCsv.exitCode(), fromCsv.err());
        assertEquals(0, fromSnap.exitCode(), fromSnap.err());
        assertArrayEquals(Files.readAllBytes(s1.resolve("centrality.csv")), Files.readAllBytes(s2.resolve("centrality.csv")));
    }

    @Test
    void directionIsTheSnapshots() throws IOException {
        Path edges = plantedEdges();
        Path snap = dir.resolve("directed.pnb");
        assertEquals(0, CliTestSupport.run("convert", "edges", "--in", edges.toString(), "--directed", "--out", snap.toString(), "-q").exitCode());
        CliTestSupport.Run r = CliTestSupport.run("stats", "--graph", snap.toString(), "--undirected");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("directed graph snapshot"), r.err());
    }

    @Test
    void damagedSnapshotsExitTwoWithOneLine() throws IOException {
        Path edges = plantedEdges();
        Path snap = dir.resolve("graph.pnb");
        assertEquals(0, CliTestSupport.run("convert", "edges", "--in", edges.toString(), "--out", snap.toString(), "-q").exitCode());
        byte[] good = Files.readAllBytes(snap);
        Path bad = dir.resolve("bad.pnb");
        byte[][] cases = {
            Arrays.copyOf(good, good.length / 2),                 // truncated
            flip(good, good.length - 100),                        // flipped byte in the ids
            flip(good, 200),                                      // flipped byte in the arrays
            flip(good, 10),                                       // flipped byte in the header (version)
        };
        for (byte[] b : cases) {
            Files.write(bad, b);
            CliTestSupport.Run r = CliTestSupport.run("communities", "--graph", bad.toString(), "--out", dir.resolve("o").toString(), "-q");
            assertEquals(2, r.exitCode(), r.err());
            String err = r.err().strip();
            assertFalse(err.contains("\n"), err);
            assertTrue(err.contains(bad.toString()) && err.contains("snapshot"), err);
            assertFalse(err.contains("Exception"), err);
        }
    }

    private static byte[] flip(byte[] b, int at) {
        byte[] c = b.clone();
        c[at] ^= 0x10;
        return c;
    }

    @Test
    void byteWriterMatchesQuotedRows() throws IOException {
        String[] labels = {"a", "北京", "x,y", "say \"hi\"", " lead", "plain", "é", "=1+2"};
        IdMap<String> ids = new IdMap<>();
        for (String l : labels) {
            ids.intern(l);
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(labels.length);
        LabeledGraph g = new LabeledGraph(b.build(), ids);
        int[] membership = {1, 0, 1, 2, 0, 1, 2, 0};
        Partition p = Partition.of(membership);
        Path file = dir.resolve("communities.csv");
        CommunitiesCommand.writeCommunities(file, g, p);
        StringBuilder want = new StringBuilder("node,community\n");
        int[][] members = p.members();
        for (int c = 0; c < members.length; c++) {
            for (int v : members[c]) {
                want.append(Csv.cell(labels[v])).append(',').append(c).append('\n');
            }
        }
        assertEquals(want.toString(), Files.readString(file, StandardCharsets.UTF_8));
        // and the buffer boundary: long and many rows
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommunitiesCommand.Utf8Rows rows = new CommunitiesCommand.Utf8Rows(out);
        StringBuilder ref = new StringBuilder();
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 20000; i++) {
            String s = r.nextInt(50) == 0 ? "长".repeat(r.nextInt(40000)) : "n" + r.nextInt(1000);
            rows.text(s);
            rows.ascii(',');
            int k = r.nextInt(Integer.MAX_VALUE);
            rows.number(k);
            rows.ascii('\n');
            ref.append(s).append(',').append(k).append('\n');
        }
        rows.flush();
        assertEquals(ref.toString(), out.toString(StandardCharsets.UTF_8));
    }
}
