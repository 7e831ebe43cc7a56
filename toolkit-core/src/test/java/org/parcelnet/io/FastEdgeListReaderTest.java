package org.parcelnet.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parcelnet.graph.CompactGraph;
import org.parcelnet.graph.LabeledGraph;

/**
 * The byte-level reader against the Commons CSV reader (the reference) on seeded messy files: the same
 * graph arc by arc, the same node numbering, the same counts and rejected rows in lenient mode, and the
 * same first error in strict mode, with regions and read blocks small enough that region boundaries
 * and block ends fall inside and between every kind of line.
 */
class FastEdgeListReaderTest {

    @TempDir
    Path dir;

    private static final String[] WEIGHTS = {"1", "2", "0.5", "3.25", "10", "0", "007", "1e3", "-2", "NaN", "Infinity",
        "abc", "", " 4 ", "0x1p3", "1.5f", "2d", ".5", "5.", "-0", "+3", "0.1", "123456789012345.5",
        "1234567890123456", "0.30000000000000004", "1.0000000000000000000001", "9007199254740993", "1e400", "--1",
        "1.2.3", "\t6\t", "4.9e-324", "0.0000000000000000000001", "0.00000000000000000000001"};

    private static final String[] IDS = {"0", "1", "2", "17", "007", "00", "-5", "+5", "123456789012345678",
        "1234567890123456789", "99999999999999999999", "a", "b", "node-3", "北京", "上海", "n1", "1a", "1 2", " 3",
        "4 ", "\t5", "x\uFFFDy", "1.0", "5", "6", "7", "8", "9", "10", "11", "12"};

