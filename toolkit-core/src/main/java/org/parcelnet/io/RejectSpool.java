package org.parcelnet.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Rejected rows of one read, streamed to a temporary file as they come: memory holds only the
 * counts by reason, so a file of millions of bad rows reads in the same heap as a clean one. The
 * spool is already in the {@code rejects.csv} format ({@link #HEADER}, values through
 * {@link Csv#cell}), so writing the rejects is a copy. The temporary file is created on the first
 * reject (in the JVM's temporary folder, owner-only) and removed when the JVM exits.
 */
public final class RejectSpool {

    /** Header of the rejects file. */
    public static final String HEADER = "line,column,reason,value";

    private final Map<String, Long> byReason = new TreeMap<>();
    private long count;
    private Path file;
    private Writer out;

    /** Appends one rejected row. */
    public void add(RejectedRow r) {
        try {
            if (out == null) {
                file = Files.createTempFile("parcelnet-rejects-", ".csv");
                file.toFile().deleteOnExit();
                out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
                out.write(HEADER);
                out.write('\n');
            }
            out.write(Long.toString(r.line()));
            out.write(',');
            out.write(Integer.toString(r.column()));
            out.write(',');
            out.write(Csv.cell(r.reason()));
            out.write(',');
            out.write(r.value() == null ? "" : Csv.cell(r.value()));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("could not spool rejected rows to " + file, e);
        }
        byReason.merge(r.reason(), 1L, Long::sum);
        count++;
    }

    /** Rows added. */
    public long count() {
        return count;
    }

    /** Counts by reason, reasons sorted. */
    public Map<String, Long> byReason() {
        return Collections.unmodifiableMap(new TreeMap<>(byReason));
    }

    /** Flushes the spool (further rows may still be added). */
    void flush() {
        if (out != null) {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("could not spool rejected rows to " + file, e);
            }
        }
    }

    /** Writes the rejects file ({@link #HEADER} and one row per reject, in the order added) atomically. */
    public void writeTo(Path target) throws IOException {
        flush();
        if (file == null) {
            AtomicFiles.writeString(target, HEADER + "\n");
        } else {
            AtomicFiles.write(target, o -> Files.copy(file, o));
        }
    }

    /**
     * The rejected rows read back from the spool, in the order added. Reads the whole spool into
     * memory: for tests and small reads.
     */
    public List<RejectedRow> readBack() {
        flush();
        List<RejectedRow> rows = new ArrayList<>();
        if (file == null) {
            return rows;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(Csv.FORMAT.builder().setTrim(false).get()).get()) {
            boolean header = true;
            for (CSVRecord rec : p) {
                if (header) {
                    header = false;
                    continue;
                }
                String value = rec.get(3);
                rows.add(new RejectedRow(Long.parseLong(rec.get(0)), Integer.parseInt(rec.get(1)), Csv.uncell(rec.get(2)),
                        value.isEmpty() ? null : Csv.uncell(value)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Deletes the temporary file (the counts stay). */
    public void discard() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary file: removed at exit anyway
        }
        out = null;
        file = null;
    }
}
