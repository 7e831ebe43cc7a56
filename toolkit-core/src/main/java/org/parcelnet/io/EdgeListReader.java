package org.parcelnet.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.parcelnet.graph.CompactGraphBuilder;
import org.parcelnet.graph.IdMap;
import org.parcelnet.graph.LabeledGraph;
import org.parcelnet.progress.ProgressListener;

/**
 * Reads a generic edge list, {@code source,target[,weight]} with a header row (column names
 * configurable), into a {@link LabeledGraph}. Node ids are strings, numbered in first-seen order;
 * a missing weight column means weight 1; parallel edges are merged by summing weights; self loops
 * are kept unless {@link Options#dropSelfLoops()}.
 *
 * <p>Bad rows (wrong column count, empty node id, weight not a finite number ≥ 0, invalid UTF-8)
 * stop a strict read with file:line:column, or are counted in lenient mode. Cost: one pass plus a
 * {@link CompactGraphBuilder} build, O(n + m).
 */
public final class EdgeListReader {

    /**
     * @param sourceColumn  header name of the tail column
     * @param targetColumn  header name of the head column
     * @param weightColumn  header name of the weight column (used when present in the header)
     * @param directed      whether edges have a direction
     * @param dropSelfLoops discard {@code u,u} rows (they are counted as rejected with that reason)
     * @param lenient       reject bad rows instead of stopping
     * @param progress      receives bytes read
     */
    public record Options(String sourceColumn, String targetColumn, String weightColumn, boolean directed,
                          boolean dropSelfLoops, boolean lenient, ProgressListener progress) {
        public Options {
            Objects.requireNonNull(sourceColumn, "sourceColumn");
            Objects.requireNonNull(targetColumn, "targetColumn");
            Objects.requireNonNull(weightColumn, "weightColumn");
            Objects.requireNonNull(progress, "progress");
        }

        /** {@code source,target,weight}, undirected, strict. */
        public static Options defaults() {
            return new Options("source", "target", "weight", false, false, false, ProgressListener.NONE);
        }

        public Options withDirected(boolean v) {
            return new Options(sourceColumn, targetColumn, weightColumn, v, dropSelfLoops, lenient, progress);
        }

        public Options withColumns(String source, String target, String weight) {
            return new Options(source, target, weight, directed, dropSelfLoops, lenient, progress);
        }

        public Options withDropSelfLoops(boolean v) {
            return new Options(sourceColumn, targetColumn, weightColumn, directed, v, lenient, progress);
        }

        public Options withLenient(boolean v) {
            return new Options(sourceColumn, targetColumn, weightColumn, directed, dropSelfLoops, v, progress);
        }

        public Options withProgress(ProgressListener v) {
            return new Options(sourceColumn, targetColumn, weightColumn, directed, dropSelfLoops, lenient, v);
        }
    }

    /** The graph and the read's counts. */
    public record Result(LabeledGraph graph, ReadStats stats) {
    }

    private EdgeListReader() {
    }

    /** Reads an undirected edge list with default column names. */
    public static Result read(Path file) throws IOException {
        return read(file, Options.defaults());
    }

