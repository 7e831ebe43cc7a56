package org.parcelnet.interdiction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.io.InputException;
import org.parcelnet.progress.ProgressListener;

class CriticalNodesTest {

    static final Path CNP = Path.of("..", "sample-data", "reference", "cnp");

    static CompactGraph random(int n, int m, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int i = 0; i < m; i++) {
            b.addEdge(r.nextInt(n), r.nextInt(n));
        }
        return b.build();
    }

    /** Connected pairs by a search from every node, counting the nodes it reaches. */
    static long bruteForcePairs(CompactGraph g, boolean[] removed) {
        int n = g.nodeCount();
        long ordered = 0;
        for (int s = 0; s < n; s++) {
            if (removed[s]) {
                continue;
            }
            boolean[] seen = new boolean[n];
            ArrayDeque<Integer> q = new ArrayDeque<>();
            seen[s] = true;
            q.add(s);
            while (!q.isEmpty()) {
                int u = q.poll();
                for (int a = g.outStart(u); a < g.outEnd(u); a++) {
                    int v = g.target(a);
                    if (!seen[v] && !removed[v]) {
                        seen[v] = true;
                        ordered++;
                        q.add(v);
                    }
                }
            }
        }
        return ordered / 2;
    }

    @Test
    void objectiveMatchesBruteForceAndStaysExactUnderMoves() {
        for (long seed = 1; seed <= 20; seed++) {
            CompactGraph g = random(60, 70 + (int) seed * 3, seed);
            SplittableRandom r = new SplittableRandom(seed);
            boolean[] removed = new boolean[60];
            int[] set = r.ints(0, 60).distinct().limit(8).toArray();
            for (int v : set) {
                removed[v] = true;
            }
            assertEquals(bruteForcePairs(g, removed), CriticalNodes.pairwiseConnectivity(g, removed));
            // the incremental search state agrees with a recount after every move
            CriticalNodes.Search s = new CriticalNodes.Search(g, 8, new SplittableRandom(seed));
            s.load(set);
            assertEquals(bruteForcePairs(g, removed), s.objective);
            for (long step = 1; step <= 200; step++) {
                s.step(step);
                boolean[] now = new boolean[60];
                for (int v : s.removedNodes()) {
                    now[v] = true;
                }
                assertEquals(8, s.removedNodes().length);
                assertEquals(bruteForcePairs(g, now), s.objective, "seed " + seed + " step " + step);
            }
        }
    }

    /**
     * The incremental components (labels, sizes, a member of each, the objective) against a union-find
     * recomputation after every removal and return, with removals both right after an articulation
     * search of the component (pieces from the search) and without one (pieces from the breadth-first
     * probe), on random graphs with multi-edges and self loops.
     */
    @Test
    void incrementalComponentsMatchARecomputationAfterEveryMove() {
        for (long seed = 1; seed <= 40; seed++) {
            int n = 30 + (int) seed * 2;
            CompactGraph g = random(n, n + (int) (seed % 5) * n / 4, seed);
            SplittableRandom r = new SplittableRandom(seed * 31);
            CriticalNodes.Search s = new CriticalNodes.Search(g, 6, new SplittableRandom(seed));
            s.load(new int[0]);
            for (int move = 0; move < 300; move++) {
                int removedCount = s.removedNodes().length;
                int op = r.nextInt(3);
                if (op == 0 && removedCount > 0) {
                    int[] rem = s.removedNodes();
                    s.giveBack(rem[r.nextInt(rem.length)]);
                } else if (op == 1 && removedCount < n - 1) {
                    int c = s.largeComponent();
                    if (c >= 0) {
                        int v = s.bestInComponent(c, 0, false); // articulation data fresh for the removal
                        s.remove(v);
                    }
                } else if (removedCount < n - 1) {
                    int v;
                    do {
                        v = r.nextInt(n);
                    } while (s.isRemoved(v));
                    s.remove(v);
                }
                assertComponentsExact(g, s, "seed " + seed + " move " + move);
            }
        }
    }

    private static void assertComponentsExact(CompactGraph g, CriticalNodes.Search s, String where) {
        int n = g.nodeCount();
        int[] uf = new int[n];
        for (int v = 0; v < n; v++) {
            uf[v] = v;
        }
        boolean[] removed = new boolean[n];
        for (int v : s.removedNodes()) {
            removed[v] = true;
        }
        for (int v = 0; v < n; v++) {
            assertEquals(removed[v], s.isRemoved(v), where);
            for (int a = g.outStart(v); a < g.outEnd(v); a++) {
                int w = g.target(a);
                if (!removed[v] && !removed[w]) {
                    uf[find(uf, v)] = find(uf, w);
                }
            }
        }
        int[] size = new int[n];
        for (int v = 0; v < n; v++) {
            if (!removed[v]) {
                size[find(uf, v)]++;
            }
        }
        int[] idOfRoot = new int[n];
        java.util.Arrays.fill(idOfRoot, -1);
        int[] rootOfId = new int[n];
        java.util.Arrays.fill(rootOfId, -1);
        for (int v = 0; v < n; v++) {
            if (removed[v]) {
                assertEquals(-1, s.componentOf(v), where);
                continue;
            }
            int root = find(uf, v);
            int id = s.componentOf(v);
            if (idOfRoot[root] < 0) {
                idOfRoot[root] = id;
                assertEquals(-1, rootOfId[id], where + ": two components share id " + id);
                rootOfId[id] = root;
            }
            assertEquals(idOfRoot[root], id, where + ": node " + v);
            assertEquals(size[root], s.componentSize(id), where + ": size of id " + id);
            int member = s.componentMember(id);
            assertEquals(id, s.componentOf(member), where + ": member of id " + id);
        }
        for (int id = 0; id < n; id++) {
            if (rootOfId[id] < 0) {
                assertEquals(0, s.componentSize(id), where + ": unused id " + id);
            }
        }
        assertEquals(bruteForcePairs(g, removed), s.objective, where);
    }

    private static int find(int[] uf, int v) {
        while (uf[v] != v) {
            uf[v] = uf[uf[v]];
            v = uf[v];
        }
        return v;
    }

    /**
     * The age pick (the least-recently-removed list walked from its head) against a plain scan: among
     * the live nodes of the component, the one whose last removal by a step is oldest, never-removed
     * nodes first by id; the test keeps its own removal times, learning each step's removed node from
     * the removed sets before and after, with returns and removals outside steps in between.
     */
    @Test
    void ageRuleTakesTheLeastRecentlyRemovedNodeOfTheComponent() {
        for (long seed = 1; seed <= 30; seed++) {
            int n = 20 + (int) seed * 3;
            CompactGraph g = random(n, n + (int) (seed % 4) * n / 3, seed);
            SplittableRandom r = new SplittableRandom(seed * 17);
            int k = 2 + (int) (seed % 5);
            CriticalNodes.Search s = new CriticalNodes.Search(g, k, new SplittableRandom(seed));
            s.load(r.ints(0, n).distinct().limit(k).toArray());
            long[] lastRemoved = new long[n];
            java.util.Arrays.fill(lastRemoved, -1);
            long step = 0;
            for (int move = 0; move < 150; move++) {
                if (r.nextInt(4) == 0) {
                    // a removal and a return outside a step do not count as removals by a step
                    int[] rem = s.removedNodes();
                    s.giveBack(rem[r.nextInt(rem.length)]);
                    int v;
                    do {
                        v = r.nextInt(n);
                    } while (s.isRemoved(v));
                    s.remove(v);
                } else {
                    boolean[] before = new boolean[n];
                    for (int v : s.removedNodes()) {
                        before[v] = true;
                    }
                    if (!s.step(++step)) {
                        break;
                    }
                    for (int v : s.removedNodes()) {
                        if (!before[v]) {
                            lastRemoved[v] = step;
                        }
                    }
                }
                long noTabu = step + n + k; // later than any tabu set so far
                for (int v = 0; v < n; v++) {
                    int c = s.componentOf(v);
                    if (c < 0) {
                        continue;
                    }
                    int expected = -1;
                    for (int x = 0; x < n; x++) {
                        if (s.componentOf(x) == c && (expected < 0 || lastRemoved[x] < lastRemoved[expected])) {
                            expected = x;
                        }
                    }
                    assertEquals(expected, s.leastRecentlyRemoved(c, noTabu), "seed " + seed + " move " + move);
                }
            }
        }
    }

    @Test
    void findsTheOptimumOfSmallGraphsByExhaustiveSearch() {
        for (long seed = 1; seed <= 10; seed++) {
            CompactGraph g = random(16, 24, seed);
            int k = 3;
            long best = bestOfThree(g);
            for (CriticalNodes.Crossover c : CriticalNodes.Crossover.values()) {
                for (CriticalNodes.PoolUpdate p : CriticalNodes.PoolUpdate.values()) {
                    CriticalNodes.Options o = CriticalNodes.Options.steps(k, seed, 2000).withCrossover(c).withPoolUpdate(p);
                    CriticalNodes.Result r = CriticalNodes.solve(g, o, ProgressListener.NONE);
                    assertEquals(best, r.objective(), "seed " + seed + " " + c + " " + p);
                    assertEquals(k, r.removed().length);
                    assertEquals(r.objective(), recount(g, r.removed()));
                }
            }
        }
    }

    /**
     * One idle step per run makes every step without a gain a restart, so the population is renewed
     * every {@code STALE_RESTARTS} restarts, hundreds of times in the run: the result is still the
     * exhaustive optimum of small random graphs, its objective a brute-force recount of its set, and the
     * same for the same seed.
     */
    @Test
    void populationRenewalKeepsTheOptimumAndTheRunReproducible() {
        for (long seed = 1; seed <= 6; seed++) {
            CompactGraph g = random(18, 26, seed);
            int k = 3;
            long best = bestOfThree(g);
            for (CriticalNodes.Crossover c : CriticalNodes.Crossover.values()) {
                for (CriticalNodes.PoolUpdate p : CriticalNodes.PoolUpdate.values()) {
                    CriticalNodes.Options o = new CriticalNodes.Options(k, seed, 5_000, 0, 4, 1, 1, Long.MAX_VALUE, c, p);
                    assertTrue(o.maxSteps() > 10L * CriticalNodes.STALE_RESTARTS * o.idleSteps());
                    CriticalNodes.Result r = CriticalNodes.solve(g, o, ProgressListener.NONE);
                    assertEquals(best, r.objective(), "seed " + seed + " " + c + " " + p);
                    assertEquals(k, r.removed().length);
                    assertEquals(r.objective(), recount(g, r.removed()));
                    CriticalNodes.Result again = CriticalNodes.solve(g, o, ProgressListener.NONE);
                    assertArrayEquals(r.removed(), again.removed());
                    assertEquals(r.bestStep(), again.bestStep());
                }
            }
        }
    }

    /** The path 0 – 1 – … – (n−1). */
    static CompactGraph path(int n) {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int v = 0; v + 1 < n; v++) {
            b.addEdge(v, v + 1);
        }
        return b.build();
    }

    /**
     * Ruin and recreate on the path 0–…–10 with k = 2 from the optimum {3, 7} (pieces of 3, 9 pairs):
     * returning one node joins a piece of 7 with the removed node's other side, whose best split is the
     * returned node again, so {3, 7} comes back. Returning both leaves the whole path, and the greedy
     * takes its middle 5 and then the middle of a piece of 5 (2 or 8): 1 + 1 + 10 = 12 pairs.
     */
    @Test
    void ruinAndRecreateReturnsNodesAndRemovesByTheGreedySplit() {
        for (long seed = 1; seed <= 5; seed++) {
            CriticalNodes.Search s = new CriticalNodes.Search(path(11), 2, new SplittableRandom(seed));
            s.load(new int[] {3, 7});
            s.ruinAndRecreate(1);
            assertEquals(List.of(3, 7), sorted(s.removedNodes()));
            assertEquals(9, s.objective);
            s.ruinAndRecreate(2);
            List<Integer> twice = sorted(s.removedNodes());
            assertTrue(twice.equals(List.of(2, 5)) || twice.equals(List.of(5, 8)), twice.toString());
            assertEquals(12, s.objective);
        }
        for (long seed = 1; seed <= 10; seed++) {
            CompactGraph g = random(50, 60 + (int) seed * 2, seed);
            CriticalNodes.Search s = new CriticalNodes.Search(g, 6, new SplittableRandom(seed));
            s.load(new int[0]);
            s.repair();
            s.ruinAndRecreate(3);
            assertEquals(6, s.removedNodes().length);
            assertEquals(recount(g, s.removedNodes()), s.objective, "seed " + seed);
        }
    }

    /**
     * Double-backbone crossover on the path 0–…–10 with k = 2 and parents {3, 6} and {3, 8}. Inheriting
     * no node of the second backbone, the child is the common node 3 (pieces 0–2 and 4–10) plus the
     * greedy's best removal from the 7-node piece, its middle node 7: {3, 7}, 3 + 3 + 3 = 9 pairs,
     * better than either parent (3 + 1 + 6 = 10) and equal to neither. Inheriting all, the child is the
     * union {3, 6, 8} (5 pairs) reduced by the cheapest return: 6 or 8 (5 pairs more each, 3 would add
     * 11), so a parent again, 10 pairs.
     */
    @Test
    void doubleBackboneCrossoverKeepsTheCommonNodesAndRepairsGreedily() {
        CompactGraph g = path(11);
        CriticalNodes.Search s = new CriticalNodes.Search(g, 2, new SplittableRandom(1));
        s.crossoverDoubleBackbone(new int[] {3, 6}, new int[] {3, 8}, 0);
        int[] child = s.removedNodes();
        java.util.Arrays.sort(child);
        assertArrayEquals(new int[] {3, 7}, child);
        assertEquals(9, s.objective);
        for (long seed = 1; seed <= 8; seed++) {
            s = new CriticalNodes.Search(g, 2, new SplittableRandom(seed));
            s.crossoverDoubleBackbone(new int[] {3, 6}, new int[] {3, 8}, 100);
            child = s.removedNodes();
            java.util.Arrays.sort(child);
            assertTrue(java.util.Arrays.equals(child, new int[] {3, 6}) || java.util.Arrays.equals(child, new int[] {3, 8}),
                    java.util.Arrays.toString(child));
            assertEquals(10, s.objective);
        }
        // on random graphs: the child holds every common node (inherit 0) or only parents' nodes
        // (inherit 100), has k nodes, and its objective is a recount
        for (long seed = 1; seed <= 10; seed++) {
            CompactGraph r = random(80, 110, seed);
            SplittableRandom rnd = new SplittableRandom(seed);
            int[] a = rnd.ints(0, 80).distinct().limit(10).toArray();
            int[] b = rnd.ints(0, 80).distinct().limit(10).toArray();
            for (int inherit : new int[] {0, 50, 100}) {
                CriticalNodes.Search x = new CriticalNodes.Search(r, 10, new SplittableRandom(seed));
                x.crossoverDoubleBackbone(a, b, inherit);
                int[] c = x.removedNodes();
                assertEquals(10, c.length);
                assertEquals(recount(r, c), x.objective);
                java.util.Set<Integer> cs = new java.util.HashSet<>();
                for (int v : c) {
                    cs.add(v);
                }
                java.util.Set<Integer> as = new java.util.HashSet<>();
                for (int v : a) {
                    as.add(v);
                }
                java.util.Set<Integer> union = new java.util.HashSet<>(as);
                for (int v : b) {
                    union.add(v);
                    if (inherit == 0 && as.contains(v)) {
                        assertTrue(cs.contains(v), "common node " + v + " kept");
                    }
                }
                if (inherit == 100) {
                    assertTrue(union.containsAll(cs), "child within the parents' union");
                }
            }
        }
    }

    /**
     * Rank-based pool updating on a hand-built pool (k = 3, beta = 0.6): P0 = {0,1,2} (objective 10),
     * P1 = {0,1,3} (12), P2 = {0,1,4} (20), each one node from the others. A candidate {5,6,7} of
     * objective 15 is 3 nodes from all: quality ranks (members strictly better) P0 0, P1 1, candidate 2,
     * P2 3; distance ranks (members strictly farther) candidate 0, the others 1; scores 0.4, 1.0, 1.2,
     * 2.2, so P2 leaves. A candidate {0,1,5} of objective 25 is worst in quality and no farther than
     * the others (score 1.8 against 1.2 for P2): it is dropped, as is a copy of a member. With beta = 0
     * (distance alone) the members tie and the worst objective leaves.
     */
    @Test
    void rankBasedPoolUpdatingWeighsQualityAndDistance() {
        int[][] pop = {{0, 1, 2}, {0, 1, 3}, {0, 1, 4}};
        long[] obj = {10, 12, 20};
        assertEquals(2, CriticalNodes.poolUpdate(pop, obj, new int[] {7, 5, 6}, 15, 0.6));
        assertArrayEquals(new int[] {7, 5, 6}, pop[2]);
        assertEquals(15, obj[2]);

        pop = new int[][] {{0, 1, 2}, {0, 1, 3}, {0, 1, 4}};
        obj = new long[] {10, 12, 20};
        assertEquals(-1, CriticalNodes.poolUpdate(pop, obj, new int[] {0, 1, 5}, 25, 0.6));
        assertEquals(-1, CriticalNodes.poolUpdate(pop, obj, new int[] {3, 1, 0}, 5, 0.6));
        assertArrayEquals(new long[] {10, 12, 20}, obj);
        assertArrayEquals(new int[] {0, 1, 4}, pop[2]);

        // distance alone: the far candidate stays even with the worst objective; P2 (objective 20) leaves
        assertEquals(2, CriticalNodes.poolUpdate(pop, obj, new int[] {5, 6, 7}, 30, 0.0));
        assertEquals(30, obj[2]);
        assertEquals(2, CriticalNodes.difference(new int[] {1, 2, 3}, new int[] {2, 4, 5}));
    }

    /** The least pairwise connectivity left by removing three nodes of {@code g}, by trying every triple. */
    private static long bestOfThree(CompactGraph g) {
        int n = g.nodeCount();
        long best = Long.MAX_VALUE;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int c = b + 1; c < n; c++) {
                    boolean[] rem = new boolean[n];
                    rem[a] = rem[b] = rem[c] = true;
                    best = Math.min(best, bruteForcePairs(g, rem));
                }
            }
        }
        return best;
    }

    /** The brute-force pair count left after removing {@code removed}. */
    private static long recount(CompactGraph g, int[] removed) {
        boolean[] rem = new boolean[g.nodeCount()];
        for (int v : removed) {
            rem[v] = true;
        }
        return bruteForcePairs(g, rem);
    }

    /** The circulant ring lattice on {@code n} nodes, each joined to the {@code r} nearest on either side. */
    static CompactGraph ringLattice(int n, int r) {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(n);
        for (int v = 0; v < n; v++) {
            for (int d = 1; d <= r; d++) {
                b.addEdge(v, (v + d) % n);
            }
        }
        return b.build();
    }

    /**
     * Ring lattices are all plateau: no single removal splits them. Only a run of r consecutive
     * removed nodes cuts the ring, so k = j·r removals leave at most j pieces, and by convexity of
     * s(s−1)/2 the optimum is j pieces of equal size: n = 60, r = 3, k = 12 gives 4 pieces of 12,
     * 4·66 = 264 pairs; n = 20, r = 2, k = 4 gives 2 pieces of 8, 56 pairs (checked exhaustively).
     */
    @Test
    void cutsRingLatticesIntoEqualPieces() {
        CompactGraph small = ringLattice(20, 2);
        long best = Long.MAX_VALUE;
        for (int a = 0; a < 20; a++) {
            for (int b = a + 1; b < 20; b++) {
                for (int c = b + 1; c < 20; c++) {
                    for (int d = c + 1; d < 20; d++) {
                        boolean[] rem = new boolean[20];
                        rem[a] = rem[b] = rem[c] = rem[d] = true;
                        best = Math.min(best, CriticalNodes.pairwiseConnectivity(small, rem));
                    }
                }
            }
        }
        assertEquals(56, best);
        assertEquals(56, CriticalNodes.solve(small, CriticalNodes.Options.steps(4, 3, 5_000), ProgressListener.NONE)
                .objective());
        CriticalNodes.Result r = CriticalNodes.solve(ringLattice(60, 3), CriticalNodes.Options.steps(12, 3, 20_000),
                ProgressListener.NONE);
        assertEquals(264, r.objective());
        assertEquals(12, r.removed().length);
    }

    /** A path of 31 nodes with 3 removals: 4 pieces of 7 nodes are best, 4·21 = 84 pairs. */
    @Test
    void splitsAPathEvenly() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(31);
        for (int v = 0; v + 1 < 31; v++) {
            b.addEdge(v, v + 1);
        }
        CriticalNodes.Result r = CriticalNodes.solve(b.build(), CriticalNodes.Options.steps(3, 5, 2_000),
                ProgressListener.NONE);
        assertEquals(84, r.objective());
        assertArrayEquals(new int[] {7, 15, 23}, r.removed());
    }

    /** Instances whose best known value is proven optimal (branch-and-cut): the solver reaches it. */
    @Test
    void reachesProvenOptimaOfBenchmarkInstances() throws Exception {
        for (String line : List.of("BA500,synthetic/BarabasiAlbert_n500m1.txt,50,195",
                "FF250,synthetic/ForestFire_n250.txt,50,194")) {
            String[] f = line.split(",");
            CompactGraph g = CnpFormat.read(CNP.resolve(f[1]));
            CriticalNodes.Result r = CriticalNodes.solve(g,
                    CriticalNodes.Options.steps(Integer.parseInt(f[2]), 1, 100_000), ProgressListener.NONE);
            assertEquals(Long.parseLong(f[3]), r.objective(), f[0]);
            assertTrue(r.objective() <= r.greedyObjective());
        }
    }

    @Test
    void sameSeedAndStepBudgetGiveTheSameSolution() throws Exception {
        CompactGraph g = CnpFormat.read(CNP.resolve("synthetic/ErdosRenyi_n235.txt"));
        CriticalNodes.Result a = CriticalNodes.solve(g, CriticalNodes.Options.steps(50, 7, 5_000), ProgressListener.NONE);
        CriticalNodes.Result b = CriticalNodes.solve(g, CriticalNodes.Options.steps(50, 7, 5_000), ProgressListener.NONE);
        assertArrayEquals(a.removed(), b.removed());
        assertEquals(a.objective(), b.objective());
        assertEquals(a.bestStep(), b.bestStep());
    }

    /** A work budget is counted by the search itself: the same seed and budget give the same run. */
    @Test
    void sameSeedAndWorkBudgetGiveTheSameSolution() throws Exception {
        CompactGraph g = CnpFormat.read(CNP.resolve("synthetic/ErdosRenyi_n235.txt"));
        CriticalNodes.Options o = CriticalNodes.Options.work(50, 7, 3_000_000).withSearches(2);
        CriticalNodes.Result a;
        CriticalNodes.Result b;
        try (org.parcelnet.progress.WorkerPool one = org.parcelnet.progress.WorkerPool.of(1, "test");
             org.parcelnet.progress.WorkerPool two = org.parcelnet.progress.WorkerPool.of(2, "test")) {
            a = CriticalNodes.solve(g, o, one, ProgressListener.NONE);
            b = CriticalNodes.solve(g, o, two, ProgressListener.NONE);
        }
        assertArrayEquals(a.removed(), b.removed());
        assertEquals(a.objective(), b.objective());
        assertEquals(a.steps(), b.steps());
        assertTrue(a.steps() > 0);
        assertTrue(!a.stoppedByTime());
        // a larger budget runs the same search further: it reaches at least the same objective
        CriticalNodes.Result more = CriticalNodes.solve(g, CriticalNodes.Options.work(50, 7, 6_000_000).withSearches(2),
                ProgressListener.NONE);
        assertTrue(more.steps() > a.steps());
        assertTrue(more.objective() <= a.objective());
    }

    @Test
    void parallelSearchesGiveTheSameSolutionForAnyWorkerCount() throws Exception {
        CompactGraph g = CnpFormat.read(CNP.resolve("synthetic/ErdosRenyi_n235.txt"));
        CriticalNodes.Options plain = CriticalNodes.Options.steps(50, 7, 3_000).withSearches(3);
        for (CriticalNodes.Options o : List.of(plain, plain.withCrossover(CriticalNodes.Crossover.DOUBLE_BACKBONE)
                .withPoolUpdate(CriticalNodes.PoolUpdate.RANK))) {
            sameForAnyWorkerCount(g, o);
        }
    }

    /**
     * The portfolio gives search i the crossover {@code forSearch(i)}: union for even i, double-backbone
     * for odd i (one search: union). Up to the pause at {@code MIGRATE_PERCENT} % of the budget each of its
     * searches is exactly the search that a run with that crossover alone makes as the same search number
     * (same seed split); the searches of the crossover that leads there and that take no share of another
     * search's best at the later pauses go on unchanged and end as those runs do, every other search ends
     * no worse than it stood at the first pause. The solution is the best of them, ties to the first.
     */
    @Test
    void portfolioAlternatesTheCrossoversOverTheSearches() throws Exception {
        CriticalNodes.Crossover union = CriticalNodes.Crossover.UNION;
        CriticalNodes.Crossover backbone = CriticalNodes.Crossover.DOUBLE_BACKBONE;
        CriticalNodes.Crossover portfolio = CriticalNodes.Crossover.PORTFOLIO;
        assertEquals(List.of(union, backbone, union, backbone),
                List.of(portfolio.forSearch(0), portfolio.forSearch(1), portfolio.forSearch(2), portfolio.forSearch(3)));
        assertEquals(backbone, backbone.forSearch(0));
        assertEquals(union, union.forSearch(1));
        assertEquals(CriticalNodes.Crossover.MIXED, CriticalNodes.Crossover.MIXED.forSearch(1));
        assertEquals(portfolio, CriticalNodes.Crossover.DEFAULT);

        CompactGraph g = CnpFormat.read(CNP.resolve("synthetic/ErdosRenyi_n235.txt")).toUndirected();
        CriticalNodes.Options base = CriticalNodes.Options.steps(50, 7, 4_000).withSearches(3);
        CriticalNodes.Options paused = CriticalNodes.Options.steps(50, 7, 4_000 / 100 * CriticalNodes.MIGRATE_PERCENT)
                .withSearches(3);
        CriticalNodes.Memetic[] mixRuns;
        CriticalNodes.Result[] unions;
        CriticalNodes.Result[] backbones;
        CriticalNodes.Result[] pausedUnions;
        CriticalNodes.Result[] pausedBackbones;
        try (org.parcelnet.progress.WorkerPool par = org.parcelnet.progress.WorkerPool.of(2, "test")) {
            mixRuns = CriticalNodes.runSearches(g, base.withCrossover(portfolio), par, Long.MAX_VALUE,
                    ProgressListener.NONE);
            unions = CriticalNodes.eachSearch(g, base.withCrossover(union), par, Long.MAX_VALUE, ProgressListener.NONE);
            backbones = CriticalNodes.eachSearch(g, base.withCrossover(backbone), par, Long.MAX_VALUE,
                    ProgressListener.NONE);
            pausedUnions = CriticalNodes.eachSearch(g, paused.withCrossover(union), par, Long.MAX_VALUE,
                    ProgressListener.NONE);
            pausedBackbones = CriticalNodes.eachSearch(g, paused.withCrossover(backbone), par, Long.MAX_VALUE,
                    ProgressListener.NONE);
        }
        CriticalNodes.Result[] mix = new CriticalNodes.Result[3];
        for (int i = 0; i < 3; i++) {
            mix[i] = mixRuns[i].result();
        }
        CriticalNodes.Result[] expected = {unions[0], backbones[1], unions[2]};
        CriticalNodes.Result[] atPause = {pausedUnions[0], pausedBackbones[1], pausedUnions[2]};
        int lead = 0;
        for (int i = 1; i < 3; i++) {
            if (atPause[i].objective() < atPause[lead].objective()) {
                lead = i;
            }
        }
        int first = 0;
        for (int i = 0; i < 3; i++) {
            if (i % 2 == lead % 2 && mixRuns[i].sharesTaken == 0) {
                assertArrayEquals(expected[i].removed(), mix[i].removed(), "search " + i);
                assertEquals(expected[i].objective(), mix[i].objective(), "search " + i);
                assertEquals(expected[i].bestStep(), mix[i].bestStep(), "search " + i);
            } else {
                assertTrue(mix[i].objective() <= atPause[i].objective(), "search " + i);
            }
            assertEquals(4_000, mix[i].steps(), "search " + i);
            if (mix[i].objective() < mix[first].objective()) {
                first = i;
            }
        }
        CriticalNodes.Result best = CriticalNodes.solve(g, base.withCrossover(portfolio), ProgressListener.NONE);
        assertArrayEquals(mix[first].removed(), best.removed());
        assertEquals(mix[first].objective(), best.objective());
        assertArrayEquals(new long[] {mix[0].objective(), mix[1].objective(), mix[2].objective()}, best.searchObjectives());
        // one search: the portfolio is the union crossover
        CriticalNodes.Options one = CriticalNodes.Options.steps(50, 7, 4_000);
        assertArrayEquals(CriticalNodes.solve(g, one.withCrossover(union), ProgressListener.NONE).removed(),
                CriticalNodes.solve(g, one.withCrossover(portfolio), ProgressListener.NONE).removed());
    }

    /**
     * A share puts the leading search's best into the trailing search's population in place of its worst
     * member, and nothing else: the trailing search's other members and best, and the leading search,
     * stay as they were; a second share of the same best changes nothing.
     */
    @Test
    void shareReplacesTheWorstMemberWithTheLeadersBest() throws Exception {
        CompactGraph g = CnpFormat.read(CNP.resolve("synthetic/ErdosRenyi_n235.txt")).toUndirected();
        CriticalNodes.Options o = CriticalNodes.Options.steps(50, 3, 20_000).withCrossover(CriticalNodes.Crossover.UNION);
        int[] greedy = KeyPlayers.fragmentation(g, 50, ProgressListener.NONE).picks();
        CriticalNodes.Memetic lead = new CriticalNodes.Memetic(g, o, greedy, new SplittableRandom(1), Long.MAX_VALUE,
                ProgressListener.NONE);
        CriticalNodes.Memetic trailing = new CriticalNodes.Memetic(g, o, greedy, new SplittableRandom(2),
                Long.MAX_VALUE, ProgressListener.NONE);
        lead.run(20_000, Long.MAX_VALUE);
        assertTrue(lead.bestObj < trailing.bestObj, "the lead has searched, the other has not");
        int[][] leadPop = lead.population();
        int[][] before = trailing.population();
        int[] trailingBest = trailing.best.clone();
        long trailingBestObj = trailing.bestObj;
        int worst = 0;
        for (int i = 1; i < before.length; i++) {
            if (objective(g, before[i]) > objective(g, before[worst])) {
                worst = i;
            }
        }
        trailing.share(lead);
        int[][] after = trailing.population();
        for (int i = 0; i < after.length; i++) {
            if (i == worst) {
                assertEquals(sorted(lead.best), sorted(after[i]));
            } else {
                assertArrayEquals(before[i], after[i], "member " + i);
            }
        }
        assertArrayEquals(trailingBest, trailing.best);
        assertEquals(trailingBestObj, trailing.bestObj);
        assertEquals(1, trailing.sharesTaken);
        assertEquals(0, lead.sharesTaken);
        for (int i = 0; i < leadPop.length; i++) {
            assertArrayEquals(leadPop[i], lead.population()[i], "lead member " + i);
        }
        trailing.share(lead);
        int[][] again = trailing.population();
        for (int i = 0; i < again.length; i++) {
            assertArrayEquals(after[i], again[i], "member " + i + " after a second share");
        }
    }

    private static long objective(CompactGraph g, int[] nodes) {
        boolean[] removed = new boolean[g.nodeCount()];
        for (int v : nodes) {
            removed[v] = true;
        }
        return bruteForcePairs(g, removed);
    }

    private static List<Integer> sorted(int[] nodes) {
        return java.util.Arrays.stream(nodes).sorted().boxed().toList();
    }

    private static void sameForAnyWorkerCount(CompactGraph g, CriticalNodes.Options o) {
        CriticalNodes.Result[] r = new CriticalNodes.Result[3];
        for (int threads = 1; threads <= 3; threads++) {
            try (org.parcelnet.progress.WorkerPool par = org.parcelnet.progress.WorkerPool.of(threads, "test")) {
                r[threads - 1] = CriticalNodes.solve(g, o, par, ProgressListener.NONE);
            }
            assertArrayEquals(r[0].removed(), r[threads - 1].removed());
            assertEquals(r[0].objective(), r[threads - 1].objective());
            assertEquals(3 * 3_000, r[threads - 1].steps());
            boolean[] removed = new boolean[g.nodeCount()];
            for (int v : r[threads - 1].removed()) {
                removed[v] = true;
            }
            assertEquals(r[0].objective(), CriticalNodes.pairwiseConnectivity(g, removed));
        }
    }

    @Test
    void readsEveryBenchmarkInstanceWithItsPublishedSize() throws Exception {
        List<String> rows = Files.readAllLines(CNP.resolve("bkv.csv"));
        assertEquals(27, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            CompactGraph g = CnpFormat.read(CNP.resolve(f[1]));
            assertEquals(Integer.parseInt(f[2]), g.nodeCount(), f[0]);
            assertEquals(Integer.parseInt(f[3]), g.edgeCount(), f[0]);
        }
    }

    @Test
    void badInputNamesLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.txt");
        Files.writeString(f, "3\r\n0: 1 2\r\n1: 0 x\r\n2: 0\r\n");
        InputException e = assertThrows(InputException.class, () -> CnpFormat.read(f));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
        Files.writeString(f, "3\n0: 1 7\n");
        assertEquals(2, assertThrows(InputException.class, () -> CnpFormat.read(f)).line());
    }
}
