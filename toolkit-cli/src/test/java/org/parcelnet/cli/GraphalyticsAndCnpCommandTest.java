package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The graphalytics command on the bundled validation graphs, interdict's critical node method, and disrupt. */
class GraphalyticsAndCnpCommandTest {

    static final Path GA = Path.of("..", "sample-data", "reference", "graphalytics");
    static final Path KARATE = Path.of("..", "sample-data", "reference", "karate", "karate.edges.csv");

    @TempDir
    Path dir;

    @Test
    void everyKernelValidatesOnTheExampleGraphs() throws IOException {
        for (String name : new String[] {"example-directed", "example-undirected"}) {
            for (String a : new String[] {"bfs", "pr", "wcc", "cdlp", "lcc", "sssp"}) {
                Path out = dir.resolve(name + a);
                CliTestSupport.Run r = CliTestSupport.run("graphalytics", "--dataset",
                        GA.resolve("graphs").resolve("example").resolve(name).toString(), "--properties",
                        GA.resolve("properties").resolve(name + ".properties").toString(), "--algorithm", a, "--validate",
                        "--threads", "2", "--out", out.toString());
                assertEquals(0, r.exitCode(), r.err());
                assertTrue(r.err().contains("valid ("), r.err());
                String summary = Files.readString(out.resolve("summary.json"));
                assertTrue(summary.contains("\"valid\": true") && summary.contains("\"evps\""), summary);
                List<String> lines = Files.readAllLines(out.resolve(name + "-" + a.toUpperCase()));
                assertEquals(name.endsWith("-directed") ? 10 : 9, lines.size());
            }
        }
        // a wrong reference fails with exit 1; a missing dataset is bad input
        Path out = dir.resolve("wrong");
        CliTestSupport.Run r = CliTestSupport.run("graphalytics", "--dataset",
                GA.resolve("graphs/example/example-directed").toString(), "--properties",
                GA.resolve("properties/example-directed.properties").toString(), "--algorithm", "bfs", "--validate",
                GA.resolve("graphs/example/example-directed-CDLP").toString(), "--out", out.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("NOT valid"), r.err());
        assertEquals(2, CliTestSupport.run("graphalytics", "--dataset", dir.resolve("none").toString(), "--algorithm", "bfs",
                "--out", out.toString()).exitCode());
    }

    @Test
    void interdictCnpMatchesExhaustiveSearchOnKarate() throws IOException {
        Path out = dir.resolve("cnp");
        CliTestSupport.Run r = CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--budget", "2",
                "--method", "cnp", "--steps", "2000", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("interdiction.csv"));
        long cnpLeft = lines.stream().filter(l -> l.contains(",cnp,2,")).mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(',') + 1)))
                .findFirst().orElseThrow();
        // exhaustive: best pair of members to remove from the karate club
        List<String> edges = Files.readAllLines(KARATE).subList(1, 79);
        long best = Long.MAX_VALUE;
        for (int a = 0; a < 34; a++) {
            for (int b = a + 1; b < 34; b++) {
                best = Math.min(best, pairsLeft(edges, a, b));
            }
        }
        assertEquals(best, cnpLeft, lines.toString());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"cnp_reachability\": " + best));
        Path two = dir.resolve("cnp2");
        assertEquals(0, CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--budget", "2", "--method", "cnp",
                "--steps", "500", "--searches", "2", "--out", two.toString(), "-q").exitCode());
        String twoSummary = Files.readString(two.resolve("summary.json"));
        // two searches of the default portfolio: one with each crossover
        assertTrue(twoSummary.contains("\"cnp_reachability\": " + best) && twoSummary.contains("\"crossover\": \"portfolio\""),
                twoSummary);
        // the memetic variants (double-backbone crossover, rank-based pool) reach the same optimum
        Path dbx = dir.resolve("cnp-dbx");
        assertEquals(0, CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--budget", "2", "--method", "cnp",
                "--steps", "2000", "--crossover", "double-backbone", "--pool-update", "rank", "--out", dbx.toString(), "-q").exitCode());
        String dbxSummary = Files.readString(dbx.resolve("summary.json"));
        assertTrue(dbxSummary.contains("\"cnp_reachability\": " + best) && dbxSummary.contains("\"crossover\": \"double-backbone\"")
                && dbxSummary.contains("\"pool_update\": \"rank\""), dbxSummary);
        CliTestSupport.Run bad = CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--crossover", "magic",
                "--out", dir.resolve("cnp4").toString(), "-q");
        assertEquals(2, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--crossover must be one of union, double-backbone, mixed"), bad.err());
        assertEquals(2, CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--method", "cnp", "--searches", "0",
                "--out", dir.resolve("cnp3").toString(), "-q").exitCode());
        assertEquals(2, CliTestSupport.run("interdict", "--graph", KARATE.toString(), "--method", "magic",
                "--out", out.toString(), "-q").exitCode());
    }

    @Test
    void disruptWritesOneCurvePerStrategyAndAChart() throws IOException {
        Path out = dir.resolve("d");
        CliTestSupport.Run r = CliTestSupport.run("disrupt", "--graph", KARATE.toString(), "--strategy", "degree,random,key-players",
                "--waves", "2", "--budget-per-wave", "3", "--adapt", "triadic", "--seed", "5", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("curves.csv"));
        assertEquals(1 + 3 * (1 + 2 * 3), lines.size()); // header, then the start and every removal per strategy
        assertTrue(lines.get(1).startsWith("degree,triadic,0,0,,34,78,34,561,0"), lines.get(1));
        assertTrue(Files.readString(out.resolve("robustness.svg")).contains("<svg"));
        // the same seed gives the same curves
        Path again = dir.resolve("d2");
        CliTestSupport.run("disrupt", "--graph", KARATE.toString(), "--strategy", "degree,random,key-players",
                "--waves", "2", "--budget-per-wave", "3", "--adapt", "triadic", "--seed", "5", "--out", again.toString(), "-q");
        assertEquals(lines, Files.readAllLines(again.resolve("curves.csv")));
        assertEquals(2, CliTestSupport.run("disrupt", "--graph", KARATE.toString(), "--strategy", "min-cut",
                "--out", dir.resolve("d3").toString(), "-q").exitCode());
        assertEquals(2, CliTestSupport.run("disrupt", "--graph", KARATE.toString(), "--adapt", "magic",
                "--out", dir.resolve("d4").toString(), "-q").exitCode());
    }

    private static long pairsLeft(List<String> edges, int x, int y) {
        int[] parent = new int[34];
        for (int i = 0; i < 34; i++) {
            parent[i] = i;
        }
        for (String e : edges) {
            String[] f = e.split(",");
            int u = Integer.parseInt(f[0]);
            int v = Integer.parseInt(f[1]);
            if (u == x || u == y || v == x || v == y) {
                continue;
            }
            parent[root(parent, u)] = root(parent, v);
        }
        long[] size = new long[34];
        for (int i = 0; i < 34; i++) {
            if (i != x && i != y) {
                size[root(parent, i)]++;
            }
        }
        long pairs = 0;
        for (long s : size) {
            pairs += s * (s - 1) / 2;
        }
        return pairs;
    }

    private static int root(int[] p, int v) {
        while (p[v] != v) {
            v = p[v];
        }
        return v;
    }
}