    /**
     * Reads an edge list. Plain files without quote characters take the byte-level path
     * ({@code FastEdgeListReader}: one region per available core); gzipped or quoted files the Commons
     * CSV path. Both give the same graph, node numbering, counts, rejects and errors.
     */
    public static Result read(Path file, Options options) throws IOException {
        return read(file, options, Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #read(Path, Options)} with {@code threads} region threads for the byte-level path. */
    public static Result read(Path file, Options options, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Result fast = FastEdgeListReader.read(file, options, threads, Long.MAX_VALUE, FastEdgeListReader.BLOCK_BYTES);
        return fast != null ? fast : readWithCommonsCsv(file, options);
    }

    /** The general path: Commons CSV over a decoded character stream (gzip, RFC 4180 quoting). */
    static Result readWithCommonsCsv(Path file, Options options) throws IOException {
        String name = file.toString();
        Csv.Opened opened = Csv.openChecked(name, () -> Csv.open(file));
        options.progress().begin("read " + file.getFileName(), opened.fileBytes());
        try (CSVParser parser = CSVParser.builder().setReader(opened.reader()).setFormat(Csv.FORMAT).get()) {
            return readAll(name, options, parser, opened);
        } catch (UncheckedIOException e) {
            throw Csv.inputError(name, e.getCause(), 0);
        } finally {
            options.progress().end();
        }
    }

    private static Result readAll(String name, Options o, CSVParser parser, Csv.Opened opened) {
        Iterator<CSVRecord> it = parser.iterator();
        if (!it.hasNext()) {
            throw new InputException(name, "empty file: no header row");
        }
        CSVRecord header = it.next();
        int[] cols = headerColumns(name, header.toList(), o);
        int src = cols[0];
        int dst = cols[1];
        int wcol = cols[2];
        int width = header.size();
        IdMap<String> ids = new IdMap<>();
        CompactGraphBuilder b = CompactGraphBuilder.of(o.directed(), 0);
        RejectSpool rejected = new RejectSpool();
        long rowsIn = 0;
        long read = 0;
        long lastLine = parser.getCurrentLineNumber();
        long reported = 0;
        while (it.hasNext()) {
            CSVRecord r = it.next();
            long end = parser.getCurrentLineNumber();
            long line = Math.max(lastLine + 1, end - Csv.innerLineBreaks(r));
            lastLine = end;
            rowsIn++;
            RejectedRow bad = null;
            if (r.size() != width) {
                bad = new RejectedRow(line, 0, "wrong column count: expected " + width + ", got " + r.size(), null);
            } else {
                for (int i = 0; i < width && bad == null; i++) {
                    if (r.get(i).indexOf('\uFFFD') >= 0) {
                        bad = new RejectedRow(line, i + 1, "invalid UTF-8 bytes", null);
                    }
                }
            }
            String s = null;
            String t = null;
            double w = 1.0;
            if (bad == null) {
                s = r.get(src).trim();
                t = r.get(dst).trim();
                if (s.isEmpty()) {
                    bad = new RejectedRow(line, src + 1, "empty " + o.sourceColumn(), null);
                } else if (t.isEmpty()) {
                    bad = new RejectedRow(line, dst + 1, "empty " + o.targetColumn(), null);
                } else if (wcol >= 0) {
                    String wt = r.get(wcol).trim();
                    if (!wt.isEmpty()) {
                        try {
                            w = Double.parseDouble(wt);
                            if (Double.isNaN(w) || Double.isInfinite(w)) {
                                bad = new RejectedRow(line, wcol + 1, "weight is not a finite number", wt);
                            } else if (w < 0) {
                                bad = new RejectedRow(line, wcol + 1, "negative weight", wt);
                            }
                        } catch (NumberFormatException e) {
                            bad = new RejectedRow(line, wcol + 1, "weight is not a number", wt);
                        }
                    }
                }
                if (bad == null && o.dropSelfLoops() && s.equals(t)) {
                    bad = new RejectedRow(line, 0, "self loop dropped (--drop-self-loops)", null);
                }
            }
            if (bad != null) {
                if (!o.lenient() && !bad.reason().startsWith("self loop dropped")) {
                    throw new InputException(name, bad.line(), bad.column(), bad.reason(), bad.value());
                }
                rejected.add(bad);
            } else {
                b.addEdge(ids.intern(s), ids.intern(t), w);
                read++;
            }
            if ((rowsIn & 0x3FFF) == 0) {
                long bytes = opened.counter().count();
                o.progress().advance(bytes - reported);
                reported = bytes;
                o.progress().checkCancelled();
            }
        }
        b.ensureNodes(ids.size());
        return new Result(new LabeledGraph(b.build(), ids), new ReadStats(name, rowsIn, read, rejected));
    }

    /**
     * The source, target and weight (-1 when absent) column indexes of a header row whose cells are
     * already trimmed; a byte-order mark before the first name is ignored.
     */
    static int[] headerColumns(String file, List<String> header, Options o) {
        List<String> known = List.of(o.sourceColumn(), o.targetColumn(), o.weightColumn());
        List<String> first = new ArrayList<>();
        for (String h : header) {
            first.add(h.replace("\uFEFF", ""));
        }
        if (!Csv.looksLikeHeader(first, known)) {
            // A file without a header row has a data row here (node ids may be phones): never echo it.
            throw new InputException(file, 1, 0, "missing required column '" + o.sourceColumn() + "'; "
                    + Csv.describeHeader(first, known), null);
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).trim();
            if (i == 0 && h.startsWith("\uFEFF")) {
                h = h.substring(1);
            }
            if (index.putIfAbsent(h, i) != null) {
                throw new InputException(file, 1, i + 1, "duplicate column name '" + h + "'", null);
            }
        }
        int src = column(file, index, o.sourceColumn(), header);
        int dst = column(file, index, o.targetColumn(), header);
        Integer wc = index.get(o.weightColumn());
        return new int[] {src, dst, wc == null ? -1 : wc};
    }

    private static int column(String file, Map<String, Integer> index, String wanted, List<String> header) {
        Integer i = index.get(wanted);
        if (i == null) {
            throw new InputException(file, 1, 0, "missing required column '" + wanted + "'; header has: "
                    + String.join(", ", header), null);
        }
        return i;
    }
}
