package org.parcelnet.graphalytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.io.InputException;

class DatasetTest {

    @TempDir
    Path dir;

    private Path dataset(String v, String e) throws Exception {
        Files.writeString(dir.resolve("g.v"), v);
        Files.writeString(dir.resolve("g.e"), e);
        Files.writeString(dir.resolve("g.properties"), "graph.g.directed = true\ngraph.g.bfs.source-vertex = 30\n");
        return dir;
    }

    @Test
    void readsSparseIdsInAnyOrderWithWeightsAndCrlf() throws Exception {
        Dataset d = Dataset.load(dataset("30\r\n10\r\n9000000000\r\n", "10 30 0.5\r\n9000000000 10 2\r\n"), "g", null);
        assertEquals(3, d.graph().nodeCount());
        assertEquals(2, d.graph().edgeCount());
        assertEquals(10, d.id(0));
        assertEquals(9_000_000_000L, d.id(2));
        assertEquals(1, d.sourceNode("bfs"));
        assertTrue(d.graph().hasArc(0, 1));
        assertEquals(0.5, d.graph().weight(d.graph().arcIndex(0, 1)));
        assertEquals(5, d.size());
    }

    @Test
    void badInputNamesFileLineAndColumn() throws Exception {
        InputException e = assertThrows(InputException.class, () -> Dataset.load(dataset("1\n2\n", "1 2\n2 x\n"), "g", null));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("g.e"), e.getMessage());
        e = assertThrows(InputException.class, () -> Dataset.load(dataset("1\n2\n", "1 3\n"), "g", null));
        assertEquals(1, e.line());
        assertEquals(2, e.column());
        e = assertThrows(InputException.class, () -> Dataset.load(dataset("1\n2\n", "1 1\n"), "g", null));
        assertTrue(e.getMessage().contains("self loop"), e.getMessage());
        e = assertThrows(InputException.class, () -> Dataset.load(dataset("1\n2\n", "1 2\n1 2\n"), "g", null));
        assertTrue(e.getMessage().contains("repeated"), e.getMessage());
        e = assertThrows(InputException.class, () -> Dataset.load(dataset("1\n2\n", "1 2 -1\n"), "g", null));
        assertEquals(3, e.column());
        assertThrows(InputException.class, () -> Dataset.load(dir, "missing", null));
    }
}
