package org.parcelnet.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one read: rows in = rows read + rows rejected, always.
 *
 * @param file           the file as given
 * @param rowsIn         data rows seen (header excluded, blank lines not counted)
 * @param rowsRead       rows kept
 * @param rejected       the rejected rows in file order
 */
public record ReadStats(String file, long rowsIn, long rowsRead, List<RejectedRow> rejected) {

    public ReadStats {
        rejected = List.copyOf(rejected);
        if (rowsIn != rowsRead + rejected.size()) {
            throw new IllegalStateException("row accounting broken: " + rowsIn + " != " + rowsRead + " + " + rejected.size());
        }
    }

    /** Number of rejected rows. */
    public long rowsRejected() {
        return rejected.size();
    }

    /** Rejected rows counted by reason, reasons sorted. */
    public Map<String, Long> rejectsByReason() {
        Map<String, Long> m = new TreeMap<>();
        for (RejectedRow r : rejected) {
            m.merge(r.reason(), 1L, Long::sum);
        }
        return Collections.unmodifiableMap(m);
    }

    /** One line: {@code file: N rows in, R read, J rejected (reason: n, ...)}. */
    public String summaryLine() {
        StringBuilder sb = new StringBuilder();
        sb.append(file).append(": ").append(rowsIn).append(" rows in, ").append(rowsRead).append(" read, ")
                .append(rowsRejected()).append(" rejected");
        if (!rejected.isEmpty()) {
            sb.append(" (");
            boolean first = true;
            for (Map.Entry<String, Long> e : rejectsByReason().entrySet()) {
                if (!first) {
                    sb.append("; ");
                }
                sb.append(e.getKey()).append(": ").append(e.getValue());
                first = false;
            }
            sb.append(')');
        }
        return sb.toString();
    }

    /** Writes {@code line,column,reason,value} rows atomically. */
    public void writeRejects(Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write("line,column,reason,value\n");
            for (RejectedRow r : rejected) {
                w.write(Long.toString(r.line()));
                w.write(',');
                w.write(Integer.toString(r.column()));
                w.write(',');
                w.write(Csv.quote(r.reason()));
                w.write(',');
                w.write(r.value() == null ? "" : Csv.quote(r.value()));
                w.write('\n');
            }
        });
    }
}
