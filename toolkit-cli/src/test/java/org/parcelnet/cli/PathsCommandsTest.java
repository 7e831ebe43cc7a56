package org.parcelnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths, centrality and interdict commands end to end. */
class PathsCommandsTest {

    static final Path MINI = Path.of("..", "sample-data", "shipments-mini.csv");

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static Map<String, String> twoColumns(Path csv) throws IOException {
        Map<String, String> m = new HashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (String l : lines.subList(1, lines.size())) {
            int c = l.lastIndexOf(',');
            m.put(l.substring(0, c), l.substring(c + 1));
        }
        return m;
    }

    @Test
    void distancesAndRoutes() throws IOException {
        Path edges = write("e.csv", "source,target,weight\na,b,1\nb,c,2\na,c,5\nd,e,1\n");
        Path out = dir.resolve("o1");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--graph", edges.toString(), "--directed", "--source", "a",
                "--cost", "weight", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("cost: weight"), r.err());
        Map<String, String> d = twoColumns(out.resolve("distances.csv"));
        assertEquals("0", d.get("a"));
        assertEquals("1", d.get("b"));
        assertEquals("3", d.get("c"));
        assertEquals("Infinity", d.get("d"));
        assertTrue(Files.exists(out.resolve("summary.json")));

        Path out2 = dir.resolve("o2");
        r = CliTestSupport.run("paths", "--graph", edges.toString(), "--directed", "--source", "a", "--target", "c",
                "--k", "3", "--cost", "weight", "--out", out2.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(List.of("rank,cost,hops,path", "1,3,2,a > b > c", "2,5,1,a > c"), Files.readAllLines(out2.resolve("paths.csv")));
        // hop count by default
        r = CliTestSupport.run("paths", "--graph", edges.toString(), "--directed", "--source", "a", "--target", "c",
                "--out", out2.toString(), "-q");
        assertEquals(List.of("rank,cost,hops,path", "1,1,1,a > c"), Files.readAllLines(out2.resolve("paths.csv")));
        assertTrue(r.err().contains("cost: one"), r.err());
    }

    @Test
    void pathsBadInput() throws IOException {
        Path edges = write("e.csv", "source,target\na,b\n");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--graph", edges.toString(), "--source", "zz", "--out", dir.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "));
        r = CliTestSupport.run("paths", "--graph", edges.toString(), "--source", "a", "--cost", "miles", "--out", dir.toString(), "-q");
        assertEquals(2, r.exitCode());
        r = CliTestSupport.run("paths", "--graph", edges.toString(), "--source", "a", "--cost", "km", "--out", dir.toString(), "-q");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--nodes"), r.err());
    }

    @Test
    void locationNetworkOfShipments() throws IOException {
        Path out = dir.resolve("loc");
        CliTestSupport.Run r = CliTestSupport.run("paths", "--shipments", MINI.toString(), "--network", "location",
                "--source", "北京/北京", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        Map<String, String> d = twoColumns(out.resolve("distances.csv"));
        assertEquals("0", d.get("北京/北京"));
        assertEquals("1", d.get("湖北/武汉"));
    }

    @Test
    void centralityMeasures() throws IOException {
        Path edges = write("p.csv", "source,target\na,b\nb,c\nc,d\n");
        Path out = dir.resolve("c");
        CliTestSupport.Run r = CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "betweenness",
                "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("centrality.csv"));
        assertEquals(List.of("node,score", "b,2", "c,2", "a,0", "d,0"), lines);
        r = CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "betweenness", "--normalized",
                "--out", out.toString(), "-q");
        assertEquals(2.0 / 3, Double.parseDouble(twoColumns(out.resolve("centrality.csv")).get("b")), 1e-12);
        r = CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "pagerank", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        double sum = 0;
        for (String v : twoColumns(out.resolve("centrality.csv")).values()) {
            sum += Double.parseDouble(v);
        }
        assertEquals(1.0, sum, 1e-9);
        r = CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "degree", "--out", out.toString(), "-q");
        assertEquals("2", twoColumns(out.resolve("centrality.csv")).get("b"));
        r = CliTestSupport.run("centrality", "--shipments", MINI.toString(), "--measure", "betweenness", "--samples", "20",
                "--seed", "3", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"pivots\": 20"));
        assertEquals(2, CliTestSupport.run("centrality", "--graph", edges.toString(), "--measure", "closeness",
                "--out", out.toString(), "-q").exitCode());
    }

    @Test
    void interdictWithTerminalsAndFragmentation() throws IOException {
        Path edges = write("g.csv", "source,target\ns,a\na,t\ns,b\nb,t\ns,c\nc,d\nd,t\n");
        Path src = write("src.csv", "party\ns\n");
        Path snk = write("snk.txt", "t\n");
        Path truth = write("truth.csv", "party,ring,tier\ns,0,source\na,0,transit\nb,0,distributor\nc,,\nd,0,transit\nt,0,retailer\n");
        Path out = dir.resolve("i");
        CliTestSupport.Run r = CliTestSupport.run("interdict", "--graph", edges.toString(), "--directed", "--sources", src.toString(),
                "--sinks", snk.toString(), "--budget", "3", "--truth", truth.toString(), "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("interdiction.csv"));
        assertEquals("party,method,rank,reachability_after", lines.get(0));
        assertEquals(3, lines.stream().filter(l -> l.contains(",min_cut,")).count());
        assertTrue(lines.stream().filter(l -> l.contains(",greedy,3,")).allMatch(l -> l.endsWith(",0")), lines.toString());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"size\": 3"), summary);
        assertTrue(summary.contains("\"transit_or_distributor\""), summary);
        r = CliTestSupport.run("interdict", "--graph", edges.toString(), "--directed", "--sources", src.toString(),
                "--sinks", snk.toString(), "--flow", "dinic", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(3, Files.readAllLines(out.resolve("interdiction.csv")).stream().filter(l -> l.contains(",min_cut,")).count());
        assertEquals(2, CliTestSupport.run("interdict", "--graph", edges.toString(), "--directed", "--sources", src.toString(),
                "--sinks", snk.toString(), "--flow", "magic", "--out", out.toString(), "-q").exitCode());

        Path star = write("star.csv", "source,target\nh,x1\nh,x2\nh,x3\nh,x4\np,q\nq,r\n");
        r = CliTestSupport.run("interdict", "--graph", star.toString(), "--budget", "2", "--out", out.toString(), "-q");
        assertEquals(0, r.exitCode(), r.err());
        lines = Files.readAllLines(out.resolve("interdiction.csv"));
        assertTrue(lines.contains("h,greedy,1,3"), lines.toString());
        assertTrue(lines.contains("q,greedy,2,0"), lines.toString());
        assertEquals(2, CliTestSupport.run("interdict", "--graph", star.toString(), "--sources", src.toString(),
                "--out", out.toString(), "-q").exitCode());
    }
}
