package org.parcelnet.roles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.parcelnet.community.LeidenParams;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.Subgraph;
import org.junit.jupiter.api.Test;

class RingFinderTest {

    /** Chains as party lists. */
    private static RingFinder.ChainParties chains(List<int[]> list) {
        int[] offsets = new int[list.size() + 1];
        int total = list.stream().mapToInt(a -> a.length).sum();
        int[] parties = new int[total];
        int p = 0;
        for (int c = 0; c < list.size(); c++) {
            for (int v : list.get(c)) {
                parties[p++] = v;
            }
            offsets[c + 1] = p;
        }
        return new RingFinder.ChainParties(offsets, parties);
    }

    /** A ring: source s → transit s+1 → distributors s+2, s+3 → retailers (three each); chains along every branch. */
    private static void ring(CompactGraphBuilder b, List<int[]> chains, int s, int repeats) {
        b.addEdge(s, s + 1, 20);
        b.addEdge(s + 1, s + 2, 10);
        b.addEdge(s + 1, s + 3, 10);
        for (int r = 0; r < 3; r++) {
            b.addEdge(s + 2, s + 4 + r, 3);
            b.addEdge(s + 3, s + 7 + r, 3);
        }
        for (int k = 0; k < repeats; k++) {
            for (int r = 0; r < 3; r++) {
                chains.add(new int[] {s, s + 1, s + 2, s + 4 + r});
                chains.add(new int[] {s, s + 1, s + 3, s + 7 + r});
            }
        }
    }

    private static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void twoRingsGluedToOrdinaryTrafficAreCutFreeAndKeptWhole() {
        // Ring A = 0..9, ring B = 10..19, ordinary traffic = a clique 20..49; every ring member also
        // trades once with the clique, and all of it was (as the resolution limit does) one community.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(50);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 2);
        ring(b, list, 10, 2);
        for (int u = 20; u < 50; u++) {
            for (int v = u + 1; v < 50; v++) {
                b.addEdge(u, v, 1);
            }
        }
        for (int v = 0; v < 20; v++) {
            b.addEdge(v, 20 + v, 1);
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[50], chains(list), RingFinder.Options.defaults());
        assertEquals(2, r.ringCount());
        assertTrue(r.splits() >= 1);
        for (int v = 0; v < 10; v++) {
            assertEquals(r.ringOf()[0], r.ringOf()[v], "ring A whole: " + v);
            assertEquals(r.ringOf()[10], r.ringOf()[10 + v], "ring B whole: " + (10 + v));
        }
        assertNotEquals(r.ringOf()[0], r.ringOf()[10]);
        for (int v = 20; v < 50; v++) {
            assertEquals(-1, r.ringOf()[v], "ordinary party " + v);
        }
        assertArrayEquals(new int[] {12, 12}, r.ringChains());
        // Refined communities: the rings and the clique are apart.
        int[] m = r.partition().membership();
        assertNotEquals(m[0], m[20]);
        assertNotEquals(m[0], m[10]);
    }

