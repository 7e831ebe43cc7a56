package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunitiesCommandTest {

    @TempDir
    Path dir;

    /** Two triangles joined by one edge, as an edge list. */
    private Path twoTriangles() throws IOException {
        Path edges = dir.resolve("edges.csv");
        Files.writeString(edges, "source,target\na,b\nb,c\na,c\nd,e\ne,f\nd,f\nc,d\n", StandardCharsets.UTF_8);
        return edges;
    }

    private static Map<String, String> communities(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals("node,community", lines.get(0));
        Map<String, String> m = new HashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            m.put(f[0], f[1]);
        }
        return m;
    }

    @Test
    void everyAlgorithmSplitsTheTrianglesAndWritesASummary() throws IOException {
        Path edges = twoTriangles();
        Path truth = dir.resolve("truth.csv");
        Files.writeString(truth, "node,community\na,x\nb,x\nc,x\nd,y\ne,y\nf,y\n", StandardCharsets.UTF_8);
        for (String alg : new String[] {"louvain", "leiden", "lpa"}) {
            Path out = dir.resolve("out-" + alg);
            CliTestSupport.Run r = CliTestSupport.run("communities", "--graph", edges.toString(), "--algorithm", alg,
                    "--seed", "3", "--truth", truth.toString(), "--out", out.toString(), "-q");
            assertEquals(0, r.exitCode(), r.err());
            Map<String, String> c = communities(out.resolve("communities.csv"));
            assertEquals(6, c.size());
            assertEquals(c.get("a"), c.get("b"));
            assertEquals(c.get("a"), c.get("c"));
            assertEquals(c.get("d"), c.get("f"));
            assertFalse(c.get("a").equals(c.get("d")));
            String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
            assertTrue(summary.contains("\"algorithm\": \"" + alg + "\""), summary);
            assertTrue(summary.contains("\"communities\": 2"), summary);
            // Q = 5/14 for the two triangles.
            assertTrue(summary.contains("\"modularity\": 0.357142857142857"), summary);
            assertTrue(summary.contains("\"nmi\": 1.0"), summary);
            assertTrue(summary.contains("\"ari\": 1.0"), summary);
            assertTrue(summary.contains("\"mean_best_match_f1\": 1.0"), summary);
            assertTrue(summary.contains("\"seconds\""), summary);
        }
    }

    @Test
    void generatorTruthAndPartyGraph() throws IOException {
        Path ships = dir.resolve("shipments.csv");
        StringBuilder sb = new StringBuilder("shipment_id,shipped_at,origin_province,origin_city,destination_province,"
                + "destination_city,sender_phone,receiver_phone\n");
        String[][] pairs = {{"111", "222"}, {"222", "333"}, {"333", "111"}, {"444", "555"}, {"555", "666"},
                {"666", "444"}, {"333", "444"}};
        int i = 0;
        for (String[] p : pairs) {
            sb.append("W").append(i++).append(",2024-01-01T10:00:00+08:00,Yunnan,Kunming,Guangdong,Guangzhou,")
                    .append(p[0]).append(',').append(p[1]).append('\n');
        }
        Files.writeString(ships, sb.toString(), StandardCharsets.UTF_8);
        Path truth = dir.resolve("truth_parties.csv");
        Files.writeString(truth, "party,ring,tier\n111,1,source\n222,1,transit\n333,1,retailer\n444,,\n555,,\n666,,\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        CliTestSupport.Run r = CliTestSupport.run("communities", "--shipments", ships.toString(), "--truth",
                truth.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        String summary = Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"labelled_nodes\": 3"), summary);
        assertTrue(summary.contains("\"mean_best_match_f1\": 1.0"), summary);
    }

    @Test
    void badOptionsExitTwoWithOneLine() throws IOException {
        Path edges = twoTriangles();
        CliTestSupport.Run r = CliTestSupport.run("communities", "--graph", edges.toString(), "--algorithm", "magic",
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--algorithm must be louvain, leiden or lpa"), r.err());
        r = CliTestSupport.run("communities", "--graph", edges.toString(), "--resolution", "-1",
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("resolution must be finite and > 0"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, r.err());
        r = CliTestSupport.run("communities", "--graph", edges.toString(), "--threads", "0",
                "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--threads must be >= 1, got 0"), r.err());
    }

    /**
     * The default thread count is the machine's processors, so the written partition must not depend on
     * it: 1, 2 and 3 threads and the default write byte-identical communities.csv files (a seeded
     * planted-partition graph of 3,000 nodes, large enough for hundreds of local-moving batches).
     */
    @Test
    void communitiesCsvIsTheSameForEveryThreadCount() throws IOException {
        Path edges = dir.resolve("planted.csv");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(11);
        StringBuilder sb = new StringBuilder("source,target,weight\n");
        java.util.Set<Long> seen = new java.util.HashSet<>();
        java.util.Set<Integer> nodes = new java.util.HashSet<>();
        int n = 3000;
        while (seen.size() < 15_000) {
            int u = rnd.nextInt(n);
            int v = rnd.nextDouble() < 0.8 ? u / 30 * 30 + rnd.nextInt(30) : rnd.nextInt(n);
            if (u != v && seen.add((long) Math.min(u, v) * n + Math.max(u, v))) {
                nodes.add(u);
                nodes.add(v);
                sb.append(u).append(',').append(v).append(',').append(1 + rnd.nextInt(9)).append('\n');
            }
        }
        Files.writeString(edges, sb.toString(), StandardCharsets.UTF_8);
        for (String alg : new String[] {"louvain", "leiden"}) {
            byte[] first = null;
            for (String threads : new String[] {"1", "2", "3", null}) {
                Path out = dir.resolve(alg + "-" + threads);
                List<String> args = new java.util.ArrayList<>(List.of("communities", "--graph", edges.toString(),
                        "--algorithm", alg, "--seed", "5", "--out", out.toString(), "-q"));
                if (threads != null) {
                    args.add("--threads");
                    args.add(threads);
                }
                CliTestSupport.Run r = CliTestSupport.run(args.toArray(new String[0]));
                assertEquals(0, r.exitCode(), r.err());
                byte[] csv = Files.readAllBytes(out.resolve("communities.csv"));
                if (first == null) {
                    first = csv;
                    assertEquals(nodes.size(), communities(out.resolve("communities.csv")).size(), alg);
                } else {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(first, csv, alg + " threads " + threads);
                }
            }
        }
    }
}
