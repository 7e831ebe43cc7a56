package org.parcelnet.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Counts of one read: rows in = rows read + rows rejected, always. The rejected rows themselves
 * are on disk ({@link RejectSpool}); only their counts by reason are in memory.
 */
public final class ReadStats {

    private final String file;
    private final long rowsIn;
    private final long rowsRead;
    private final RejectSpool rejects;

    /**
     * @param file     the file as given
     * @param rowsIn   data rows seen (header excluded, blank lines not counted)
     * @param rowsRead rows kept
     * @param rejects  the rejected rows
     */
    public ReadStats(String file, long rowsIn, long rowsRead, RejectSpool rejects) {
        if (rowsIn != rowsRead + rejects.count()) {
            throw new IllegalStateException("row accounting broken: " + rowsIn + " != " + rowsRead + " + " + rejects.count());
        }
        this.file = file;
        this.rowsIn = rowsIn;
        this.rowsRead = rowsRead;
        this.rejects = rejects;
        rejects.flush();
    }

    /** Counts with the rejected rows given as a list (spooled like a reader's). */
    public ReadStats(String file, long rowsIn, long rowsRead, List<RejectedRow> rejected) {
        this(file, rowsIn, rowsRead, spool(rejected));
    }

    private static RejectSpool spool(List<RejectedRow> rows) {
        RejectSpool s = new RejectSpool();
        rows.forEach(s::add);
        return s;
    }

    /** The file as given. */
    public String file() {
        return file;
    }

    /** Data rows seen. */
    public long rowsIn() {
        return rowsIn;
    }

    /** Rows kept. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Number of rejected rows. */
    public long rowsRejected() {
        return rejects.count();
    }

    /**
     * The rejected rows in file order, read back from disk (the whole list in memory: for tests and
     * small files; {@link #writeRejects} streams).
     */
    public List<RejectedRow> rejected() {
        return rejects.readBack();
    }

    /** Rejected rows counted by reason, reasons sorted. */
    public Map<String, Long> rejectsByReason() {
        return rejects.byReason();
    }

    /** One line: {@code file: N rows in, R read, J rejected (reason: n, ...)}. */
    public String summaryLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(String.format(java.util.Locale.ROOT, "%,d rows in, %,d read, %,d rejected",
                rowsIn, rowsRead, rowsRejected()));
        if (rowsRejected() > 0) {
            sb.append(" (");
            boolean first = true;
            for (Map.Entry<String, Long> e : rejectsByReason().entrySet()) {
                if (!first) {
                    sb.append("; ");
                }
                sb.append(e.getKey()).append(": ").append(String.format(java.util.Locale.ROOT, "%,d", e.getValue()));
                first = false;
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /**
     * Writes {@code line,column,reason,value} rows atomically, copied from the spool. Text cells are
     * spreadsheet-safe ({@link Csv#cell}).
     */
    public void writeRejects(Path target) throws IOException {
        rejects.writeTo(target);
    }

    @Override
    public String toString() {
        return summaryLine();
    }
}
