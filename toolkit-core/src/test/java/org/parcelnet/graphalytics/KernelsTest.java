package org.parcelnet.graphalytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parcelnet.graphalytics.Graphalytics.Algorithm;

/** Every kernel against every LDBC Graphalytics validation graph, with the specification's rules. */
class KernelsTest {

    private static void assertValid(Dataset d, Algorithm a, Path expected) throws Exception {
        for (int threads : new int[] {1, 2, 3}) {
            Graphalytics.Output out = Graphalytics.run(d, a, threads);
            Validation.Result r = Validation.check(d, out, expected);
            assertTrue(r.valid(), d.name() + " " + a + " threads " + threads + ": " + r.firstProblem());
            assertEquals(d.graph().nodeCount(), r.vertices());
        }
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void exampleGraphs(Algorithm a) throws Exception {
        for (String name : new String[] {"example-directed", "example-undirected"}) {
            Dataset d = ReferenceGraphs.example(name);
            assertValid(d, a, ReferenceGraphs.GRAPHS.resolve("example").resolve(name + "-" + a.name()));
        }
    }

    @ParameterizedTest
    @CsvSource({"bfs", "cdlp", "lcc", "pr", "wcc"})
    void testGraphs(String kernel) throws Exception {
        Algorithm a = Algorithm.parse(kernel);
        for (boolean directed : new boolean[] {true, false}) {
            String dir = directed ? "dir" : "undir";
            String name = "test-" + kernel + "-" + (directed ? "directed" : "undirected");
            Dataset d = ReferenceGraphs.adjacency(name, kernel + "/" + dir + "-input", kernel + "/" + dir + "-output", directed);
            assertValid(d, a, ReferenceGraphs.GRAPHS.resolve(kernel).resolve(dir + "-output"));
        }
    }

    @Test
    void ssspTestGraphs() throws Exception {
        for (boolean directed : new boolean[] {true, false}) {
            String dir = directed ? "dir" : "undir";
            String name = "test-sssp-" + (directed ? "directed" : "undirected");
            Path base = ReferenceGraphs.GRAPHS.resolve("sssp");
            Dataset d = Dataset.read(name, base.resolve(dir + "-input.v"), base.resolve(dir + "-input.e"), directed,
                    ReferenceGraphs.properties(name));
            assertValid(d, Algorithm.SSSP, base.resolve(dir + "-output"));
        }
    }

    /**
     * Δ-stepping itself (the kernel runs Dijkstra on graphs this small) on every SSSP reference graph,
     * with buckets much narrower and much wider than the chosen width.
     */
    @Test
    void deltaSteppingOnSsspReferenceGraphs() throws Exception {
        java.util.List<Dataset> data = new java.util.ArrayList<>();
        java.util.List<Path> expected = new java.util.ArrayList<>();
        for (String name : new String[] {"example-directed", "example-undirected"}) {
            data.add(ReferenceGraphs.example(name));
            expected.add(ReferenceGraphs.GRAPHS.resolve("example").resolve(name + "-SSSP"));
        }
        for (boolean directed : new boolean[] {true, false}) {
            String dir = directed ? "dir" : "undir";
            String name = "test-sssp-" + (directed ? "directed" : "undirected");
            Path base = ReferenceGraphs.GRAPHS.resolve("sssp");
            data.add(Dataset.read(name, base.resolve(dir + "-input.v"), base.resolve(dir + "-input.e"), directed,
                    ReferenceGraphs.properties(name)));
            expected.add(base.resolve(dir + "-output"));
        }
        for (int i = 0; i < data.size(); i++) {
            Dataset d = data.get(i);
            for (int threads : new int[] {1, 2, 3}) {
                try (org.parcelnet.progress.WorkerPool par = org.parcelnet.progress.WorkerPool.of(threads, "test")) {
                    double chosen = org.parcelnet.paths.DeltaStepping.delta(d.graph(), par);
                    for (double delta : new double[] {chosen / 100, chosen, chosen * 100}) {
                        double[] dist = org.parcelnet.paths.DeltaStepping.distances(d.graph(), d.sourceNode("sssp"), delta, par);
                        Validation.Result r = Validation.check(d, new Graphalytics.Output(Algorithm.SSSP, null, dist, 0), expected.get(i));
                        assertTrue(r.valid(), d.name() + " delta " + delta + " threads " + threads + ": " + r.firstProblem());
                    }
                }
            }
        }
    }

    @Test
    void validationRejectsWrongOutputs() throws Exception {
        Dataset d = ReferenceGraphs.example("example-directed");
        Path dir = ReferenceGraphs.GRAPHS.resolve("example");
        // BFS output checked against the CDLP reference: same vertices, other values
        Graphalytics.Output bfs = Graphalytics.run(d, Algorithm.BFS, 1);
        assertFalse(Validation.check(d, bfs, dir.resolve("example-directed-CDLP")).valid());
        // PageRank off by 2e-4 relative on one vertex fails, by 5e-5 passes
        Graphalytics.Output pr = Graphalytics.run(d, Algorithm.PR, 1);
        double[] r = pr.doubles().clone();
        r[0] *= 1 + 2e-4;
        assertFalse(Validation.check(d, new Graphalytics.Output(Algorithm.PR, null, r, 0), dir.resolve("example-directed-PR")).valid());
        r[0] = pr.doubles()[0] * (1 + 5e-5);
        assertTrue(Validation.check(d, new Graphalytics.Output(Algorithm.PR, null, r, 0), dir.resolve("example-directed-PR")).valid());
        // WCC: a renaming of the labels is equivalent; splitting the (single) component is not
        Graphalytics.Output wcc = Graphalytics.run(d, Algorithm.WCC, 1);
        long[] renamed = wcc.longs().clone();
        for (int i = 0; i < renamed.length; i++) {
            renamed[i] = 1000 - renamed[i];
        }
        assertTrue(Validation.check(d, new Graphalytics.Output(Algorithm.WCC, renamed, null, 0), dir.resolve("example-directed-WCC")).valid());
        long[] split = renamed.clone();
        split[3] = -7;
        assertFalse(Validation.check(d, new Graphalytics.Output(Algorithm.WCC, split, null, 0), dir.resolve("example-directed-WCC")).valid());
    }
}