    @Test
    void aRingIsNotCutAlongItsBranchesAndWithoutSplittingStaysOneCommunity() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(10);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 1);
        CompactGraph g = b.build();
        for (int depth : new int[] {0, 4}) {
            RingFinder.Result r = RingFinder.find(g, new int[10], chains(list),
                    RingFinder.Options.defaults().withMaxDepth(depth));
            assertEquals(1, r.ringCount());
            assertEquals(0, r.splits());
            int[] expected = new int[10];
            assertArrayEquals(expected, r.ringOf());
        }
    }

    @Test
    void fewChainsInABigCommunityAreChanceNotARing() {
        // 5 chains through a 60-node community: 5 >= minChains but 5 < 0.2 × 60.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(60);
        for (int v = 1; v < 60; v++) {
            b.addEdge(v - 1, v, 1);
            b.addEdge(v, (v * 7) % 60, 1);
        }
        List<int[]> list = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            list.add(new int[] {k, k + 1, k + 2});
        }
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[60], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0));
        assertEquals(0, r.ringCount());
        assertEquals(-1, Arrays.stream(r.ringOf()).max().getAsInt());
        RingFinder.Result lax = RingFinder.find(g, new int[60], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0));
        assertEquals(1, lax.ringCount(), "without the density rule the 5 chains make it a ring");
    }

    @Test
    void weaklyTiedCommunityMembersAreNotRingMembers() {
        // Ring 0..9 with its chains; node 10 is a shop: one parcel from ring member 4, 40 parcels to
        // node 11 (its other customer); node 12 got one parcel from ring member 5 and nothing else.
        CompactGraphBuilder b = CompactGraphBuilder.undirected(13);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 1);
        b.addEdge(4, 10, 1);
        b.addEdge(10, 11, 40);
        b.addEdge(5, 12, 1);
        CompactGraph g = b.build();
        RingFinder.Result r = RingFinder.find(g, new int[13], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0.1));
        assertEquals(1, r.ringCount());
        assertEquals(-1, r.ringOf()[10], "the shop: 1 of its 41 parcels with the ring");
        assertEquals(-1, r.ringOf()[11], "no parcel with the ring");
        assertEquals(0, r.ringOf()[12], "all of its parcels are with the ring");
        assertEquals(2, r.trimmed());
        RingFinder.Result all = RingFinder.find(g, new int[13], chains(list),
                RingFinder.Options.defaults().withMaxDepth(0).withMinChainsPerMember(0.1).withMinTie(0));
        assertEquals(0, all.trimmed());
    }

    @Test
    void deterministicAndValidated() {
        CompactGraphBuilder b = CompactGraphBuilder.undirected(50);
        List<int[]> list = new ArrayList<>();
        ring(b, list, 0, 2);
        ring(b, list, 10, 2);
        for (int u = 20; u < 50; u++) {
            b.addEdge(u, 20 + (u * 13) % 30, 1);
            b.addEdge(u, 20 + (u * 7 + 3) % 30, 1);
        }
        b.addEdge(9, 20, 1);
        b.addEdge(19, 21, 1);
        CompactGraph g = b.build();
        RingFinder.Options o = RingFinder.Options.defaults().withLeiden(LeidenParams.builder().seed(3).build());
        RingFinder.Result a = RingFinder.find(g, new int[50], chains(list), o);
        RingFinder.Result c = RingFinder.find(g, new int[50], chains(list), o);
        assertArrayEquals(a.ringOf(), c.ringOf());
        assertArrayEquals(a.partition().membership(), c.partition().membership());
        assertThrows(IllegalArgumentException.class, () -> RingFinder.find(g, new int[3], chains(list), o));
        assertThrows(IllegalArgumentException.class, () -> RingFinder.Options.defaults().withMinChains(0));
        assertThrows(IllegalArgumentException.class, () -> RingFinder.Options.defaults().withMinChainsPerMember(-1));
        CompactGraph directed = CompactGraphBuilder.directed(2).addEdge(0, 1).build();
        assertThrows(IllegalArgumentException.class, () -> RingFinder.find(directed, new int[2], chains(List.of()), o));
    }

    @Test
    void inducedSubgraphKeepsArcsAmongChosenNodes() {
        CompactGraph g = CompactGraphBuilder.directed(5).addEdge(0, 1, 2).addEdge(1, 2, 3).addEdge(2, 0, 4)
                .addEdge(3, 4, 5).addEdge(2, 2, 6).build();
        Subgraph s = Subgraph.induced(g, new int[] {2, 0, 1});
        assertEquals(4, s.graph().edgeCount(), "0→1, 1→2, 2→0 and the loop at 2");
        assertEquals(2.0, s.graph().weight(s.graph().arcIndex(1, 2)), "0→1 became 1→2");
        assertEquals(6.0, s.graph().weight(s.graph().arcIndex(0, 0)));
        CompactGraph u = g.toUndirected();
        Subgraph su = Subgraph.induced(u, new int[] {0, 1, 2});
        assertEquals(4, su.graph().edgeCount());
        assertEquals(2 + 3 + 4 + 6, su.graph().totalWeight());
        assertThrows(IllegalArgumentException.class, () -> Subgraph.induced(g, new int[] {1, 1}));
    }
}
