package org.parcelnet.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.InputException;

/**
 * Snapshots read back equal to what was written (arc by arc, ids, lookups), and every damaged or foreign
 * file is an {@link InputException} with a clear message, never another exception.
 */
class GraphSnapshotTest {

    @TempDir
    Path dir;

    private static LabeledGraph random(long seed, boolean directed, int weights) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(60);
        IdMap<String> ids = new IdMap<>();
        String[] pool = {"a", "北京", "n", "x,y", "\"q\"", "7", "", " s "};
        for (int v = 0; v < n; v++) {
            ids.intern(pool[r.nextInt(pool.length)] + v);
        }
        CompactGraphBuilder b = CompactGraphBuilder.of(directed, n);
        int m = r.nextInt(200);
        for (int e = 0; e < m; e++) {
            double w = switch (weights) {
                case 0 -> 1.0;
                case 1 -> 1 + r.nextInt(9);
                default -> r.nextDouble() * 10;
            };
            b.addEdge(r.nextInt(n), r.nextInt(n), w);
        }
        return new LabeledGraph(b.build(), ids);
    }

    @Test
    void roundTripIsExact() throws IOException {
        Path p = dir.resolve("g.pnb");
        for (long seed = 1; seed <= 60; seed++) {
            for (boolean directed : new boolean[] {false, true}) {
                LabeledGraph g = random(seed, directed, (int) (seed % 3));
                GraphSnapshot.write(g, p);
                assertTrue(GraphSnapshot.isSnapshot(p));
                LabeledGraph back = GraphSnapshot.read(p);
                assertSameGraph(g.graph(), back.graph(), "seed " + seed);
                assertEquals(g.ids().ids(), back.ids().ids());
                for (int v = 0; v < g.graph().nodeCount(); v++) {
                    assertEquals(v, back.node(g.label(v)));
                }
                assertEquals(g.graph().memoryBytes(), back.graph().memoryBytes(), "same storage (float/double/unit)");
            }
        }
    }

    @Test
    void emptyGraph() throws IOException {
        Path p = dir.resolve("e.pnb");
        GraphSnapshot.write(new LabeledGraph(CompactGraphBuilder.undirected(0).build(), new IdMap<>()), p);
        assertEquals(0, GraphSnapshot.read(p).graph().nodeCount());
    }

    @Test
    void damagedFilesAreInputErrors() throws IOException {
        Path p = dir.resolve("g.pnb");
        GraphSnapshot.write(random(5, true, 2), p);
        byte[] good = Files.readAllBytes(p);
        Path bad = dir.resolve("bad.pnb");
        // every truncation
        for (int len = 0; len < good.length; len += Math.max(1, len / 7)) {
            Files.write(bad, java.util.Arrays.copyOf(good, len));
            InputException e = assertThrows(InputException.class, () -> GraphSnapshot.read(bad), "length " + len);
            assertTrue(e.getMessage().startsWith(bad.toString() + ": "), e.getMessage());
        }
        // a flipped bit in every header byte and in body bytes spread over every section
        for (int i = 0; i < good.length; i += i < GraphSnapshot.HEADER_BYTES ? 1 : 1 + i / 50) {
            byte[] b = good.clone();
            b[i] ^= (byte) (1 << (i % 8));
            Files.write(bad, b);
            InputException e = assertThrows(InputException.class, () -> GraphSnapshot.read(bad), "byte " + i);
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
        // trailing garbage
        Files.write(bad, java.util.Arrays.copyOf(good, good.length + 8));
        assertThrows(InputException.class, () -> GraphSnapshot.read(bad));
        // a CSV is not a snapshot
        Files.writeString(bad, "source,target\n1,2\n".repeat(10));
        assertFalse(GraphSnapshot.isSnapshot(bad));
        assertTrue(assertThrows(InputException.class, () -> GraphSnapshot.read(bad)).getMessage()
                .contains("wrong magic bytes"));
    }

    @Test
    void futureVersionIsNamed() throws IOException {
        Path p = dir.resolve("g.pnb");
        GraphSnapshot.write(random(3, false, 1), p);
        byte[] b = Files.readAllBytes(p);
        ByteBuffer h = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(8, GraphSnapshot.VERSION + 1);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, 60);
        h.putInt(60, (int) crc.getValue());
        Files.write(p, b);
        InputException e = assertThrows(InputException.class, () -> GraphSnapshot.read(p));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void checksumValidButOutOfRangeIsRefused() throws IOException {
        // A target beyond the node count with both checksums recomputed (a crafted file): the structure
        // check stops it before any algorithm indexes with it.
        Path p = dir.resolve("g.pnb");
        CompactGraphBuilder gb = CompactGraphBuilder.undirected(3);
        gb.addEdge(0, 1, 2.0).addEdge(1, 2, 3.0);
        IdMap<String> ids = new IdMap<>();
        ids.intern("a");
        ids.intern("b");
        ids.intern("c");
        GraphSnapshot.write(new LabeledGraph(gb.build(), ids), p);
        byte[] b = Files.readAllBytes(p);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        // body: offsets (4 ints = 16 bytes), then targets: node 2's only arc is the last target
        int lastTarget = GraphSnapshot.HEADER_BYTES + 16 + 12;
        bb.putInt(lastTarget, 7);
        CRC32C body = new CRC32C();
        body.update(b, GraphSnapshot.HEADER_BYTES, b.length - GraphSnapshot.HEADER_BYTES);
        bb.putInt(56, (int) body.getValue());
        CRC32C head = new CRC32C();
        head.update(b, 0, 60);
        bb.putInt(60, (int) head.getValue());
        Files.write(p, b);
        assertTrue(assertThrows(InputException.class, () -> GraphSnapshot.read(p)).getMessage()
                .contains("bad neighbour list at node 2"));
    }

    static void assertSameGraph(CompactGraph a, CompactGraph b, String where) {
        assertEquals(a.isDirected(), b.isDirected(), where);
        assertEquals(a.nodeCount(), b.nodeCount(), where);
        assertEquals(a.edgeCount(), b.edgeCount(), where);
        assertEquals(a.arcCount(), b.arcCount(), where);
        assertEquals(a.isWeighted(), b.isWeighted(), where);
        assertEquals(Double.doubleToLongBits(a.totalWeight()), Double.doubleToLongBits(b.totalWeight()), where);
        for (int v = 0; v < a.nodeCount(); v++) {
            assertEquals(a.outStart(v), b.outStart(v), where);
            assertEquals(a.outEnd(v), b.outEnd(v), where);
            assertEquals(a.inStart(v), b.inStart(v), where);
            assertEquals(a.inEnd(v), b.inEnd(v), where);
            assertEquals(a.strength(v), b.strength(v), 0.0, where);
        }
        for (int i = 0; i < a.arcCount(); i++) {
            assertEquals(a.target(i), b.target(i), where);
            assertEquals(a.weight(i), b.weight(i), 0.0, where);
            assertEquals(a.source(i), b.source(i), where);
            assertEquals(a.inWeight(i), b.inWeight(i), 0.0, where);
        }
    }
}
