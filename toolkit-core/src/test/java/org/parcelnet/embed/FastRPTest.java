package org.parcelnet.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.progress.ProgressListener;

class FastRPTest {

    /** Seeded planted partition: blocks of {@code block} nodes, each edge inside a block with probability {@code inside}. */
    static CompactGraph planted(int n, int edges, int block, double inside, long seed, int[] truth) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int v = 0; v < n; v++) {
            truth[v] = v / block;
        }
        Set<Long> seen = new HashSet<>();
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        while (seen.size() < edges) {
            int u = rnd.nextInt(n);
            int v;
            if (rnd.nextDouble() < inside) {
                int start = (u / block) * block;
                v = start + rnd.nextInt(Math.min(block, n - start));
            } else {
                v = rnd.nextInt(n);
            }
            if (u == v) {
                continue;
            }
            long key = (long) Math.min(u, v) * n + Math.max(u, v);
            if (seen.add(key)) {
                b.addEdge(u, v);
            }
        }
        return b.build();
    }

    static CompactGraph randomGraph(int n, int edges, long seed, boolean weighted) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n).dropSelfLoops();
        for (int i = 0; i < edges; i++) {
            int u = rnd.nextInt(n);
            int v = rnd.nextInt(n);
            b.addEdge(u, v, weighted ? 1 + rnd.nextInt(5) : 1);
        }
        return b.build();
    }

    @Test
    void structurallyEquivalentNodesGetIdenticalEmbeddings() {
        // 0 and 1 have the same neighbours {2, 3, 4} and are not adjacent; the rest is random
        CompactGraphBuilder b = CompactGraphBuilder.undirected(40);
        for (int u : new int[] {0, 1}) {
            for (int v : new int[] {2, 3, 4}) {
                b.addEdge(u, v, 2);
            }
        }
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 120; i++) {
            int u = 2 + rnd.nextInt(38);
            int v = 2 + rnd.nextInt(38);
            if (u != v) {
                b.addEdge(u, v, 1 + rnd.nextInt(3));
            }
        }
        CompactGraph g = b.build();
        for (double[] alpha : new double[][] {{1}, {0, 1, 1}, {1, 0.5, 0.25, 2}}) {
            FastRP.Embedding e = FastRP.embed(g, FastRP.Params.defaults(32).withIterationWeights(alpha)
                    .withNormalization(-0.5));
            assertArrayEquals(e.row(0), e.row(1), "weights " + Arrays.toString(alpha));
            assertFalse(Arrays.equals(e.row(0), e.row(2)));
            assertEquals(1.0, e.cosine(0, 1), 1e-6);
        }
    }

    @Test
    void matchesADenseDoublePrecisionReference() {
        CompactGraph g = randomGraph(60, 150, 11, true);
        int d = 16;
        double[] alpha = {0.5, 1, 2};
        double beta = -0.3;
        FastRP.Params p = FastRP.Params.defaults(d).withIterationWeights(alpha).withNormalization(beta).withSeed(9);
        FastRP.Embedding e = FastRP.embed(g, p);

        int n = g.nodeCount();
        // dense A and strengths
        double[][] a = new double[n][n];
        double[] strength = new double[n];
        double twoM = 0;
        for (int u = 0; u < n; u++) {
            for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                a[u][g.target(i)] += g.weight(i);
                strength[u] += g.weight(i);
            }
            twoM += strength[u];
        }
        float[] r = new float[n * d];
        double[][] x = new double[n][d];
        for (int v = 0; v < n; v++) {
            FastRP.initialRow(v, r, d, 0, p.effectiveSparsity(), p.seed(), null, 0);
            for (int j = 0; j < d; j++) {
                x[v][j] = r[v * d + j] * (strength[v] == 0 ? 0 : Math.pow(strength[v] / twoM, beta));
            }
        }
        double[][] sum = new double[n][d];
        for (double al : alpha) {
            double[][] next = new double[n][d];
            for (int u = 0; u < n; u++) {
                for (int v = 0; v < n; v++) {
                    for (int j = 0; j < d; j++) {
                        next[u][j] += strength[u] == 0 ? 0 : a[u][v] / strength[u] * x[v][j];
                    }
                }
                double norm = 0;
                for (double t : next[u]) {
                    norm += t * t;
                }
                for (int j = 0; j < d; j++) {
                    next[u][j] = norm == 0 ? 0 : next[u][j] / Math.sqrt(norm);
                    sum[u][j] += al * next[u][j];
                }
            }
            x = next;
        }
        for (int u = 0; u < n; u++) {
            double norm = 0;
            for (double t : sum[u]) {
                norm += t * t;
            }
            for (int j = 0; j < d; j++) {
                double want = norm == 0 ? 0 : sum[u][j] / Math.sqrt(norm);
                assertEquals(want, e.values()[u * d + j], 1e-5, "node " + u + " coordinate " + j);
            }
        }
    }

    /**
     * The algorithm as stated, row by row on the original numbering in float arithmetic: R, then
     * {@code N_i = normalise(D⁻¹A N_{i-1})} summed with the weights into a third matrix.
     */
    static float[] straightforward(CompactGraph g, double[] features, int featureCount, FastRP.Params p) {
        int n = g.nodeCount();
        int d = p.dimension();
        float[] x = new float[n * d];
        double twoM = 0;
        for (int v = 0; v < n; v++) {
            twoM += g.outStrength(v);
        }
        for (int v = 0; v < n; v++) {
            FastRP.initialRow(v, x, d, p.featureDimension(), p.effectiveSparsity(), p.seed(), features, featureCount);
            if (p.normalization() != 0) {
                double st = g.outStrength(v);
                float scale = st == 0 ? 0f : (float) Math.pow(st / twoM, p.normalization());
                for (int j = 0; j < d; j++) {
                    x[v * d + j] *= scale;
                }
            }
        }
        float[] sum = new float[n * d];
        for (double alpha : p.iterationWeights()) {
            float a = (float) alpha;
            float[] next = new float[n * d];
            for (int v = 0; v < n; v++) {
                double st = 0;
                for (int i = g.outStart(v); i < g.outEnd(v); i++) {
                    float w = g.isWeighted() ? (float) g.weight(i) : 1f;
                    st += w;
                    for (int j = 0; j < d; j++) {
                        next[v * d + j] += w * x[g.target(i) * d + j];
                    }
                }
                if (st == 0) {
                    continue;
                }
                float inv = (float) (1.0 / st);
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    next[v * d + j] *= inv;
                    sq += (double) next[v * d + j] * next[v * d + j];
                }
                if (sq > 0) {
                    float norm = (float) (1.0 / Math.sqrt(sq));
                    for (int j = 0; j < d; j++) {
                        next[v * d + j] *= norm;
                    }
                }
                if (a != 0) {
                    for (int j = 0; j < d; j++) {
                        sum[v * d + j] += a * next[v * d + j];
                    }
                }
            }
            x = next;
        }
        if (p.normalizeOutput()) {
            for (int v = 0; v < n; v++) {
                double sq = 0;
                for (int j = 0; j < d; j++) {
                    sq += (double) sum[v * d + j] * sum[v * d + j];
                }
                if (sq > 0) {
                    float norm = (float) (1.0 / Math.sqrt(sq));
                    for (int j = 0; j < d; j++) {
                        sum[v * d + j] *= norm;
                    }
                }
            }
        }
        return sum;
    }

    @Test
    void renumberedPropagationEqualsTheStraightforwardComputationBitForBit() {
        int[] truth = new int[3_000];
        CompactGraph planted = planted(3_000, 15_000, 50, 0.9, 3, truth);
        CompactGraph weighted = randomGraph(2_000, 9_000, 8, true);
        CompactGraphBuilder db = CompactGraphBuilder.directed(500);
        SplittableRandom rnd = new SplittableRandom(21);
        for (int i = 0; i < 2_500; i++) {
            int u = rnd.nextInt(500);
            int v = rnd.nextInt(500);
            if (u != v) {
                db.addEdge(u, v, 1 + rnd.nextInt(4));
            }
        }
        CompactGraph directed = db.build();
        for (CompactGraph g : new CompactGraph[] {planted, weighted, directed}) {
            for (double[] alpha : new double[][] {{1}, {0, 1, 1}, {0.5, 0, 2}, {1, 1, 1, 0.25}}) {
                for (int threads : new int[] {1, 2}) {
                    FastRP.Params p = FastRP.Params.defaults(24).withIterationWeights(alpha).withNormalization(-0.25)
                            .withThreads(threads);
                    assertArrayEquals(straightforward(g, null, 0, p), FastRP.embed(g, p).values(),
                            "weights " + Arrays.toString(alpha) + ", " + g.nodeCount() + " nodes, threads " + threads);
                }
            }
            int f = 3;
            double[] features = new double[g.nodeCount() * f];
            for (int i = 0; i < features.length; i++) {
                features[i] = rnd.nextDouble();
            }
            FastRP.Params p = FastRP.Params.defaults(16).withFeatureDimension(6).withNormalizeOutput(false);
            assertArrayEquals(straightforward(g, features, f, p),
                    FastRP.embed(g, features, f, p, ProgressListener.NONE).values(), "with features");
        }
    }

    @Test
    void memoryFollowsTheFusedSum() {
        FastRP.Params fused = FastRP.Params.defaults(128);
        FastRP.Params third = fused.withIterationWeights(1, 1, 1);
        int n = 1_000_000;
        long arcs = 20_000_000;
        // two or three n x d float matrices, arcs, numbering and the sparse R (6 d / sqrt(d) bytes per node)
        long base = 4L * (n + 1) + 4L * arcs + 24L * n + 4L * (n + 1) + Math.round(6.0 * n * 128 / Math.sqrt(128));
        assertEquals(2L * 4 * n * 128 + base, FastRP.memoryBytes(n, arcs, false, fused));
        assertEquals(3L * 4 * n * 128 + base, FastRP.memoryBytes(n, arcs, false, third));
    }

    @Test
    void randomProjectionHasTheStatedDensityAndNorm() {
        int n = 20_000;
        int d = 64;
        double s = Math.sqrt(d);
        float[] r = new float[n * d];
        long nonZero = 0;
        long positive = 0;
        double sq = 0;
        for (int v = 0; v < n; v++) {
            FastRP.initialRow(v, r, d, 0, s, 3, null, 0);
        }
        for (float x : r) {
            if (x != 0) {
                nonZero++;
                positive += x > 0 ? 1 : 0;
                assertEquals(Math.sqrt(s), Math.abs(x), 1e-6);
            }
            sq += x * x;
        }
        // Binomial(n d, 1/s): mean 160,000, standard deviation ~370; 5 sigma bounds
        double mean = (double) n * d / s;
        double sd = Math.sqrt(mean * (1 - 1 / s));
        assertEquals(mean, nonZero, 5 * sd);
        assertEquals(nonZero / 2.0, positive, 5 * Math.sqrt(nonZero / 4.0));
        // E|R_v|^2 = d
        assertEquals(d, sq / n, 0.05 * d);
    }

    @Test
    void nearestNeighboursSharePlantedBlocks() {
        // 2,000 nodes in blocks of 40, average degree 12, 85% of edges inside blocks
        int n = 2000;
        int block = 40;
        int[] truth = new int[n];
        CompactGraph g = planted(n, 12_000, block, 0.85, 21, truth);
        FastRP.Embedding e = FastRP.embed(g, FastRP.Params.defaults(64).withThreads(2));
        int same = 0;
        for (int u = 0; u < n; u++) {
            int best = -1;
            double bestCos = -2;
            for (int v = 0; v < n; v++) {
                if (v != u) {
                    double c = e.cosine(u, v);
                    if (c > bestCos) {
                        bestCos = c;
                        best = v;
                    }
                }
            }
            same += truth[best] == truth[u] ? 1 : 0;
        }
        double fraction = (double) same / n;
        // Chance is 39/1999 ≈ 0.02. A node's 2- and 3-hop mass stays in its block with probability about
        // 0.85^2 ≈ 0.72 and 0.85^3 ≈ 0.61 plus the share of outside steps that return, so two nodes of
        // one block share most of their smoothed neighbourhood while nodes of different blocks share
        // almost none; with 64 dimensions the projection keeps those cosines apart (measured 1.00).
        assertTrue(fraction >= 0.95, "nearest neighbours in the same block: " + fraction);
    }

    @Test
    void resultDoesNotDependOnThreadCountAndFollowsTheSeed() {
        CompactGraph g = randomGraph(5_000, 30_000, 4, true);
        FastRP.Params p = FastRP.Params.defaults(24).withNormalization(-0.2);
        FastRP.Embedding one = FastRP.embed(g, p.withThreads(1));
        FastRP.Embedding three = FastRP.embed(g, p.withThreads(3));
        assertArrayEquals(one.values(), three.values());
        assertArrayEquals(one.values(), FastRP.embed(g, p.withThreads(2)).values());
        assertFalse(Arrays.equals(one.values(), FastRP.embed(g, p.withSeed(43)).values()));
    }

    @Test
    void featureOnlyEmbeddingsDoNotDependOnNodeIds() {
        int n = 300;
        CompactGraph g = randomGraph(n, 900, 8, true);
        int f = 5;
        double[] x = new double[n * f];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextDouble();
        }
        // relabel every node v as pi[v]
        int[] pi = new int[n];
        for (int v = 0; v < n; v++) {
            pi[v] = v;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = pi[i];
            pi[i] = pi[j];
            pi[j] = t;
        }
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        double[] y = new double[n * f];
        for (int u = 0; u < n; u++) {
            for (int i = g.outStart(u); i < g.outEnd(u); i++) {
                if (u <= g.target(i)) {
                    b.addEdge(pi[u], pi[g.target(i)], g.weight(i));
                }
            }
            System.arraycopy(x, u * f, y, pi[u] * f, f);
        }
        CompactGraph h = b.build();
        FastRP.Params p = FastRP.Params.defaults(16).withFeatureDimension(16).withIterationWeights(1, 1, 1);
        FastRP.Embedding eg = FastRP.embed(g, x, f, p, ProgressListener.NONE);
        FastRP.Embedding eh = FastRP.embed(h, y, f, p, ProgressListener.NONE);
        for (int v = 0; v < n; v++) {
            float[] a = eg.row(v);
            float[] c = eh.row(pi[v]);
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], c[j], 1e-5);
            }
        }
        // with id-based coordinates, the same relabelling changes the embedding
        FastRP.Params mixed = p.withFeatureDimension(8);
        FastRP.Embedding mg = FastRP.embed(g, x, f, mixed, ProgressListener.NONE);
        FastRP.Embedding mh = FastRP.embed(h, y, f, mixed, ProgressListener.NONE);
        assertTrue(Math.abs(mg.cosine(0, 1) - mh.cosine(pi[0], pi[1])) > 1e-4 || !Arrays.equals(mg.row(0), mh.row(pi[0])));
    }

    @Test
    void rejectsBadParameters() {
        assertThrows(IllegalArgumentException.class, () -> FastRP.Params.defaults(0));
        assertThrows(IllegalArgumentException.class, () -> FastRP.Params.defaults(8).withIterationWeights(0, 0));
        assertThrows(IllegalArgumentException.class, () -> FastRP.Params.defaults(8).withSparsity(0.5));
        assertThrows(IllegalArgumentException.class, () -> FastRP.Params.defaults(8).withFeatureDimension(9));
        CompactGraph g = randomGraph(10, 20, 1, false);
        assertThrows(IllegalArgumentException.class, () -> FastRP.embed(g, new double[5], 1,
                FastRP.Params.defaults(8).withFeatureDimension(4), ProgressListener.NONE));
    }
}
