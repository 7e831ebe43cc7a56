package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;

class EdgeListReaderTest {

    @TempDir
    Path dir;

    @Test
    void mergesParallelEdgesAndKeepsSelfLoops() throws IOException {
        Path p = dir.resolve("e.csv");
        Files.writeString(p, "source,target,weight\na,b,2\nb,a,3\nb,c,\nc,c,1.5\n");
        LabeledGraph g = EdgeListReader.read(p).graph();
        CompactGraph c = g.graph();
        assertEquals(3, c.nodeCount());
        assertEquals(3, c.edgeCount());
        assertEquals(5.0, c.weight(c.arcIndex(g.node("a"), g.node("b"))));
        assertEquals(1.0, c.weight(c.arcIndex(g.node("b"), g.node("c"))), "empty weight means 1");
        assertEquals(5 + 1 + 1.5, c.totalWeight(), 1e-12);
        assertEquals(3.0, c.strength(g.node("c")) - 1.0, 1e-12, "self loop counts twice in strength");
    }

    @Test
    void directedAndCustomColumns() throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "from,to,extra\nx,y,9\ny,x,9\ny,z,9\n");
        LabeledGraph g = EdgeListReader.read(p, EdgeListReader.Options.defaults().withDirected(true)
                .withColumns("from", "to", "w")).graph();
        assertTrue(g.graph().isDirected());
        assertEquals(3, g.graph().edgeCount());
        assertEquals(3.0, g.graph().totalWeight(), "no weight column: weight 1");
    }

    @Test
    void brokenQuotingNamesFileAndLine() throws IOException {
        Path p = dir.resolve("quotes.csv");
        Files.writeString(p, "source,target\na,b\nc,\"d\"x\n");
        InputException e = assertThrows(InputException.class, () -> EdgeListReader.read(p));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("invalid character after a closing quote"), e.getMessage());
        Path open = dir.resolve("open.csv");
        Files.writeString(open, "source,target\na,\"b\n");
        assertTrue(assertThrows(InputException.class, () -> EdgeListReader.read(open)).getMessage()
                .contains("unterminated quoted field"));
    }

    @Test
    void badRowsNamePosition() throws IOException {
        Path p = dir.resolve("bad.csv");
        Files.writeString(p, "source,target,weight\na,b,1\na,,1\nc,d,-2\ne,f,heavy\n");
        InputException e = assertThrows(InputException.class, () -> EdgeListReader.read(p));
        assertEquals(p + ":3:2: empty target", e.getMessage());
        EdgeListReader.Result r = EdgeListReader.read(p, EdgeListReader.Options.defaults().withLenient(true));
        assertEquals(4, r.stats().rowsIn());
        assertEquals(1, r.stats().rowsRead());
        assertEquals(3, r.stats().rowsRejected());
        assertEquals("negative weight", r.stats().rejected().get(1).reason());
        Path missing = dir.resolve("m.csv");
        Files.writeString(missing, "src,dst\n1,2\n");
        assertTrue(assertThrows(InputException.class, () -> EdgeListReader.read(missing)).getMessage()
                .contains("missing required column 'source'"));
    }
}