    /** A seeded messy edge list: the bytes of the whole file. */
    private static byte[] messyFile(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] breaks = {"\n", "\r\n", "\r"};
        String nl = breaks[r.nextInt(3)];
        if (r.nextInt(4) == 0) {
            write(out, "\uFEFF");
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            write(out, nl); // blank lines before the header
        }
        int layout = r.nextInt(4);
        String header = switch (layout) {
            case 0 -> "source,target,weight";
            case 1 -> " target , source ,weight, note";
            case 2 -> "source,target";
            default -> "note,source,weight,target";
        };
        write(out, header);
        int width = header.split(",", -1).length;
        int rows = 1 + r.nextInt(120);
        for (int i = 0; i < rows; i++) {
            write(out, r.nextInt(10) == 0 ? breaks[r.nextInt(3)] : nl);
            int kind = r.nextInt(40);
            if (kind == 0) {
                continue; // blank line
            } else if (kind == 1) {
                write(out, "   "); // white space only: one empty field
                continue;
            } else if (kind == 2) {
                write(out, "a,b,c,d,e"); // wrong width (for most layouts)
                continue;
            } else if (kind == 3) {
                out.write(0xE4); // invalid UTF-8 in a field
                out.write(',');
                write(out, "x".repeat(width > 2 ? 1 : 1));
                for (int c = 2; c < width; c++) {
                    write(out, ",1");
                }
                continue;
            }
            String[] cells = new String[width];
            for (int c = 0; c < width; c++) {
                cells[c] = "n" + r.nextInt(5);
            }
            String s = r.nextInt(3) == 0 ? IDS[r.nextInt(IDS.length)] : Integer.toString(r.nextInt(30));
            String t = r.nextInt(3) == 0 ? IDS[r.nextInt(IDS.length)] : Integer.toString(r.nextInt(30));
            if (r.nextInt(15) == 0) {
                t = s;
            }
            if (r.nextInt(30) == 0) {
                s = "";
            }
            String w = r.nextInt(2) == 0 ? Integer.toString(1 + r.nextInt(5)) : WEIGHTS[r.nextInt(WEIGHTS.length)];
            switch (layout) {
                case 0 -> {
                    cells[0] = s;
                    cells[1] = t;
                    cells[2] = w;
                }
                case 1 -> {
                    cells[1] = s;
                    cells[0] = t;
                    cells[2] = w;
                }
                case 2 -> {
                    cells[0] = s;
                    cells[1] = t;
                }
                default -> {
                    cells[1] = s;
                    cells[3] = t;
                    cells[2] = w;
                }
            }
            write(out, String.join(",", cells));
        }
        if (r.nextBoolean()) {
            write(out, nl);
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sameAsCommonsCsvOnSeededMessyFiles() throws IOException {
        Path p = dir.resolve("edges.csv");
        int fastReads = 0;
        for (long seed = 1; seed <= 250; seed++) {
            Files.write(p, messyFile(seed));
            SplittableRandom r = new SplittableRandom(seed * 31);
            for (boolean lenient : new boolean[] {true, false}) {
                EdgeListReader.Options o = EdgeListReader.Options.defaults().withLenient(lenient)
                        .withDirected(seed % 3 == 0).withDropSelfLoops(seed % 5 == 0);
                Outcome want = outcome(() -> EdgeListReader.readWithCommonsCsv(p, o));
                int threads = 1 + r.nextInt(3);
                long region = 1 + r.nextInt(64);
                int block = 1 + r.nextInt(24);
                Outcome got = outcome(() -> FastEdgeListReader.read(p, o, threads, region, block));
                assertNotNull(got, "seed " + seed + ": no quotes, so the fast path must read it");
                assertSame(want, got, "seed " + seed + " lenient " + lenient + " threads " + threads + " region "
                        + region + " block " + block);
                Outcome whole = outcome(() -> FastEdgeListReader.read(p, o, 2, Long.MAX_VALUE, 1 << 20));
                assertSame(want, whole, "seed " + seed + " lenient " + lenient + " default regions");
                fastReads++;
            }
        }
        assertEquals(500, fastReads);
    }

    @Test
    void lastLineWithoutBreakAfterBlankLines() throws IOException {
        Path p = dir.resolve("tail.csv");
        for (String text : new String[] {"source,target\na,b\n\nc,\n", "source,target\na,b\n\n\nc,", "source,target\r\n\r\n,x",
            "source,target\ra,b\r\r c ,", "\n\nsource,target\n\n1,", "source,target\n1,2\n   "}) {
            Files.writeString(p, text);
            for (boolean lenient : new boolean[] {true, false}) {
                EdgeListReader.Options o = EdgeListReader.Options.defaults().withLenient(lenient);
                Outcome want = outcome(() -> EdgeListReader.readWithCommonsCsv(p, o));
                for (int block = 1; block < 6; block++) {
                    Outcome got = outcome(() -> FastEdgeListReader.read(p, o, 2, 3, 1));
                    assertSame(want, got, text.replace("\n", "\\n").replace("\r", "\\r") + " " + lenient);
                }
            }
        }
    }

    @Test
    void quotedFilesGoToCommonsCsv() throws IOException {
        Path p = dir.resolve("quoted.csv");
        Files.writeString(p, "source,target\n1,2\n\"a,b\",3\n");
        assertNull(FastEdgeListReader.read(p, EdgeListReader.Options.defaults(), 2, 4, 3));
        LabeledGraph g = EdgeListReader.read(p).graph();
        assertEquals("a,b", g.label(2));
        Path h = dir.resolve("quoted-header.csv");
        Files.writeString(h, "\"source\",target\n1,2\n");
        assertNull(FastEdgeListReader.read(h, EdgeListReader.Options.defaults(), 1, 100, 100));
        assertEquals(2, EdgeListReader.read(h).graph().graph().nodeCount());
    }

    @Test
    void decimalsAreExact() {
        String[] values = {"0", "1", "0.1", "0.2", "0.3", "123456789012345", "12345678901234.5", "0.000000000000001",
            "3.14159265358979", "999999999999999", "1.5", "100.25", "0.000001", "5.", ".5"};
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.US_ASCII);
            assertEquals(Double.parseDouble(v), FastEdgeListReader.decimal(b, 0, b.length), v);
        }
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < 200_000; i++) {
            int digits = 1 + r.nextInt(15);
            StringBuilder sb = new StringBuilder();
            for (int d = 0; d < digits; d++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            int point = r.nextInt(digits + 1);
            sb.insert(point, '.');
            String v = sb.toString();
            byte[] b = v.getBytes(StandardCharsets.US_ASCII);
            double want = Double.parseDouble(v);
            assertEquals(Double.doubleToRawLongBits(want), Double.doubleToRawLongBits(FastEdgeListReader.decimal(b, 0, b.length)), v);
        }
        byte[] e = "1e3".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Double.NaN, FastEdgeListReader.decimal(e, 0, e.length), "exponents are left to Double.parseDouble");
    }

    @Test
    void canonicalIdsOnly() {
        assertEquals(0, canonical("0"));
        assertEquals(120, canonical("120"));
        assertEquals(999_999_999_999_999_999L, canonical("999999999999999999"));
        assertEquals(-1, canonical("007"));
        assertEquals(-1, canonical("1234567890123456789"), "19 digits: kept as text");
        assertEquals(-1, canonical("-1"));
        assertEquals(-1, canonical("1a"));
    }

    private static long canonical(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return FastEdgeListReader.canonical(b, 0, b.length);
    }

    private interface Read {
        EdgeListReader.Result read() throws IOException;
    }

    /** A read's result or its error message. */
    private record Outcome(EdgeListReader.Result result, String error) {
    }

    private static Outcome outcome(Read read) throws IOException {
        try {
            EdgeListReader.Result r = read.read();
            return r == null ? null : new Outcome(r, null);
        } catch (InputException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    private static void assertSame(Outcome want, Outcome got, String where) {
        assertEquals(want.error(), got.error(), where);
        if (want.error() != null) {
            return;
        }
        ReadStats ws = want.result().stats();
        ReadStats gs = got.result().stats();
        assertEquals(ws.rowsIn(), gs.rowsIn(), where + " rows in");
        assertEquals(ws.rowsRead(), gs.rowsRead(), where + " rows read");
        assertEquals(ws.rejected(), gs.rejected(), where + " rejects");
        LabeledGraph wg = want.result().graph();
        LabeledGraph gg = got.result().graph();
        assertEquals(wg.ids().ids(), gg.ids().ids(), where + " node order");
        assertSameGraph(wg.graph(), gg.graph(), where);
        for (String id : wg.ids().ids()) {
            assertEquals(wg.node(id), gg.node(id), where + " lookup " + id);
        }
    }

    static void assertSameGraph(CompactGraph a, CompactGraph b, String where) {
        assertEquals(a.isDirected(), b.isDirected(), where);
        assertEquals(a.nodeCount(), b.nodeCount(), where + " nodes");
        assertEquals(a.edgeCount(), b.edgeCount(), where + " edges");
        assertEquals(a.arcCount(), b.arcCount(), where + " arcs");
        assertEquals(a.isWeighted(), b.isWeighted(), where + " weighted");
        assertEquals(a.totalWeight(), b.totalWeight(), 0.0, where + " total weight");
        for (int v = 0; v < a.nodeCount(); v++) {
            assertEquals(a.outStart(v), b.outStart(v), where);
            assertEquals(a.outEnd(v), b.outEnd(v), where);
            assertEquals(a.inStart(v), b.inStart(v), where);
            assertEquals(a.inEnd(v), b.inEnd(v), where);
        }
        for (int i = 0; i < a.arcCount(); i++) {
            assertEquals(a.target(i), b.target(i), where);
            assertEquals(a.weight(i), b.weight(i), 0.0, where);
            assertEquals(a.source(i), b.source(i), where);
            assertEquals(a.inWeight(i), b.inWeight(i), 0.0, where);
        }
    }
}
